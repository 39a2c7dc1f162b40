// SPDX-License-Identifier: MIT
// Writes FIT activity files: one definition per message type (local types 0-5), records first, then the
// summaries ("summary last", as Garmin watches write them). Values are converted to FIT units through a
// small table of record fields built from the columns the activity has. FORMATS.md 1.1-1.6 and 2.
#include "formats/fit/activity_encoder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "formats/fit/crc16.h"
#include "formats/fit/fit_profile.h"
#include "formats/fit/workout_encoder.h"

namespace stride::fit {
namespace {

using core::ErrorCode;

constexpr uint8_t kHeaderSize = 14;
constexpr uint8_t kProtocolVersion20 = 0x20;
constexpr uint16_t kProfileVersion = 21202;  // profile 21.202, the numbers fit_profile.h follows
constexpr uint8_t kDefinitionHeader = 0x40;
constexpr uint8_t kArchLittleEndian = 0;
constexpr uint32_t kSerialNumber = 1;  // uint32z: 0 would be invalid

// Base-type bytes (FORMATS.md 1.5).
constexpr uint8_t kBaseEnum = 0x00;
constexpr uint8_t kBaseUint8 = 0x02;
constexpr uint8_t kBaseUint16 = 0x84;
constexpr uint8_t kBaseSint32 = 0x85;
constexpr uint8_t kBaseUint32 = 0x86;
constexpr uint8_t kBaseUint32z = 0x8C;
constexpr uint64_t kInvalidUint8 = 0xFF;
constexpr uint64_t kInvalidUint16 = 0xFFFF;
constexpr uint64_t kInvalidUint32 = 0xFFFFFFFF;
constexpr int64_t kInvalidSint32 = 0x7FFFFFFF;

// Messages and fields fit_profile.h does not name (the decoder does not read them). FORMATS.md 2.
constexpr uint8_t kEventEvent = 0, kEventEventType = 1, kEventEventGroup = 4;
constexpr uint8_t kEventTimer = 0, kEventSession = 8, kEventLap = 9, kEventActivity = 26;
constexpr uint8_t kEventTypeStart = 0, kEventTypeStop = 1, kEventTypeStopAll = 4;
constexpr uint8_t kActivityTotalTimerTime = 0, kActivityNumSessions = 1, kActivityType = 2;
constexpr uint8_t kActivityEvent = 3, kActivityEventType = 4;
constexpr uint8_t kActivityTypeManual = 0;
constexpr uint8_t kLapEvent = 0, kLapEventType = 1, kLapTrigger = 24;
constexpr uint8_t kLapTriggerSessionEnd = 7;
constexpr uint8_t kSessionEvent = 0, kSessionEventType = 1;
constexpr double kMsPerS = 1000, kCmPerM = 100, kMmPerS = 1000;
constexpr double kAltitudeScale = 5, kAltitudeOffsetM = 500;
constexpr double kFractionalCadenceScale = 128;

constexpr uint8_t kLocalFileId = 0, kLocalEvent = 1, kLocalRecord = 2, kLocalLap = 3, kLocalSession = 4,
                  kLocalActivity = 5;

// One field of a summary message: its definition and its raw value.
struct Field {
  uint8_t num;
  uint8_t size;
  uint8_t base;
  uint64_t raw;
};

// How a record field is computed from its column.
enum class Conversion { kLinear, kCadenceWhole, kCadenceFraction };

// One record field, fed from one sample column.
struct RecordField {
  uint8_t num;
  uint8_t size;
  uint8_t base;
  const std::vector<double>* column;
  double scale = 1;
  double offset = 0;
  Conversion conversion = Conversion::kLinear;
  double cadence_divisor = 1;  // 2 for sports whose cadence counts strides
};

void Put(std::string& out, uint64_t raw, size_t size) {
  for (size_t i = 0; i < size; ++i) out.push_back(static_cast<char>(raw >> (8 * i)));
}

// physical -> raw for unsigned fields: raw = (physical + offset) * scale, clamped; NaN is `invalid`.
uint64_t Unsigned(double value, double scale, double offset, uint64_t invalid) {
  const double raw = std::round((value + offset) * scale);
  if (std::isnan(raw)) return invalid;
  if (raw <= 0) return 0;
  return raw >= static_cast<double>(invalid) ? invalid - 1 : static_cast<uint64_t>(raw);
}

uint64_t Signed32(double value, double scale) {
  const double raw = std::round(value * scale);
  if (std::isnan(raw)) return static_cast<uint32_t>(kInvalidSint32);
  const int64_t clamped = static_cast<int64_t>(
      std::clamp(raw, -static_cast<double>(kInvalidSint32), static_cast<double>(kInvalidSint32 - 1)));
  return static_cast<uint32_t>(clamped);
}

uint64_t InvalidOf(uint8_t base) {
  switch (base) {
    case kBaseUint8:
      return kInvalidUint8;
    case kBaseUint16:
      return kInvalidUint16;
    case kBaseSint32:
      return static_cast<uint32_t>(kInvalidSint32);
    default:
      return kInvalidUint32;
  }
}

uint64_t RecordRaw(const RecordField& f, size_t i) {
  const double v = (*f.column)[i];
  const uint64_t invalid = InvalidOf(f.base);
  switch (f.conversion) {
    case Conversion::kLinear:
      return f.base == kBaseSint32 ? Signed32(v, f.scale) : Unsigned(v, f.scale, f.offset, invalid);
    case Conversion::kCadenceWhole:
      return Unsigned(std::floor(v / f.cadence_divisor), 1, 0, invalid);
    case Conversion::kCadenceFraction: {
      const double fit = v / f.cadence_divisor;
      return Unsigned(fit - std::floor(fit), kFractionalCadenceScale, 0, invalid);
    }
  }
  return invalid;
}

// Sports whose FIT cadence counts strides (one leg): the decoder doubles it back to steps/min.
bool CountsStrides(core::Sport sport) {
  const uint8_t fit = FitSportOf(sport).first;
  return fit == kSportRunning || fit == kSportWalking || fit == kSportHiking;
}

// Seconds since the FIT epoch; nullopt before it.
std::optional<uint32_t> FitSeconds(core::Timestamp t) {
  const int64_t fit_s = std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count() - kFitEpochUnixS;
  if (fit_s < 0) return std::nullopt;
  return static_cast<uint32_t>(std::min<int64_t>(fit_s, kInvalidUint32 - 1));
}

// Writes the definition of `fields` as local message `local` of global message `global`.
void Define(std::string& out, uint8_t local, uint16_t global, std::span<const Field> fields) {
  out.push_back(static_cast<char>(kDefinitionHeader | local));
  out.push_back(0);  // reserved
  out.push_back(static_cast<char>(kArchLittleEndian));
  Put(out, global, 2);
  out.push_back(static_cast<char>(fields.size()));
  for (const Field& f : fields) {
    out.push_back(static_cast<char>(f.num));
    out.push_back(static_cast<char>(f.size));
    out.push_back(static_cast<char>(f.base));
  }
}

void Data(std::string& out, uint8_t local, std::span<const Field> fields) {
  out.push_back(static_cast<char>(local));
  for (const Field& f : fields) Put(out, f.raw, f.size);
}

// Messages of one type: one definition, then one data message each.
void WriteMessages(std::string& out, uint8_t local, uint16_t global, const std::vector<std::vector<Field>>& messages) {
  if (messages.empty()) return;
  Define(out, local, global, messages.front());
  for (const auto& m : messages) Data(out, local, m);
}

// The numbers a lap or session is written from.
struct Summary {
  core::Sport sport = core::Sport::kOther;
  uint32_t start_fit_s = 0;
  double elapsed_s = core::kNaN;
  double timer_s = core::kNaN;
  double distance_m = core::kNaN;
  double avg_heart_rate_bpm = core::kNaN;
  double max_heart_rate_bpm = core::kNaN;
  double ascent_m = core::kNaN;
  double descent_m = core::kNaN;

