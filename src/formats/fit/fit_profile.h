// SPDX-License-Identifier: MIT
// The slice of Garmin's FIT profile (21.x) that Stride reads: message and field numbers, base types, and
// per-message field tables with scale and offset (physical = raw / scale - offset). The decoder maps each
// field of a definition to a slot of these tables once, at definition time. Spec: docs/formats/fit.md.
#ifndef STRIDE_FORMATS_FIT_FIT_PROFILE_H_
#define STRIDE_FORMATS_FIT_FIT_PROFILE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "core/activity.h"

namespace stride::fit {

// FIT epoch 1989-12-31T00:00:00Z in Unix seconds; date_time values below kMinAbsoluteTime are
// relative (seconds since device power-on).
inline constexpr int64_t kFitEpochUnixS = 631065600;
inline constexpr uint32_t kMinAbsoluteTime = 0x10000000;

// Global message numbers.
inline constexpr uint16_t kMesgFileId = 0;
inline constexpr uint16_t kMesgSport = 12;
inline constexpr uint16_t kMesgSession = 18;
inline constexpr uint16_t kMesgLap = 19;
inline constexpr uint16_t kMesgRecord = 20;
inline constexpr uint16_t kMesgEvent = 21;
inline constexpr uint16_t kMesgDeviceInfo = 23;
inline constexpr uint16_t kMesgActivity = 34;
inline constexpr uint16_t kMesgHrv = 78;
inline constexpr uint16_t kMesgLength = 101;
inline constexpr uint16_t kMesgWorkout = 26;
inline constexpr uint16_t kMesgWorkoutStep = 27;
inline constexpr uint16_t kMesgFieldDescription = 206;
inline constexpr uint16_t kMesgDeveloperDataId = 207;

// Field numbers common to all messages.
inline constexpr uint8_t kFieldTimestamp = 253;
inline constexpr uint8_t kFieldMessageIndex = 254;

// file_id (0).
inline constexpr uint8_t kFileIdType = 0;
inline constexpr uint8_t kFileIdManufacturer = 1;
inline constexpr uint8_t kFileIdProduct = 2;
inline constexpr uint8_t kFileIdTimeCreated = 4;
inline constexpr uint8_t kFileIdProductName = 8;
// sport (12), session (18) and lap (19).
inline constexpr uint8_t kSportSport = 0;
inline constexpr uint8_t kSportSubSport = 1;
inline constexpr uint8_t kSummaryStartTime = 2;
inline constexpr uint8_t kSessionSport = 5;
inline constexpr uint8_t kSessionSubSport = 6;
inline constexpr uint8_t kSummaryTotalElapsedTime = 7;
inline constexpr uint8_t kSummaryTotalTimerTime = 8;
inline constexpr uint8_t kSummaryTotalDistance = 9;
inline constexpr uint8_t kSessionAvgHeartRate = 16;
inline constexpr uint8_t kSessionMaxHeartRate = 17;
inline constexpr uint8_t kSessionTotalAscent = 22;
inline constexpr uint8_t kSessionTotalDescent = 23;
inline constexpr uint8_t kLapAvgHeartRate = 15;
inline constexpr uint8_t kLapMaxHeartRate = 16;
// record (20).
inline constexpr uint8_t kRecordPositionLat = 0;
inline constexpr uint8_t kRecordPositionLong = 1;
inline constexpr uint8_t kRecordAltitude = 2;
inline constexpr uint8_t kRecordHeartRate = 3;
inline constexpr uint8_t kRecordCadence = 4;
inline constexpr uint8_t kRecordDistance = 5;
inline constexpr uint8_t kRecordSpeed = 6;
inline constexpr uint8_t kRecordPower = 7;
inline constexpr uint8_t kRecordCompressedSpeedDistance = 8;
inline constexpr uint8_t kRecordFractionalCadence = 53;
inline constexpr uint8_t kRecordEnhancedSpeed = 73;
inline constexpr uint8_t kRecordEnhancedAltitude = 78;
// activity (34), hrv (78).
inline constexpr uint8_t kActivityLocalTimestamp = 5;
inline constexpr uint8_t kHrvTime = 0;
// field_description (206).
inline constexpr uint8_t kFieldDescDeveloperDataIndex = 0;
inline constexpr uint8_t kFieldDescFieldDefinitionNumber = 1;
inline constexpr uint8_t kFieldDescBaseTypeId = 2;
inline constexpr uint8_t kFieldDescFieldName = 3;
inline constexpr uint8_t kFieldDescScale = 6;
inline constexpr uint8_t kFieldDescOffset = 7;
inline constexpr uint8_t kFieldDescUnits = 8;

// file_id.type values and field 3.
inline constexpr uint8_t kFileIdSerialNumber = 3;
inline constexpr uint8_t kFileTypeActivity = 4;
inline constexpr uint8_t kFileTypeWorkout = 5;
inline constexpr uint16_t kManufacturerDevelopment = 255;
// workout (26).
inline constexpr uint8_t kWorkoutSport = 4;
inline constexpr uint8_t kWorkoutNumValidSteps = 6;
inline constexpr uint8_t kWorkoutName = 8;
inline constexpr uint8_t kWorkoutSubSport = 11;
inline constexpr uint8_t kWorkoutDescription = 17;
// workout_step (27).
inline constexpr uint8_t kStepName = 0;
inline constexpr uint8_t kStepDurationType = 1;
inline constexpr uint8_t kStepDurationValue = 2;
inline constexpr uint8_t kStepTargetType = 3;
inline constexpr uint8_t kStepTargetValue = 4;
inline constexpr uint8_t kStepCustomTargetLow = 5;
inline constexpr uint8_t kStepCustomTargetHigh = 6;
inline constexpr uint8_t kStepIntensity = 7;
// wkt_step_duration and wkt_step_target values (FORMATS.md 3.4).
inline constexpr uint8_t kDurationTime = 0;
inline constexpr uint8_t kDurationDistance = 1;
inline constexpr uint8_t kDurationOpen = 5;
inline constexpr uint8_t kDurationRepeatUntilStepsComplete = 6;
inline constexpr uint8_t kTargetSpeed = 0;
inline constexpr uint8_t kTargetHeartRate = 1;
inline constexpr uint8_t kTargetOpen = 2;
// workout_hr: values above 100 are bpm + 100 (0-100 are percent of max HR).
inline constexpr uint32_t kWorkoutHrBpmOffset = 100;

// `sport` and `sub_sport` values Stride maps to its own sports.
inline constexpr uint8_t kSportRunning = 1;
inline constexpr uint8_t kSportCycling = 2;
inline constexpr uint8_t kSportSwimming = 5;
inline constexpr uint8_t kSportTraining = 10;
inline constexpr uint8_t kSportWalking = 11;
inline constexpr uint8_t kSportHiking = 17;
inline constexpr uint8_t kSubSportTreadmill = 1;
inline constexpr uint8_t kSubSportTrail = 3;
inline constexpr uint8_t kSubSportStrengthTraining = 20;
inline constexpr uint8_t kSubSportIndoorRunning = 45;

/// The FIT `sport` and `sub_sport` an encoder writes for a Stride sport ({0, 0}: generic).
std::pair<uint8_t, uint8_t> FitSportOf(core::Sport sport);

// Semicircles to degrees: degrees = semicircles * 180 / 2^31, written as a scale.
inline constexpr double kSemicirclesPerDegree = 2147483648.0 / 180.0;

/// Base types (FORMATS.md 1.5): the low 5 bits of the base-type byte.
enum class BaseType : uint8_t {
  kEnum = 0, kSint8, kUint8, kSint16, kUint16, kSint32, kUint32, kString, kFloat32, kFloat64,
  kUint8z, kUint16z, kUint32z, kByte, kSint64, kUint64, kUint64z,
};
inline constexpr uint8_t kBaseTypeNumberMask = 0x1F;
inline constexpr uint8_t kBaseTypeCount = 17;
/// Size in bytes of one value of each base type, indexed by the base-type number.
inline constexpr uint8_t kBaseTypeSize[kBaseTypeCount] = {1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8};

/// Which handler a message goes to; kOther messages only feed the running timestamp.
enum class MesgKind : uint8_t { kOther, kFileId, kSport, kSession, kLap, kRecord, kActivity, kHrv, kFieldDescription };

/// One field Stride reads: its number, and scale/offset (physical = raw / scale - offset). `raw` fields
/// (strings, byte arrays, arrays) are handed over as bytes instead of a number.
struct FieldSpec {
  uint8_t num;
  double scale = 1;
  double offset = 0;
  bool raw = false;
};

// Slot layouts: each enum lists the fields of one message in the order of its table below; the decoder
// fills a double per slot (NaN when absent or invalid). Slot 0 is always the timestamp.
enum class FileIdSlot : uint8_t { kTimestamp, kType, kManufacturer, kProduct, kProductName, kTimeCreated, kCount };
enum class SportSlot : uint8_t { kTimestamp, kSport, kSubSport, kCount };
enum class SessionSlot : uint8_t {
  kTimestamp, kStartTime, kSport, kSubSport, kElapsed, kTimer, kDistance, kAvgHr, kMaxHr, kAscent, kDescent, kCount
};
enum class LapSlot : uint8_t { kTimestamp, kStartTime, kElapsed, kTimer, kDistance, kAvgHr, kMaxHr, kCount };
enum class RecordSlot : uint8_t {
  kTimestamp, kLatitude, kLongitude, kAltitude, kHeartRate, kCadence, kDistance, kSpeed, kPower,
  kCompressedSpeedDistance, kFractionalCadence, kEnhancedSpeed, kEnhancedAltitude, kCount
};
enum class ActivitySlot : uint8_t { kTimestamp, kLocalTimestamp, kCount };
enum class HrvSlot : uint8_t { kTimestamp, kTime, kCount };
enum class FieldDescSlot : uint8_t {
  kTimestamp, kDeveloperDataIndex, kFieldNumber, kBaseType, kName, kScale, kOffset, kUnits, kCount
};
enum class OtherSlot : uint8_t { kTimestamp, kCount };

/// The slot index of a slot enumerator.
template <class Slot>
constexpr size_t Idx(Slot slot) {
  return static_cast<size_t>(slot);
}

inline constexpr FieldSpec kFileIdFields[] = {
    {kFieldTimestamp}, {kFileIdType}, {kFileIdManufacturer}, {kFileIdProduct}, {kFileIdProductName, 1, 0, true},
    {kFileIdTimeCreated}};
inline constexpr FieldSpec kSportFields[] = {{kFieldTimestamp}, {kSportSport}, {kSportSubSport}};
inline constexpr FieldSpec kSessionFields[] = {
    {kFieldTimestamp},         {kSummaryStartTime},         {kSessionSport},
    {kSessionSubSport},        {kSummaryTotalElapsedTime, 1000}, {kSummaryTotalTimerTime, 1000},
    {kSummaryTotalDistance, 100}, {kSessionAvgHeartRate},   {kSessionMaxHeartRate},
    {kSessionTotalAscent},     {kSessionTotalDescent}};
inline constexpr FieldSpec kLapFields[] = {
    {kFieldTimestamp},        {kSummaryStartTime},          {kSummaryTotalElapsedTime, 1000},
    {kSummaryTotalTimerTime, 1000}, {kSummaryTotalDistance, 100}, {kLapAvgHeartRate}, {kLapMaxHeartRate}};
inline constexpr FieldSpec kRecordFields[] = {
    {kFieldTimestamp},
    {kRecordPositionLat, kSemicirclesPerDegree},
    {kRecordPositionLong, kSemicirclesPerDegree},
    {kRecordAltitude, 5, 500},
    {kRecordHeartRate},
    {kRecordCadence},
    {kRecordDistance, 100},
    {kRecordSpeed, 1000},
    {kRecordPower},
    {kRecordCompressedSpeedDistance, 1, 0, true},
    {kRecordFractionalCadence, 128},
    {kRecordEnhancedSpeed, 1000},
    {kRecordEnhancedAltitude, 5, 500}};
inline constexpr FieldSpec kActivityFields[] = {{kFieldTimestamp}, {kActivityLocalTimestamp}};
inline constexpr FieldSpec kHrvFields[] = {{kFieldTimestamp}, {kHrvTime, 1000, 0, true}};
inline constexpr FieldSpec kFieldDescFields[] = {
    {kFieldTimestamp},        {kFieldDescDeveloperDataIndex}, {kFieldDescFieldDefinitionNumber},
    {kFieldDescBaseTypeId},   {kFieldDescFieldName, 1, 0, true}, {kFieldDescScale},
    {kFieldDescOffset},       {kFieldDescUnits, 1, 0, true}};
inline constexpr FieldSpec kOtherFields[] = {{kFieldTimestamp}};

static_assert(std::size(kFileIdFields) == Idx(FileIdSlot::kCount));
static_assert(std::size(kSportFields) == Idx(SportSlot::kCount));
static_assert(std::size(kSessionFields) == Idx(SessionSlot::kCount));
static_assert(std::size(kLapFields) == Idx(LapSlot::kCount));
static_assert(std::size(kRecordFields) == Idx(RecordSlot::kCount));
static_assert(std::size(kActivityFields) == Idx(ActivitySlot::kCount));
static_assert(std::size(kHrvFields) == Idx(HrvSlot::kCount));
static_assert(std::size(kFieldDescFields) == Idx(FieldDescSlot::kCount));

/// The most slots any table has.
inline constexpr size_t kMaxSlots = 16;

/// The handler kind of a global message number.
MesgKind KindOfMesg(uint16_t global_mesg_num);
/// The field table of a message kind (kOther: just the timestamp).
std::span<const FieldSpec> FieldsOf(MesgKind kind);
/// True when the profile names this global message number (known, even if Stride ignores it).
bool IsProfileMesg(uint16_t global_mesg_num);
/// Profile names in snake_case ("running", "trail", "garmin"), or nullptr when the value is not named.
const char* SportName(uint8_t sport);
const char* SubSportName(uint8_t sub_sport);
const char* ManufacturerName(uint16_t manufacturer);

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_FIT_PROFILE_H_
