// SPDX-License-Identifier: MIT
// Message handlers of the FIT decoder: each On* method reads the slots of one message kind (see
// fit_profile.h) and fills the Activity. Record samples go straight into the columns.
#include "formats/fit/fit_activity_builder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

namespace stride::fit {
namespace {

using core::kNaN;

bool Valid(double x) { return !std::isnan(x); }

core::Timestamp FitTime(double fit_s) {
  const auto unix_ms = static_cast<int64_t>(std::llround((fit_s + static_cast<double>(kFitEpochUnixS)) * 1000.0));
  return core::Timestamp(std::chrono::milliseconds(unix_ms));
}

bool IsAbsoluteTime(double fit_s) { return Valid(fit_s) && fit_s >= kMinAbsoluteTime; }

// FIT sports whose `cadence` counts strides (one leg): stored doubled as steps/min.
bool IsStrideSport(uint8_t sport) {
  return sport == kSportRunning || sport == kSportWalking || sport == kSportHiking;
}

uint8_t ToU8(double x, uint8_t fallback) { return NumberAs<uint8_t>(x, fallback); }

// Sums the valid values; NaN when none is valid.
template <class Get>
double SumValid(const std::vector<core::SessionSummary>& sessions, Get get) {
  double sum = 0;
  bool any = false;
  for (const auto& s : sessions) {
    if (Valid(get(s))) sum += get(s), any = true;
  }
  return any ? sum : kNaN;
}

constexpr double kHrvTimeScale = 1000;  // hrv.time: uint16 array, ms
constexpr unsigned kHrvInvalid = 0xFFFF;

unsigned Le16At(const uint8_t* p, size_t i) { return p[2 * i] | (p[2 * i + 1] << 8); }

// hrv.time values below this many ms are converted by table lookup instead of a division (rr intervals
// of 2.048 s and more, heart rates under 30 bpm, are divided).
constexpr unsigned kRrTableSize = 2048;

// table[ms] = ms / 1000, computed by the very division it replaces, so the doubles are the same.
const double* RrSecondsTable() {
  static const std::array<double, kRrTableSize> table = [] {
    std::array<double, kRrTableSize> t{};
    for (unsigned ms = 0; ms < kRrTableSize; ++ms) t[ms] = ms / kHrvTimeScale;
    return t;
  }();
  return table.data();
}

// Writes the valid values of the little-endian uint16 array p[0, 2n) (hrv.time, ms) to `out` in
// seconds and returns how many there were.
size_t RrIntervalsLe16(const uint8_t* p, size_t n, double* out) {
  const double* table = RrSecondsTable();
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned ms = Le16At(p, i);
    if (ms < kRrTableSize) {
      out[kept++] = table[ms];
    } else if (ms != kHrvInvalid) {  // the invalid value pads short arrays
      out[kept++] = ms / kHrvTimeScale;
    }
  }
  return kept;
}

}  // namespace

double RawElement(const RawField& field, size_t i) {
  const auto base = static_cast<uint8_t>(field.base);
  const size_t size = kBaseTypeSize[base];
  if ((i + 1) * size > field.bytes.size()) return kNaN;
  const uint8_t* p = field.bytes.data() + i * size;
  uint64_t raw = 0;
  for (size_t b = 0; b < size; ++b) {
    const size_t from = field.swap ? size - 1 - b : b;
    raw |= static_cast<uint64_t>(p[from]) << (8 * b);
  }
  switch (field.base) {
    case BaseType::kUint16: return raw == 0xFFFF ? kNaN : static_cast<double>(raw);
    case BaseType::kUint8:
    case BaseType::kEnum:
    case BaseType::kByte: return raw == 0xFF ? kNaN : static_cast<double>(raw);
    case BaseType::kUint32: return raw == 0xFFFFFFFF ? kNaN : static_cast<double>(raw);
    default: return kNaN;  // hrv and friends use unsigned types only
  }
}

