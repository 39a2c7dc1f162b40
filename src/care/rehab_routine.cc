// SPDX-License-Identifier: MIT
// Assembles the rehab routine of the day from catalogue and custom routines (rehab_routine.h).
#include "care/rehab_routine.h"

#include <fmt/format.h>

namespace stride::care {
namespace {

using core::ErrorCode;

constexpr std::string_view kWalkRunExercise = "walk-run-intervals";

Item MakeItem(const Exercise& exercise, const Dose& step_dose, const std::string& routine_id) {
  Item item;
  item.id = exercise.id;
  item.name = exercise.name;
  item.kind = exercise.kind;
  item.targets = exercise.targets;
  item.dose = step_dose.Empty() ? exercise.dose : step_dose;
  item.when = "rehab";
  item.why = exercise.why;
  item.source = exercise.source;
  item.evidence = exercise.evidence;
  item.routine = routine_id;
  return item;
}

class Builder {
 public:
  Builder(const RehabState& state, const Catalogue& catalogue) : state_(state), catalogue_(catalogue) {}

  Status AddRoutine(const Routine& routine);
  Status AddCatalogueRoutine(std::string_view id);
  void AddWalkRun(const WalkRunPhase& phase);
  RehabRoutine Take() { return std::move(out_); }

 private:
  bool Allowed(const Exercise& exercise);

  const RehabState& state_;
  const Catalogue& catalogue_;
  RehabRoutine out_;
};

bool Builder::Allowed(const Exercise& exercise) {
  if (IsRunningKind(exercise.kind)) {
    // The walk-run session is added on its own in the return stage; no running before it.
    if (state_.stop_running) {
      out_.notes.push_back({fmt::format("no {} yet: running starts with the walk-run phases", exercise.name),
                            "trials-2023-rtr"});
    }
    return false;
  }
  if (IsHeatKind(exercise.kind) && state_.no_heat_until) {
    out_.notes.push_back({fmt::format("no {} until after {}: no heat in the first 72 h after an injury", exercise.name,
                                      core::FormatDate(*state_.no_heat_until)),
                          "fiba-wabc"});
    return false;
  }
  return true;
}

Status Builder::AddRoutine(const Routine& routine) {
  out_.routine_ids.push_back(routine.id);
  for (const RoutineStep& step : routine.steps) {
    const Exercise* exercise = routine.FindStepExercise(step.exercise_id, catalogue_);
    if (exercise == nullptr) {
      return Fail(ErrorCode::kNotFound, fmt::format("routine {} names unknown exercise '{}'", routine.id, step.exercise_id),
                  routine.origin);
    }
    if (Allowed(*exercise)) out_.items.push_back(MakeItem(*exercise, step.dose, routine.id));
  }
  return Ok();
}

Status Builder::AddCatalogueRoutine(std::string_view id) {
  const Routine* routine = catalogue_.FindRoutine(id);
  if (routine == nullptr) return Fail(ErrorCode::kNotFound, fmt::format("the catalogue has no routine '{}'", id));
  return AddRoutine(*routine);
}

void Builder::AddWalkRun(const WalkRunPhase& phase) {
  Item item;
  if (const Exercise* exercise = catalogue_.FindExercise(kWalkRunExercise)) item = MakeItem(*exercise, Dose{}, "");
  item.id = std::string(kWalkRunExercise);
  item.name = fmt::format("Walk-run, phase {}", phase.phase);
  item.kind = ItemKind::kRun;
  item.dose = Dose{};
  item.dose.minutes = phase.TotalMinutes();
  item.when = "every_other_day";
  item.why = fmt::format("{}; flat ground; at least one rest day between runs; each phase at least {} times",
                         phase.Describe(), phase.min_sessions);
  item.source = phase.source;
  item.evidence = Evidence::kMedium;
  item.routine = std::string(kWalkRunRoutineId);
  out_.items.push_back(std::move(item));
}

}  // namespace

bool IsRunningKind(ItemKind kind) { return kind == ItemKind::kRun || kind == ItemKind::kJog; }
bool IsHeatKind(ItemKind kind) { return kind == ItemKind::kSauna || kind == ItemKind::kContrast; }

Result<RehabRoutine> BuildRehabRoutine(const RehabState& state, const Injury& injury, const Catalogue& catalogue,
                                       const std::vector<AttachedRoutine>& custom) {
  Builder b(state, catalogue);
  if (state.stage == RehabStage::kNone || !state.red_flags.empty()) return b.Take();
  const bool protect = state.stage == RehabStage::kProtect;
  bool replaced = false;
  for (const AttachedRoutine& c : custom) replaced = replaced || (c.replace && !protect);
  if (!replaced) {
    auto s = b.AddCatalogueRoutine(protect ? "protect-mobility" : SiteRehabRoutineId(injury.site));
    if (!s) return Fail(s.error());
  }
  for (const AttachedRoutine& c : custom) {
    if (auto s = b.AddRoutine(c.routine); !s) return Fail(s.error());
  }
  if (state.stage == RehabStage::kReturn && state.walk_run && !state.stop_running) b.AddWalkRun(*state.walk_run);
  return b.Take();
}

}  // namespace stride::care
