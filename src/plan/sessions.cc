// SPDX-License-Identifier: MIT
// Session builders (sessions.h): steps first, then totals estimated from the steps.
#include "plan/sessions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "analysis/vdot.h"
#include "plan/rules.h"

namespace stride::plan {
namespace {

Step Timed(StepType type, double seconds, const PaceRange& pace) {
  Step s;
  s.type = type;
  s.duration_s = seconds;
  s.pace = pace;
  return s;
}

Step Distanced(StepType type, double metres, const PaceRange& pace) {
  Step s;
  s.type = type;
  s.distance_m = metres;
  s.pace = pace;
  return s;
}

Step Repeat(int count, std::vector<Step> steps) {
  Step s;
  s.type = StepType::kRepeat;
  s.count = count;
  s.steps = std::move(steps);
  return s;
}

Session Make(SessionKind kind, std::string title, std::string description, std::vector<Step> steps) {
  Session s;
  s.kind = kind;
  s.title = std::move(title);
  s.description = std::move(description);
  s.steps = std::move(steps);
  for (const Step& step : s.steps) {
    s.distance_m += StepDistanceM(step);
    s.duration_s += StepDurationS(step);
  }
  return s;
}

// "6 km" or "3.7 mi": a title's distance to a tenth, in the runner's units.
std::string Dist(double metres, core::UnitSystem units) {
  if (units == core::UnitSystem::kMiles) return fmt::format("{:g} mi", std::round(metres / core::kMetresPerMile * 10) / 10);
  return fmt::format("{:g} km", std::round(metres / 100.0) / 10.0);
}

// A quality session: warm-up, the main steps, cool-down, at easy pace around them.
std::vector<Step> Framed(std::vector<Step> main, const PlanPaces& paces) {
  std::vector<Step> steps;
  steps.push_back(Timed(StepType::kWarmup, kWarmupS, paces.easy));
  for (Step& s : main) steps.push_back(std::move(s));
  steps.push_back(Timed(StepType::kCooldown, kCooldownS, paces.easy));
  return steps;
}

}  // namespace

double StepDistanceM(const Step& step) {
  if (step.type == StepType::kRepeat) {
    double total = 0;
    for (const Step& child : step.steps) total += StepDistanceM(child);
    return total * step.count;
  }
  if (step.distance_m) return *step.distance_m;
  if (step.duration_s && step.pace) return *step.duration_s / step.pace->mid_s_per_km() * core::kMetresPerKm;
  return 0;
}

double StepDurationS(const Step& step) {
  if (step.type == StepType::kRepeat) {
    double total = 0;
    for (const Step& child : step.steps) total += StepDurationS(child);
    return total * step.count;
  }
  if (step.duration_s) return *step.duration_s;
  if (step.distance_m && step.pace) return *step.distance_m / core::kMetresPerKm * step.pace->mid_s_per_km();
  return 0;
}

double DistanceAtPaceM(const std::vector<Step>& steps, const PaceRange& band) {
  double total = 0;
  for (const Step& step : steps) {
    if (step.type == StepType::kRepeat) {
      total += step.count * DistanceAtPaceM(step.steps, band);
    } else if (step.pace && *step.pace == band) {
      total += StepDistanceM(step);
    }
  }
  return total;
}

Session EasyRun(double distance_m, const PlanPaces& paces, core::UnitSystem units) {
  return Make(SessionKind::kEasy, "Easy " + Dist(distance_m, units),
              "Conversational pace: aerobic base with little fatigue (Daniels E pace).",
              {Distanced(StepType::kWork, distance_m, paces.easy)});
}

Session RecoveryRun(double distance_m, const PlanPaces& paces, core::UnitSystem units) {
  return Make(SessionKind::kRecovery, "Recovery " + Dist(distance_m, units),
              "Very easy and short, the day after a hard session; walk breaks are fine.",
              {Distanced(StepType::kWork, distance_m, paces.recovery)});
}

Session StridesRun(double distance_m, const PlanPaces& paces, core::UnitSystem units) {
  Step strides = Repeat(kStrideCount, {Timed(StepType::kWork, kStrideS, paces.strides),
                                       Timed(StepType::kRecovery, kStrideRecoveryS, paces.recovery)});
  const double easy_m = std::max(core::kMetresPerKm, RoundDownDistance(distance_m - StepDistanceM(strides)));
  return Make(SessionKind::kStrides, "Easy " + Dist(distance_m, units) + " with strides",
              "Easy running, then 6 relaxed 20 s strides: quick feet and good form without fatigue.",
              {Distanced(StepType::kWork, easy_m, paces.easy), std::move(strides)});
}

Session LongRun(double distance_m, double marathon_pace_m, const PlanPaces& paces, core::UnitSystem units) {
  const double mp_m = std::floor(marathon_pace_m / core::kMetresPerKm) * core::kMetresPerKm;
  if (mp_m <= 0 || mp_m >= distance_m) {
    return Make(SessionKind::kLong, "Long run " + Dist(distance_m, units),
                "Easy pace throughout: time on feet builds endurance; the distance never jumps more than 10 % "
                "above the longest run of the last 30 days.",
                {Distanced(StepType::kWork, distance_m, paces.easy)});
  }
  const double first_m = RoundDownDistance(0.5 * (distance_m - mp_m));
  const double last_m = distance_m - mp_m - first_m;
  return Make(SessionKind::kLong, "Long run " + Dist(distance_m, units) + " with " + Dist(mp_m, units) + " at marathon pace",
              "Start easy, run the middle at goal marathon pace, finish easy: race rhythm on tired legs.",
              {Distanced(StepType::kWarmup, first_m, paces.easy), Distanced(StepType::kWork, mp_m, paces.marathon),
               Distanced(StepType::kCooldown, last_m, paces.easy)});
}

std::optional<Session> TempoSession(double max_work_m, const PlanPaces& paces) {
  const double work_s = max_work_m / core::kMetresPerKm * paces.threshold.mid_s_per_km();
  const int reps = std::min(6, static_cast<int>(work_s / kThresholdRepS));
  std::vector<Step> main;
  std::string title;
  if (reps >= 2) {
    main.push_back(Repeat(reps, {Timed(StepType::kWork, kThresholdRepS, paces.threshold),
                                 Timed(StepType::kRecovery, kThresholdJogS, paces.easy)}));
    title = fmt::format("Tempo {} x {:g} min", reps, kThresholdRepS / 60);
  } else if (work_s >= kMinThresholdWorkS) {
    const double block_s = std::floor(work_s / 60) * 60;
    main.push_back(Timed(StepType::kWork, block_s, paces.threshold));
    title = fmt::format("Tempo {:g} min", block_s / 60);
  } else {
    return std::nullopt;
  }
  return Make(SessionKind::kTempo, title,
              "Comfortably hard at threshold pace, framed by an easy warm-up with drills and strides and a cool-down.",
              Framed(std::move(main), paces));
}

std::optional<Session> IntervalSession(double max_work_m, double rep_m, const PlanPaces& paces) {
  const int reps = std::min(8, static_cast<int>(max_work_m / rep_m + 1e-9));
  if (reps < kMinIntervalReps) return std::nullopt;
  const double rep_s = rep_m / core::kMetresPerKm * paces.interval.mid_s_per_km();
  const double jog_s = std::max(30.0, std::floor(std::min(rep_s, kMaxIntervalJogS) / 10) * 10);
  Step set = Repeat(
      reps, {Distanced(StepType::kWork, rep_m, paces.interval), Timed(StepType::kRecovery, jog_s, paces.recovery)});
  return Make(SessionKind::kIntervals, fmt::format("Intervals {} x {:g} m", reps, rep_m),
              "Hard reps at I pace (near VO2max) with jog recoveries no longer than the rep.",
              Framed({std::move(set)}, paces));
}

std::optional<Session> MarathonPaceSession(double work_m, const PlanPaces& paces, core::UnitSystem units) {
  const double km_m = std::floor(work_m / core::kMetresPerKm) * core::kMetresPerKm;
  if (km_m < 3 * core::kMetresPerKm) return std::nullopt;
  return Make(SessionKind::kMarathonPace, "Marathon pace " + Dist(km_m, units),
              "A steady block at goal marathon pace to learn the rhythm of race day.",
              Framed({Distanced(StepType::kWork, km_m, paces.marathon)}, paces));
}

Session RaceSession(double distance_m, std::optional<double> goal_time_s, const PlanPaces& paces,
                    core::UnitSystem units) {
  const double time_s = goal_time_s ? *goal_time_s : analysis::PredictRaceTime(paces.vdot, distance_m);
  const double pace = time_s / (distance_m / core::kMetresPerKm);
  const PaceRange band{pace + kPaceBandHalfWidthS, pace - kPaceBandHalfWidthS};
  return Make(SessionKind::kRace, "Race " + Dist(distance_m, units),
              goal_time_s ? "Race day: start at goal pace, not faster." : "Race day: start easy and finish strong.",
              {Distanced(StepType::kWork, distance_m, band)});
}

Session StrengthSession() {
  Session s;
  s.kind = SessionKind::kStrength;
  s.title = "Strength";
  s.description = "Hip, glute and calf strength (about 30 min); never the day before a key session.";
  s.duration_s = kStrengthSessionS;
  return s;
}

Session RestSession() {
  Session s;
  s.kind = SessionKind::kRest;
  s.title = "Rest";
  s.description = "A full rest day: adaptation happens while you recover.";
  return s;
}

}  // namespace stride::plan
