// SPDX-License-Identifier: MIT
// LoadCatalogue and LoadSourceIds: one TOML document into catalogue values (format: docs/care.md).
// Field-level reading lives in internal/toml_fields.cc.
#include <fmt/format.h>

#include <utility>

#include "care/catalogue.h"
#include "care/internal/toml_fields.h"
#include "core/athlete.h"

namespace stride::care {
namespace {

using core::ErrorCode;
using internal::Where;

struct ConditionName {
  const char* name;
  RuleCondition condition;
};
constexpr ConditionName kConditions[] = {
    {"health_flag", RuleCondition::kHealthFlag},
    {"acute_injury_within_hours", RuleCondition::kAcuteInjuryWithinHours},
    {"bone_stress_injury", RuleCondition::kBoneStressInjury},
    {"quality_tomorrow", RuleCondition::kQualityTomorrow},
    {"race_today", RuleCondition::kRaceToday},
    {"race_within_days", RuleCondition::kRaceWithinDays},
    {"strength_today", RuleCondition::kStrengthToday},
};

// The parameter each condition needs, checked so that a rule cannot silently test nothing.
Status CheckRuleParameters(const Rule& rule, std::string_view what) {
  auto fail = [&](const char* problem) {
    return Fail(ErrorCode::kCorruptData, fmt::format("{}: {}", what, problem), rule.origin);
  };
  if (rule.condition == RuleCondition::kHealthFlag && !core::ParseHealthFlag(rule.flag)) {
    return fail("condition health_flag needs a known flag");
  }
  if (rule.condition == RuleCondition::kAcuteInjuryWithinHours && rule.hours <= 0) {
    return fail("condition acute_injury_within_hours needs hours > 0");
  }
  if (rule.condition == RuleCondition::kRaceWithinDays && rule.days <= 0) {
    return fail("condition race_within_days needs days > 0");
  }
  if (rule.note.empty()) return fail("missing note");
  return Ok();
}

Result<RuleCondition> ReadCondition(const toml::table& table, std::string_view file, std::string_view what) {
  auto name = internal::RequiredString(table, "condition", file, what);
  if (!name) return Fail(name.error());
  for (const ConditionName& c : kConditions) {
    if (*name == c.name) return c.condition;
  }
  return Fail(ErrorCode::kCorruptData, fmt::format("{}: unknown condition '{}'", what, *name), Where(file, table));
}

Result<Rule> ReadRule(const toml::table& table, std::string_view file) {
  const std::string what = internal::Describe("rule", table);
  if (auto s = internal::CheckKeys(
          table, {"id", "kinds", "condition", "flag", "hours", "days", "note", "source", "evidence"}, file, what);
      !s) {
    return Fail(s.error());
  }
  Rule rule;
  rule.origin = Where(file, table);
  auto id = internal::RequiredString(table, "id", file, what);
  if (!id) return Fail(id.error());
  rule.id = *id;
  auto condition = ReadCondition(table, file, what);
  if (!condition) return Fail(condition.error());
  rule.condition = *condition;
  auto kinds = internal::StringArray(table, "kinds", file, what);
  if (!kinds) return Fail(kinds.error());
  for (const std::string& name : *kinds) {
    std::optional<ItemKind> kind = ParseItemKind(name);
    if (!kind) return Fail(ErrorCode::kCorruptData, fmt::format("{}: unknown kind '{}'", what, name), rule.origin);
    rule.kinds.push_back(*kind);
  }
  auto flag = internal::OptionalString(table, "flag", file, what);
  auto note = internal::OptionalString(table, "note", file, what);
  auto source = internal::OptionalString(table, "source", file, what);
  auto hours = internal::OptionalInt(table, "hours", file, what);
  auto days = internal::OptionalInt(table, "days", file, what);
  if (!flag || !note || !source || !hours || !days) {
    return Fail(!flag ? flag.error() : !note ? note.error() : !source ? source.error() : !hours ? hours.error()
                                                                                               : days.error());
  }
  rule.flag = flag->value_or("");
  rule.note = note->value_or("");
  rule.source = source->value_or("");
  rule.hours = hours->value_or(0);
  rule.days = days->value_or(0);
  const toml::node* evidence = table.get("evidence");
  if (evidence != nullptr) {
    std::optional<Evidence> ev = ParseEvidence(evidence->value_or(std::string_view{}));
    if (!ev) return Fail(ErrorCode::kCorruptData, fmt::format("{}: unknown evidence mark", what), rule.origin);
    rule.evidence = *ev;
  }
  if (auto s = CheckRuleParameters(rule, what); !s) return Fail(s.error());
  return rule;
}

// Calls `read` for every table of the array `key` and appends the results to `out`.
template <class T, class Reader>
Status ReadTables(const toml::table& root, std::string_view key, std::string_view file, std::vector<T>& out,
                  Reader read) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return Ok();
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    return Fail(ErrorCode::kCorruptData, fmt::format("{} must be written as [[{}]] tables", key, key),
                Where(file, *node));
  }
  for (const toml::node& element : *array) {
    auto item = read(*element.as_table(), file);
    if (!item) return Fail(item.error());
    out.push_back(std::move(*item));
  }
  return Ok();
}

}  // namespace

Result<Catalogue> LoadCatalogue(std::string_view toml_text, std::string_view file_name) {
  auto root = internal::ParseToml(toml_text, file_name);
  if (!root) return Fail(root.error());
  if (auto s = internal::CheckKeys(*root, {"exercise", "routine", "rule", "quality_session_kinds"}, file_name,
                                   "catalogue");
      !s) {
    return Fail(s.error());
  }
  Catalogue catalogue;
  auto read_exercise = [](const toml::table& t, std::string_view f) { return internal::ReadExercise(t, f, ""); };
  if (auto s = ReadTables(*root, "exercise", file_name, catalogue.exercises, read_exercise); !s) return Fail(s.error());
  if (auto s = ReadTables(*root, "routine", file_name, catalogue.routines, &internal::ReadRoutine); !s) {
    return Fail(s.error());
  }
  if (auto s = ReadTables(*root, "rule", file_name, catalogue.rules, &ReadRule); !s) return Fail(s.error());
  auto kinds = internal::StringArray(*root, "quality_session_kinds", file_name, "catalogue");
  if (!kinds) return Fail(kinds.error());
  catalogue.quality_session_kinds = std::move(*kinds);
  return catalogue;
}

Result<std::set<std::string>> LoadSourceIds(std::string_view toml_text, std::string_view file_name) {
  auto root = internal::ParseToml(toml_text, file_name);
  if (!root) return Fail(root.error());
  const toml::table* sources = root->get_as<toml::table>("source");
  if (sources == nullptr) {
    return Fail(ErrorCode::kCorruptData, "missing [source] table", std::string(file_name));
  }
  std::set<std::string> ids;
  for (auto&& [key, node] : *sources) {
    if (!node.is_string() || node.as_string()->get().empty()) {
      return Fail(ErrorCode::kCorruptData, fmt::format("source '{}' needs a short title", key.str()),
                  Where(file_name, node));
    }
    ids.insert(std::string(key.str()));
  }
  return ids;
}

}  // namespace stride::care
