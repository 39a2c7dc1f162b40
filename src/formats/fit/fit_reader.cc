// SPDX-License-Identifier: MIT
// The FIT record stream: definitions are compiled into plans, data messages are decoded through them.
// Record layout: docs/formats/fit.md; FORMATS.md 1.3-1.8.
#include "formats/fit/fit_reader.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace stride::fit {
namespace {

constexpr uint8_t kHeaderCompressed = 0x80;
constexpr uint8_t kHeaderDefinition = 0x40;
constexpr uint8_t kHeaderDeveloperData = 0x20;
constexpr uint8_t kLocalTypeMask = 0x0F;
constexpr uint8_t kCompressedLocalShift = 5;
constexpr uint8_t kCompressedLocalMask = 0x03;
constexpr uint8_t kTimeOffsetMask = 0x1F;
constexpr uint8_t kArchLittle = 0;
constexpr uint8_t kArchBig = 1;
constexpr size_t kDefinitionFixedBytes = 6;  // header, reserved, architecture, global(2), field count
constexpr size_t kFieldDefBytes = 3;
constexpr bool kHostBigEndian = std::endian::native == std::endian::big;

template <class T>
T Load(const uint8_t* p, bool swap) {
  T x;
  std::memcpy(&x, p, sizeof(T));
  if (swap) {
    if constexpr (sizeof(T) == 2) x = static_cast<T>(__builtin_bswap16(static_cast<uint16_t>(x)));
    if constexpr (sizeof(T) == 4) x = static_cast<T>(__builtin_bswap32(static_cast<uint32_t>(x)));
    if constexpr (sizeof(T) == 8) x = static_cast<T>(__builtin_bswap64(static_cast<uint64_t>(x)));
  }
  return x;
}

// Reads the first value of a field as a double; NaN for the base type's invalid value (FORMATS.md 1.5).
inline double ReadNumber(const uint8_t* p, BaseType base, bool swap) {
  constexpr double kNaN = core::kNaN;
  switch (base) {
    case BaseType::kEnum:
    case BaseType::kUint8:
    case BaseType::kByte: return p[0] == 0xFF ? kNaN : p[0];
    case BaseType::kSint8: return p[0] == 0x7F ? kNaN : static_cast<int8_t>(p[0]);
    case BaseType::kUint8z: return p[0] == 0 ? kNaN : p[0];
    case BaseType::kSint16: { auto x = Load<uint16_t>(p, swap); return x == 0x7FFF ? kNaN : static_cast<int16_t>(x); }
    case BaseType::kUint16: { auto x = Load<uint16_t>(p, swap); return x == 0xFFFF ? kNaN : x; }
    case BaseType::kUint16z: { auto x = Load<uint16_t>(p, swap); return x == 0 ? kNaN : x; }
    case BaseType::kSint32: { auto x = Load<uint32_t>(p, swap); return x == 0x7FFFFFFF ? kNaN : static_cast<int32_t>(x); }
    case BaseType::kUint32: { auto x = Load<uint32_t>(p, swap); return x == 0xFFFFFFFF ? kNaN : x; }
    case BaseType::kUint32z: { auto x = Load<uint32_t>(p, swap); return x == 0 ? kNaN : x; }
    case BaseType::kFloat32: { auto x = Load<uint32_t>(p, swap); return x == 0xFFFFFFFF ? kNaN : std::bit_cast<float>(x); }
    case BaseType::kFloat64: {
      auto x = Load<uint64_t>(p, swap);
      return x == ~uint64_t{0} ? kNaN : std::bit_cast<double>(x);
    }
    case BaseType::kSint64: {
      auto x = Load<uint64_t>(p, swap);
      return x == 0x7FFFFFFFFFFFFFFFull ? kNaN : static_cast<double>(static_cast<int64_t>(x));
    }
    case BaseType::kUint64: { auto x = Load<uint64_t>(p, swap); return x == ~uint64_t{0} ? kNaN : static_cast<double>(x); }
    case BaseType::kUint64z: { auto x = Load<uint64_t>(p, swap); return x == 0 ? kNaN : static_cast<double>(x); }
    case BaseType::kString: break;
  }
  return kNaN;
}

// The base type of a base-type byte; unknown numbers read as bytes.
BaseType BaseOf(uint8_t base_byte) {
  const uint8_t number = base_byte & kBaseTypeNumberMask;
  return number < kBaseTypeCount ? static_cast<BaseType>(number) : BaseType::kByte;
}

uint8_t SizeOf(BaseType base) { return kBaseTypeSize[static_cast<uint8_t>(base)]; }

constexpr size_t kNoSlot = 0xFF;
constexpr size_t kMesgKindCount = static_cast<size_t>(MesgKind::kFieldDescription) + 1;

// The slot of field `num` in the table of `kind` (fit_profile.h), or kNoSlot when Stride does not read it.
size_t SlotOf(MesgKind kind, uint8_t num) {
  using SlotTable = std::array<std::array<uint8_t, 256>, kMesgKindCount>;
  static const SlotTable table = [] {
    SlotTable t;
    for (auto& row : t) row.fill(kNoSlot);
    for (size_t k = 0; k < kMesgKindCount; ++k) {
      const std::span<const FieldSpec> specs = FieldsOf(static_cast<MesgKind>(k));
      for (size_t slot = specs.size(); slot-- > 0;) t[k][specs[slot].num] = static_cast<uint8_t>(slot);
    }
    return t;
  }();
  return table[static_cast<size_t>(kind)][num];
}

// The invalid value of a base type as FastNumber loads it (FORMATS.md 1.5).
uint64_t InvalidOf(BaseType base) {
  switch (base) {
    case BaseType::kSint8: return 0x7F;
    case BaseType::kSint16: return 0x7FFF;
    case BaseType::kSint32: return 0x7FFFFFFF;
    case BaseType::kSint64: return 0x7FFFFFFFFFFFFFFFull;
    case BaseType::kUint8z:
    case BaseType::kUint16z:
    case BaseType::kUint32z:
    case BaseType::kUint64z: return 0;
    default: return ~uint64_t{0} >> (64 - 8 * SizeOf(base));  // all ones
  }
}

}  // namespace

