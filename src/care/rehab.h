// SPDX-License-Identifier: MIT
// Rehab stages, from first twinge back to running: protect -> rehab -> return (walk-run phases) -> done,
// driven by the daily pain logs and the pain-monitoring model [silbernagel-2007-pain], with red flags
// stopping everything [warden-2014-bsi]. Also the outlook the plan uses to lay out rehab and return weeks.
// Pure: no clock, no I/O. Explained in docs/rehab.md; the routines for each stage are in rehab_routine.h.
#ifndef STRIDE_CARE_REHAB_H_
#define STRIDE_CARE_REHAB_H_

#include <optional>
#include <string>
#include <vector>

#include "care/injury.h"
#include "core/date.h"

namespace stride::care {

/// Written to JSON by name (RehabStageName): do not rename.
enum class RehabStage { kNone, kProtect, kRehab, kReturn, kDone };
const char* RehabStageName(RehabStage stage);  // "none", "protect", "rehab", "return", "done"

// --- Constants (docs/rehab.md). [U] marks Stride conventions where SCIENCE.md gives no number. ---
/// Pain during activity up to 5/10 is "acceptable" [silbernagel-2007-pain].
inline constexpr int kAcceptablePainDuring = 5;
/// Next-morning pain must be back to baseline: 0-2 is the "safe" zone [silbernagel-2007-pain].
inline constexpr int kBaselinePainNextMorning = 2;
/// Bone stress injury: no pain at the site while returning to run [achievepodiatry].
inline constexpr int kBonePainDuring = 0;
/// "Pain-free" in the return-to-run entry tests: 0-2/10 [silbernagel-2007-pain]; BSI readiness tests
/// accept <= 2/10 [achievepodiatry] (0 during for bone, as above).
inline constexpr int kPainFreeMax = 2;
/// Days of relative rest before leaving protect: a Stride convention [U] (the issue gives 3-7 days).
inline constexpr int kMinProtectDays = 3;
/// Return-to-run entry: 30 min brisk walking pain-free on consecutive days [achievepodiatry] [sunnycoast-rtr].
inline constexpr double kEntryWalkMinutes = 30;
inline constexpr int kEntryWalkDays = 2;
/// Each walk-run phase at least twice before progressing, with >= 1 rest day between runs [trials-2023-rtr].
inline constexpr int kSessionsPerPhase = 2;
inline constexpr int kDaysBetweenRuns = 2;
/// The return ends when the last (continuous) phase has had its kSessionsPerPhase good sessions, like
/// every phase [trials-2023-rtr]; from then on the plan's spike rule governs every run (SCIENCE.md E7:
/// "after RTR the C3 spike rule applies" [nielsen-2025-spike]).

/// One phase of the walk-run return [trials-2023-rtr] (Table 1): walk/run minutes repeated to a distance,
/// or continuous running. `repeats` is Stride's estimate of how many walk-run cycles cover the distance
/// at a brisk walk and an easy jog [U].
struct WalkRunPhase {
  int phase = 1;        // 1-6
  int walk_min = 0;     // 0 when continuous
  int run_min = 0;      // minutes of running per cycle (continuous: the whole run, estimated)
  int repeats = 1;
  double distance_m = 0;
  int rpe = 3;          // target effort, CR-10
  int rest_days_between = 1;
  int min_sessions = kSessionsPerPhase;
  bool continuous = false;
  std::string source = "trials-2023-rtr";
  /// "walk 2 min / run 3 min x 3 (1.6 km), RPE 3/10"
  std::string Describe() const;
  /// Total minutes of the session (walking and running).
  int TotalMinutes() const { return continuous ? run_min : (walk_min + run_min) * repeats; }
};

/// The six phases, in order. Index i holds phase i + 1.
const std::vector<WalkRunPhase>& WalkRunPhases();

/// A criterion for moving on, and whether it is met on the day asked.
struct Criterion {
  std::string text;
  bool met = false;
  std::string source;  // SCIENCE.md source id, or "stride" for a Stride convention
};

/// A change of stage (or of walk-run phase) and why.
struct StageEvent {
  core::Date date;
  RehabStage from = RehabStage::kProtect;
  RehabStage to = RehabStage::kProtect;
  int return_phase = 0;  // the phase after the event (return stage), else 0
  std::string why;
};

/// Where an injury stands on a day.
struct RehabState {
  RehabStage stage = RehabStage::kNone;
  core::Date stage_since;
  int return_phase = 0;          // 1-6 in the return stage, else 0
  core::Date phase_since;        // when the current walk-run phase (or stage) began
  int sessions_in_phase = 0;     // good walk-run sessions so far in this phase
  bool stop_running = false;     // true in protect and rehab, and whenever a red flag is active
  std::vector<RedFlagHit> red_flags;  // active ones (see ActiveRedFlags)
  bool bone_stress = false;
  std::string why;               // why the runner is in this stage, in plain words
  std::vector<Criterion> next_stage_criteria;
  std::vector<std::string> regress_if;
  std::vector<StageEvent> history;
  std::optional<core::Date> no_heat_until;  // last day of the no-heat window, while it lasts
  std::optional<WalkRunPhase> walk_run;     // the return stage's session
};

/// True when a log shows pain above the limits: pain during > 5/10 (> 0 for bone stress) or next-morning
/// pain > 2/10 [silbernagel-2007-pain] [achievepodiatry]. Such a day never moves a stage forward.
bool PainAboveLimits(const Injury& injury, const PainLog& log);

/// The stage of `injury` on `today`, replaying its pain logs in date order (logs after `today`, before
/// onset, or for other injuries are ignored). Each log moves at most one step: forward when every
/// criterion of the current stage is met and no red flag is active; back one step (return phase k ->
/// k - 1, phase 1 -> rehab, rehab -> protect, done -> last phase) when PainAboveLimits. A red flag holds
/// the runner in protect with stop_running until a clinician clears it. Stage none when the injury is
/// not active on `today`.
RehabState ComputeRehab(const Injury& injury, const std::vector<PainLog>& logs, core::Date today);

/// A walk-run session the plan can lay out.
struct ProjectedSession {
  core::Date date;
  WalkRunPhase phase;
};

/// What the plan needs: when running can resume at the earliest (the return stage starts) and when full
/// training can (the day after the last walk-run session, which makes the stage done), if every day from
/// now on goes well. Dates are nullopt while red flags are active (a clinician must clear them first) or
/// when the injury is not active.
struct RehabOutlook {
  RehabStage stage = RehabStage::kNone;
  bool needs_clinician = false;
  std::optional<core::Date> running_resumes;
  std::optional<core::Date> full_training_resumes;
  std::vector<ProjectedSession> sessions;  // walk-run sessions from today until done, one per run day
};

/// Projects the stages forward from `today` by replaying the real logs, then assuming a good day every
/// day after (pain 0, 30 min walk, hop test passed). The minimum durations are thus those of the
/// constants above: protect >= kMinProtectDays, rehab >= 1 day, each phase 2 sessions a rest day apart.
RehabOutlook ProjectRehab(const Injury& injury, const std::vector<PainLog>& logs, core::Date today);

}  // namespace stride::care

#endif  // STRIDE_CARE_REHAB_H_
