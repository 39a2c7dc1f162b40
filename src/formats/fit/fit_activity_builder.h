// SPDX-License-Identifier: MIT
// Internal to the FIT decoder: turns decoded messages (one double per profile slot, see fit_profile.h)
// into a core::Activity. The message reader (fit_reader.h) calls one On* method per message; Finish()
// then derives start time, relative sample times, running cadence in steps/min and the totals.
// Record samples are staged in a small block (one row per record, all channels) and appended to the
// activity's columns a block at a time, only for the channels some record definition carries.
#ifndef STRIDE_FORMATS_FIT_FIT_ACTIVITY_BUILDER_H_
#define STRIDE_FORMATS_FIT_FIT_ACTIVITY_BUILDER_H_

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "formats/fit/fit_profile.h"

namespace stride::fit {

/// A field handed over as bytes (strings, byte arrays, numeric arrays), with what is needed to read it.
struct RawField {
  std::span<const uint8_t> bytes;
  BaseType base = BaseType::kByte;
  bool swap = false;  // multi-byte values need a byte swap on this host
};

/// `x` truncated to an integer of type T when it lies within T's range; `fallback` when it is NaN or
/// out of range (a field declared with an unexpected base type can hold any double).
template <class T>
T NumberAs(double x, T fallback) {
  if (!(x >= static_cast<double>(std::numeric_limits<T>::min()) &&
        x < static_cast<double>(std::numeric_limits<T>::max()) + 1.0)) {
    return fallback;
  }
  return static_cast<T>(x);
}

/// Reads element `i` of a numeric array field as a double; NaN when invalid or out of range.
double RawElement(const RawField& field, size_t i);
/// A string field up to its first NUL.
std::string_view RawString(const RawField& field);

class ActivityBuilder {
 public:
  // Record columns, as bits of a presence mask.
  static constexpr uint32_t kColLatLon = 1u << 0;
  static constexpr uint32_t kColAltitude = 1u << 1;
  static constexpr uint32_t kColHeartRate = 1u << 2;
  static constexpr uint32_t kColCadence = 1u << 3;
  static constexpr uint32_t kColDistance = 1u << 4;
  static constexpr uint32_t kColSpeed = 1u << 5;
  static constexpr uint32_t kColPower = 1u << 6;

  ActivityBuilder();
  /// Builds into the memory of `recycled` (a previous result): its vectors are emptied but keep their
  /// capacity, so that the next activity's columns need no fresh pages. Call before any On* method.
  void Recycle(core::Activity&& recycled);

  /// Called at the start of each chained part: resets accumulators that are per file.
  void BeginPart();
  /// A record definition lists these columns (a mask of Column bits); `expected_records` sizes buffers.
  void NoteRecordDefinition(uint32_t columns, size_t expected_records);
  /// The column bit a record slot feeds (0 for the timestamp).
  static uint32_t ColumnOfRecordSlot(size_t slot);

  void OnFileId(const double* v, const RawField* raw);
  void OnSport(const double* v);
  void OnSession(const double* v);
  void OnLap(const double* v);
  void OnActivity(const double* v);
  void OnHrv(const RawField* raw);
  /// Appends one sample; developer channels get NaN until SetDeveloperValue fills them.
  void OnRecord(const double* v, const RawField* raw) {
    StageRecord(v, raw);
    if (!activity_.developer_channels.empty()) AppendDeveloperRow();
    ++activity_.record_count;
    if (++staged_ == kStageRows) FlushStage();
  }
  void SetDeveloperValue(uint32_t channel, double value) { activity_.developer_channels[channel].values.back() = value; }

  /// The index of the developer channel named `name` (with `units`), created (NaN-filled) when new.
  uint32_t DeveloperChannel(std::string_view name, std::string_view units);

  /// Number of record messages so far.
  uint64_t record_count() const { return activity_.record_count; }

  /// Completes the activity (times, cadence, totals) and hands it over. Call once.
  core::Activity Finish();

 private:
  // The sample columns, in the order of the staging block's rows.
  enum class StageColumn : uint8_t {
    kTime, kLatitude, kLongitude, kDistance, kSpeed, kHeartRate, kCadence, kAltitude, kPower, kCount
  };
  static constexpr size_t kStageColumns = static_cast<size_t>(StageColumn::kCount);
  static constexpr size_t kStageRows = 256;  // 9 x 256 doubles = 18 KiB: stays in the L1/L2 cache

  void StageRecord(const double* v, const RawField* raw);
  void ReserveRrIntervals(size_t count);  // room for `count` more, growing geometrically
  void ApplyCompressedSpeedDistance(std::span<const uint8_t> csd, double* speed, double* distance);
  void AppendDeveloperRow();
  void FlushStage();
  std::vector<double>& ColumnOf(StageColumn column);
  double TimeOrigin() const;
  void FinishSamples(double origin_fit_s);
  void FinishTotals();
  void DoubleRunningCadence(double origin_fit_s);

  core::Activity activity_;
  double stage_[kStageColumns][kStageRows]{};  // stage_[column][row]: rows not yet in the columns
  size_t staged_ = 0;
  size_t expected_records_ = 0;  // capacity to reserve for the columns, from the definitions
  uint32_t columns_seen_ = 0;
  bool have_file_sport_ = false;
  uint8_t file_sport_ = 0;
  uint8_t file_sub_sport_ = 0;
  std::vector<uint8_t> session_sports_;       // raw FIT sport per session, for the cadence rule
  std::vector<double> session_starts_fit_s_;  // raw start_time per session (may be relative), NaN if absent
  double time_created_fit_s_ = core::kNaN;    // file_id.time_created of the first part
  // compressed_speed_distance accumulator (12-bit distance in 1/16 m, rolls over at 4096).
  bool csd_started_ = false;
  uint32_t csd_last_raw_ = 0;
  double csd_distance_m_ = 0;
};

/// Maps a FIT sport / sub_sport pair to Stride's sport.
core::Sport MapSport(uint8_t sport, uint8_t sub_sport);
/// "running/trail", "cycling", "sport_99/sub_7"; sub-sport generic (0) or invalid is left out.
std::string SportDetail(uint8_t sport, uint8_t sub_sport);

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_FIT_ACTIVITY_BUILDER_H_