// Compiles the value-reading part of a field op: everything FastNumber needs but offset, size, slot.
MessageReader::FieldOp MessageReader::MakeFieldOp(BaseType base, bool swap) {
  FieldOp op{};
  op.base = base;
  op.swap = swap && SizeOf(base) > 1;
  op.shift = static_cast<uint8_t>(64 - 8 * SizeOf(base));
  op.is_signed = base == BaseType::kSint8 || base == BaseType::kSint16 || base == BaseType::kSint32 ||
                 base == BaseType::kSint64;
  op.invalid = InvalidOf(base);
  op.unsigned_pre_shift = op.is_signed || op.shift == 0 ? 0 : 1;
  op.extend_shift = static_cast<uint8_t>(op.shift - op.unsigned_pre_shift);
  op.kind = base == BaseType::kFloat32   ? ValueKind::kFloat32
            : base == BaseType::kFloat64 ? ValueKind::kFloat64
            : base == BaseType::kUint64 || base == BaseType::kUint64z ? ValueKind::kUint64
                                                                      : ValueKind::kInteger;
  return op;
}

// Reads the first value of a field like ReadNumber, without a switch on the base type: one 8-byte load,
// shifts, and a compare with the precomputed invalid value. REQUIRES: 8 bytes readable at `p`.
inline double MessageReader::FastNumber(const uint8_t* p, const FieldOp& op) {
  if constexpr (kHostBigEndian) return ReadNumber(p, op.base, op.swap);
  uint64_t raw;
  std::memcpy(&raw, p, sizeof raw);
  raw = op.swap ? __builtin_bswap64(raw) >> op.shift : (raw << op.shift) >> op.shift;
  if (raw == op.invalid) return core::kNaN;
  if (op.kind == ValueKind::kInteger) [[likely]] {
    const auto sign_extended = static_cast<int64_t>(raw << op.shift) >> op.shift;
    return static_cast<double>(op.is_signed ? sign_extended : static_cast<int64_t>(raw));
  }
  if (op.kind == ValueKind::kFloat32) return std::bit_cast<float>(static_cast<uint32_t>(raw));
  if (op.kind == ValueKind::kFloat64) return std::bit_cast<double>(raw);
  return static_cast<double>(raw);
}

