// SPDX-License-Identifier: MIT
// Field readers over toml++ tables, with "file:line" locations. See toml_fields.h.
#include "care/internal/toml_fields.h"

#include <fmt/format.h>

#include <utility>

namespace stride::care::internal {
namespace {

using core::ErrorCode;

tl::unexpected<core::Error> FailAt(std::string_view file, const toml::node& node, std::string message) {
  return Fail(ErrorCode::kCorruptData, std::move(message), Where(file, node));
}

template <class T>
Result<std::optional<T>> OptionalNumber(const toml::table& table, std::string_view key, std::string_view file,
                                        std::string_view what, const char* type_name) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::optional<T>{};
  std::optional<T> value = node->value<T>();
  if (!value) return FailAt(file, *node, fmt::format("{}: {} must be {}", what, key, type_name));
  return value;
}

Result<std::vector<Region>> ReadTargets(const toml::table& table, std::string_view file, std::string_view what) {
  auto names = StringArray(table, "targets", file, what);
  if (!names) return Fail(names.error());
  std::vector<Region> targets;
  for (const std::string& name : *names) {
    std::optional<Region> region = ParseRegion(name);
    if (!region) return FailAt(file, *table.get("targets"), fmt::format("{}: unknown region '{}'", what, name));
    targets.push_back(*region);
  }
  return targets;
}

template <class Enum>
Result<Enum> ReadEnum(const toml::table& table, std::string_view key, std::string_view file, std::string_view what,
                      std::optional<Enum> (*parse)(std::string_view), std::optional<Enum> fallback) {
  auto text = OptionalString(table, key, file, what);
  if (!text) return Fail(text.error());
  if (!*text) {
    if (fallback) return *fallback;
    return FailAt(file, table, fmt::format("{}: missing {}", what, key));
  }
  std::optional<Enum> value = parse(**text);
  if (!value) return FailAt(file, *table.get(key), fmt::format("{}: unknown {} '{}'", what, key, **text));
  return *value;
}

// Reads the fields shared by exercises and routines: source, evidence, why.
Status ReadProvenance(const toml::table& table, std::string_view file, std::string_view what, std::string& source,
                      Evidence& evidence, std::string& why) {
  auto src = OptionalString(table, "source", file, what);
  if (!src) return Fail(src.error());
  if (*src) source = **src;
  auto ev = ReadEnum<Evidence>(table, "evidence", file, what, &ParseEvidence, Evidence::kUnconfirmed);
  if (!ev) return Fail(ev.error());
  evidence = *ev;
  auto text = OptionalString(table, "why", file, what);
  if (!text) return Fail(text.error());
  if (*text) why = **text;
  return Ok();
}

}  // namespace

std::string Where(std::string_view file, const toml::node& node) {
  const auto line = node.source().begin.line;
  if (line == 0) return std::string(file);
  return fmt::format("{}:{}", file, line);
}

Result<toml::table> ParseToml(std::string_view text, std::string_view file) {
  try {
    return toml::parse(text, std::string(file));
  } catch (const toml::parse_error& error) {
    return Fail(ErrorCode::kCorruptData, fmt::format("invalid TOML: {}", error.description()),
                fmt::format("{}:{}:{}", file, error.source().begin.line, error.source().begin.column));
  }
}

Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view file,
                 std::string_view what) {
  for (auto&& [key, node] : table) {
    bool known = false;
    for (std::string_view name : allowed) known = known || key.str() == name;
    if (!known) return FailAt(file, node, fmt::format("{}: unknown key '{}'", what, key.str()));
  }
  return Ok();
}

Result<std::optional<std::string>> OptionalString(const toml::table& table, std::string_view key,
                                                  std::string_view file, std::string_view what) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return std::optional<std::string>{};
  if (!node->is_string()) return FailAt(file, *node, fmt::format("{}: {} must be a string", what, key));
  return std::optional<std::string>(node->as_string()->get());
}

Result<std::string> RequiredString(const toml::table& table, std::string_view key, std::string_view file,
                                   std::string_view what) {
  auto value = OptionalString(table, key, file, what);
  if (!value) return Fail(value.error());
  if (!*value || (*value)->empty()) return FailAt(file, table, fmt::format("{}: missing {}", what, key));
  return **value;
}

Result<std::vector<std::string>> StringArray(const toml::table& table, std::string_view key, std::string_view file,
                                             std::string_view what) {
  std::vector<std::string> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) return FailAt(file, *node, fmt::format("{}: {} must be an array of strings", what, key));
  for (const toml::node& element : *array) {
    if (!element.is_string()) {
      return FailAt(file, element, fmt::format("{}: {} must be an array of strings", what, key));
    }
    out.push_back(element.as_string()->get());
  }
  return out;
}

Result<std::optional<int>> OptionalInt(const toml::table& table, std::string_view key, std::string_view file,
                                       std::string_view what) {
  return OptionalNumber<int>(table, key, file, what, "an integer");
}

