// SPDX-License-Identifier: MIT
// A deterministic, realistic training history for the demo runner (JOURNEY.md's Sam): four runs a week
// (Tue, Thu, Sat, Sun), about 25 km, long runs on Sunday, a 10 km parkrun race, GPS, heart rate and
// cadence every 5 s. It lets `make run` and the tests import real files without any outside data.
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

/// Writes SampleHistory as GPX files (YYYY-MM-DD-<kind>.gpx) into `dir`, created as needed; returns
/// the paths written. Fails with kIoError naming the file.
Result<std::vector<std::filesystem::path>> WriteSampleHistory(const std::filesystem::path& dir, core::Date end, int weeks);

}  // namespace stride::app

#endif  // STRIDE_APP_SAMPLE_HISTORY_H_
