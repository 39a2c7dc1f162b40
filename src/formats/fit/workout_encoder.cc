// SPDX-License-Identifier: MIT
// Writes FIT workout files: steps are flattened first (repeat blocks become their children plus a
// trailing marker step), then written as file_id, workout and workout_step messages, each message type
// with one definition. Byte layout: docs/formats/fit.md; FORMATS.md 3.1-3.6.
#include "formats/fit/workout_encoder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string_view>

#include "formats/fit/crc16.h"
#include "formats/fit/fit_profile.h"

namespace stride::fit {
namespace {

constexpr uint8_t kHeaderSize = 14;
constexpr uint8_t kProtocolVersion10 = 0x10;  // FORMATS.md 3.7: workout files are written as protocol 1.0
constexpr uint16_t kProfileVersion = 21202;    // profile 21.202, the numbers fit_profile.h follows
constexpr uint8_t kDefinitionHeader = 0x40;
constexpr uint8_t kArchLittleEndian = 0;
constexpr size_t kMaxStringBytes = 64;  // including the terminating NUL

// Base-type bytes (FORMATS.md 1.5).
constexpr uint8_t kBaseEnum = 0x00;
constexpr uint8_t kBaseString = 0x07;
constexpr uint8_t kBaseUint16 = 0x84;
constexpr uint8_t kBaseUint32 = 0x86;
constexpr uint8_t kBaseUint32z = 0x8C;
constexpr uint8_t kInvalidEnum = 0xFF;
constexpr uint32_t kInvalidUint32 = 0xFFFFFFFF;

constexpr uint8_t kLocalFileId = 0;
constexpr uint8_t kLocalWorkout = 1;
constexpr uint8_t kLocalStep = 2;

// One workout_step message, in FIT units.
struct StepRecord {
  std::string_view name;
  uint8_t duration_type = kDurationOpen;
  uint32_t duration_value = kInvalidUint32;
  uint8_t target_type = kTargetOpen;
  uint32_t target_value = 0;
  uint32_t custom_low = kInvalidUint32;
  uint32_t custom_high = kInvalidUint32;
  uint8_t intensity = kInvalidEnum;
};

struct FieldDef {
  uint8_t num;
  uint8_t size;
  uint8_t base;
};

class ByteWriter {
 public:
  void U8(uint8_t v) { bytes_.push_back(v); }
  void U16(uint16_t v) { Int(v, 2); }
  void U32(uint32_t v) { Int(v, 4); }
  /// `s` padded with NULs to `size` bytes (always at least one NUL).
  void Str(std::string_view s, size_t size) {
    for (size_t i = 0; i < size; ++i) bytes_.push_back(i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
  }
  void Define(uint8_t local, uint16_t global, const std::vector<FieldDef>& fields) {
    U8(kDefinitionHeader | local);
    U8(0);  // reserved
    U8(kArchLittleEndian);
    U16(global);
    U8(static_cast<uint8_t>(fields.size()));
    for (const FieldDef& f : fields) {
      U8(f.num);
      U8(f.size);
      U8(f.base);
    }
  }
  std::vector<uint8_t>& bytes() { return bytes_; }

 private:
  void Int(uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  std::vector<uint8_t> bytes_;
};

// `s` cut to fit kMaxStringBytes with its NUL, never inside a UTF-8 character.
std::string_view FitString(std::string_view s) {
  if (s.size() < kMaxStringBytes) return s;
  size_t n = kMaxStringBytes - 1;
  while (n > 0 && (static_cast<uint8_t>(s[n]) & 0xC0) == 0x80) --n;  // s[n] starts the dropped part
  return s.substr(0, n);
}

uint8_t StringFieldSize(std::string_view s) { return static_cast<uint8_t>(FitString(s).size() + 1); }

uint32_t Scaled(double value, double scale) {
  const double raw = std::round(value * scale);
  if (!(raw >= 0)) return 0;  // negative or NaN
  return raw >= kInvalidUint32 ? kInvalidUint32 - 1 : static_cast<uint32_t>(raw);
}

// Heart rates as FIT's uint8 heart_rate fields can hold them (keeps bpm + 100 far from overflow).
double Bpm(double bpm) {
  constexpr double kMaxBpm = 255;
  return std::isnan(bpm) ? 0 : std::clamp(bpm, 0.0, kMaxBpm);
}

uint8_t IntensityValue(WorkoutStep::Intensity intensity) { return static_cast<uint8_t>(intensity); }

StepRecord ToRecord(const WorkoutStep& step) {
  constexpr double kMsPerS = 1000, kCmPerM = 100, kMmPerM = 1000;
  StepRecord r;
  r.name = FitString(step.name);
  r.intensity = IntensityValue(step.intensity);
  switch (step.duration) {
    case WorkoutStep::Duration::kTime:
      r.duration_type = kDurationTime, r.duration_value = Scaled(step.duration_value, kMsPerS);
      break;
    case WorkoutStep::Duration::kDistance:
      r.duration_type = kDurationDistance, r.duration_value = Scaled(step.duration_value, kCmPerM);
      break;
    case WorkoutStep::Duration::kOpen: break;
  }
  switch (step.target) {
    case WorkoutStep::Target::kSpeed:
      r.target_type = kTargetSpeed;
      r.custom_low = Scaled(std::min(step.low, step.high), kMmPerM);
      r.custom_high = Scaled(std::max(step.low, step.high), kMmPerM);
      break;
    case WorkoutStep::Target::kHeartRate:
      r.target_type = kTargetHeartRate;
      r.custom_low = Scaled(std::min(Bpm(step.low), Bpm(step.high)), 1) + kWorkoutHrBpmOffset;
      r.custom_high = Scaled(std::max(Bpm(step.low), Bpm(step.high)), 1) + kWorkoutHrBpmOffset;
      break;
    case WorkoutStep::Target::kOpen: break;
  }
  return r;
}

// Appends `steps` in FIT order: a repeat block's children, then its marker step.
void Flatten(const std::vector<WorkoutStep>& steps, std::vector<StepRecord>* out) {
  for (const WorkoutStep& step : steps) {
    if (step.children.empty() && step.repeat_count == 0) {
      out->push_back(ToRecord(step));
      continue;
    }
    const size_t first = out->size();
    Flatten(step.children, out);
    if (step.repeat_count <= 0 || out->size() == first) continue;
    StepRecord marker;
    marker.duration_type = kDurationRepeatUntilStepsComplete;
    marker.duration_value = static_cast<uint32_t>(first);
    marker.target_value = static_cast<uint32_t>(step.repeat_count);
    out->push_back(marker);
  }
}

uint32_t FitSeconds(core::Timestamp t) {
  const int64_t unix_s = std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
  const int64_t fit_s = unix_s - kFitEpochUnixS;
  return fit_s <= 0 ? 0 : static_cast<uint32_t>(std::min<int64_t>(fit_s, kInvalidUint32 - 1));
}

void WriteFileId(const Workout& workout, ByteWriter& w) {
  w.Define(kLocalFileId, kMesgFileId,
           {{kFileIdType, 1, kBaseEnum}, {kFileIdManufacturer, 2, kBaseUint16}, {kFileIdProduct, 2, kBaseUint16},
            {kFileIdSerialNumber, 4, kBaseUint32z}, {kFileIdTimeCreated, 4, kBaseUint32}});
  w.U8(kLocalFileId);
  w.U8(kFileTypeWorkout);
  w.U16(kManufacturerDevelopment);
  w.U16(kStrideProductId);
  w.U32(workout.serial_number);
  w.U32(FitSeconds(workout.time_created));
}

void WriteWorkout(const Workout& workout, size_t num_steps, ByteWriter& w) {
  const auto [sport, sub_sport] = FitSportOf(workout.sport);
  const bool with_description = !workout.description.empty();
  std::vector<FieldDef> fields = {{kWorkoutSport, 1, kBaseEnum},
                                  {kWorkoutSubSport, 1, kBaseEnum},
                                  {kWorkoutNumValidSteps, 2, kBaseUint16},
                                  {kWorkoutName, StringFieldSize(workout.name), kBaseString}};
  if (with_description) fields.push_back({kWorkoutDescription, StringFieldSize(workout.description), kBaseString});
  w.Define(kLocalWorkout, kMesgWorkout, fields);
  w.U8(kLocalWorkout);
  w.U8(sport);
  w.U8(sub_sport);
  w.U16(static_cast<uint16_t>(std::min<size_t>(num_steps, 0xFFFE)));
  w.Str(FitString(workout.name), fields[3].size);
  if (with_description) w.Str(FitString(workout.description), fields[4].size);
}

void WriteSteps(const std::vector<StepRecord>& steps, ByteWriter& w) {
  uint8_t name_size = 1;
  for (const StepRecord& s : steps) name_size = std::max(name_size, StringFieldSize(s.name));
  w.Define(kLocalStep, kMesgWorkoutStep,
           {{kFieldMessageIndex, 2, kBaseUint16}, {kStepName, name_size, kBaseString},
            {kStepDurationType, 1, kBaseEnum}, {kStepDurationValue, 4, kBaseUint32},
            {kStepTargetType, 1, kBaseEnum}, {kStepTargetValue, 4, kBaseUint32},
            {kStepCustomTargetLow, 4, kBaseUint32}, {kStepCustomTargetHigh, 4, kBaseUint32},
            {kStepIntensity, 1, kBaseEnum}});
  for (size_t i = 0; i < steps.size(); ++i) {
    const StepRecord& s = steps[i];
    w.U8(kLocalStep);
    w.U16(static_cast<uint16_t>(i));
    w.Str(s.name, name_size);
    w.U8(s.duration_type);
    w.U32(s.duration_value);
    w.U8(s.target_type);
    w.U32(s.target_value);
    w.U32(s.custom_low);
    w.U32(s.custom_high);
    w.U8(s.intensity);
  }
}

void AppendCrc(std::vector<uint8_t>& bytes, size_t begin) {
  const uint16_t crc = Crc16(std::span<const uint8_t>(bytes).subspan(begin));
  bytes.push_back(static_cast<uint8_t>(crc));
  bytes.push_back(static_cast<uint8_t>(crc >> 8));
}

}  // namespace

std::vector<uint8_t> EncodeWorkout(const Workout& workout) {
  std::vector<StepRecord> steps;
  Flatten(workout.steps, &steps);
  ByteWriter w;
  // Header; data_size is patched in once the records are written.
  w.U8(kHeaderSize);
  w.U8(kProtocolVersion10);
  w.U16(kProfileVersion);
  w.U32(0);
  for (char c : {'.', 'F', 'I', 'T'}) w.U8(static_cast<uint8_t>(c));
  w.U16(0);
  WriteFileId(workout, w);
  WriteWorkout(workout, steps.size(), w);
  WriteSteps(steps, w);
  std::vector<uint8_t>& bytes = w.bytes();
  const auto data_size = static_cast<uint32_t>(bytes.size() - kHeaderSize);
  constexpr size_t kDataSizeOffset = 4, kHeaderCrcOffset = 12;
  for (size_t i = 0; i < 4; ++i) bytes[kDataSizeOffset + i] = static_cast<uint8_t>(data_size >> (8 * i));
  const uint16_t header_crc = Crc16(std::span<const uint8_t>(bytes).first(kHeaderCrcOffset));
  bytes[kHeaderCrcOffset] = static_cast<uint8_t>(header_crc);
  bytes[kHeaderCrcOffset + 1] = static_cast<uint8_t>(header_crc >> 8);
  AppendCrc(bytes, 0);
  return std::move(bytes);
}

}  // namespace stride::fit
