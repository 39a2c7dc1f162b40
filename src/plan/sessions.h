// SPDX-License-Identifier: MIT
// Builders for the sessions of a plan day: each run comes with structured steps and pace targets drawn
// from PlanPaces, and totals (distance, duration) estimated from the steps. Quality sessions are sized by
// the per-session caps of rules.h. Titles give distances in the runner's units ("Easy 6 km", "Easy 3.7 mi").
// A plan module internal, used by generator.cc.
#ifndef STRIDE_PLAN_SESSIONS_H_
#define STRIDE_PLAN_SESSIONS_H_

#include <optional>

#include "core/units.h"
#include "plan/plan.h"

namespace stride::plan {

/// Estimated distance of a step (repeats included): its distance, or its duration at the middle of its
/// pace band. 0 for a timed step without a pace target.
double StepDistanceM(const Step& step);
/// Estimated duration of a step (repeats included).
double StepDurationS(const Step& step);
/// Distance of the steps whose pace target lies inside `band` (e.g. threshold work), repeats counted.
double DistanceAtPaceM(const std::vector<Step>& steps, const PaceRange& band);

/// An easy run of `distance_m` at easy pace.
Session EasyRun(double distance_m, const PlanPaces& paces, core::UnitSystem units);
/// A short recovery run, slower than easy.
Session RecoveryRun(double distance_m, const PlanPaces& paces, core::UnitSystem units);
/// An easy run of `distance_m` in total that ends with strides (6 x 20 s at R pace, 60 s jogs).
Session StridesRun(double distance_m, const PlanPaces& paces, core::UnitSystem units);
/// A long run at easy pace; with `marathon_pace_m` > 0 its middle part is at marathon pace, framed by an
/// easy warm-up and cool-down part.
Session LongRun(double distance_m, double marathon_pace_m, const PlanPaces& paces, core::UnitSystem units);
/// Threshold session: warm-up, cruise intervals of 8 min (or one block of at least 10 min) with 2 min jogs,
/// cool-down; at most `max_work_m` at threshold pace. nullopt when less than 10 min of work fits.
std::optional<Session> TempoSession(double max_work_m, const PlanPaces& paces);
/// Intervals: warm-up, reps of `rep_m` at I pace with jogs no longer than the rep, cool-down; at most
/// `max_work_m` of reps. nullopt when fewer than 3 reps fit.
std::optional<Session> IntervalSession(double max_work_m, double rep_m, const PlanPaces& paces);
/// Marathon-pace run: warm-up, `work_m` at marathon pace (whole km), cool-down. nullopt below 3 km of work.
std::optional<Session> MarathonPaceSession(double work_m, const PlanPaces& paces, core::UnitSystem units);
/// The race: one step over the distance at the goal pace (or marathon pace band when to finish).
Session RaceSession(double distance_m, std::optional<double> goal_time_s, const PlanPaces& paces,
                    core::UnitSystem units);
Session StrengthSession();
Session RestSession();

}  // namespace stride::plan

#endif  // STRIDE_PLAN_SESSIONS_H_
