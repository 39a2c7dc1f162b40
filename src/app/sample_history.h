// SPDX-License-Identifier: MIT
// A deterministic, realistic training history for the demo runner (JOURNEY.md's Sam): four runs a week
// (Tue, Thu, Sat, Sun), about 25 km, long runs on Sunday, a 10 km parkrun race, GPS, heart rate and
// cadence every 5 s. It lets `make run` and the tests import real files without any outside data.
// ExportHistoryRun makes the same kind of runs, six a week over years, for the import benchmark.
#ifndef STRIDE_APP_SAMPLE_HISTORY_H_
#define STRIDE_APP_SAMPLE_HISTORY_H_

#include <filesystem>
#include <vector>

#include "core/activity.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::app {

/// The runs of the `weeks` weeks that end on `end` (inclusive), oldest first. Same inputs, same runs.
std::vector<core::Activity> SampleHistory(core::Date end, int weeks);

/// How generated runs are recorded. The defaults are the demo history's.
struct SampleRunOptions {
  double sample_interval_s = 5;  // one sample every this many seconds (a watch's "smart" rate is ~5 s)
  double gps_jitter_m = 0;       // GPS error of up to this many metres, wandering from sample to sample
  double altitude_noise_m = 0;   // uniform noise of up to this many metres on each altitude
};

/// The k-th run (k >= 0) of a long history for benchmarks: six runs a week (Friday is the rest day) from
/// Monday 2016-12-05, so 3,000 runs span 9.6 years; 6-24 km (each +-15 %) at easy to tempo paces, with
/// the demo model's GPS loop, heart rate with drift and cadence. Each run is seeded by k, so runs can be
/// made one at a time in any order: same k and options, same run. REQUIRES: options.sample_interval_s > 0.
core::Activity ExportHistoryRun(int k, const SampleRunOptions& options);

/// Writes SampleHistory as GPX files (YYYY-MM-DD-<kind>.gpx) into `dir`, created as needed; returns
/// the paths written. Fails with kIoError naming the file.
Result<std::vector<std::filesystem::path>> WriteSampleHistory(const std::filesystem::path& dir, core::Date end, int weeks);

}  // namespace stride::app

#endif  // STRIDE_APP_SAMPLE_HISTORY_H_
