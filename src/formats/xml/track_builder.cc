// SPDX-License-Identifier: MIT
// TrackBuilder and the shared track arithmetic: haversine distance, the cadence rule, channel stats.
#include "formats/xml/track_builder.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "formats/xml/xml_values.h"

namespace stride::xml {
namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;

bool IsFootSport(core::Sport sport) {
  return core::IsRun(sport) || sport == core::Sport::kWalking || sport == core::Sport::kHiking;
}

void ClearUnless(bool seen, std::vector<double>* column) {
  if (!seen) std::vector<double>().swap(*column);
}

}  // namespace

double HaversineM(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  double lat1 = lat1_deg * kDegToRad, lat2 = lat2_deg * kDegToRad;
  double half_dlat = (lat2 - lat1) / 2, half_dlon = (lon2_deg - lon1_deg) * kDegToRad / 2;
  double a = std::sin(half_dlat) * std::sin(half_dlat) +
             std::cos(lat1) * std::cos(lat2) * std::sin(half_dlon) * std::sin(half_dlon);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

double CadenceFactor(std::span<const double> raw_cadence, core::Sport sport) {
  if (!IsFootSport(sport)) return 1.0;
  std::vector<double> positive;
  for (double value : raw_cadence) {
    if (value > 0) positive.push_back(value);
  }
  if (positive.empty()) return 1.0;
  auto middle = positive.begin() + static_cast<ptrdiff_t>(positive.size() / 2);
  std::nth_element(positive.begin(), middle, positive.end());
  return *middle < kStrideCadenceMedianLimit ? 2.0 : 1.0;
}

void TrackBuilder::Reserve(size_t points) {
  for (auto* column : {&samples_.time_s, &samples_.latitude_deg, &samples_.longitude_deg, &samples_.distance_m,
                       &samples_.speed_mps, &samples_.heart_rate_bpm, &samples_.cadence_spm, &samples_.altitude_m,
                       &samples_.power_w, &cadence_raw_}) {
    column->reserve(points);
  }
}

void TrackBuilder::Add(const TrackPoint& point) {
  if (empty()) origin_ = point.time;
  if (break_pending_ || empty()) segment_starts_.push_back(size());
  break_pending_ = false;
  samples_.time_s.push_back(SecondsBetween(origin_, point.time));
  samples_.latitude_deg.push_back(point.latitude_deg);
  samples_.longitude_deg.push_back(point.longitude_deg);
  samples_.altitude_m.push_back(point.altitude_m);
  samples_.distance_m.push_back(point.distance_m);
  samples_.speed_mps.push_back(point.speed_mps);
  samples_.heart_rate_bpm.push_back(point.heart_rate_bpm);
  samples_.cadence_spm.push_back(point.cadence_spm);
  samples_.power_w.push_back(point.power_w);
  cadence_raw_.push_back(point.cadence_raw);
  has_position_ |= !std::isnan(point.latitude_deg) && !std::isnan(point.longitude_deg);
  has_altitude_ |= !std::isnan(point.altitude_m);
  has_distance_ |= !std::isnan(point.distance_m);
  has_speed_ |= !std::isnan(point.speed_mps);
  has_heart_rate_ |= !std::isnan(point.heart_rate_bpm);
  has_cadence_spm_ |= !std::isnan(point.cadence_spm);
  has_cadence_raw_ |= !std::isnan(point.cadence_raw);
  has_power_ |= !std::isnan(point.power_w);
}

core::Timestamp TrackBuilder::last_time() const {
  return origin_ + std::chrono::milliseconds(std::llround(samples_.time_s.back() * 1000.0));
}

double TrackBuilder::SegmentTimeS() const {
  double total_s = 0;
  for (size_t i = 0; i < segment_starts_.size(); ++i) {
    size_t end = i + 1 < segment_starts_.size() ? segment_starts_[i + 1] : size();
    total_s += samples_.time_s[end - 1] - samples_.time_s[segment_starts_[i]];
  }
  return total_s;
}

void TrackBuilder::ComputeDistanceFromPositions() {
  const auto& lat = samples_.latitude_deg;
  const auto& lon = samples_.longitude_deg;
  double total_m = 0;
  size_t next_segment = 0;
  std::optional<size_t> previous;  // last point with a position in the current segment
  for (size_t i = 0; i < size(); ++i) {
    if (next_segment < segment_starts_.size() && segment_starts_[next_segment] == i) {
      previous.reset();
      ++next_segment;
    }
    if (!std::isnan(lat[i]) && !std::isnan(lon[i])) {
      if (previous) total_m += HaversineM(lat[*previous], lon[*previous], lat[i], lon[i]);
      previous = i;
    }
    samples_.distance_m[i] = total_m;
  }
  has_distance_ = true;
}

core::Samples TrackBuilder::Finish(core::Timestamp start, core::Sport sport) {
  double shift_s = SecondsBetween(start, origin_);
  if (shift_s != 0) {
    for (double& t : samples_.time_s) t += shift_s;
  }
  if (!has_distance_ && has_position_) ComputeDistanceFromPositions();
  if (has_cadence_raw_) {
    double factor = CadenceFactor(cadence_raw_, sport);
    for (size_t i = 0; i < size(); ++i) {
      if (std::isnan(samples_.cadence_spm[i])) samples_.cadence_spm[i] = cadence_raw_[i] * factor;
    }
  }
  ClearUnless(has_position_, &samples_.latitude_deg);
  ClearUnless(has_position_, &samples_.longitude_deg);
  ClearUnless(has_altitude_, &samples_.altitude_m);
  ClearUnless(has_distance_, &samples_.distance_m);
  ClearUnless(has_speed_, &samples_.speed_mps);
  ClearUnless(has_heart_rate_, &samples_.heart_rate_bpm);
  ClearUnless(has_cadence_spm_ || has_cadence_raw_, &samples_.cadence_spm);
  ClearUnless(has_power_, &samples_.power_w);
  core::Samples out = std::move(samples_);
  *this = TrackBuilder();
  return out;
}

ChannelStats StatsOf(std::span<const double> values) {
  ChannelStats stats;
  double sum = 0;
  size_t count = 0;
  for (double value : values) {
    if (std::isnan(value)) continue;
    sum += value;
    ++count;
    if (!(value <= stats.max)) stats.max = value;
  }
  if (count > 0) stats.mean = sum / static_cast<double>(count);
  return stats;
}

core::SessionSummary SummaryOf(const core::Activity& activity) {
  core::SessionSummary session;
  session.sport = activity.sport;
  session.sport_detail = activity.sport_detail;
  session.start_time = activity.start_time;
  session.total_distance_m = activity.distance_m;
  session.total_timer_time_s = activity.timer_s;
  session.total_elapsed_time_s = activity.elapsed_s;
  session.avg_heart_rate_bpm = activity.avg_heart_rate_bpm;
  session.max_heart_rate_bpm = activity.max_heart_rate_bpm;
  return session;
}

void FillTotalsFromSamples(core::Activity* activity) {
  const core::Samples& samples = activity->samples;
  if (std::isnan(activity->distance_m)) {
    auto last = std::find_if(samples.distance_m.rbegin(), samples.distance_m.rend(),
                             [](double d) { return !std::isnan(d); });
    if (last != samples.distance_m.rend()) activity->distance_m = *last;
  }
  ChannelStats heart_rate = StatsOf(samples.heart_rate_bpm);
  if (std::isnan(activity->avg_heart_rate_bpm)) activity->avg_heart_rate_bpm = heart_rate.mean;
  if (std::isnan(activity->max_heart_rate_bpm)) activity->max_heart_rate_bpm = heart_rate.max;
}

void FinishActivity(TrackBuilder* builder, core::Activity* activity) {
  activity->record_count = builder->size();
  if (builder->empty()) {
    activity->elapsed_s = activity->timer_s;
  } else {
    // Both read the times before Finish shifts them to the activity start.
    activity->elapsed_s = SecondsBetween(builder->first_time(), builder->last_time());
    if (std::isnan(activity->timer_s)) activity->timer_s = builder->SegmentTimeS();
  }
  activity->samples = builder->Finish(activity->start_time, activity->sport);
  FillTotalsFromSamples(activity);
  activity->sessions.push_back(SummaryOf(*activity));
}

}  // namespace stride::xml
