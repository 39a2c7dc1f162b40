// SPDX-License-Identifier: MIT
// Routines use cases: merge the built-in catalogue with stored custom routines, resolve steps for display,
// and add or remove custom routines in one transaction each.
#include "app/routines.h"

#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "care/custom_routine.h"
#include "store/database.h"
#include "store/routine_repository.h"

namespace stride::app {
namespace {

using core::ErrorCode;

// A name within this many edits of a known id is offered as "did you mean".
constexpr size_t kMaxSuggestionDistance = 3;

RoutinePinning PinningOf(const store::StoredRoutine& stored) {
  return {stored.days, stored.injury_id, stored.replace};
}

// Re-parses a stored routine against the built-in catalogue.
Result<care::Routine> ParseStored(const store::StoredRoutine& stored) {
  return care::ParseCustomRoutine(stored.toml_text, stored.file_name, care::BuiltinCatalogue());
}

RoutineSummary Summarize(const care::Routine& routine, bool custom) {
  RoutineSummary s{routine.id, routine.name, routine.phase, custom, routine.steps.size(), {}, {}};
  for (const care::RoutineStep& step : routine.steps) {
    const care::Exercise* e = routine.FindStepExercise(step.exercise_id, care::BuiltinCatalogue());
    if (e != nullptr && std::find(s.kinds.begin(), s.kinds.end(), e->kind) == s.kinds.end()) {
      s.kinds.push_back(e->kind);
    }
  }
  return s;
}

std::string VariantName(const care::Routine& routine, const std::string& id) {
  if (id.empty()) return "";
  const care::Exercise* e = routine.FindStepExercise(id, care::BuiltinCatalogue());
  return e != nullptr ? e->name : id;
}

RoutineDetail Resolve(care::Routine routine, bool custom) {
  RoutineDetail d;
  d.custom = custom;
  for (const care::RoutineStep& step : routine.steps) {
    const care::Exercise* e = routine.FindStepExercise(step.exercise_id, care::BuiltinCatalogue());
    if (e == nullptr) continue;  // validated routines always resolve
    ResolvedStep r{*e, step.dose.Empty() ? e->dose : step.dose, VariantName(routine, e->easier),
                   VariantName(routine, e->harder)};
    d.steps.push_back(std::move(r));
  }
  d.routine = std::move(routine);
  return d;
}

Result<std::vector<std::string>> AllNames(store::Database& db) {
  std::vector<std::string> names;
  for (const care::Routine& r : care::BuiltinCatalogue().routines) names.push_back(r.id);
  auto stored = store::ListCustomRoutines(db);
  if (!stored) return Fail(stored.error());
  for (const store::StoredRoutine& s : *stored) names.push_back(s.name);
  return names;
}

core::Error NotFound(store::Database& db, std::string_view name) {
  std::string message = fmt::format("no routine '{}'", name);
  if (auto names = AllNames(db)) {
    std::string near = NearestName(name, *names);
    if (!near.empty()) message += fmt::format("; did you mean '{}'?", near);
  }
  message += "; run 'stride routine list'";
  return {ErrorCode::kNotFound, message, ""};
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(ErrorCode::kNotFound, "no such file", path.string());
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Fail(ErrorCode::kNotFound, "cannot read the file", path.string());
  return text.str();
}

}  // namespace

std::string NearestName(std::string_view word, const std::vector<std::string>& names) {
  std::string best;
  size_t best_distance = kMaxSuggestionDistance + 1;
  for (const std::string& name : names) {
    if (!word.empty() && name.find(word) != std::string::npos) return name;  // "physio" -> "physio-itb"
  }
  for (const std::string& name : names) {
    size_t d = core::EditDistance(word, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best;
}

Result<std::vector<RoutineSummary>> ListRoutines(store::Database& db) {
  std::vector<RoutineSummary> out;
  for (const care::Routine& r : care::BuiltinCatalogue().routines) out.push_back(Summarize(r, false));
  auto stored = store::ListCustomRoutines(db);
  if (!stored) return Fail(stored.error());
  for (const store::StoredRoutine& s : *stored) {
    auto routine = ParseStored(s);
    if (!routine) return Fail(routine.error());
    out.push_back(Summarize(*routine, true));
    out.back().pinning = PinningOf(s);
  }
  return out;
}

Result<RoutineDetail> GetRoutine(store::Database& db, std::string_view name) {
  if (const care::Routine* builtin = care::BuiltinCatalogue().FindRoutine(name)) return Resolve(*builtin, false);
  auto stored = store::LoadCustomRoutine(db, name);
  if (!stored) return Fail(stored.error());
  if (!stored->has_value()) return Fail(NotFound(db, name));
  auto routine = ParseStored(**stored);
  if (!routine) return Fail(routine.error());
  RoutineDetail d = Resolve(std::move(*routine), true);
  d.file_name = (*stored)->file_name;
  d.pinning = PinningOf(**stored);
  return d;
}

Result<RoutineDetail> AddRoutine(store::Database& db, const AddRoutineRequest& request) {
  auto text = ReadFile(request.path);
  if (!text) return Fail(text.error());
  auto routine = care::ParseCustomRoutine(*text, request.path.string(), care::BuiltinCatalogue());
  if (!routine) return Fail(routine.error());
  const std::string where = request.path.string();
  if (care::BuiltinCatalogue().FindRoutine(routine->id) != nullptr) {
    return Fail(ErrorCode::kConflict,
                fmt::format("routine id '{}' is a built-in routine's; choose another id", routine->id), where);
  }
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto existing = store::LoadCustomRoutine(db, routine->id);
  if (!existing) return Fail(existing.error());
  if (existing->has_value() && !request.force) {
    return Fail(ErrorCode::kConflict,
                fmt::format("a custom routine '{}' exists already; use --force to replace it", routine->id), where);
  }
  store::StoredRoutine stored{routine->id, request.path.filename().string(), *text, request.pinning.injury_id,
                              request.pinning.replace, request.pinning.days};
  std::sort(stored.days.begin(), stored.days.end());
  stored.days.erase(std::unique(stored.days.begin(), stored.days.end()), stored.days.end());
  if (auto s = store::SaveCustomRoutine(db, stored); !s) {
    if (s.error().code == ErrorCode::kConflict && stored.injury_id) {
      return Fail(ErrorCode::kNotFound, fmt::format("no injury {}", *stored.injury_id), "--injury");
    }
    return Fail(s.error());
  }
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  RoutineDetail d = Resolve(std::move(*routine), true);
  d.file_name = stored.file_name;
  d.pinning = PinningOf(stored);
  return d;
}

Status RemoveRoutine(store::Database& db, std::string_view name) {
  if (care::BuiltinCatalogue().FindRoutine(name) != nullptr) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("'{}' is a built-in routine and cannot be removed", name));
  }
  auto deleted = store::DeleteCustomRoutine(db, name);
  if (!deleted) return Fail(deleted.error());
  if (!*deleted) return Fail(NotFound(db, name));
  return Ok();
}

}  // namespace stride::app