// The first value of an integer field as ReadData computes it: value * (1 / scale) - offset, or NaN for
// the base type's invalid value. One 8-byte load, then a byte swap or a shift, and no branch at all:
// sign extension and the invalid value are handled by shifts and a multiply by 1 or NaN, so that
// records with gaps (heart rate lost for a while) cost no mispredictions. Agrees with FastNumber.
// REQUIRES: op.kind == kInteger, op.swap == kSwapped; 8 bytes readable at `p + op.offset`.
template <bool kSwapped>
inline double MessageReader::ScaledInteger(const uint8_t* p, const FieldOp& op) {
  static constexpr double kValidFactor[2] = {core::kNaN, 1.0};
  uint64_t raw;
  std::memcpy(&raw, p + op.offset, sizeof raw);
  // The value in the top bits, most significant byte first; the bytes after the field fall off.
  const uint64_t high = kSwapped ? __builtin_bswap64(raw) : raw << op.shift;
  const bool valid = (high >> op.shift) != op.invalid;
  // Unsigned values are moved down one bit first so that the arithmetic shift brings in zeros.
  const int64_t value = static_cast<int64_t>(high >> op.unsigned_pre_shift) >> op.extend_shift;
  return (static_cast<double>(value) * op.inverse_scale - op.offset_value) * kValidFactor[valid];
}

// A developer field as ReadData computes it: value / scale - offset, or NaN. Any base type. Most
// scales are 1, and dividing by 1 changes no bit of any double (a signalling NaN is quieted by the
// subtraction either way), so that division is skipped.
inline double MessageReader::DeveloperNumber(const uint8_t* p, const DevOp& op) {
  const double value = FastNumber(p + op.value.offset, op.value);
  return (op.scale == 1 ? value : value / op.scale) - op.offset_value;
}

bool MessageReader::IsFastPlan(const Plan& plan) { return !kHostBigEndian && plan.defined; }

// Groups the numeric ops for ReadFast (integers in host order, swapped integers, the rest). The order
// of ops does not matter otherwise: AddFieldOp keeps one op per slot.
void MessageReader::GroupOps(Plan& plan) {
  auto integer = [](const FieldOp& op) { return op.kind == ValueKind::kInteger && SizeOf(op.base) <= 4; };
  auto host_order = [](const FieldOp& op) { return !op.swap; };
  const auto integers_end = std::partition(plan.ops.begin(), plan.ops.end(), integer);
  const auto host_end = std::partition(plan.ops.begin(), integers_end, host_order);
  plan.host_order_end = static_cast<size_t>(host_end - plan.ops.begin());
  plan.swapped_end = static_cast<size_t>(integers_end - plan.ops.begin());
}

// How ReadFast learns a message's timestamp (see TimestampKind).
void MessageReader::SetTimestampKind(Plan& plan) {
  plan.timestamp = TimestampKind::kNone;
  for (const FieldOp& op : plan.ops) {
    if (op.slot != 0) continue;
    plan.timestamp = op.base == BaseType::kUint32 ? TimestampKind::kUint32 : TimestampKind::kOther;
    plan.timestamp_offset = op.offset;
    plan.timestamp_swap = op.swap;
  }
}

// Everything ReadFast needs once a definition's fields are added: op groups, the vector kernel.
void MessageReader::CompilePlan(Plan& plan) const {
  GroupOps(plan);
  SetTimestampKind(plan);
  plan.fast = IsFastPlan(plan);
  plan.use_kernel = false;
  if (!vector_ || plan.swapped_end == 0) return;  // without integer fields, filling NaN is quicker
  plan.kernel.Reset(plan.slot_count);
  for (size_t i = 0; i < plan.swapped_end; ++i) {
    const FieldOp& op = plan.ops[i];
    plan.kernel.Add(op.slot, op.offset, SizeOf(op.base), op.is_signed, op.swap, static_cast<uint32_t>(op.invalid),
                    op.inverse_scale, op.offset_value);
  }
  plan.use_kernel = plan.kernel.Compile();
}

