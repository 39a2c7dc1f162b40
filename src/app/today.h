// SPDX-License-Identifier: MIT
// Use case `stride today`: the day's sessions from the latest plan, with the care prescription around
// them (warm-up, cool-down, mobility, strength, recovery, rehab and notes; care/prescription.h). An
// injury guard holds whatever the saved plan says: no run while an active injury stops running, the
// walk-run of the current phase in the return stage. Custom routines pinned to the weekday join the day.
#ifndef STRIDE_APP_TODAY_H_
#define STRIDE_APP_TODAY_H_

#include <optional>
#include <string>
#include <vector>

#include "app/injury.h"
#include "care/prescription.h"
#include "core/athlete.h"
#include "core/date.h"
#include "core/result.h"
#include "plan/plan.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// The day's sessions after the injury guard (GuardDay), and why they differ from the plan.
struct GuardedDay {
  std::vector<plan::Session> sessions;  // never empty when the planned day was not
  std::vector<plan::Session> replaced;  // planned sessions the guard took out
  std::vector<std::string> reasons;     // plain words, one per injury that changed the day
  bool stop_running = false;            // some active injury stops running (red flag, protect, rehab)
  bool see_clinician = false;           // some active injury has a red flag
};

/// The injury safety net over a planned day, whatever the plan version says. `active` are the injuries
/// active on the day with their state on it; `run_days_before` the number of consecutive days just before
/// it that the plan fills with a run session.
/// - Any stop_running: every run session (walk-run included) becomes one rehab session: rest with an
///   active red flag (which also takes out everything else but rest, and says to see a clinician),
///   else pain-free cross-training; in protect planned strength work goes too (relative rest).
/// - Else, in the return stage, run sessions become the walk-run session of the current phase (the
///   lowest phase over the injuries in return), on every other day of a run streak (run_days_before
///   even); the days between are rest, as the walk-run programme asks [trials-2023-rtr].
/// - Otherwise the planned sessions are kept.
GuardedDay GuardDay(const std::vector<plan::Session>& planned, const std::vector<InjuryStatus>& active,
                    int run_days_before);

/// The session for one walk-run phase: run and walk steps (repeats, or one continuous run) with its
/// distance and duration, the phase's RPE and rules in the description [trials-2023-rtr].
plan::Session WalkRunSession(const care::WalkRunPhase& phase, bool bone_stress);

/// The injuries on the day, for the report's injury and rehab section.
struct TodayInjuries {
  std::vector<InjuryRehab> active;      // active injuries, most restrictive first; empty when none
  GuardedDay guard;                     // what the guard did to today's planned sessions
};

struct TodayReport {
  core::Date date;
  core::Athlete athlete;
  bool has_plan = false;
  std::vector<plan::Session> sessions;  // today's, after the injury guard; one rest session without a plan
  std::vector<plan::Session> tomorrow;  // tomorrow's, after the same guard (as things stand today)
  std::optional<int> days_to_race;      // nullopt without a plan
  std::optional<plan::Phase> phase;     // the week's phase, when the day is in the plan
  std::optional<int> week_number;       // 1-based, when the day is in the plan
  care::DayPrescription prescription;
  TodayInjuries injuries;
  std::vector<std::string> pinned_routines;  // custom routines pinned to this weekday
  std::vector<std::string> notes;       // about the plan itself, e.g. how to make one
};

/// The day `date`. Without a plan the day is rest and a note says how to make one; without a profile a
/// default one is used (km, no facilities). Active injuries go through GuardDay; their rehab routines
/// (the stage's, joined or replaced by routines pinned to the injury) and the custom routines pinned to
/// the weekday join the prescription. A stored custom routine that no longer parses is left out with a
/// note. Fails with kIoError or kCorruptData from the store, and with care::PrescribeDay's errors.
Result<TodayReport> ComputeToday(store::Database& db, core::Date date);

}  // namespace stride::app

#endif  // STRIDE_APP_TODAY_H_
