// SPDX-License-Identifier: MIT
// Internal to the FIT decoder: walks the record stream of one FIT file (definition and data messages,
// compressed-timestamp headers, developer fields) and hands each message to an ActivityBuilder.
// A definition is compiled once into a plan (offset, size, base type, slot, byte swap, scale/offset per
// field), so decoding a data message is a short loop without lookups or allocations. Away from the end
// of the file, plain data messages take a fast path (ReadFast) whose integer fields are read without
// branches, eight at a time where the CPU has AVX2 (SlotKernel); compressed-timestamp messages and the
// last bytes of a file take the general one (ReadData).
#ifndef STRIDE_FORMATS_FIT_FIT_READER_H_
#define STRIDE_FORMATS_FIT_FIT_READER_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/result.h"
#include "formats/fit/fit_activity_builder.h"
#include "formats/fit/fit_profile.h"
#include "formats/fit/slot_kernel.h"

namespace stride::fit {

class MessageReader {
 public:
  /// Reads from `file` (the whole input, so offsets in errors are file offsets) into `builder`.
  /// `name` prefixes error locations ("run.fit@byte 41"). All three must outlive the reader.
  MessageReader(std::span<const uint8_t> file, ActivityBuilder* builder, const std::string& name);

  /// Starts a chained part: forgets local definitions, developer fields and the running timestamp.
  void BeginPart();

  /// Decodes the messages in file[begin, end). Fails with kCorruptData naming the offending byte (a data
  /// message of an undefined local type, a message running past `end`, a bad architecture byte).
  /// `*decoded_end` is set to the end of the last complete message, also on failure.
  Status DecodeRecords(size_t begin, size_t end, size_t* decoded_end);

  /// Unknown global message numbers met (each once, in order of first definition) and how many
  /// data messages they had.
  const std::vector<uint16_t>& unknown_mesgs() const { return unknown_mesgs_; }
  uint64_t unknown_mesg_count() const { return unknown_mesg_count_; }
  /// Notes such as developer fields without a description.
  std::vector<core::Diagnostic>& warnings() { return warnings_; }

 private:
  // How a numeric field's first value turns into a number once its bytes are loaded into a uint64.
  enum class ValueKind : uint8_t { kInteger, kUint64, kFloat32, kFloat64 };
  // A message's timestamp field (slot 0): none, a uint32 (date_time, as the profile has it: ReadFast
  // reads it from the bytes, not from its slot), or another base type (NoteTimestamp checks the slot).
  enum class TimestampKind : uint8_t { kNone, kUint32, kOther };
  struct FieldOp {
    uint32_t offset;
    uint8_t size;
    BaseType base;
    uint8_t slot;
    bool swap;
    ValueKind kind;
    uint8_t shift;         // 64 - 8 * value size: isolates (and sign-extends) the value in a uint64
    bool is_signed;
    uint8_t unsigned_pre_shift;  // 1 for unsigned types, so that >> extend_shift cannot sign-extend
    uint8_t extend_shift;        // shift - unsigned_pre_shift
    uint64_t invalid;      // the base type's invalid value, as loaded
    double inverse_scale;  // multiplying beats dividing in the hot loop
    double offset_value;
  };
  struct DevOp {
    FieldOp value;  // how to read it (slot, inverse_scale and offset_value unused)
    double scale;
    double offset_value;
    uint32_t channel;
  };
  struct Plan {
    bool defined = false;
    uint16_t global = 0;
    MesgKind kind = MesgKind::kOther;
    bool unknown = false;
    uint32_t size = 0;
    uint8_t slot_count = 1;
    // Numeric fields, at most one per slot, grouped: integers of up to 4 bytes in host byte order
    // [0, host_order_end), byte-swapped ones [host_order_end, swapped_end), then floats and 64-bit numbers.
    std::vector<FieldOp> ops;
    size_t host_order_end = 0;
    size_t swapped_end = 0;
    SlotKernel kernel;         // ops [0, swapped_end), for the vector path
    bool use_kernel = false;   // ReadFast decodes ops [0, swapped_end) with `kernel`
    TimestampKind timestamp = TimestampKind::kNone;
    uint32_t timestamp_offset = 0;  // kUint32: where the value is
    bool timestamp_swap = false;
    uint32_t slots_used = 0;       // bit per slot with an op
    std::vector<FieldOp> raw_ops;  // fields handed over as bytes
    std::vector<DevOp> dev_ops;
    bool fast = false;  // defined, on a little-endian host: ReadFast may decode its messages
  };
  struct DevFieldInfo {
    uint8_t developer_index;
    uint8_t field_num;
    BaseType base;
    double scale;
    double offset;
    std::string name;
    std::string units;
  };

  Status ReadDefinition(size_t pos, size_t end, size_t* next);
  Plan& ResetPlan(uint8_t local, uint16_t global);
  void AddFieldOp(Plan& plan, uint8_t num, uint8_t size, uint8_t base_byte, uint32_t offset, bool swap);
  void AddDevOp(Plan& plan, size_t at, uint8_t num, uint8_t size, uint8_t developer_index, uint32_t offset,
                bool swap);
  static FieldOp MakeFieldOp(BaseType base, bool swap);
  static double FastNumber(const uint8_t* p, const FieldOp& op);
  static bool IsFastPlan(const Plan& plan);
  template <bool kSwapped>
  static double ScaledInteger(const uint8_t* p, const FieldOp& op);
  void CompilePlan(Plan& plan) const;
  static void GroupOps(Plan& plan);
  static void SetTimestampKind(Plan& plan);
  void NoteUint32Timestamp(const Plan& plan, const uint8_t* p);
  static double DeveloperNumber(const uint8_t* p, const DevOp& op);
  void ReadFast(const Plan& plan, const uint8_t* p);
  Status ReadMessage(size_t pos, size_t end, size_t* next);
  Status ReadData(size_t pos, size_t end, uint8_t local, bool compressed, uint8_t time_offset, size_t* next);
  void NoteTimestamp(double* v);
  void Dispatch(const Plan& plan, const double* v);
  void OnFieldDescription(const double* v);
  core::Error Corrupt(size_t at, std::string message) const;

  std::span<const uint8_t> file_;
  ActivityBuilder* builder_;
  const std::string& name_;
  std::array<Plan, 16> plans_;
  std::array<RawField, kMaxSlots> raw_{};
  std::vector<DevFieldInfo> dev_fields_;
  bool have_timestamp_ = false;
  uint32_t last_timestamp_ = 0;
  bool reserved_ = false;
  bool vector_ = SlotKernel::Enabled();  // plans may use their SlotKernel
  std::vector<uint16_t> unknown_mesgs_;
  uint64_t unknown_mesg_count_ = 0;
  std::vector<uint16_t> undescribed_dev_fields_;
  std::vector<core::Diagnostic> warnings_;
};

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_FIT_READER_H_
