// SPDX-License-Identifier: MIT
// GeneratePlan (generator.h): validates the request, chooses the paces, builds the weeks (week_builder.h)
// and judges feasibility, probing later race dates and a shorter race for the options it offers.
#include "plan/generator.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/vdot.h"
#include "plan/paces.h"
#include "plan/rules.h"
#include "plan/week_builder.h"

namespace stride::plan {
namespace {

using core::ErrorCode;

constexpr int kMaxPlanDays = 2 * 366;
constexpr int kMaxProbeWeeks = 52;
constexpr double kMinRaceM = 5000, kMaxRaceM = 50000;

Status ValidateNumbers(const PlanRequest& r) {
  if (!(r.race_distance_m >= kMinRaceM && r.race_distance_m <= kMaxRaceM)) {
    return Fail(ErrorCode::kInvalidArgument, "the race distance must be between 5 and 50 km", "race_distance");
  }
  if (!(r.current_weekly_m >= 1000 && r.current_weekly_m <= 300000)) {
    return Fail(ErrorCode::kInvalidArgument,
                "the current weekly volume must be between 1 and 300 km; start with a walk-run programme first",
                "weekly_distance");
  }
  if (!(r.longest_recent_run_m >= 1000 && r.longest_recent_run_m <= 100000)) {
    return Fail(ErrorCode::kInvalidArgument, "the longest recent run must be between 1 and 100 km", "longest_run");
  }
  if (!(r.adjustments.reduced_volume_factor > 0 && r.adjustments.reduced_volume_factor <= 1)) {
    return Fail(ErrorCode::kInvalidArgument, "the reduced-volume factor must be in (0, 1]", "adjustments");
  }
  if (r.vdot && !(*r.vdot >= 15 && *r.vdot <= 90)) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("VDOT {:.1f} is outside 15-90", *r.vdot), "vdot");
  }
  return Ok();
}

Status Validate(const PlanRequest& r) {
  if (r.race_date <= r.start) {
    return Fail(ErrorCode::kInvalidArgument, "the race must be after the start of the plan", "race_date");
  }
  if (r.start.DaysUntil(r.race_date) > kMaxPlanDays) {
    return Fail(ErrorCode::kInvalidArgument, "the race is more than two years away", "race_date");
  }
  const auto& days = r.athlete.training_days;
  if (days.empty()) return Fail(ErrorCode::kInvalidArgument, "no training days", "training_days");
  if (r.athlete.long_run_day && std::find(days.begin(), days.end(), *r.athlete.long_run_day) == days.end()) {
    return Fail(ErrorCode::kInvalidArgument, "the long-run day must be one of the training days", "long_run_day");
  }
  return ValidateNumbers(r);
}

core::Weekday LongRunDay(const core::Athlete& a) {
  if (a.long_run_day) return *a.long_run_day;
  for (core::Weekday d : {core::Weekday::kSunday, core::Weekday::kSaturday}) {
    if (std::find(a.training_days.begin(), a.training_days.end(), d) != a.training_days.end()) return d;
  }
  return *std::max_element(a.training_days.begin(), a.training_days.end());
}

std::optional<double> CurrentVdot(const PlanRequest& r) {
  if (r.vdot) return r.vdot;
  if (auto race = r.athlete.LatestRace()) {
    if (auto v = analysis::VdotFromPerformance(race->distance.metres(), race->time_s)) return *v;
  }
  return std::nullopt;
}

bool Feasible(const BuiltWeeks& built, double race_distance_m) {
  return built.longest_long_run_m >= RoundDownDistance(MinLongRunM(race_distance_m));
}

// The earliest race date, up to kMaxProbeWeeks weeks after the requested one, with a safe build. Feasibility
// grows with the weeks available, so a binary search over the added weeks finds it.
std::optional<core::Date> EarliestFeasibleDate(BuildInputs in) {
  const core::Date requested = in.race_date;
  auto feasible_after = [&](int weeks) {
    in.race_date = requested.AddDays(7 * weeks);
    return Feasible(BuildWeeks(in), in.race_distance_m);
  };
  if (!feasible_after(kMaxProbeWeeks)) return std::nullopt;
  int lo = 0, hi = kMaxProbeWeeks;  // infeasible at lo, feasible at hi
  while (hi - lo > 1) {
    const int mid = (lo + hi) / 2;
    (feasible_after(mid) ? hi : lo) = mid;
  }
  return requested.AddDays(7 * hi);
}