  uint64_t EndFitS() const {
    return start_fit_s + (std::isnan(elapsed_s) ? 0 : static_cast<uint64_t>(std::max(0.0, std::round(elapsed_s))));
  }
};

// The activity as one summary: its totals where known, else computed from the samples.
Summary WholeActivity(const core::Activity& a, uint32_t start_fit_s) {
  const core::Samples& s = a.samples;
  Summary sum{a.sport, start_fit_s, a.elapsed_s, a.timer_s, a.distance_m, a.avg_heart_rate_bpm, a.max_heart_rate_bpm};
  double first_t = core::kNaN, last_t = core::kNaN, max_d = core::kNaN, max_hr = core::kNaN, hr_sum = 0;
  size_t hr_n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!std::isnan(s.time_s[i])) {
      if (std::isnan(first_t)) first_t = s.time_s[i];
      last_t = s.time_s[i];
    }
    if (!s.distance_m.empty() && !(s.distance_m[i] <= max_d)) max_d = s.distance_m[i];
    if (s.heart_rate_bpm.empty() || std::isnan(s.heart_rate_bpm[i])) continue;
    hr_sum += s.heart_rate_bpm[i], ++hr_n;
    if (!(s.heart_rate_bpm[i] <= max_hr)) max_hr = s.heart_rate_bpm[i];
  }
  if (std::isnan(sum.elapsed_s) && !std::isnan(first_t)) sum.elapsed_s = last_t - first_t;
  if (std::isnan(sum.timer_s)) sum.timer_s = sum.elapsed_s;
  if (std::isnan(sum.distance_m)) sum.distance_m = max_d;
  if (std::isnan(sum.avg_heart_rate_bpm) && hr_n > 0) sum.avg_heart_rate_bpm = hr_sum / static_cast<double>(hr_n);
  if (std::isnan(sum.max_heart_rate_bpm)) sum.max_heart_rate_bpm = max_hr;
  return sum;
}

