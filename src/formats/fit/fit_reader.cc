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

namespace {

}  // namespace

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
  size_t pos = begin;
  *decoded_end = begin;
  while (pos < end) {
    const uint8_t header = file_[pos];
    size_t next = pos;
    Status status;
    if (header & kHeaderCompressed) {
      const auto local = static_cast<uint8_t>((header >> kCompressedLocalShift) & kCompressedLocalMask);
      status = ReadData(pos, end, local, true, header & kTimeOffsetMask, &next);
    } else if (header & kHeaderDefinition) {
      status = ReadDefinition(pos, end, &next);
    } else {
      status = ReadData(pos, end, header & kLocalTypeMask, false, 0, &next);
    }
    if (!status) return status;
    pos = next;
    *decoded_end = pos;
  }
  return Ok();
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

  Plan& plan = plans_[header & kLocalTypeMask];
  plan = Plan{};
  plan.defined = true;
  plan.global = global;
  plan.kind = KindOfMesg(global);
  plan.slot_count = static_cast<uint8_t>(FieldsOf(plan.kind).size());
  plan.unknown = plan.kind == MesgKind::kOther && !IsProfileMesg(global);
  if (plan.unknown && std::find(unknown_mesgs_.begin(), unknown_mesgs_.end(), global) == unknown_mesgs_.end()) {
    unknown_mesgs_.push_back(global);
  }
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

void MessageReader::AddFieldOp(Plan& plan, uint8_t num, uint8_t size, uint8_t base_byte, uint32_t offset,
                               bool swap) {
  const std::span<const FieldSpec> specs = FieldsOf(plan.kind);
  for (size_t slot = 0; slot < specs.size(); ++slot) {
    if (specs[slot].num != num) continue;
    const BaseType base = BaseOf(base_byte);
    // A number needs at least one whole value; a size that is no multiple of it is misdeclared.
    // A string where a number belongs is not read at all.
    if (!specs[slot].raw && (size < SizeOf(base) || size % SizeOf(base) != 0 || base == BaseType::kString)) return;
    FieldOp op = MakeFieldOp(base, swap);
    op.offset = offset;
    op.size = size;
    op.slot = static_cast<uint8_t>(slot);
    op.inverse_scale = 1.0 / specs[slot].scale;
    op.offset_value = specs[slot].offset;
    (specs[slot].raw ? plan.raw_ops : plan.ops).push_back(op);
    return;
  }
}

void MessageReader::AddDevOp(Plan& plan, size_t at, uint8_t num, uint8_t size, uint8_t developer_index,
                             uint32_t offset, bool swap) {
  if (plan.kind != MesgKind::kRecord) return;  // developer fields are kept for records only
  for (const DevFieldInfo& info : dev_fields_) {
    if (info.developer_index != developer_index || info.field_num != num) continue;
    if (size < SizeOf(info.base) || info.base == BaseType::kString) return;
    const uint32_t channel = builder_->DeveloperChannel(info.name, info.units);
    plan.dev_ops.push_back(DevOp{offset, size, info.base, swap && SizeOf(info.base) > 1, info.scale, info.offset,
                                 channel});
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
  constexpr size_t kTs = 0;
  if (compressed) {
    const uint32_t last_offset = last_timestamp_ & kTimeOffsetMask;
    last_timestamp_ += (time_offset - last_offset) & kTimeOffsetMask;
    v[kTs] = last_timestamp_;
  } else if (!std::isnan(v[kTs])) {
    // date_time is a uint32; a timestamp declared with another base type may hold anything.
    constexpr uint32_t kNotATime = 0xFFFFFFFF;
    const uint32_t t = NumberAs<uint32_t>(v[kTs], kNotATime);
    if (t == kNotATime) {
      v[kTs] = core::kNaN;
    } else {
      last_timestamp_ = t;
      have_timestamp_ = true;
    }
  }
  Dispatch(plan, v);
  if (!plan.dev_ops.empty()) {
    for (const DevOp& op : plan.dev_ops) {
      builder_->SetDeveloperValue(op.channel, ReadNumber(p + op.offset, op.base, op.swap) / op.scale - op.offset_value);
    }
  }
  for (const FieldOp& op : plan.raw_ops) raw_[op.slot] = RawField{};
  *next = pos + 1 + plan.size;
  return Ok();
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
