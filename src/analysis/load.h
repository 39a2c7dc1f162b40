// SPDX-License-Identifier: MIT
// Training load of one activity: Banister TRIMP from heart rate, Foster session-RPE, rTSS and hrTSS, and
// the TRIMP-equivalent used when heart rate is missing. Also resolves the heart-rate profile (rest, max,
// sex constants), estimating what the athlete has not given. SCIENCE.md B1, B3, B5; docs/metrics.md#load.
#ifndef STRIDE_ANALYSIS_LOAD_H_
#define STRIDE_ANALYSIS_LOAD_H_

#include <string>

#include "core/activity.h"
#include "core/athlete.h"
#include "core/date.h"

namespace stride::analysis {

/// Banister TRIMP weighting a*e^(b*HRr), men: SCIENCE.md B1 [banister-1975] [morton-1990] [H].
inline constexpr double kTrimpMaleA = 0.64;
inline constexpr double kTrimpMaleB = 1.92;
/// Women: Morton 1990's a = 0.86, b = 1.67 [morton-1990] [M]. Stride uses 0.86; GoldenCheetah [gc-trimp]
/// uses 0.64 for both sexes (about 26 % lower for women). Unknown sex uses the male constants.
inline constexpr double kTrimpFemaleA = 0.86;
inline constexpr double kTrimpFemaleB = 1.67;
/// HRmax estimate 208 - 0.7 * age (Tanaka, Monahan & Seals 2001). Not yet in SCIENCE.md: [U].
inline constexpr double kTanakaInterceptBpm = 208.0;
inline constexpr double kTanakaSlopeBpmPerYear = 0.7;
/// Resting HR assumed when the profile has none. Stride convention [U].
inline constexpr double kDefaultRestingHeartRateBpm = 60.0;
/// HR reserve fraction at lactate threshold for hrTSS: SCIENCE.md B5 [pacelore] [M].
inline constexpr double kThresholdHeartRateReserve = 0.83;
/// hrTSS/rTSS: one hour at threshold scores 100 (SCIENCE.md B5 [me-create] [pacelore]).
inline constexpr double kStressScorePerThresholdHour = 100.0;
/// The easy reference session that calibrates session-RPE into TRIMP units: 60 min at RPE 3 (CR-10),
/// taken to be run at HRr 0.6. Stride convention [U]; docs/metrics.md#load-without-heart-rate.
inline constexpr double kEasyReferenceRpe = 3.0;
inline constexpr double kEasyReferenceHeartRateReserve = 0.6;
/// Heart rate must cover at least this fraction of the counted time for Banister TRIMP from samples; the
/// TRIMP is then scaled up to the full time (estimated when coverage < kFullHeartRateCoverage). [U]
inline constexpr double kMinHeartRateCoverage = 0.5;
inline constexpr double kFullHeartRateCoverage = 0.95;

/// How a load was obtained. Names are persisted/serialised (LoadMethodName): do not rename.
enum class LoadMethod { kBanisterTrimp, kSessionRpe, kPaceEstimate, kDurationEstimate };
/// "banister_trimp", "session_rpe", "pace_estimate", "duration_estimate".
const char* LoadMethodName(LoadMethod method);

/// Heart-rate values the load formulas use.
struct HeartRateProfile {
  double rest_bpm = kDefaultRestingHeartRateBpm;
  double max_bpm = core::kNaN;  // NaN when neither given nor estimable
  bool female = false;          // selects the TRIMP constants
  bool estimated = false;       // any value above was estimated or defaulted
  std::string note;             // why, e.g. "resting HR not set: 60 bpm assumed"
};

/// Resolves the profile used on date `on`. Given values win. A missing HRmax is the larger of Tanaka's
/// age estimate (needs birth_year) and `observed_max_bpm` (the highest plausible HR seen in the history;
/// NaN when none); a missing HRrest is kDefaultRestingHeartRateBpm; unknown sex uses the male constants.
/// Each of these sets `estimated` and adds a clause to `note`.
HeartRateProfile ResolveHeartRateProfile(const core::Athlete& athlete, core::Date on, double observed_max_bpm);

/// Banister TRIMP per minute at heart-rate reserve fraction `hrr` (clamped to [0, 1]):
/// hrr * a * e^(b * hrr). E.g. 60 * TrimpPerMinute(0.74, false) = 117.7 (SCIENCE.md B1).
double TrimpPerMinute(double hrr, bool female);
/// (hr - rest) / (max - rest), clamped to [0, 1]. NaN when an input is NaN or max <= rest.
double HeartRateReserveFraction(double hr_bpm, const HeartRateProfile& profile);

/// Foster session-RPE load (AU) = CR-10 RPE * minutes (SCIENCE.md B3 [foster-2001-srpe]).
double SessionRpeLoad(double rpe, double minutes);
/// rTSS = 100 * hours * IF^2, IF = speed / threshold speed (SCIENCE.md B5). Stride uses average moving
/// speed, not normalised graded pace. NaN when an input is not positive.
double RunningStressScore(double duration_s, double speed_mps, double threshold_speed_mps);
/// hrTSS = 100 * hours * (HRR_avg / 0.83)^2 (SCIENCE.md B5 [pacelore]). NaN when hrr_avg is NaN.
double HeartRateStressScore(double duration_s, double hrr_avg);
/// Threshold speed (m/s) from Daniels' T pace for a VDOT. REQUIRES: 15 <= vdot <= 90.
double ThresholdSpeedFromVdot(double vdot);

/// What the load of an activity depends on besides the activity.
struct LoadContext {
  HeartRateProfile heart_rate;
  double threshold_speed_mps = core::kNaN;  // NaN when no fitness estimate exists
};

/// The load of one activity in TRIMP units (AU), whichever method produced it.
struct ActivityLoad {
  double trimp = 0;
  LoadMethod method = LoadMethod::kDurationEstimate;
  bool estimated = true;
  std::string note;                             // why estimated; empty otherwise
  double session_rpe_load = core::kNaN;         // when the RPE is known
  double running_stress_score = core::kNaN;     // rTSS, runs with a known threshold speed
  double heart_rate_stress_score = core::kNaN;  // hrTSS, when heart rate is known
  double moving_s = core::kNaN;                 // the duration the load was computed over
};

/// The load of `activity`. Methods, first that applies: Banister TRIMP over HR samples (or the file's
/// average HR, estimated); session RPE * k; rTSS * k' for runs with distance and a threshold speed;
/// minutes at the easy reference intensity. Conversions in docs/metrics.md#load-without-heart-rate.
/// Never NaN: an activity without any duration has trimp 0 (duration_estimate).
ActivityLoad ComputeActivityLoad(const core::Activity& activity, const LoadContext& context);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_LOAD_H_