std::string_view RawString(const RawField& field) {
  if (field.bytes.empty()) return {};  // absent field: no bytes, and memchr must not see a null pointer
  const auto* chars = reinterpret_cast<const char*>(field.bytes.data());
  const void* nul = std::memchr(chars, 0, field.bytes.size());
  const size_t n = nul ? static_cast<size_t>(static_cast<const char*>(nul) - chars) : field.bytes.size();
  return {chars, n};
}

core::Sport MapSport(uint8_t sport, uint8_t sub_sport) {
  switch (sport) {
    case kSportRunning:
      if (sub_sport == kSubSportTrail) return core::Sport::kTrailRunning;
      if (sub_sport == kSubSportTreadmill || sub_sport == kSubSportIndoorRunning) return core::Sport::kTreadmill;
      return core::Sport::kRunning;
    case kSportWalking: return core::Sport::kWalking;
    case kSportHiking: return core::Sport::kHiking;
    case kSportCycling: return core::Sport::kCycling;
    case kSportSwimming: return core::Sport::kSwimming;
    case kSportTraining:
      // Generic training and strength training; yoga, cardio and the like stay "other".
      if (sub_sport == kSubSportStrengthTraining || sub_sport == 0 || sub_sport == 0xFF) return core::Sport::kStrength;
      return core::Sport::kOther;
    default: return core::Sport::kOther;
  }
}

std::string SportDetail(uint8_t sport, uint8_t sub_sport) {
  const char* name = SportName(sport);
  std::string detail = name ? name : fmt::format("sport_{}", sport);
  if (sub_sport != 0 && sub_sport != 0xFF) {
    const char* sub = SubSportName(sub_sport);
    detail += sub ? fmt::format("/{}", sub) : fmt::format("/sub_sport_{}", sub_sport);
  }
  return detail;
}

ActivityBuilder::ActivityBuilder() { activity_.format = core::FileFormat::kFit; }

void ActivityBuilder::Recycle(core::Activity&& recycled) {
  core::Samples& s = activity_.samples;
  s = std::move(recycled.samples);
  for (auto* column : {&s.time_s, &s.latitude_deg, &s.longitude_deg, &s.distance_m, &s.speed_mps,
                       &s.heart_rate_bpm, &s.cadence_spm, &s.altitude_m, &s.power_w}) {
    column->clear();
  }
  activity_.laps = std::move(recycled.laps);
  activity_.laps.clear();
  activity_.rr_intervals_s = std::move(recycled.rr_intervals_s);
  activity_.rr_intervals_s.clear();
}

void ActivityBuilder::BeginPart() { csd_started_ = false; }

uint32_t ActivityBuilder::ColumnOfRecordSlot(size_t slot) {
  switch (static_cast<RecordSlot>(slot)) {
    case RecordSlot::kLatitude:
    case RecordSlot::kLongitude: return kColLatLon;
    case RecordSlot::kAltitude:
    case RecordSlot::kEnhancedAltitude: return kColAltitude;
    case RecordSlot::kHeartRate: return kColHeartRate;
    case RecordSlot::kCadence:
    case RecordSlot::kFractionalCadence: return kColCadence;
    case RecordSlot::kDistance: return kColDistance;
    case RecordSlot::kSpeed:
    case RecordSlot::kEnhancedSpeed: return kColSpeed;
    case RecordSlot::kCompressedSpeedDistance: return kColSpeed | kColDistance;
    case RecordSlot::kPower: return kColPower;
    default: return 0;
  }
}

void ActivityBuilder::NoteRecordDefinition(uint32_t columns, size_t expected_records) {
  columns_seen_ |= columns;
  expected_records_ = std::max<size_t>(expected_records_, activity_.record_count + expected_records);
  for (core::DeveloperChannel& channel : activity_.developer_channels) channel.values.reserve(expected_records_);
}

