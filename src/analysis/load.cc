// SPDX-License-Identifier: MIT
// Activity load: Banister TRIMP, session RPE, rTSS/hrTSS and the TRIMP-equivalents. See load.h.
#include "analysis/load.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/activity_metrics.h"
#include "analysis/vdot.h"
#include "core/units.h"

namespace stride::analysis {
namespace {

using core::kNaN;

constexpr double kSecondsPerMinute = 60.0;
constexpr double kSecondsPerHour = 3600.0;

void AddNote(std::string* note, const std::string& clause) {
  if (!note->empty()) *note += "; ";
  *note += clause;
}

double EstimateMaxHeartRate(const core::Athlete& athlete, core::Date on, double observed_max_bpm, std::string* how) {
  double tanaka = kNaN;
  if (athlete.birth_year) {
    double age = on.year() - *athlete.birth_year;
    tanaka = kTanakaInterceptBpm - kTanakaSlopeBpmPerYear * age;
  }
  bool observed = core::IsPlausibleHeartRate(observed_max_bpm);
  if (std::isfinite(tanaka) && (!observed || tanaka >= observed_max_bpm)) {
    *how = fmt::format("max HR not set: {:.0f} bpm from age (208 - 0.7 x age)", tanaka);
    return tanaka;
  }
  if (observed) {
    *how = fmt::format("max HR not set: highest HR observed, {:.0f} bpm", observed_max_bpm);
    return observed_max_bpm;
  }
  *how = "max HR not set and no heart rate recorded";
  return kNaN;
}

struct HeartRateTrimp {
  double trimp = 0;
  double coverage = 0;  // fraction of counted time with a plausible HR
  double counted_s = 0;
  double avg_hrr = kNaN;
};

HeartRateTrimp TrimpFromSamples(const core::Samples& s, const HeartRateProfile& profile) {
  HeartRateTrimp r;
  if (s.heart_rate_bpm.size() != s.size()) return r;
  double hr_seconds = 0, hrr_sum = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    double dt = CountedInterval(s, i);
    r.counted_s += dt;
    if (dt <= 0 || !core::IsPlausibleHeartRate(s.heart_rate_bpm[i])) continue;
    double hrr = HeartRateReserveFraction(s.heart_rate_bpm[i], profile);
    r.trimp += dt / kSecondsPerMinute * TrimpPerMinute(hrr, profile.female);
    hrr_sum += hrr * dt;
    hr_seconds += dt;
  }
  if (r.counted_s > 0) r.coverage = hr_seconds / r.counted_s;
  if (hr_seconds > 0) r.avg_hrr = hrr_sum / hr_seconds;
  return r;
}

// Banister TRIMP from HR samples, else from the file's average HR. False when neither is usable.
bool TryBanister(const core::Activity& a, const HeartRateProfile& profile, double moving_s, ActivityLoad* load) {
  if (!(profile.max_bpm > profile.rest_bpm)) return false;
  HeartRateTrimp hr = TrimpFromSamples(a.samples, profile);
  if (hr.coverage >= kMinHeartRateCoverage) {
    load->trimp = hr.trimp / hr.coverage;
    load->heart_rate_stress_score = HeartRateStressScore(hr.counted_s, hr.avg_hrr);
    load->estimated = hr.coverage < kFullHeartRateCoverage;
    if (load->estimated) {
      AddNote(&load->note, fmt::format("heart rate covers {:.0f} % of the time; scaled up", hr.coverage * 100));
    }
  } else if (core::IsPlausibleHeartRate(a.avg_heart_rate_bpm) && moving_s > 0) {
    double hrr = HeartRateReserveFraction(a.avg_heart_rate_bpm, profile);
    load->trimp = moving_s / kSecondsPerMinute * TrimpPerMinute(hrr, profile.female);
    load->heart_rate_stress_score = HeartRateStressScore(moving_s, hrr);
    load->estimated = true;
    AddNote(&load->note, "from the session's average heart rate (no usable heart-rate samples)");
  } else {
    return false;
  }
  load->method = LoadMethod::kBanisterTrimp;
  if (profile.estimated) {
    load->estimated = true;
    AddNote(&load->note, profile.note);
  }
  return true;
}

// TRIMP of the easy reference session per minute (HRr 0.6); docs/metrics.md#load-without-heart-rate.
double EasyTrimpPerMinute(bool female) { return TrimpPerMinute(kEasyReferenceHeartRateReserve, female); }

void EstimateWithoutHeartRate(const LoadContext& c, ActivityLoad* load) {
  const bool female = c.heart_rate.female;
  const double minutes = load->moving_s > 0 ? load->moving_s / kSecondsPerMinute : 0.0;
  load->estimated = true;
  if (std::isfinite(load->session_rpe_load)) {
    // k makes 60 min at RPE 3 (180 AU) equal the TRIMP of 60 min at HRr 0.6.
    load->trimp = load->session_rpe_load * EasyTrimpPerMinute(female) / kEasyReferenceRpe;
    load->method = LoadMethod::kSessionRpe;
    AddNote(&load->note, "no heart rate: session RPE converted to TRIMP units");
  } else if (std::isfinite(load->running_stress_score)) {
    // k' makes one hour at threshold (100 rTSS) equal the TRIMP of one hour at HRr 0.83.
    double per_point = TrimpPerMinute(kThresholdHeartRateReserve, female) * 60.0 / kStressScorePerThresholdHour;
    load->trimp = load->running_stress_score * per_point;
    load->method = LoadMethod::kPaceEstimate;
    AddNote(&load->note, "no heart rate: rTSS from pace converted to TRIMP units");
  } else {
    load->trimp = minutes * EasyTrimpPerMinute(female);
    load->method = LoadMethod::kDurationEstimate;
    AddNote(&load->note, minutes > 0 ? "no heart rate or RPE: duration at easy intensity" : "no duration: load 0");
  }
}

}  // namespace

