// SPDX-License-Identifier: MIT
// JSON shapes of the public interface (DESIGN.md "Public interface"), shared by the CLI and the web server.
// Fields may be added, never renamed.
#ifndef STRIDE_VIEWS_JSON_OUTPUT_H_
#define STRIDE_VIEWS_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "app/import.h"
#include "app/paces.h"
#include "app/training_load.h"
#include "store/activity_repository.h"
#include "core/athlete.h"

namespace stride::views {

nlohmann::json AthleteJson(const core::Athlete& athlete);
nlohmann::json PacesJson(const app::PacesReport& report);
/// One `stride inspect --json` entry: file, format, ok, error, sport, start_time, records, laps, distance_m,
/// timer_s, elapsed_s, avg_hr, max_hr, sessions (each with the file's own totals).
nlohmann::json InspectJson(const app::InspectedFile& file);
/// `stride import --json`: imported, duplicates, failed (file, error), skipped.
nlohmann::json ImportJson(const app::ImportReport& report);
/// One `stride activities --json` entry.
nlohmann::json StoredActivityJson(const store::StoredActivity& activity);
/// `stride load --json`: days (load, ctl, atl, tsb, acwr ...), weeks (distance_m, monotony, strain ...), flags.
nlohmann::json LoadJson(const app::LoadReport& report);
/// `stride fitness --json`: current VDOT, history, trend, predictions.
nlohmann::json FitnessJson(const app::FitnessReport& report);
/// The summary fields of an activity (no samples).
nlohmann::json ActivitySummaryJson(const core::Activity& activity);

}  // namespace stride::views

namespace stride::views {

/// Default cap on points per stream in ActivityDetailJson: enough for a phone-wide chart, small enough
/// to send quickly.
inline constexpr size_t kMaxStreamPoints = 2000;

/// One activity for the dashboard: StoredActivityJson plus `lap_list` (start_time, elapsed_s, timer_s,
/// distance_m, avg_hr, max_hr) and `streams`: `time_s`, `distance_m`, `speed_mps`, `pace_s_per_km`,
/// `heart_rate_bpm`, `altitude_m`, all of one length `points` (<= max_points), averaged over buckets of
/// consecutive samples (`source_points` in all). A channel the file lacks is an empty array; unknown values
/// are null; pace is null where the runner stands still. REQUIRES: max_points >= 2.
nlohmann::json ActivityDetailJson(const store::StoredActivity& activity, size_t max_points = kMaxStreamPoints);

}  // namespace stride::views

#include "app/routines.h"

namespace stride::views {

/// One routine step in DESIGN.md's Item shape: id, name, kind, targets, the dose (seconds and per_side,
/// or reps and sets, or minutes; temperature_c; only the fields set), when (before_run, after_run,
/// strength, any: from the routine's phase), why, source, evidence, plus equipment, instructions, cues,
/// easier and harder (variant names, or null).
nlohmann::json RoutineItemJson(const app::ResolvedStep& step, care::RoutinePhase phase);
/// `stride routine show --json`: id, name, phase, custom, source, evidence, why, file_name, days,
/// injury_id, mode (join or replace) and items (RoutineItemJson).
nlohmann::json RoutineJson(const app::RoutineDetail& routine);
/// One `stride routine list --json` entry: id, name, phase, custom, steps (count), kinds, days,
/// injury_id, mode.
nlohmann::json RoutineSummaryJson(const app::RoutineSummary& summary);

}  // namespace stride::views

#include "app/plan.h"
#include "app/today.h"

namespace stride::views {

/// `stride plan show --json` / `plan new --json`: store::PlanToJson's DESIGN.md shape plus `version`,
/// `reason`, `created_on`, `units`, and per week `done_distance_m` (running done in the week so far).
nlohmann::json PlanJson(const app::PlanView& view);
/// `stride plan history --json`: one object per version: version, created_on, reason, race_date,
/// race_distance_m, goal_time_s (null: to finish).
nlohmann::json PlanHistoryJson(const std::vector<store::PlanVersionSummary>& versions);
/// One care item in DESIGN.md's Item shape (id, name, kind, targets, dose fields, when, why, source,
/// evidence, routine).
nlohmann::json CareItemJson(const care::Item& item);
/// `stride today --json`: date, has_plan, days_to_race, phase, week, athlete, tomorrow (kind, title,
/// distance_m), sessions (kind, title, description, distance_m, duration_s, warmup, main, cooldown: steps
/// then care items; mobility, strength, recovery: items; notes), and the day's mobility, strength,
/// recovery and notes (text, source) also at the top level; `rehab` (items of the injuries' rehab routines
/// and of pinned rehab routines) in the first session and at the top level; `stop_running`;
/// `pinned_routines` (ids of the custom routines pinned to the weekday); and `injury`: null without an
/// active injury, else stop_running, see_clinician, reasons (text), replaced (the planned sessions taken
/// out: kind, title) and injuries (InjuryStatusJson plus return_phase, no_heat_until, pinned_routines).
nlohmann::json TodayJson(const app::TodayReport& report);

}  // namespace stride::views

#include "app/injury.h"

namespace stride::views {

/// An injury as stored: id, site, side, onset_date, pain, pain_at_rest, pain_night, swelling,
/// bone_tenderness, cannot_bear_weight, numbness, onset, notes, red_flags_cleared_on, resolved_on.
nlohmann::json InjuryJson(const care::Injury& injury);
/// An injury with its stage (`stride injury add|log|list --json`): injury, stage, stop_running,
/// red_flags (text), why.
nlohmann::json InjuryStatusJson(const app::InjuryStatus& status);
/// What an injury command did to the saved plan (`plan` in `stride injury add|log|resolve|clear-flags
/// --json`): outcome ("unchanged", "replanned", "not_remade"), version (null unless replanned), why (the new
/// version's reason, or why the plan could not be re-made; null when unchanged).
nlohmann::json PlanReactionJson(const app::PlanReaction& reaction);
/// One injury's rehab in DESIGN.md's Rehab shape: stage, stop_running, red_flags (text), injury, routine
/// (CareItemJson items), next_stage_criteria (text, met, source), regress_if (text), plus why,
/// stage_since, return_phase, walk_run (the phase's session spec or null), no_heat_until, notes,
/// outlook (running_resumes, full_training_resumes, needs_clinician, sessions) and logs.
nlohmann::json InjuryRehabJson(const app::InjuryRehab& rehab);
/// `stride rehab --json`: InjuryRehabJson of the primary injury (stage none, empty lists and injury null
/// when no injury is active) plus date and other_injuries (id, site, stage, stop_running).
nlohmann::json RehabJson(const app::RehabReport& report);

}  // namespace stride::views

#endif  // STRIDE_VIEWS_JSON_OUTPUT_H_
