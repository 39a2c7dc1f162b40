// SPDX-License-Identifier: MIT
// The rule functions declared in rules.h; every constant they use is named and sourced there.
#include "plan/rules.h"

#include <algorithm>
#include <cmath>

#include "core/check.h"

namespace stride::plan {

double WeeklyVolumeCap(double highest_earlier_week_m) { return kMaxWeeklyIncreaseFactor * highest_earlier_week_m; }

bool IsCutbackWeek(int index, int last_pre_taper_index) {
  STRIDE_CHECK(index >= 0);
  if (index >= last_pre_taper_index) return false;
  return (index + 1) % kCutbackEveryWeeks == 0;
}

double DesiredPeakWeeklyM(double race_distance_m, std::optional<double> goal_vdot, double current_weekly_m) {
  const bool marathon = race_distance_m >= kMarathonLikeDistanceM;
  double peak = marathon ? kMarathonFinishPeakWeeklyM : kShortRaceFinishPeakWeeklyM;
  if (goal_vdot && *goal_vdot > kPeakWeeklyGoalVdotBase) {
    // A half marathon needs about two thirds of the marathon's extra volume [convention].
    const double slope = marathon ? kPeakWeeklyPerGoalVdotM : kPeakWeeklyPerGoalVdotM * 2.0 / 3.0;
    peak += (*goal_vdot - kPeakWeeklyGoalVdotBase) * slope;
  }
  peak = std::min(peak, kMaxPeakWeeklyM);
  return std::max(peak, current_weekly_m);
}

double RunSpikeCap(double longest_in_window_m) { return kMaxRunSpikeFactor * longest_in_window_m; }

double RoundDownDistance(double distance_m) {
  if (distance_m <= 0) return 0;
  // The small epsilon keeps 2999.9999 (a product of factors) from dropping to 2900.
  return std::floor(distance_m / kDistanceStepM + 1e-9) * kDistanceStepM;
}

double PeakLongRunM(double race_distance_m) {
  if (race_distance_m >= kMarathonLikeDistanceM) return kMarathonPeakLongRunM;
  return std::min(kShortRacePeakLongRunShare * race_distance_m, kShortRaceMaxPeakLongRunM);
}

double MinLongRunM(double race_distance_m) {
  if (race_distance_m >= kMarathonLikeDistanceM) return kMarathonMinLongRunM;
  return kShortRaceMinLongRunShare * race_distance_m;
}

double LongRunShareCap(double week_m) {
  return std::max(kLongRunShare * week_m, std::min(kLowVolumeLongRunShare * week_m, kMarathonPeakLongRunM));
}

double MaxThresholdWorkM(double week_m) { return kThresholdShare * week_m; }

double MaxIntervalWorkM(double week_m) { return std::min(kIntervalShare * week_m, kMaxIntervalWorkM); }

double MaxMarathonPaceWorkM(double marathon_pace_s_per_km) {
  const double by_time_m = kMaxMarathonPaceWorkS / marathon_pace_s_per_km * core::kMetresPerKm;
  return std::min(by_time_m, kMaxMarathonPaceWorkM);
}

double IntervalRepM(double week_m) {
  if (week_m < 48000) return 800;
  if (week_m < 80000) return 1000;
  return 1200;
}

double TaperFactor(int weeks_into_taper) {
  STRIDE_CHECK(weeks_into_taper >= 0);
  return std::pow(kTaperDecay, weeks_into_taper + 1);
}

int IllnessEasyDays(int sick_days) { return std::clamp(sick_days, kIllnessMinEasyDays, kIllnessMaxEasyDays); }

}  // namespace stride::plan