std::vector<double>& ActivityBuilder::ColumnOf(StageColumn column) {
  core::Samples& s = activity_.samples;
  switch (column) {
    case StageColumn::kLatitude: return s.latitude_deg;
    case StageColumn::kLongitude: return s.longitude_deg;
    case StageColumn::kDistance: return s.distance_m;
    case StageColumn::kSpeed: return s.speed_mps;
    case StageColumn::kHeartRate: return s.heart_rate_bpm;
    case StageColumn::kCadence: return s.cadence_spm;
    case StageColumn::kAltitude: return s.altitude_m;
    case StageColumn::kPower: return s.power_w;
    case StageColumn::kTime:
    case StageColumn::kCount: break;
  }
  return s.time_s;
}

// Appends the staged rows to the columns some record definition carries (time always). A column first
// carried by a later definition gets NaN for the records before it.
void ActivityBuilder::FlushStage() {
  static constexpr uint32_t kColumnBits[kStageColumns] = {0,            kColLatLon,    kColLatLon,
                                                          kColDistance, kColSpeed,     kColHeartRate,
                                                          kColCadence,  kColAltitude,  kColPower};
  if (staged_ == 0) return;
  const size_t flushed = activity_.samples.time_s.size();
  for (size_t c = 0; c < kStageColumns; ++c) {
    if (c != Idx(StageColumn::kTime) && (columns_seen_ & kColumnBits[c]) == 0) continue;
    std::vector<double>& column = ColumnOf(static_cast<StageColumn>(c));
    if (column.capacity() < expected_records_) column.reserve(expected_records_);
    column.resize(flushed, kNaN);
    column.insert(column.end(), stage_[c], stage_[c] + staged_);
  }
  staged_ = 0;
}

void ActivityBuilder::OnFileId(const double* v, const RawField* raw) {
  if (std::isnan(time_created_fit_s_)) time_created_fit_s_ = v[Idx(FileIdSlot::kTimeCreated)];
  if (!activity_.device.empty()) return;  // chained parts: keep the first device
  constexpr uint32_t kNone = 0xFFFFFFFF;
  const uint32_t manufacturer = NumberAs<uint32_t>(v[Idx(FileIdSlot::kManufacturer)], kNone);
  if (manufacturer == kNone) return;
  const char* maker = manufacturer <= 0xFFFF ? ManufacturerName(static_cast<uint16_t>(manufacturer)) : nullptr;
  std::string device = maker ? maker : fmt::format("manufacturer_{}", manufacturer);
  const std::string_view product_name = RawString(raw[Idx(FileIdSlot::kProductName)]);
  const uint32_t product = NumberAs<uint32_t>(v[Idx(FileIdSlot::kProduct)], kNone);
  if (!product_name.empty()) {
    device += fmt::format(" {}", product_name);
  } else if (product != kNone) {
    device += fmt::format(" {}", product);
  }
  activity_.device = std::move(device);
}

void ActivityBuilder::OnSport(const double* v) {
  if (have_file_sport_ || !Valid(v[Idx(SportSlot::kSport)])) return;
  have_file_sport_ = true;
  file_sport_ = ToU8(v[Idx(SportSlot::kSport)], 0);
  file_sub_sport_ = ToU8(v[Idx(SportSlot::kSubSport)], 0);
}

void ActivityBuilder::OnSession(const double* v) {
  core::SessionSummary s;
  const uint8_t sport = ToU8(v[Idx(SessionSlot::kSport)], 0xFF);
  const uint8_t sub_sport = ToU8(v[Idx(SessionSlot::kSubSport)], 0);
  if (sport != 0xFF) {
    s.sport = MapSport(sport, sub_sport);
    s.sport_detail = SportDetail(sport, sub_sport);
  }
  if (IsAbsoluteTime(v[Idx(SessionSlot::kStartTime)])) s.start_time = FitTime(v[Idx(SessionSlot::kStartTime)]);
  s.total_elapsed_time_s = v[Idx(SessionSlot::kElapsed)];
  s.total_timer_time_s = v[Idx(SessionSlot::kTimer)];
  s.total_distance_m = v[Idx(SessionSlot::kDistance)];
  s.avg_heart_rate_bpm = v[Idx(SessionSlot::kAvgHr)];
  s.max_heart_rate_bpm = v[Idx(SessionSlot::kMaxHr)];
  s.total_ascent_m = v[Idx(SessionSlot::kAscent)];
  s.total_descent_m = v[Idx(SessionSlot::kDescent)];
  activity_.sessions.push_back(std::move(s));
  session_sports_.push_back(sport);
  session_starts_fit_s_.push_back(v[Idx(SessionSlot::kStartTime)]);
}

