// SPDX-License-Identifier: MIT
// The training plan as plain values: weeks of days of sessions, each run session with structured steps
// (warm-up, work, recovery, cool-down, repeats) and pace targets. Built by plan/generator.h, filled with
// mobility and recovery routines by care/, serialised by app/ (DESIGN.md "plan new": the JSON shape).
#ifndef STRIDE_PLAN_PLAN_H_
#define STRIDE_PLAN_PLAN_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace stride::plan {

/// What a session is. Persisted by name (SessionKindName): do not rename.
enum class SessionKind {
  kEasy,
  kLong,
  kRecovery,
  kTempo,
  kIntervals,
  kMarathonPace,
  kStrides,
  kRace,
  kRest,
  kStrength,
  kCross,
  kWalkRun,
};

/// The part of a session a step belongs to. Persisted by name (StepTypeName): do not rename.
enum class StepType { kWarmup, kWork, kRecovery, kCooldown, kRepeat };

/// The phase of a week. Persisted by name (PhaseName): do not rename.
enum class Phase { kBase, kBuild, kPeak, kTaper, kRace, kRehab, kReturn };

/// A pace band in seconds per km: `slow_s_per_km` >= `fast_s_per_km` (equal for a single pace).
struct PaceRange {
  double slow_s_per_km = 0;
  double fast_s_per_km = 0;
  double mid_s_per_km() const { return 0.5 * (slow_s_per_km + fast_s_per_km); }
  auto operator<=>(const PaceRange&) const = default;
};

/// A heart-rate band in beats per minute, low <= high.
struct HeartRateRange {
  int low_bpm = 0;
  int high_bpm = 0;
  auto operator<=>(const HeartRateRange&) const = default;
};

/// One step of a run. A plain step has exactly one of `duration_s` / `distance_m` and at most one
/// target; a kRepeat step has `count` >= 1 and child `steps` (no nesting below one level) and no
/// duration, distance or target of its own.
struct Step {
  StepType type = StepType::kWork;
  std::optional<double> duration_s;
  std::optional<double> distance_m;
  std::optional<PaceRange> pace;
  std::optional<HeartRateRange> heart_rate;
  int count = 0;
  std::vector<Step> steps;

  bool operator==(const Step&) const = default;
};

/// One session of a day. Run sessions carry steps; `distance_m` and `duration_s` are the planned
/// totals (duration estimated at the middle of each step's pace band). `mobility` and `recovery` are
/// routine names, left empty by the generator for care/ to fill.
struct Session {
  SessionKind kind = SessionKind::kRest;
  std::string title;        // short, e.g. "Tempo 3 x 8 min"
  std::string description;  // one or two sentences saying what and why
  double distance_m = 0;
  double duration_s = 0;
  std::vector<Step> steps;
  std::vector<std::string> mobility;
  std::vector<std::string> recovery;

  bool operator==(const Session&) const = default;
};

struct PlanDay {
  core::Date date;
  std::vector<Session> sessions;  // never empty: a day without training holds one kRest session

  bool operator==(const PlanDay&) const = default;
};

struct PlanWeek {
  int index = 0;     // 0-based
  core::Date start;  // the first day of the week inside the plan (the plan start for a short first week)
  Phase phase = Phase::kBase;
  double planned_distance_m = 0;  // the week's running, the race itself excluded
  std::vector<PlanDay> days;      // consecutive dates, at most 7

  bool operator==(const PlanWeek&) const = default;
};

/// The pace bands every session target is drawn from, seconds per km.
struct PlanPaces {
  double vdot = 0;  // the fitness the paces are computed from
  PaceRange easy;
  PaceRange recovery;
  PaceRange marathon;
  PaceRange threshold;
  PaceRange interval;
  PaceRange strides;

  bool operator==(const PlanPaces&) const = default;
};

struct Plan {
  core::Date start;
  core::Date race_date;
  double race_distance_m = 0;
  std::optional<double> goal_time_s;  // nullopt: to finish
  /// False when the race is too close for a safe build; `warnings` then says why and what to do.
  bool feasible = true;
  /// When not feasible: the earliest race date this runner could prepare for safely, if any within a year.
  std::optional<core::Date> earliest_feasible_race_date;
  std::vector<std::string> warnings;
  PlanPaces paces;
  std::vector<PlanWeek> weeks;

  bool operator==(const Plan&) const = default;
};

/// "easy", "long", "recovery", "tempo", "intervals", "marathon_pace", "strides", "race", "rest",
/// "strength", "cross", "walk_run".
const char* SessionKindName(SessionKind kind);
/// "warmup", "work", "recovery", "cooldown", "repeat".
const char* StepTypeName(StepType type);
/// "base", "build", "peak", "taper", "race", "rehab", "return".
const char* PhaseName(Phase phase);

/// True for sessions that are runs (everything but rest, strength and cross).
bool IsRun(SessionKind kind);
/// Hard sessions: long, tempo, intervals, marathon pace and the race. Two never fall on adjacent days.
bool IsHard(SessionKind kind);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_PLAN_H_