MessageReader::MessageReader(std::span<const uint8_t> file, ActivityBuilder* builder, const std::string& name)
    : file_(file), builder_(builder), name_(name) {}

void MessageReader::BeginPart() {
  for (Plan& plan : plans_) plan = Plan{};
  dev_fields_.clear();
  undescribed_dev_fields_.clear();
  have_timestamp_ = false;
  last_timestamp_ = 0;
  reserved_ = false;
  builder_->BeginPart();
}

core::Error MessageReader::Corrupt(size_t at, std::string message) const {
  return core::Error{core::ErrorCode::kCorruptData, std::move(message), fmt::format("{}@byte {}", name_, at)};
}

Status MessageReader::DecodeRecords(size_t begin, size_t end, size_t* decoded_end) {
  // ReadFast loads 8 bytes from a field's start, and its SlotKernel up to 16 bytes past the message:
  // it is used only where that stays inside the file.
  constexpr size_t kLoadSlack = std::max(sizeof(uint64_t), SlotKernel::kReadSlack);
  const size_t fast_end = file_.size() >= kLoadSlack ? file_.size() - kLoadSlack : 0;
  const uint8_t* bytes = file_.data();
  size_t pos = begin;
  while (pos < end) {
    const uint8_t header = bytes[pos];
    if ((header & (kHeaderCompressed | kHeaderDefinition)) == 0) {  // the common case: plain data
      const Plan& plan = plans_[header & kLocalTypeMask];
      const size_t next = pos + 1 + plan.size;
      if (plan.fast && next <= end && next <= fast_end) {
        ReadFast(plan, bytes + pos + 1);
        pos = next;
        continue;
      }
    }
    size_t next = pos;
    if (Status status = ReadMessage(pos, end, &next); !status) {
      *decoded_end = pos;
      return status;
    }
    pos = next;
  }
  *decoded_end = pos;
  return Ok();
}

// Any message, through the general path: definitions, compressed timestamps, slow plans, errors.
Status MessageReader::ReadMessage(size_t pos, size_t end, size_t* next) {
  const uint8_t header = file_[pos];
  if (header & kHeaderCompressed) {
    const auto local = static_cast<uint8_t>((header >> kCompressedLocalShift) & kCompressedLocalMask);
    return ReadData(pos, end, local, true, header & kTimeOffsetMask, next);
  }
  if (header & kHeaderDefinition) return ReadDefinition(pos, end, next);
  return ReadData(pos, end, header & kLocalTypeMask, false, 0, next);
}

// A data message of a fast plan. REQUIRES: plan.fast, the message and 16 more bytes inside the file.
void MessageReader::ReadFast(const Plan& plan, const uint8_t* p) {
  double v[kMaxSlots];
  const FieldOp* ops = plan.ops.data();
  if (plan.use_kernel) {
    plan.kernel.Decode(p, v);
  } else {
    std::fill_n(v, kMaxSlots, core::kNaN);
    for (size_t i = 0; i < plan.host_order_end; ++i) v[ops[i].slot] = ScaledInteger<false>(p, ops[i]);
    for (size_t i = plan.host_order_end; i < plan.swapped_end; ++i) v[ops[i].slot] = ScaledInteger<true>(p, ops[i]);
  }
  for (size_t i = plan.swapped_end; i < plan.ops.size(); ++i) {
    v[ops[i].slot] = FastNumber(p + ops[i].offset, ops[i]) * ops[i].inverse_scale - ops[i].offset_value;
  }
  for (const FieldOp& op : plan.raw_ops) raw_[op.slot] = RawField{{p + op.offset, op.size}, op.base, op.swap};
  if (plan.timestamp == TimestampKind::kUint32) {
    NoteUint32Timestamp(plan, p);
  } else if (plan.timestamp == TimestampKind::kOther) {
    NoteTimestamp(v);
  }
  if (plan.kind == MesgKind::kRecord) [[likely]] {
    builder_->OnRecord(v, raw_.data());
  } else {
    Dispatch(plan, v);
  }
  for (const DevOp& op : plan.dev_ops) builder_->SetDeveloperValue(op.channel, DeveloperNumber(p, op));
  for (const FieldOp& op : plan.raw_ops) raw_[op.slot] = RawField{};
}

