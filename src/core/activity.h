// SPDX-License-Identifier: MIT
// The activity model every decoder fills and every analysis reads: sport, start, laps, the summaries the
// file states, and the samples stored column by column (one vector per channel, all the same length).
// Missing values inside a present channel are NaN; a channel the file never carries stays empty.
#ifndef STRIDE_CORE_ACTIVITY_H_
#define STRIDE_CORE_ACTIVITY_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace stride::core {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Sports Stride distinguishes. Persisted by name (SportName): do not rename.
enum class Sport { kRunning, kTrailRunning, kTreadmill, kWalking, kHiking, kCycling, kSwimming, kStrength, kOther };

const char* SportName(Sport sport);  // "running", "trail_running", "treadmill", ...
Result<Sport> ParseSport(std::string_view text);
/// Running, trail running and treadmill: what a running plan counts as running.
bool IsRun(Sport sport);

/// Source file format. Persisted by name: do not rename.
enum class FileFormat { kFit, kGpx, kTcx };
const char* FileFormatName(FileFormat f);  // "fit", "gpx", "tcx"

/// Samples, column by column. time_s is seconds since the activity start (elapsed, pauses included);
/// every non-empty column has time_s.size() entries. Units are in the names.
struct Samples {
  std::vector<double> time_s;
  std::vector<double> latitude_deg;
  std::vector<double> longitude_deg;
  std::vector<double> distance_m;      // cumulative
  std::vector<double> speed_mps;
  std::vector<double> heart_rate_bpm;
  std::vector<double> cadence_spm;     // steps per minute for running (both legs)
  std::vector<double> altitude_m;
  std::vector<double> power_w;

  size_t size() const { return time_s.size(); }
  bool empty() const { return time_s.empty(); }
};

/// A developer (Connect IQ) field kept from a FIT file: its name and units as the file's
/// field_description gives them, and one value per sample (NaN where absent).
struct DeveloperChannel {
  std::string name;
  std::string units;
  std::vector<double> values;
};

/// One lap, as the file states it. Unknown numbers are NaN.
struct Lap {
  Timestamp start_time{};
  double elapsed_s = kNaN;
  double timer_s = kNaN;
  double distance_m = kNaN;
  double avg_heart_rate_bpm = kNaN;
  double max_heart_rate_bpm = kNaN;
};

/// One FIT `session` message (or the equivalent for GPX/TCX: the whole activity), as the file states it.
struct SessionSummary {
  Sport sport = Sport::kOther;
  std::string sport_detail;  // e.g. "running/trail", "cycling/virtual_activity"
  Timestamp start_time{};
  double total_distance_m = kNaN;
  double total_timer_time_s = kNaN;
  double total_elapsed_time_s = kNaN;
  double avg_heart_rate_bpm = kNaN;
  double max_heart_rate_bpm = kNaN;
  double total_ascent_m = kNaN;
  double total_descent_m = kNaN;
};

/// A decoded activity.
struct Activity {
  FileFormat format = FileFormat::kFit;
  Sport sport = Sport::kOther;
  std::string sport_detail;
  Timestamp start_time{};
  std::optional<int32_t> utc_offset_s;  // local time = UTC + offset, when the file says
  std::string name;                     // e.g. from activities.csv or the file
  std::string description;
  std::optional<double> perceived_exertion;  // CR-10 RPE, when known
  std::string device;                         // e.g. "garmin fenix5"

  // Totals: from the file's summaries when present, else computed from samples. NaN when unknown.
  double distance_m = kNaN;
  double timer_s = kNaN;    // moving / timer time
  double elapsed_s = kNaN;  // wall-clock span
  double avg_heart_rate_bpm = kNaN;
  double max_heart_rate_bpm = kNaN;

  uint64_t record_count = 0;  // FIT: number of `record` messages; GPX/TCX: track points
  std::vector<Lap> laps;
  std::vector<SessionSummary> sessions;
  Samples samples;
  std::vector<DeveloperChannel> developer_channels;
  std::vector<double> rr_intervals_s;  // FIT hrv message: beat-to-beat intervals

  bool salvaged = false;         // decoded with --salvage from a damaged file
  uint64_t bytes_lost = 0;       // how much of the file was dropped when salvaged

  /// Local calendar date of the start (UTC when the offset is unknown).
  Date LocalStartDate() const { return LocalDate(start_time, utc_offset_s.value_or(0)); }
};

/// A decoder's note about something it skipped or repaired (unknown message, dropped sample, clock jump).
struct Diagnostic {
  std::string where;    // e.g. "run.fit@byte 1834"
  std::string message;  // e.g. "unknown message 233 skipped"
};

/// What a decoder returns: the activities in the file (chained FIT and multi-activity TCX can hold
/// several) and the warnings met on the way.
struct Decoded {
  std::vector<Activity> activities;
  std::vector<Diagnostic> warnings;
};

}  // namespace stride::core

#endif  // STRIDE_CORE_ACTIVITY_H_