std::vector<Field> SummaryFields(const Summary& s) {
  return {{kFieldTimestamp, 4, kBaseUint32, std::min<uint64_t>(s.EndFitS(), kInvalidUint32 - 1)},
          {kSummaryStartTime, 4, kBaseUint32, s.start_fit_s},
          {kSummaryTotalElapsedTime, 4, kBaseUint32, Unsigned(s.elapsed_s, kMsPerS, 0, kInvalidUint32)},
          {kSummaryTotalTimerTime, 4, kBaseUint32, Unsigned(s.timer_s, kMsPerS, 0, kInvalidUint32)},
          {kSummaryTotalDistance, 4, kBaseUint32, Unsigned(s.distance_m, kCmPerM, 0, kInvalidUint32)}};
}

std::vector<Field> LapFields(const Summary& s) {
  std::vector<Field> f = SummaryFields(s);
  f.push_back({kLapEvent, 1, kBaseEnum, kEventLap});
  f.push_back({kLapEventType, 1, kBaseEnum, kEventTypeStop});
  f.push_back({kLapAvgHeartRate, 1, kBaseUint8, Unsigned(s.avg_heart_rate_bpm, 1, 0, kInvalidUint8)});
  f.push_back({kLapMaxHeartRate, 1, kBaseUint8, Unsigned(s.max_heart_rate_bpm, 1, 0, kInvalidUint8)});
  f.push_back({kLapTrigger, 1, kBaseEnum, kLapTriggerSessionEnd});
  return f;
}

std::vector<Field> SessionFields(const Summary& s) {
  std::vector<Field> f = SummaryFields(s);
  const auto [sport, sub_sport] = FitSportOf(s.sport);
  f.push_back({kSessionEvent, 1, kBaseEnum, kEventSession});
  f.push_back({kSessionEventType, 1, kBaseEnum, kEventTypeStop});
  f.push_back({kSessionSport, 1, kBaseEnum, sport});
  f.push_back({kSessionSubSport, 1, kBaseEnum, sub_sport});
  f.push_back({kSessionAvgHeartRate, 1, kBaseUint8, Unsigned(s.avg_heart_rate_bpm, 1, 0, kInvalidUint8)});
  f.push_back({kSessionMaxHeartRate, 1, kBaseUint8, Unsigned(s.max_heart_rate_bpm, 1, 0, kInvalidUint8)});
  f.push_back({kSessionTotalAscent, 2, kBaseUint16, Unsigned(s.ascent_m, 1, 0, kInvalidUint16)});
  f.push_back({kSessionTotalDescent, 2, kBaseUint16, Unsigned(s.descent_m, 1, 0, kInvalidUint16)});
  return f;
}

Summary FromLap(const core::Lap& lap, core::Sport sport, uint32_t fallback_start) {
  const uint32_t start = FitSeconds(lap.start_time).value_or(fallback_start);
  return {sport, start, lap.elapsed_s, lap.timer_s, lap.distance_m, lap.avg_heart_rate_bpm, lap.max_heart_rate_bpm};
}

Summary FromSession(const core::SessionSummary& s, uint32_t fallback_start) {
  const uint32_t start = FitSeconds(s.start_time).value_or(fallback_start);
  return {s.sport,
          start,
          s.total_elapsed_time_s,
          s.total_timer_time_s,
          s.total_distance_m,
          s.avg_heart_rate_bpm,
          s.max_heart_rate_bpm,
          s.total_ascent_m,
          s.total_descent_m};
}