Status MessageReader::ReadDefinition(size_t pos, size_t end, size_t* next) {
  const uint8_t header = file_[pos];
  if (end - pos < kDefinitionFixedBytes) return Fail(Corrupt(pos, "truncated definition message"));
  const uint8_t arch = file_[pos + 2];
  if (arch != kArchLittle && arch != kArchBig) {
    return Fail(Corrupt(pos + 2, fmt::format("bad architecture byte {} in definition message", arch)));
  }
  const bool big = arch == kArchBig;
  const bool swap = big != kHostBigEndian;
  const auto global = static_cast<uint16_t>(big ? (file_[pos + 3] << 8) | file_[pos + 4]
                                                : file_[pos + 3] | (file_[pos + 4] << 8));
  const size_t num_fields = file_[pos + 5];
  size_t at = pos + kDefinitionFixedBytes;
  if (end - at < num_fields * kFieldDefBytes) return Fail(Corrupt(pos, "truncated definition message"));
  size_t num_dev = 0;
  const size_t dev_at = at + num_fields * kFieldDefBytes;
  if (header & kHeaderDeveloperData) {
    if (dev_at >= end) return Fail(Corrupt(pos, "truncated definition message"));
    num_dev = file_[dev_at];
    if (end - dev_at - 1 < num_dev * kFieldDefBytes) return Fail(Corrupt(pos, "truncated definition message"));
  }

  Plan& plan = ResetPlan(header & kLocalTypeMask, global);
  uint32_t offset = 0;
  for (size_t i = 0; i < num_fields; ++i, at += kFieldDefBytes) {
    AddFieldOp(plan, file_[at], file_[at + 1], file_[at + 2], offset, swap);
    offset += file_[at + 1];
  }
  at = dev_at + ((header & kHeaderDeveloperData) ? 1 : 0);
  for (size_t i = 0; i < num_dev; ++i, at += kFieldDefBytes) {
    AddDevOp(plan, at, file_[at], file_[at + 1], file_[at + 2], offset, swap);
    offset += file_[at + 1];
  }
  plan.size = offset;
  CompilePlan(plan);
  if (plan.kind == MesgKind::kRecord) {
    uint32_t columns = 0;
    for (const FieldOp& op : plan.ops) columns |= ActivityBuilder::ColumnOfRecordSlot(op.slot);
    for (const FieldOp& op : plan.raw_ops) columns |= ActivityBuilder::ColumnOfRecordSlot(op.slot);
    // Reserve for the records the rest of the part could hold, within reason: a tiny (or hostile)
    // definition must not make one small file reserve gigabytes. Columns still grow past the cap.
    constexpr size_t kMaxReservedRecords = size_t{1} << 18;
    const size_t could_hold = (end - at) / (plan.size + 1);
    builder_->NoteRecordDefinition(columns, reserved_ ? 0 : std::min(could_hold, kMaxReservedRecords));
    reserved_ = true;
  }
  *next = at;
  return Ok();
}

// Starts the plan of a local type afresh for a new definition, keeping its vectors' capacity.
MessageReader::Plan& MessageReader::ResetPlan(uint8_t local, uint16_t global) {
  Plan& plan = plans_[local];
  plan.ops.clear();
  plan.raw_ops.clear();
  plan.dev_ops.clear();
  plan.slots_used = 0;
  plan.defined = true;
  plan.fast = false;
  plan.global = global;
  plan.kind = KindOfMesg(global);
  plan.slot_count = static_cast<uint8_t>(FieldsOf(plan.kind).size());
  plan.unknown = plan.kind == MesgKind::kOther && !IsProfileMesg(global);
  if (plan.unknown && std::find(unknown_mesgs_.begin(), unknown_mesgs_.end(), global) == unknown_mesgs_.end()) {
    unknown_mesgs_.push_back(global);
  }
  return plan;
}