void ActivityBuilder::OnLap(const double* v) {
  core::Lap lap;
  if (IsAbsoluteTime(v[Idx(LapSlot::kStartTime)])) lap.start_time = FitTime(v[Idx(LapSlot::kStartTime)]);
  lap.elapsed_s = v[Idx(LapSlot::kElapsed)];
  lap.timer_s = v[Idx(LapSlot::kTimer)];
  lap.distance_m = v[Idx(LapSlot::kDistance)];
  lap.avg_heart_rate_bpm = v[Idx(LapSlot::kAvgHr)];
  lap.max_heart_rate_bpm = v[Idx(LapSlot::kMaxHr)];
  activity_.laps.push_back(lap);
}

void ActivityBuilder::OnActivity(const double* v) {
  // Largest real UTC offset is +14 h; anything beyond is a bad clock, not a time zone.
  constexpr double kMaxUtcOffsetS = 18 * 3600;
  const double utc = v[Idx(ActivitySlot::kTimestamp)];
  const double local = v[Idx(ActivitySlot::kLocalTimestamp)];
  if (!Valid(utc) || !Valid(local) || activity_.utc_offset_s) return;
  const double offset_s = local - utc;
  if (std::abs(offset_s) <= kMaxUtcOffsetS) activity_.utc_offset_s = static_cast<int32_t>(offset_s);
}

void ActivityBuilder::ReserveRrIntervals(size_t count) {
  std::vector<double>& rr = activity_.rr_intervals_s;
  if (rr.capacity() - rr.size() < count) rr.reserve(std::max(rr.size() + count, 2 * rr.capacity()));
}

void ActivityBuilder::OnHrv(const RawField* raw) {
  const RawField& times = raw[Idx(HrvSlot::kTime)];
  const size_t n = times.bytes.size() / kBaseTypeSize[static_cast<uint8_t>(times.base)];
  ReserveRrIntervals(n);
  std::vector<double>& rr = activity_.rr_intervals_s;
  if (times.base == BaseType::kUint16 && !times.swap) {  // the usual layout: little-endian uint16
    const size_t before = rr.size();
    rr.resize(before + n);
    rr.resize(before + RrIntervalsLe16(times.bytes.data(), n, rr.data() + before));
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    const double t = RawElement(times, i);
    if (Valid(t)) rr.push_back(t / kHrvTimeScale);
  }
}

// compressed_speed_distance: 12 bits speed (1/100 m/s), 12 bits distance (1/16 m, accumulating across
// its 4096-step rollover). Fills speed and distance where the record has no plain value.
void ActivityBuilder::ApplyCompressedSpeedDistance(std::span<const uint8_t> csd, double* speed, double* distance) {
  constexpr double kCsdSpeedScale = 100;
  constexpr double kCsdDistanceScale = 16;
  constexpr uint32_t kCsdDistanceMask = 0xFFF;
  if (csd.size() < 3 || (csd[0] == 0xFF && csd[1] == 0xFF && csd[2] == 0xFF)) return;
  const uint32_t speed_raw = csd[0] | ((csd[1] & 0x0Fu) << 8);
  const uint32_t distance_raw = (csd[1] >> 4) | (static_cast<uint32_t>(csd[2]) << 4);
  if (!csd_started_) {
    csd_started_ = true;
    csd_distance_m_ = distance_raw / kCsdDistanceScale;
  } else {
    csd_distance_m_ += ((distance_raw - csd_last_raw_) & kCsdDistanceMask) / kCsdDistanceScale;
  }
  csd_last_raw_ = distance_raw;
  if (!Valid(*speed)) *speed = speed_raw / kCsdSpeedScale;
  if (!Valid(*distance)) *distance = csd_distance_m_;
}