// The record fields for the columns `a` has, in the order a Garmin watch writes them.
std::vector<RecordField> RecordFields(const core::Activity& a) {
  const core::Samples& s = a.samples;
  std::vector<RecordField> f;
  if (!s.latitude_deg.empty())
    f.push_back({kRecordPositionLat, 4, kBaseSint32, &s.latitude_deg, kSemicirclesPerDegree});
  if (!s.longitude_deg.empty()) {
    f.push_back({kRecordPositionLong, 4, kBaseSint32, &s.longitude_deg, kSemicirclesPerDegree});
  }
  if (!s.distance_m.empty()) f.push_back({kRecordDistance, 4, kBaseUint32, &s.distance_m, kCmPerM});
  if (!s.altitude_m.empty()) {
    f.push_back({kRecordEnhancedAltitude, 4, kBaseUint32, &s.altitude_m, kAltitudeScale, kAltitudeOffsetM});
  }
  if (!s.speed_mps.empty()) f.push_back({kRecordEnhancedSpeed, 4, kBaseUint32, &s.speed_mps, kMmPerS});
  if (!s.heart_rate_bpm.empty()) f.push_back({kRecordHeartRate, 1, kBaseUint8, &s.heart_rate_bpm});
  if (!s.cadence_spm.empty()) {
    const double divisor = CountsStrides(a.sport) ? 2 : 1;
    f.push_back({kRecordCadence, 1, kBaseUint8, &s.cadence_spm, 1, 0, Conversion::kCadenceWhole, divisor});
    const bool fractional = std::any_of(s.cadence_spm.begin(), s.cadence_spm.end(), [&](double c) {
      return !std::isnan(c) && std::floor(c / divisor) != c / divisor;
    });
    if (fractional) {
      f.push_back(
          {kRecordFractionalCadence, 1, kBaseUint8, &s.cadence_spm, 1, 0, Conversion::kCadenceFraction, divisor});
    }
  }
  if (!s.power_w.empty()) f.push_back({kRecordPower, 2, kBaseUint16, &s.power_w});
  return f;
}

void WriteRecords(std::string& out, const core::Activity& a, uint32_t start_fit_s) {
  const std::vector<RecordField> fields = RecordFields(a);
  std::vector<Field> definition = {{kFieldTimestamp, 4, kBaseUint32, 0}};
  for (const RecordField& f : fields) definition.push_back({f.num, f.size, f.base, 0});
  Define(out, kLocalRecord, kMesgRecord, definition);
  const std::vector<double>& time_s = a.samples.time_s;
  for (size_t i = 0; i < time_s.size(); ++i) {
    out.push_back(static_cast<char>(kLocalRecord));
    Put(out, Unsigned(start_fit_s + time_s[i], 1, 0, kInvalidUint32), 4);
    for (const RecordField& f : fields) Put(out, RecordRaw(f, i), f.size);
  }
}

void WriteFileId(std::string& out, uint32_t start_fit_s) {
  const Field fields[] = {{kFileIdType, 1, kBaseEnum, kFileTypeActivity},
                          {kFileIdManufacturer, 2, kBaseUint16, kManufacturerDevelopment},
                          {kFileIdProduct, 2, kBaseUint16, kStrideProductId},
                          {kFileIdSerialNumber, 4, kBaseUint32z, kSerialNumber},
                          {kFileIdTimeCreated, 4, kBaseUint32, start_fit_s}};
  Define(out, kLocalFileId, kMesgFileId, fields);
  Data(out, kLocalFileId, fields);
}

std::vector<Field> EventFields(uint64_t fit_s, uint8_t event_type) {
  return {{kFieldTimestamp, 4, kBaseUint32, fit_s},
          {kEventEvent, 1, kBaseEnum, kEventTimer},
          {kEventEventType, 1, kBaseEnum, event_type},
          {kEventEventGroup, 1, kBaseUint8, 0}};
}