void MessageReader::AddFieldOp(Plan& plan, uint8_t num, uint8_t size, uint8_t base_byte, uint32_t offset,
                               bool swap) {
  const size_t slot = SlotOf(plan.kind, num);
  if (slot == kNoSlot) return;
  const FieldSpec& spec = FieldsOf(plan.kind)[slot];
  const BaseType base = BaseOf(base_byte);
  // A number needs at least one whole value; a size that is no multiple of it is misdeclared.
  // A string where a number belongs is not read at all.
  if (!spec.raw && (size < SizeOf(base) || size % SizeOf(base) != 0 || base == BaseType::kString)) return;
  FieldOp op = MakeFieldOp(base, swap);
  op.offset = offset;
  op.size = size;
  op.slot = static_cast<uint8_t>(slot);
  op.inverse_scale = 1.0 / spec.scale;
  op.offset_value = spec.offset;
  std::vector<FieldOp>& list = spec.raw ? plan.raw_ops : plan.ops;
  const uint32_t slot_bit = uint32_t{1} << slot;
  if (plan.slots_used & slot_bit) {  // a field defined twice: the later one wins, as if it overwrote the slot
    std::erase_if(list, [&](const FieldOp& other) { return other.slot == op.slot; });
  }
  plan.slots_used |= slot_bit;
  list.push_back(op);
}

void MessageReader::AddDevOp(Plan& plan, size_t at, uint8_t num, uint8_t size, uint8_t developer_index,
                             uint32_t offset, bool swap) {
  if (plan.kind != MesgKind::kRecord) return;  // developer fields are kept for records only
  for (const DevFieldInfo& info : dev_fields_) {
    if (info.developer_index != developer_index || info.field_num != num) continue;
    if (size < SizeOf(info.base) || info.base == BaseType::kString) return;
    const uint32_t channel = builder_->DeveloperChannel(info.name, info.units);
    DevOp op{MakeFieldOp(info.base, swap), info.scale, info.offset, channel};
    op.value.offset = offset;
    op.value.size = size;
    plan.dev_ops.push_back(op);
    return;
  }
  const auto key = static_cast<uint16_t>((developer_index << 8) | num);
  if (std::find(undescribed_dev_fields_.begin(), undescribed_dev_fields_.end(), key) ==
      undescribed_dev_fields_.end()) {
    undescribed_dev_fields_.push_back(key);
    warnings_.push_back({fmt::format("{}@byte {}", name_, at),
                         fmt::format("developer field {} of developer {} has no field_description; skipped", num,
                                     developer_index)});
  }
}

Status MessageReader::ReadData(size_t pos, size_t end, uint8_t local, bool compressed, uint8_t time_offset,
                               size_t* next) {
  const Plan& plan = plans_[local];
  if (!plan.defined) {
    return Fail(Corrupt(pos, fmt::format("data message for undefined local message type {}", local)));
  }
  if (end - pos - 1 < plan.size) {
    return Fail(Corrupt(pos, fmt::format("truncated data message: local type {} needs {} bytes, {} left", local,
                                         plan.size, end - pos - 1)));
  }
  const uint8_t* p = file_.data() + pos + 1;
  double v[kMaxSlots];
  std::fill_n(v, plan.slot_count, core::kNaN);
  if (pos + 1 + plan.size + sizeof(uint64_t) <= file_.size()) {  // FastNumber may load past the message
    for (const FieldOp& op : plan.ops) {
      v[op.slot] = FastNumber(p + op.offset, op) * op.inverse_scale - op.offset_value;
    }
  } else {
    for (const FieldOp& op : plan.ops) {
      v[op.slot] = ReadNumber(p + op.offset, op.base, op.swap) * op.inverse_scale - op.offset_value;
    }
  }
  for (const FieldOp& op : plan.raw_ops) raw_[op.slot] = RawField{{p + op.offset, op.size}, op.base, op.swap};
  // Timestamps: a full one resets the running time; a compressed header advances it (FORMATS.md 1.7).
  if (compressed) {
    const uint32_t last_offset = last_timestamp_ & kTimeOffsetMask;
    last_timestamp_ += (time_offset - last_offset) & kTimeOffsetMask;
    v[0] = last_timestamp_;
  } else {
    NoteTimestamp(v);
  }
  Dispatch(plan, v);
  if (!plan.dev_ops.empty()) {
    for (const DevOp& op : plan.dev_ops) {
      const double value = ReadNumber(p + op.value.offset, op.value.base, op.value.swap);
      builder_->SetDeveloperValue(op.channel, value / op.scale - op.offset_value);
    }
  }
  for (const FieldOp& op : plan.raw_ops) raw_[op.slot] = RawField{};
  *next = pos + 1 + plan.size;
  return Ok();
}