void ActivityBuilder::StageRecord(const double* v, const RawField* raw) {
  double altitude = v[Idx(RecordSlot::kEnhancedAltitude)];
  if (!Valid(altitude)) altitude = v[Idx(RecordSlot::kAltitude)];
  double speed = v[Idx(RecordSlot::kEnhancedSpeed)];
  if (!Valid(speed)) speed = v[Idx(RecordSlot::kSpeed)];
  double distance = v[Idx(RecordSlot::kDistance)];
  double cadence = v[Idx(RecordSlot::kCadence)];
  if (Valid(v[Idx(RecordSlot::kFractionalCadence)])) cadence += v[Idx(RecordSlot::kFractionalCadence)];
  ApplyCompressedSpeedDistance(raw[Idx(RecordSlot::kCompressedSpeedDistance)].bytes, &speed, &distance);
  const size_t row = staged_;
  stage_[Idx(StageColumn::kTime)][row] = v[Idx(RecordSlot::kTimestamp)];  // FIT seconds until Finish()
  stage_[Idx(StageColumn::kLatitude)][row] = v[Idx(RecordSlot::kLatitude)];
  stage_[Idx(StageColumn::kLongitude)][row] = v[Idx(RecordSlot::kLongitude)];
  stage_[Idx(StageColumn::kDistance)][row] = distance;
  stage_[Idx(StageColumn::kSpeed)][row] = speed;
  stage_[Idx(StageColumn::kHeartRate)][row] = v[Idx(RecordSlot::kHeartRate)];
  stage_[Idx(StageColumn::kCadence)][row] = cadence;  // revolutions (strides) per minute until Finish()
  stage_[Idx(StageColumn::kAltitude)][row] = altitude;
  stage_[Idx(StageColumn::kPower)][row] = v[Idx(RecordSlot::kPower)];
}

void ActivityBuilder::AppendDeveloperRow() {
  for (core::DeveloperChannel& channel : activity_.developer_channels) channel.values.push_back(kNaN);
}

uint32_t ActivityBuilder::DeveloperChannel(std::string_view name, std::string_view units) {
  auto& channels = activity_.developer_channels;
  for (size_t i = 0; i < channels.size(); ++i) {
    if (channels[i].name == name && channels[i].units == units) return static_cast<uint32_t>(i);
  }
  core::DeveloperChannel channel;
  channel.name = std::string(name);
  channel.units = std::string(units);
  channel.values.reserve(std::max<size_t>(expected_records_, activity_.record_count));
  channel.values.assign(activity_.record_count, kNaN);
  channels.push_back(std::move(channel));
  return static_cast<uint32_t>(channels.size() - 1);
}

// The instant sample times count from, in FIT seconds: the earliest session start or first record
// timestamp (some multisport files start recording before their first session). Old devices (e.g.
// Forerunner 70) write only relative "system time"; that still orders the samples.
double ActivityBuilder::TimeOrigin() const {
  double origin = kNaN;
  for (double start : session_starts_fit_s_) {
    if (Valid(start)) origin = Valid(origin) ? std::min(origin, start) : start;
  }
  for (double t : activity_.samples.time_s) {
    if (Valid(t)) return Valid(origin) ? std::min(origin, t) : t;
  }
  return origin;
}

core::Activity ActivityBuilder::Finish() {
  FlushStage();
  const double origin = TimeOrigin();
  if (IsAbsoluteTime(origin)) {
    activity_.start_time = FitTime(origin);
  } else if (IsAbsoluteTime(time_created_fit_s_)) {
    activity_.start_time = FitTime(time_created_fit_s_);
  }
  if (!activity_.sessions.empty() && !activity_.sessions.front().sport_detail.empty()) {
    activity_.sport = activity_.sessions.front().sport;
    activity_.sport_detail = activity_.sessions.front().sport_detail;
  } else if (have_file_sport_) {
    activity_.sport = MapSport(file_sport_, file_sub_sport_);
    activity_.sport_detail = SportDetail(file_sport_, file_sub_sport_);
  }
  FinishSamples(origin);
  DoubleRunningCadence(origin);
  FinishTotals();
  return std::move(activity_);
}