const char* LoadMethodName(LoadMethod method) {
  switch (method) {
    case LoadMethod::kBanisterTrimp:
      return "banister_trimp";
    case LoadMethod::kSessionRpe:
      return "session_rpe";
    case LoadMethod::kPaceEstimate:
      return "pace_estimate";
    case LoadMethod::kDurationEstimate:
      return "duration_estimate";
  }
  return "unknown";
}

HeartRateProfile ResolveHeartRateProfile(const core::Athlete& athlete, core::Date on, double observed_max_bpm) {
  HeartRateProfile p;
  p.female = athlete.sex == core::Sex::kFemale;
  if (!athlete.sex) {
    p.estimated = true;
    AddNote(&p.note, "sex not set: male TRIMP constants used");
  }
  if (athlete.hr_max_bpm) {
    p.max_bpm = *athlete.hr_max_bpm;
  } else {
    std::string how;
    p.max_bpm = EstimateMaxHeartRate(athlete, on, observed_max_bpm, &how);
    p.estimated = true;
    AddNote(&p.note, how);
  }
  if (athlete.hr_rest_bpm) {
    p.rest_bpm = *athlete.hr_rest_bpm;
  } else {
    p.estimated = true;
    AddNote(&p.note, "resting HR not set: 60 bpm assumed");
  }
  return p;
}

double TrimpPerMinute(double hrr, bool female) {
  if (!std::isfinite(hrr)) return 0.0;
  hrr = std::clamp(hrr, 0.0, 1.0);
  const double a = female ? kTrimpFemaleA : kTrimpMaleA;
  const double b = female ? kTrimpFemaleB : kTrimpMaleB;
  return hrr * a * std::exp(b * hrr);
}

double HeartRateReserveFraction(double hr_bpm, const HeartRateProfile& profile) {
  const double range = profile.max_bpm - profile.rest_bpm;
  if (!std::isfinite(hr_bpm) || !(range > 0)) return kNaN;
  return std::clamp((hr_bpm - profile.rest_bpm) / range, 0.0, 1.0);
}

double SessionRpeLoad(double rpe, double minutes) { return rpe * minutes; }

double RunningStressScore(double duration_s, double speed_mps, double threshold_speed_mps) {
  if (!(duration_s > 0 && speed_mps > 0 && threshold_speed_mps > 0)) return kNaN;
  const double intensity = speed_mps / threshold_speed_mps;
  return kStressScorePerThresholdHour * duration_s / kSecondsPerHour * intensity * intensity;
}

double HeartRateStressScore(double duration_s, double hrr_avg) {
  if (!std::isfinite(hrr_avg) || !(duration_s >= 0)) return kNaN;
  const double ratio = hrr_avg / kThresholdHeartRateReserve;
  return kStressScorePerThresholdHour * duration_s / kSecondsPerHour * ratio * ratio;
}

double ThresholdSpeedFromVdot(double vdot) { return core::kMetresPerKm / PacesFromVdot(vdot).threshold_s_per_km; }

ActivityLoad ComputeActivityLoad(const core::Activity& activity, const LoadContext& context) {
  ActivityMetrics m = ComputeActivityMetrics(activity, context.heart_rate.max_bpm);
  ActivityLoad load;
  load.moving_s = std::isfinite(m.moving_s) ? m.moving_s : 0.0;
  if (activity.perceived_exertion) {
    load.session_rpe_load = SessionRpeLoad(*activity.perceived_exertion, load.moving_s / kSecondsPerMinute);
  }
  if (core::IsRun(activity.sport) && m.distance_m > 0 && load.moving_s > 0) {
    load.running_stress_score =
        RunningStressScore(load.moving_s, m.distance_m / load.moving_s, context.threshold_speed_mps);
  }
  if (TryBanister(activity, context.heart_rate, load.moving_s, &load)) return load;
  EstimateWithoutHeartRate(context, &load);
  return load;
}

}  // namespace stride::analysis