// NoteTimestamp for a uint32 timestamp, from the message's bytes: its slot holds NaN for the invalid
// value and the value itself otherwise (scale 1, offset 0), which NoteTimestamp would leave as it is.
inline void MessageReader::NoteUint32Timestamp(const Plan& plan, const uint8_t* p) {
  constexpr uint32_t kInvalid = 0xFFFFFFFF;
  uint32_t t;
  std::memcpy(&t, p + plan.timestamp_offset, sizeof t);
  if (plan.timestamp_swap) t = __builtin_bswap32(t);
  if (t == kInvalid) return;
  last_timestamp_ = t;
  have_timestamp_ = true;
}

// A message's own timestamp (slot 0) resets the running time of compressed headers (FORMATS.md 1.7).
inline void MessageReader::NoteTimestamp(double* v) {
  if (std::isnan(v[0])) return;
  // date_time is a uint32; a timestamp declared with another base type may hold anything.
  constexpr uint32_t kNotATime = 0xFFFFFFFF;
  const uint32_t t = NumberAs<uint32_t>(v[0], kNotATime);
  if (t == kNotATime) {
    v[0] = core::kNaN;
  } else {
    last_timestamp_ = t;
    have_timestamp_ = true;
  }
}

void MessageReader::Dispatch(const Plan& plan, const double* v) {
  switch (plan.kind) {
    case MesgKind::kRecord: builder_->OnRecord(v, raw_.data()); break;
    case MesgKind::kFileId: builder_->OnFileId(v, raw_.data()); break;
    case MesgKind::kSport: builder_->OnSport(v); break;
    case MesgKind::kSession: builder_->OnSession(v); break;
    case MesgKind::kLap: builder_->OnLap(v); break;
    case MesgKind::kActivity: builder_->OnActivity(v); break;
    case MesgKind::kHrv: builder_->OnHrv(raw_.data()); break;
    case MesgKind::kFieldDescription: OnFieldDescription(v); break;
    case MesgKind::kOther: unknown_mesg_count_ += plan.unknown ? 1 : 0; break;
  }
}

void MessageReader::OnFieldDescription(const double* v) {
  constexpr int kNone = -1;
  const int index = NumberAs<uint8_t>(v[Idx(FieldDescSlot::kDeveloperDataIndex)], 0xFF);
  const int num = NumberAs<uint8_t>(v[Idx(FieldDescSlot::kFieldNumber)], 0xFF);
  const int base = NumberAs<int>(v[Idx(FieldDescSlot::kBaseType)], kNone);
  if (index == 0xFF || num == 0xFF || base < 0 || base > 0xFF) return;  // 0xFF: invalid uint8
  DevFieldInfo info;
  info.developer_index = static_cast<uint8_t>(index);
  info.field_num = static_cast<uint8_t>(num);
  info.base = BaseOf(static_cast<uint8_t>(base));
  const double scale = v[Idx(FieldDescSlot::kScale)];
  info.scale = std::isnan(scale) || scale == 0 ? 1 : scale;
  const double offset = v[Idx(FieldDescSlot::kOffset)];
  info.offset = std::isnan(offset) ? 0 : offset;
  info.name = std::string(RawString(raw_[Idx(FieldDescSlot::kName)]));
  info.units = std::string(RawString(raw_[Idx(FieldDescSlot::kUnits)]));
  if (info.name.empty()) info.name = fmt::format("developer_{}_field_{}", info.developer_index, info.field_num);
  auto same = [&](const DevFieldInfo& d) {
    return d.developer_index == info.developer_index && d.field_num == info.field_num;
  };
  std::erase_if(dev_fields_, same);
  dev_fields_.push_back(std::move(info));
}

}  // namespace stride::fit