void AddFeasibilityWarnings(const BuildInputs& in, const BuiltWeeks& built, Plan& plan) {
  const double needed_m = MinLongRunM(in.race_distance_m);
  plan.warnings.push_back(fmt::format(
      "the race is too close for a safe build: this race needs a long run of at least {:.1f} km, but before the "
      "taper the long run can reach only {:.1f} km (from {:.1f} km now), because it grows at most 10 % above the "
      "longest run of the previous 30 days and stays within its share of a week that grows at most 10 %",
      needed_m / 1000, built.longest_long_run_m / 1000, in.longest_recent_run_m / 1000));
  plan.earliest_feasible_race_date = EarliestFeasibleDate(in);
  if (plan.earliest_feasible_race_date) {
    plan.warnings.push_back(fmt::format("option: a later race; the earliest date with a safe build is {}",
                                        core::FormatDate(*plan.earliest_feasible_race_date)));
  } else {
    plan.warnings.push_back("option: a later race; no date within a year allows a safe build with these training days");
  }
  if (in.race_distance_m > core::kHalfMarathonMetres) {
    BuildInputs half = in;
    half.race_distance_m = core::kHalfMarathonMetres;
    half.goal_time_s.reset();
    if (Feasible(BuildWeeks(half), half.race_distance_m)) {
      plan.warnings.push_back("option: a half marathon on the same date, which this build can prepare safely");
    } else {
      plan.warnings.push_back("option: a shorter race on the same date (even a half marathon is a stretch)");
    }
  }
  plan.warnings.push_back(
      "option: a run-walk finish (for example 4 min running, 1 min walking from the start), accepting a slower time");
}

}  // namespace

Result<Plan> GeneratePlan(const PlanRequest& request) {
  if (Status ok = Validate(request); !ok) return Fail(ok.error());
  const std::optional<double> current_vdot = CurrentVdot(request);
  auto paces = ChoosePaces(request.race_distance_m, request.goal_time_s, current_vdot);
  if (!paces) return Fail(paces.error());

  BuildInputs in;
  in.start = request.start;
  in.race_date = request.race_date;
  in.race_distance_m = request.race_distance_m;
  in.goal_time_s = request.goal_time_s;
  in.current_weekly_m = request.current_weekly_m;
  in.longest_recent_run_m = request.longest_recent_run_m;
  in.recent_runs = request.recent_runs;
  in.units = request.athlete.units;
  in.training_days = request.athlete.training_days;
  std::sort(in.training_days.begin(), in.training_days.end());
  in.training_days.erase(std::unique(in.training_days.begin(), in.training_days.end()), in.training_days.end());
  in.long_run_day = LongRunDay(request.athlete);
  in.paces = paces->paces;
  in.adjustments = request.adjustments;

  Plan plan;
  plan.start = request.start;
  plan.race_date = request.race_date;
  plan.race_distance_m = request.race_distance_m;
  plan.goal_time_s = request.goal_time_s;
  plan.paces = paces->paces;
  plan.warnings = paces->warnings;
  if (request.race_distance_m >= kMarathonLikeDistanceM &&
      static_cast<int>(in.training_days.size()) < kMinMarathonTrainingDays) {
    plan.warnings.push_back(
        fmt::format("{} training day(s) a week is very little for a marathon; {} or more spread the load more safely",
                    in.training_days.size(), kMinMarathonTrainingDays));
  }
  BuiltWeeks built = BuildWeeks(in);
  plan.feasible = Feasible(built, in.race_distance_m);
  if (!plan.feasible) AddFeasibilityWarnings(in, built, plan);
  plan.weeks = std::move(built.weeks);
  return plan;
}

}  // namespace stride::plan