void ActivityBuilder::FinishSamples(double origin_fit_s) {
  if (!Valid(origin_fit_s)) return;
  for (double& t : activity_.samples.time_s) t -= origin_fit_s;  // NaN stays NaN
}

void ActivityBuilder::DoubleRunningCadence(double origin_fit_s) {
  auto& cadence = activity_.samples.cadence_spm;
  const auto& time_s = activity_.samples.time_s;
  const auto& sessions = activity_.sessions;
  if (sessions.size() <= 1) {
    const bool stride = sessions.empty() ? have_file_sport_ && IsStrideSport(file_sport_)
                                         : IsStrideSport(session_sports_.front());
    if (stride) {
      for (double& c : cadence) c *= 2;
    }
    return;
  }
  // Multisport: double only the samples inside a running/walking/hiking session (from its start to
  // start + elapsed, or on without end when the elapsed time is unknown).
  struct Window {
    double from_s;
    double to_s;
  };
  std::vector<Window> windows;
  for (size_t k = 0; k < sessions.size(); ++k) {
    if (!IsStrideSport(session_sports_[k]) || !Valid(session_starts_fit_s_[k])) continue;
    const double from = session_starts_fit_s_[k] - origin_fit_s;
    const double elapsed = sessions[k].total_elapsed_time_s;
    windows.push_back({from, Valid(elapsed) ? from + elapsed : std::numeric_limits<double>::infinity()});
  }
  if (windows.empty()) return;
  for (size_t i = 0; i < cadence.size(); ++i) {
    for (const Window& w : windows) {
      if (time_s[i] >= w.from_s && time_s[i] <= w.to_s) {
        cadence[i] *= 2;
        break;
      }
    }
  }
}

void ActivityBuilder::FinishTotals() {
  core::Activity& a = activity_;
  if (!a.sessions.empty()) {
    a.distance_m = SumValid(a.sessions, [](const auto& s) { return s.total_distance_m; });
    a.timer_s = SumValid(a.sessions, [](const auto& s) { return s.total_timer_time_s; });
    a.elapsed_s = SumValid(a.sessions, [](const auto& s) { return s.total_elapsed_time_s; });
    double weighted = 0, weight = 0;
    for (const auto& s : a.sessions) {
      const double w = Valid(s.total_timer_time_s) ? s.total_timer_time_s : 1.0;
      if (Valid(s.avg_heart_rate_bpm)) weighted += w * s.avg_heart_rate_bpm, weight += w;
      if (Valid(s.max_heart_rate_bpm)) a.max_heart_rate_bpm = Valid(a.max_heart_rate_bpm) ? std::max(a.max_heart_rate_bpm, s.max_heart_rate_bpm) : s.max_heart_rate_bpm;
    }
    if (weight > 0) a.avg_heart_rate_bpm = weighted / weight;
    return;
  }
  // Columns no record carried are empty here (FlushStage skips them).
  const core::Samples& s = a.samples;
  double first_t = kNaN, last_t = kNaN, hr_sum = 0;
  size_t hr_n = 0;
  for (double t : s.time_s) {
    if (!Valid(t)) continue;
    if (!Valid(first_t)) first_t = t;
    last_t = t;
  }
  for (double d : s.distance_m) {
    if (Valid(d)) a.distance_m = Valid(a.distance_m) ? std::max(a.distance_m, d) : d;
  }
  for (double hr : s.heart_rate_bpm) {
    if (!Valid(hr)) continue;
    hr_sum += hr, ++hr_n;
    a.max_heart_rate_bpm = Valid(a.max_heart_rate_bpm) ? std::max(a.max_heart_rate_bpm, hr) : hr;
  }
  if (Valid(first_t)) a.elapsed_s = a.timer_s = last_t - first_t;
  if (hr_n > 0) a.avg_heart_rate_bpm = hr_sum / static_cast<double>(hr_n);
}

}  // namespace stride::fit
