// SPDX-License-Identifier: MIT
// Test helpers: generate activities and sample streams in code (steady segments at a given speed and
// heart rate), so analysis tests need no fixture files.
#ifndef STRIDE_TESTS_ANALYSIS_ACTIVITY_BUILDERS_H_
#define STRIDE_TESTS_ANALYSIS_ACTIVITY_BUILDERS_H_

#include <chrono>
#include <cmath>

#include "core/activity.h"
#include "core/date.h"

namespace stride::analysis::testing {

/// Appends `seconds` of samples at `speed_mps` and `hr_bpm` (NaN: none), one every `step_s` seconds,
/// continuing time and distance from the last sample. The first call also writes the t = 0 sample.
inline void AppendSteady(core::Samples* s, double seconds, double speed_mps, double hr_bpm, double step_s = 1.0) {
  if (s->empty()) {
    s->time_s.push_back(0);
    s->distance_m.push_back(0);
    s->speed_mps.push_back(speed_mps);
    s->heart_rate_bpm.push_back(hr_bpm);
  }
  const int steps = static_cast<int>(std::lround(seconds / step_s));
  for (int k = 0; k < steps; ++k) {
    s->time_s.push_back(s->time_s.back() + step_s);
    s->distance_m.push_back(s->distance_m.back() + speed_mps * step_s);
    s->speed_mps.push_back(speed_mps);
    s->heart_rate_bpm.push_back(hr_bpm);
  }
}

/// Inserts a pause: the next sample comes `gap_s` later at the same distance.
inline void AppendPause(core::Samples* s, double gap_s, double speed_mps, double hr_bpm) {
  s->time_s.push_back(s->time_s.back() + gap_s);
  s->distance_m.push_back(s->distance_m.back());
  s->speed_mps.push_back(speed_mps);
  s->heart_rate_bpm.push_back(hr_bpm);
}

/// A running activity starting at 07:00 UTC on `date` with the given samples; totals left NaN so the
/// analysis computes them.
inline core::Activity RunWithSamples(core::Date date, core::Samples samples) {
  core::Activity a;
  a.sport = core::Sport::kRunning;
  a.start_time = core::StartOfDay(date) + std::chrono::hours(7);
  a.samples = std::move(samples);
  return a;
}

inline core::Date Day(int y, unsigned m, unsigned d) { return core::Date::FromYmd(y, m, d); }

}  // namespace stride::analysis::testing

#endif  // STRIDE_TESTS_ANALYSIS_ACTIVITY_BUILDERS_H_