// Laps, sessions and the activity message; `end_fit_s` is the last record's time.
void WriteSummaries(std::string& out, const core::Activity& a, uint32_t start_fit_s, uint64_t end_fit_s) {
  const Summary whole = WholeActivity(a, start_fit_s);
  std::vector<std::vector<Field>> laps, sessions;
  for (const core::Lap& lap : a.laps) laps.push_back(LapFields(FromLap(lap, a.sport, start_fit_s)));
  if (laps.empty()) laps.push_back(LapFields(whole));
  for (const core::SessionSummary& s : a.sessions) sessions.push_back(SessionFields(FromSession(s, start_fit_s)));
  if (sessions.empty()) sessions.push_back(SessionFields(whole));
  WriteMessages(out, kLocalLap, kMesgLap, laps);
  WriteMessages(out, kLocalSession, kMesgSession, sessions);
  const uint64_t end = std::min<uint64_t>(std::max(end_fit_s, whole.EndFitS()), kInvalidUint32 - 1);
  const uint64_t local =
      a.utc_offset_s ? Unsigned(static_cast<double>(end) + *a.utc_offset_s, 1, 0, kInvalidUint32) : kInvalidUint32;
  const Field activity[] = {
      {kFieldTimestamp, 4, kBaseUint32, end},
      {kActivityTotalTimerTime, 4, kBaseUint32, Unsigned(whole.timer_s, kMsPerS, 0, kInvalidUint32)},
      {kActivityNumSessions, 2, kBaseUint16, sessions.size()},
      {kActivityType, 1, kBaseEnum, kActivityTypeManual},
      {kActivityEvent, 1, kBaseEnum, kEventActivity},
      {kActivityEventType, 1, kBaseEnum, kEventTypeStop},
      {kActivityLocalTimestamp, 4, kBaseUint32, local}};
  Define(out, kLocalActivity, kMesgActivity, activity);
  Data(out, kLocalActivity, activity);
}

Status CheckColumns(const core::Activity& a) {
  const core::Samples& s = a.samples;
  for (const std::vector<double>* column : {&s.latitude_deg, &s.longitude_deg, &s.distance_m, &s.speed_mps,
                                            &s.heart_rate_bpm, &s.cadence_spm, &s.altitude_m, &s.power_w}) {
    if (!column->empty() && column->size() != s.time_s.size()) {
      return Fail(ErrorCode::kInvalidArgument, "sample columns differ in length from time_s", "fit encoder");
    }
  }
  return Ok();
}

void PutAt(std::string& out, size_t at, uint64_t raw, size_t size) {
  for (size_t i = 0; i < size; ++i) out[at + i] = static_cast<char>(raw >> (8 * i));
}

std::span<const uint8_t> Bytes(const std::string& s, size_t n) {
  return {reinterpret_cast<const uint8_t*>(s.data()), n};
}

}  // namespace

Result<std::string> EncodeActivity(const core::Activity& activity) {
  const std::optional<uint32_t> start = FitSeconds(activity.start_time);
  if (!start) return Fail(ErrorCode::kInvalidArgument, "start time before the FIT epoch (1989-12-31)", "fit encoder");
  if (auto status = CheckColumns(activity); !status) return Fail(status.error());
  constexpr size_t kSummaryBytes = 512;
  constexpr size_t kMaxRecordBytes = 32;
  std::string out;
  out.reserve(kHeaderSize + kSummaryBytes + activity.samples.size() * kMaxRecordBytes);
  out.push_back(static_cast<char>(kHeaderSize));
  out.push_back(static_cast<char>(kProtocolVersion20));
  Put(out, kProfileVersion, 2);
  Put(out, 0, 4);  // data_size, patched below
  out.append(".FIT");
  Put(out, 0, 2);  // header CRC, patched below
  WriteFileId(out, *start);
  const std::vector<Field> timer_start = EventFields(*start, kEventTypeStart);
  Define(out, kLocalEvent, kMesgEvent, timer_start);
  Data(out, kLocalEvent, timer_start);
  const std::vector<double>& time_s = activity.samples.time_s;
  uint64_t end_fit_s = *start;
  for (double t : time_s) {
    if (!std::isnan(t)) end_fit_s = std::max(end_fit_s, Unsigned(*start + t, 1, 0, kInvalidUint32));
  }
  if (!time_s.empty()) WriteRecords(out, activity, *start);
  Data(out, kLocalEvent, EventFields(end_fit_s, kEventTypeStopAll));
  WriteSummaries(out, activity, *start, end_fit_s);
  const uint64_t data_size = out.size() - kHeaderSize;
  if (data_size > kInvalidUint32)
    return Fail(ErrorCode::kUnsupported, "activity too large for one FIT file", "fit encoder");
  constexpr size_t kDataSizeOffset = 4, kHeaderCrcOffset = 12;
  PutAt(out, kDataSizeOffset, data_size, 4);
  PutAt(out, kHeaderCrcOffset, Crc16(Bytes(out, kHeaderCrcOffset)), 2);
  Put(out, Crc16(Bytes(out, out.size())), 2);
  return out;
}

}  // namespace stride::fit