Result<Dose> ReadDose(const toml::table& table, std::string_view file, std::string_view what) {
  Dose dose;
  const toml::node* node = table.get("dose");
  if (node == nullptr) return dose;
  const toml::table* d = node->as_table();
  if (d == nullptr) return FailAt(file, *node, fmt::format("{}: dose must be a table", what));
  std::string dose_what = fmt::format("{} dose", what);
  if (auto s = CheckKeys(*d, {"seconds", "reps", "sets", "minutes", "temperature_c", "per_side"}, file, dose_what);
      !s) {
    return Fail(s.error());
  }
  auto seconds = OptionalInt(*d, "seconds", file, dose_what);
  auto reps = OptionalInt(*d, "reps", file, dose_what);
  auto sets = OptionalInt(*d, "sets", file, dose_what);
  auto minutes = OptionalNumber<double>(*d, "minutes", file, dose_what, "a number");
  auto temperature = OptionalNumber<double>(*d, "temperature_c", file, dose_what, "a number");
  auto per_side = OptionalNumber<bool>(*d, "per_side", file, dose_what, "true or false");
  for (const core::Error* e : {seconds ? nullptr : &seconds.error(), reps ? nullptr : &reps.error(),
                               sets ? nullptr : &sets.error(), minutes ? nullptr : &minutes.error(),
                               temperature ? nullptr : &temperature.error(), per_side ? nullptr : &per_side.error()}) {
    if (e != nullptr) return Fail(*e);
  }
  dose.seconds = *seconds;
  dose.reps = *reps;
  dose.sets = *sets;
  dose.minutes = *minutes;
  dose.temperature_c = *temperature;
  dose.per_side = per_side->value_or(false);
  for (const std::optional<int>* v : {&dose.seconds, &dose.reps, &dose.sets}) {
    if (*v && **v <= 0) return FailAt(file, *node, fmt::format("{}: dose values must be positive", what));
  }
  if (dose.minutes && *dose.minutes <= 0) {
    return FailAt(file, *node, fmt::format("{}: dose values must be positive", what));
  }
  return dose;
}

std::string Describe(std::string_view noun, const toml::table& table) {
  const toml::node* id = table.get("id");
  if (id != nullptr && id->is_string()) return fmt::format("{} '{}'", noun, id->as_string()->get());
  return fmt::format("{} at line {}", noun, table.source().begin.line);
}

Result<Exercise> ReadExercise(const toml::table& table, std::string_view file, std::string_view default_source) {
  const std::string what = Describe("exercise", table);
  if (auto s = CheckKeys(table,
                         {"id", "name", "kind", "targets", "instructions", "cues", "dose", "equipment",
                          "contraindications", "easier", "harder", "source", "evidence", "why"},
                         file, what);
      !s) {
    return Fail(s.error());
  }
  Exercise e;
  e.origin = Where(file, table);
  auto id = RequiredString(table, "id", file, what);
  if (!id) return Fail(id.error());
  e.id = *id;
  auto name = RequiredString(table, "name", file, what);
  if (!name) return Fail(name.error());
  e.name = *name;
  auto kind = ReadEnum<ItemKind>(table, "kind", file, what, &ParseItemKind, std::nullopt);
  if (!kind) return Fail(kind.error());
  e.kind = *kind;
  auto targets = ReadTargets(table, file, what);
  if (!targets) return Fail(targets.error());
  e.targets = std::move(*targets);
  auto dose = ReadDose(table, file, what);
  if (!dose) return Fail(dose.error());
  e.dose = *dose;
  for (auto [key, out] : {std::pair{"instructions", &e.instructions}, std::pair{"cues", &e.cues},
                          std::pair{"equipment", &e.equipment}, std::pair{"contraindications", &e.contraindications}}) {
    auto list = StringArray(table, key, file, what);
    if (!list) return Fail(list.error());
    *out = std::move(*list);
  }
  if (e.equipment.empty()) e.equipment.push_back("none");
  for (auto [key, out] : {std::pair{"easier", &e.easier}, std::pair{"harder", &e.harder}}) {
    auto text = OptionalString(table, key, file, what);
    if (!text) return Fail(text.error());
    *out = text->value_or("");
  }
  if (auto s = ReadProvenance(table, file, what, e.source, e.evidence, e.why); !s) return Fail(s.error());
  if (e.source.empty()) e.source = std::string(default_source);
  return e;
}

Result<RoutineStep> ReadRoutineStep(const toml::node& node, std::string_view file, std::string_view what) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    return FailAt(file, node, fmt::format("{}: each step must be a table like {{ exercise = \"id\" }}", what));
  }
  if (auto s = CheckKeys(*table, {"exercise", "dose"}, file, what); !s) return Fail(s.error());
  RoutineStep step;
  step.origin = Where(file, node);
  auto id = RequiredString(*table, "exercise", file, what);
  if (!id) return Fail(id.error());
  step.exercise_id = *id;
  auto dose = ReadDose(*table, file, fmt::format("{} step '{}'", what, step.exercise_id));
  if (!dose) return Fail(dose.error());
  step.dose = *dose;
  return step;
}

Result<Routine> ReadRoutine(const toml::table& table, std::string_view file) {
  const std::string what = Describe("routine", table);
  if (auto s = CheckKeys(table, {"id", "name", "phase", "steps", "source", "evidence", "why"}, file, what); !s) {
    return Fail(s.error());
  }
  Routine r;
  r.origin = Where(file, table);
  auto id = RequiredString(table, "id", file, what);
  if (!id) return Fail(id.error());
  r.id = *id;
  auto name = RequiredString(table, "name", file, what);
  if (!name) return Fail(name.error());
  r.name = *name;
  auto phase = ReadEnum<RoutinePhase>(table, "phase", file, what, &ParseRoutinePhase, RoutinePhase::kAny);
  if (!phase) return Fail(phase.error());
  r.phase = *phase;
  if (auto s = ReadProvenance(table, file, what, r.source, r.evidence, r.why); !s) return Fail(s.error());
  const toml::node* steps = table.get("steps");
  if (steps == nullptr || steps->as_array() == nullptr || steps->as_array()->empty()) {
    return FailAt(file, steps ? *steps : table, fmt::format("{}: steps must be a non-empty array", what));
  }
  for (const toml::node& node : *steps->as_array()) {
    auto step = ReadRoutineStep(node, file, what);
    if (!step) return Fail(step.error());
    r.steps.push_back(std::move(*step));
  }
  return r;
}

}  // namespace stride::care::internal
