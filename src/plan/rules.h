// SPDX-License-Identifier: MIT
// The coaching rules of the plan generator, each written once as a named constant or function that cites
// its SCIENCE.md source id, so that the generator and the tests apply the very same rule.
// docs/plan.md explains each rule and says which ones are conventions rather than evidence.
#ifndef STRIDE_PLAN_RULES_H_
#define STRIDE_PLAN_RULES_H_

#include <optional>

#include "core/units.h"

namespace stride::plan {

// ---- Weekly volume ---------------------------------------------------------------------------------

/// A week holds at most 110 % of the highest earlier week; the runner's current volume counts as the week
/// before the plan. SCIENCE.md C1 [buist-2008-gronorun]: a conservative convention, not injury-protective.
inline constexpr double kMaxWeeklyIncreaseFactor = 1.10;
/// The most a week may hold given the highest earlier week (current volume included), metres.
double WeeklyVolumeCap(double highest_earlier_week_m);

/// A cutback week every 4th week, 25 % below the week before. SCIENCE.md C4 [higdon-novice1]
/// [arc-running]: every 3rd or 4th week, -20 to -30 %; no trial supports a period [U].
inline constexpr int kCutbackEveryWeeks = 4;
inline constexpr double kCutbackFactor = 0.75;
/// True when week `index` (0-based) is a cutback week. The last week before the taper never is: the taper
/// that follows is itself a reduction. REQUIRES: index >= 0.
bool IsCutbackWeek(int index, int last_pre_taper_index);

/// Peak weekly volume for a marathon to finish: Higdon's Novice 1 peaks near 40 mi (64 km) with a 20 mi long
/// run. SCIENCE.md C4 [higdon-novice1].
inline constexpr double kMarathonFinishPeakWeeklyM = 64000;
/// Peak weekly volume for shorter races (half marathon) to finish [convention, scaled from Higdon].
inline constexpr double kShortRaceFinishPeakWeeklyM = 40000;
/// Extra peak volume per VDOT point of the goal above 35, and the ceiling. Pfitzinger's 18/55 peaks at
/// 88 km (SCIENCE.md C4 [pfitzinger-douglas]); the slope is a convention.
inline constexpr double kPeakWeeklyPerGoalVdotM = 3000;
inline constexpr double kPeakWeeklyGoalVdotBase = 35;
inline constexpr double kMaxPeakWeeklyM = 120000;
/// The peak weekly volume the plan aims for, before the training-day and session-length caps: from the race
/// distance and the goal's VDOT (nullopt: to finish), never below the runner's current volume.
double DesiredPeakWeeklyM(double race_distance_m, std::optional<double> goal_vdot, double current_weekly_m);

// ---- Single runs -------------------------------------------------------------------------------------

/// No run longer than 110 % of the longest run in the previous 30 days, planned runs counted as done.
/// SCIENCE.md C3 [nielsen-2025-spike] (hazard ratio 1.64 above +10 %).
inline constexpr double kMaxRunSpikeFactor = 1.10;
inline constexpr int kSpikeWindowDays = 30;
/// The longest run allowed when the longest run of the previous 30 days is `longest_in_window_m`.
double RunSpikeCap(double longest_in_window_m);

/// Easy and quality runs on weekdays stay within 90 minutes [convention; Daniels allows E runs to 150 min,
/// SCIENCE.md A3 [daniels-2014-formula]].
inline constexpr double kMaxMidweekRunS = 90 * 60;
/// A recovery run stays short [convention].
inline constexpr double kMaxRecoveryRunS = 40 * 60;
/// Runs shorter than this are not worth lacing up for; the distance goes to the other runs [convention].
inline constexpr double kMinRunM = 2000;
/// Planned distances are whole multiples of this (rounded down, so every cap still holds).
inline constexpr double kDistanceStepM = 100;
/// `distance_m` rounded down to kDistanceStepM.
double RoundDownDistance(double distance_m);

// ---- Long run ----------------------------------------------------------------------------------------

/// The long run builds to 32 km (Higdon's 20 mi) for a marathon. SCIENCE.md C4 [higdon-novice1].
inline constexpr double kMarathonPeakLongRunM = 32000;
/// Below this a marathon build is not safe: the plan is then marked not feasible [convention].
inline constexpr double kMarathonMinLongRunM = 26000;
/// Shorter races: peak long run 90 % of the distance (at most 19 km for a half), safe minimum 65 %
/// [convention].
inline constexpr double kShortRacePeakLongRunShare = 0.90;
inline constexpr double kShortRaceMaxPeakLongRunM = 19000;
inline constexpr double kShortRaceMinLongRunShare = 0.65;
/// Races from this distance up are planned as marathons.
inline constexpr double kMarathonLikeDistanceM = 30000;
double PeakLongRunM(double race_distance_m);
double MinLongRunM(double race_distance_m);

/// The long run lasts at most 3 h 30 at the fast end of the runner's easy pace. Daniels caps E runs at
/// 150 min for trained runners (SCIENCE.md A3 [daniels-2014-formula]); a first marathoner at a 4:30 goal
/// needs about 3 h 30 for Higdon's 20 mi [higdon-novice1] [convention].
inline constexpr double kMaxLongRunS = 3.5 * 3600;

/// Long run share of the week: at most 30 % [daniels-2014-formula] (SCIENCE.md A3, C4), except for low-volume
/// runners, whose long run may reach 50 % of the week but no more than kMarathonPeakLongRunM: a 30 km long
/// run cannot be 30 % of a 60 km week. The exception is a convention (docs/plan.md).
inline constexpr double kLongRunShare = 0.30;
inline constexpr double kLowVolumeLongRunShare = 0.50;
/// The longest long run a week of `week_m` metres may hold under the share rule and its exception:
/// max(30 % of the week, min(50 % of the week, 32 km)).
double LongRunShareCap(double week_m);

// ---- Workouts ----------------------------------------------------------------------------------------

/// Threshold work per session <= 10 % of the week; interval work <= 8 % and <= 10 km; marathon-pace work
/// <= the lesser of 110 min and 18 mi. SCIENCE.md A3 [daniels-2014-formula].
inline constexpr double kThresholdShare = 0.10;
inline constexpr double kIntervalShare = 0.08;
inline constexpr double kMaxIntervalWorkM = 10000;
inline constexpr double kMaxMarathonPaceWorkS = 110 * 60;
inline constexpr double kMaxMarathonPaceWorkM = 18 * core::kMetresPerMile;
/// Marathon-pace work in a midweek session: at most 15 % of the week [convention].
inline constexpr double kMidweekMarathonPaceShare = 0.15;
/// Marathon-pace segment in a long run: 30 % of the long run in the build, 40 % at the peak [convention].
inline constexpr double kLongRunMarathonPaceShareBuild = 0.30;
inline constexpr double kLongRunMarathonPaceSharePeak = 0.40;
/// The most threshold / interval / marathon-pace work one session may hold in a week of `week_m`.
double MaxThresholdWorkM(double week_m);
double MaxIntervalWorkM(double week_m);
double MaxMarathonPaceWorkM(double marathon_pace_s_per_km);

/// Quality sessions start after 3 base weeks and only in weeks of at least 20 km [convention].
inline constexpr int kMinWeeksBeforeQuality = 3;
inline constexpr double kMinWeeklyForQualityM = 20000;
/// Two quality sessions a week (peak phase) only from 5 run days and 40 km a week [convention].
inline constexpr double kMinWeeklyForTwoQualityM = 40000;

/// Warm-up 15 min (5-10 min jog, drills, strides) and cool-down 10 min. SCIENCE.md D5 [jeffreys-2007-ramp].
inline constexpr double kWarmupS = 15 * 60;
inline constexpr double kCooldownS = 10 * 60;
/// Strides: 6 x 20 s fast with 60 s easy jog. SCIENCE.md D5 [jeffreys-2007-ramp] (4-6 x 15-20 s).
inline constexpr int kStrideCount = 6;
inline constexpr double kStrideS = 20;
inline constexpr double kStrideRecoveryS = 60;
/// Strides only end runs of at least 4 km, so that the easy part stays a run [convention].
inline constexpr double kMinStridesRunM = 4000;
/// Cruise intervals of 8 min at threshold with 2 min jogs (JOURNEY.md week 6); a single tempo block is at
/// least 10 min [convention].
inline constexpr double kThresholdRepS = 8 * 60;
inline constexpr double kThresholdJogS = 2 * 60;
inline constexpr double kMinThresholdWorkS = 10 * 60;
/// Interval reps: 800 m below 48 km (30 mi) a week, 1000 m below 80 km, else 1200 m; at least 3 reps; jog
/// recovery no longer than the rep, at most 3 min. SCIENCE.md A3 [daniels-2014-formula]
/// [daniels-4ed-notes].
double IntervalRepM(double week_m);
inline constexpr int kMinIntervalReps = 3;
inline constexpr double kMaxIntervalJogS = 3 * 60;

/// Pace bands: targets are the computed pace +- 5 s/km; recovery runs 30 s/km slower than easy [convention].
inline constexpr double kPaceBandHalfWidthS = 5;
inline constexpr double kRecoveryPaceOffsetS = 30;

// ---- Taper -------------------------------------------------------------------------------------------

/// Taper: 2 weeks plus the race week, volume cut exponentially (x 0.7 per week: 70 %, 49 %, 34 % of the
/// peak week, a 49 % mean cut), intensity and frequency kept. SCIENCE.md C5 [bosquet-2007-taper]:
/// 2 weeks, -41 to -60 %.
inline constexpr int kTaperWeeks = 2;
inline constexpr double kTaperDecay = 0.70;
inline constexpr double kTaperMinCut = 0.40;
inline constexpr double kTaperMaxCut = 0.60;
/// The share of the peak week planned `weeks_into_taper` (0 = first taper week; the race week is the last).
double TaperFactor(int weeks_into_taper);

// ---- Fitness, goal and the week --------------------------------------------------------------------

/// A goal more than 2 VDOT points beyond the fitness shown draws a warning, and paces stay at the current
/// fitness [convention; SCIENCE.md A1-A2 for VDOT].
inline constexpr double kGoalBeyondFitnessMarginVdot = 2.0;
/// With no race result and no time goal, paces assume this VDOT and the plan says so [convention].
inline constexpr double kDefaultVdot = 30;

/// Fewer training days than this for a marathon is allowed but warned [convention; Higdon's novices run
/// 4 days, SCIENCE.md C4 [higdon-novice1]].
inline constexpr int kMinMarathonTrainingDays = 3;
/// Strength twice a week [convention; SCIENCE.md E6 hip-abductor strength].
inline constexpr int kStrengthSessionsPerWeek = 2;
/// No strength session in the last 4 days before the race, so that no soreness is carried to the start.
/// SCIENCE.md has no rule for strength in race week; by analogy with the last deep massage 3-5 days before
/// a race ([physiodublin], SCIENCE.md D6) it is a convention [U].
inline constexpr int kNoStrengthBeforeRaceDays = 4;
inline constexpr double kStrengthSessionS = 30 * 60;

// ---- Adaptation (app::AdaptPlan, PlanAdjustments) -------------------------------------------------

/// Return after illness: SCIENCE.md has no illness guidance, so this is a Stride convention [U], after the
/// common coaching practice of one easy day per day ill: after the last sick day come as many easy days as
/// the runner was ill (at least 3, at most 14), at half the usual volume, with no quality session, strides
/// or marathon-pace segment. Not medical advice: fever or chest symptoms call for a clinician first.
inline constexpr int kIllnessMinEasyDays = 3;
inline constexpr int kIllnessMaxEasyDays = 14;
inline constexpr double kIllnessReturnVolumeFactor = 0.5;
/// Easy days after an illness of `sick_days` days (>= 1): clamp(sick_days, 3, 14).
int IllnessEasyDays(int sick_days);

/// A load flag in the days before an adaptation (single-run spike [nielsen-2025-spike], weekly increase
/// [nielsen-2014-progression], ACWR above 1.5 [gabbett-2016-paradox], monotony above 2.0
/// [foster-1998-monotony]; analysis/flags.h) makes the next 7 days a reduced week at the cutback factor.
/// The reduction itself is a Stride convention [U]; for ACWR, information only in SCIENCE.md B6, it is a
/// precaution, not a rule the evidence supports.
inline constexpr int kFlagLookbackDays = 7;
inline constexpr int kFlagReducedDays = 7;
inline constexpr double kFlagReducedVolumeFactor = kCutbackFactor;

}  // namespace stride::plan

#endif  // STRIDE_PLAN_RULES_H_
