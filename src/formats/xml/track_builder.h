// SPDX-License-Identifier: MIT
// TrackBuilder collects the track points of one GPX or TCX activity column by column, then finishes the
// core::Samples: times relative to the start, channels the file never carried left empty, distance
// computed from positions when the file has none, and running cadence converted to steps/min. It also
// completes the activity's totals and summary from those samples (FinishActivity).
#ifndef STRIDE_FORMATS_XML_TRACK_BUILDER_H_
#define STRIDE_FORMATS_XML_TRACK_BUILDER_H_

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/activity.h"
#include "core/date.h"

namespace stride::xml {

/// Mean Earth radius (IUGG R1), for haversine distances. A geodesy constant, not a coaching one.
inline constexpr double kEarthRadiusM = 6371008.8;

/// Great-circle distance between two positions in degrees (haversine), in metres.
double HaversineM(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

/// Running cadence written as strides/min (one leg) has a median below this; steps/min (both legs) above.
/// FORMATS.md §8.3 ("running median < 120 -> strides, x2"); Runalyze#1367 uses the same idea.
inline constexpr double kStrideCadenceMedianLimit = 120.0;

/// 2 when `raw_cadence` (NaN = missing, 0 ignored) looks like strides/min for a foot sport (running,
/// trail, treadmill, walking, hiking) by the median rule above, else 1. Other sports keep rpm as written.
double CadenceFactor(std::span<const double> raw_cadence, core::Sport sport);

/// One track point as read from the file. NaN means absent.
struct TrackPoint {
  core::Timestamp time{};
  double latitude_deg = core::kNaN;
  double longitude_deg = core::kNaN;
  double altitude_m = core::kNaN;
  double distance_m = core::kNaN;     // cumulative, as the file states it
  double speed_mps = core::kNaN;
  double heart_rate_bpm = core::kNaN;
  double cadence_spm = core::kNaN;    // known to be steps/min already (e.g. TCX RunCadence x 2)
  double cadence_raw = core::kNaN;    // unit unknown (GPX cad, TCX Cadence): CadenceFactor decides
  double power_w = core::kNaN;
};

/// Collects points; one per activity. Memory grows by amortised doubling (call Reserve to avoid it).
class TrackBuilder {
 public:
  void Reserve(size_t points);
  /// The next point starts a new segment (a pause): no distance is computed across the gap and the
  /// gap does not count as moving time.
  void BreakSegment() { break_pending_ = true; }
  void Add(const TrackPoint& point);

  size_t size() const { return samples_.time_s.size(); }
  bool empty() const { return samples_.time_s.empty(); }
  /// Time of the first / last point added. REQUIRES: !empty().
  core::Timestamp first_time() const { return origin_; }
  core::Timestamp last_time() const;
  /// Sum over segments of (last time - first time), in seconds: elapsed minus the pauses between segments.
  double SegmentTimeS() const;

  /// Moves the samples out: time_s relative to `start`, unseen channels cleared, distance from positions
  /// (haversine, per segment) when no point had one, cadence = spm or raw x CadenceFactor(sport).
  /// Leaves the builder empty.
  core::Samples Finish(core::Timestamp start, core::Sport sport);

 private:
  void ComputeDistanceFromPositions();

  core::Samples samples_;
  std::vector<double> cadence_raw_;
  std::vector<size_t> segment_starts_;
  core::Timestamp origin_{};
  bool break_pending_ = true;
  bool has_position_ = false, has_altitude_ = false, has_distance_ = false, has_speed_ = false;
  bool has_heart_rate_ = false, has_cadence_spm_ = false, has_cadence_raw_ = false, has_power_ = false;
};

/// Mean and maximum of the non-NaN values, or NaN when there are none.
struct ChannelStats {
  double mean = core::kNaN;
  double max = core::kNaN;
};
ChannelStats StatsOf(std::span<const double> values);

/// The SessionSummary of a GPX/TCX activity: its sport, start and totals.
core::SessionSummary SummaryOf(const core::Activity& activity);

/// Fills the totals `activity` does not state yet (NaN) from its samples: the distance from the last known
/// cumulative distance, the average and maximum heart rate from the heart-rate column.
void FillTotalsFromSamples(core::Activity* activity);

/// Completes a GPX/TCX activity from the points in `builder`: record_count; elapsed_s from the first to the
/// last point (timer_s when there are none); timer_s, when not already stated, as SegmentTimeS(); the
/// samples (TrackBuilder::Finish at activity->start_time); FillTotalsFromSamples; and one SessionSummary.
/// REQUIRES: start_time and sport set, plus any totals the file states (laps). Leaves the builder empty.
void FinishActivity(TrackBuilder* builder, core::Activity* activity);

}  // namespace stride::xml

#endif  // STRIDE_FORMATS_XML_TRACK_BUILDER_H_
