// SPDX-License-Identifier: MIT
// JSON shapes of the public interface (DESIGN.md "Public interface"), shared by the CLI and the web server.
// Fields may be added, never renamed.
#ifndef STRIDE_VIEWS_JSON_OUTPUT_H_
#define STRIDE_VIEWS_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "app/import.h"
#include "app/paces.h"
#include "app/training_load.h"
#include "store/activity_repository.h"
#include "core/athlete.h"

namespace stride::views {

nlohmann::json AthleteJson(const core::Athlete& athlete);
nlohmann::json PacesJson(const app::PacesReport& report);
/// One `stride inspect --json` entry: file, format, ok, error, sport, start_time, records, laps, distance_m,
/// timer_s, elapsed_s, avg_hr, max_hr, sessions (each with the file's own totals).
nlohmann::json InspectJson(const app::InspectedFile& file);
/// `stride import --json`: imported, duplicates, failed (file, error), skipped.
nlohmann::json ImportJson(const app::ImportReport& report);
/// One `stride activities --json` entry.
nlohmann::json StoredActivityJson(const store::StoredActivity& activity);
/// `stride load --json`: days (load, ctl, atl, tsb, acwr ...), weeks (distance_m, monotony, strain ...), flags.
nlohmann::json LoadJson(const app::LoadReport& report);
/// `stride fitness --json`: current VDOT, history, trend, predictions.
nlohmann::json FitnessJson(const app::FitnessReport& report);
/// The summary fields of an activity (no samples).
nlohmann::json ActivitySummaryJson(const core::Activity& activity);

}  // namespace stride::views

namespace stride::views {

/// Default cap on points per stream in ActivityDetailJson: enough for a phone-wide chart, small enough
/// to send quickly.
inline constexpr size_t kMaxStreamPoints = 2000;

/// One activity for the dashboard: StoredActivityJson plus `lap_list` (start_time, elapsed_s, timer_s,
/// distance_m, avg_hr, max_hr) and `streams`: `time_s`, `distance_m`, `speed_mps`, `pace_s_per_km`,
/// `heart_rate_bpm`, `altitude_m`, all of one length `points` (<= max_points), averaged over buckets of
/// consecutive samples (`source_points` in all). A channel the file lacks is an empty array; unknown values
/// are null; pace is null where the runner stands still. REQUIRES: max_points >= 2.
nlohmann::json ActivityDetailJson(const store::StoredActivity& activity, size_t max_points = kMaxStreamPoints);

}  // namespace stride::views

#endif  // STRIDE_VIEWS_JSON_OUTPUT_H_
