// SPDX-License-Identifier: MIT
// The FIT file layer: headers, CRCs, chained parts and salvage. Messages are read by MessageReader
// (fit_reader.h) into an ActivityBuilder (fit_activity_builder.h).
#include "formats/fit/fit_decoder.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/check.h"
#include "formats/fit/crc16.h"
#include "formats/fit/fit_activity_builder.h"
#include "formats/fit/fit_reader.h"

namespace stride::fit {
namespace {

constexpr size_t kLegacyHeaderSize = 12;
constexpr size_t kHeaderSize = 14;
constexpr size_t kDataSizeOffset = 4;
constexpr size_t kSignatureOffset = 8;
constexpr size_t kHeaderCrcOffset = 12;
constexpr size_t kCrcSize = 2;
constexpr char kSignature[4] = {'.', 'F', 'I', 'T'};

uint16_t Le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t Le32(const uint8_t* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24); }

class FileDecoder {
 public:
  FileDecoder(std::span<const uint8_t> bytes, const formats::DecodeOptions& options)
      : bytes_(bytes), options_(options), reader_(bytes, &builder_, options.name) {}
  FileDecoder(std::span<const uint8_t> bytes, const formats::DecodeOptions& options, core::Activity&& recycled)
      : FileDecoder(bytes, options) {
    builder_.Recycle(std::move(recycled));
  }

  Result<core::Decoded> Run();

 private:
  Result<size_t> DecodePart(size_t start);
  Status CheckHeader(size_t start, size_t* header_size) const;
  Status DecodeMessages(size_t begin, size_t end);
  core::Error Corrupt(size_t at, std::string message) const {
    return core::Error{core::ErrorCode::kCorruptData, std::move(message), Where(at)};
  }
  std::string Where(size_t at) const { return fmt::format("{}@byte {}", options_.name, at); }
  void NoteSalvage(const core::Error& error, size_t bytes_lost);
  void AddUnknownMessagesWarning();

  std::span<const uint8_t> bytes_;
  const formats::DecodeOptions& options_;
  ActivityBuilder builder_;
  MessageReader reader_;
  std::vector<core::Diagnostic> warnings_;
  size_t good_end_ = 0;         // end of the last message decoded
  bool decoded_any_ = false;    // at least one message decoded
  bool salvaged_ = false;
  uint64_t bytes_lost_ = 0;
};

Result<core::Decoded> FileDecoder::Run() {
  if (bytes_.empty()) return Fail(Corrupt(0, "empty file"));
  size_t pos = 0;
  while (pos < bytes_.size()) {
    Result<size_t> next = DecodePart(pos);
    if (!next) {
      if (!options_.salvage || !decoded_any_) return Fail(next.error());
      NoteSalvage(next.error(), bytes_.size() - good_end_);
      break;
    }
    pos = *next;
  }
  for (core::Diagnostic& d : reader_.warnings()) warnings_.push_back(std::move(d));
  AddUnknownMessagesWarning();
  core::Decoded decoded;
  decoded.activities.push_back(builder_.Finish());
  decoded.activities.back().salvaged = salvaged_;
  decoded.activities.back().bytes_lost = bytes_lost_;
  decoded.warnings = std::move(warnings_);
  return decoded;
}

Status FileDecoder::CheckHeader(size_t start, size_t* header_size) const {
  const size_t remaining = bytes_.size() - start;
  const uint8_t* h = bytes_.data() + start;
  if (remaining < kLegacyHeaderSize) {
    return Fail(Corrupt(start, fmt::format("too small for a FIT header: {} bytes", remaining)));
  }
  if (h[0] != kLegacyHeaderSize && h[0] != kHeaderSize) {
    return Fail(Corrupt(start, fmt::format("bad header size {} (expected 12 or 14)", h[0])));
  }
  if (remaining < h[0]) return Fail(Corrupt(start, "truncated header"));
  if (std::memcmp(h + kSignatureOffset, kSignature, sizeof(kSignature)) != 0) {
    return Fail(Corrupt(start + kSignatureOffset, "missing \".FIT\" signature: not a FIT file"));
  }
  if (h[0] == kHeaderSize) {
    const uint16_t stored = Le16(h + kHeaderCrcOffset);
    const uint16_t computed = Crc16(bytes_.subspan(start, kHeaderCrcOffset));
    if (stored != 0 && stored != computed) {
      return Fail(Corrupt(start + kHeaderCrcOffset,
                          fmt::format("header CRC mismatch (stored 0x{:04x}, computed 0x{:04x})", stored, computed)));
    }
  }
  *header_size = h[0];
  return Ok();
}

Result<size_t> FileDecoder::DecodePart(size_t start) {
  size_t header_size = 0;
  if (Status s = CheckHeader(start, &header_size); !s) return Fail(s.error());
  const uint32_t data_size = Le32(bytes_.data() + start + kDataSizeOffset);
  const size_t data_begin = start + header_size;
  const size_t data_end = data_begin + data_size;
  const size_t size = bytes_.size();
  reader_.BeginPart();
  good_end_ = data_begin;
  if (data_end > size) {
    const core::Error error =
        Corrupt(start + kDataSizeOffset, fmt::format("truncated: header declares {} data bytes, only {} present",
                                                     data_size, size - data_begin));
    if (options_.salvage) {
      if (Status s = DecodeMessages(data_begin, size); !s) return Fail(s.error());
    }
    return Fail(error);
  }
  if (size - data_end < kCrcSize) {
    if (options_.salvage) {
      if (Status s = DecodeMessages(data_begin, data_end); !s) return Fail(s.error());
    }
    return Fail(Corrupt(data_end, "missing file CRC: file ends after the data"));
  }
  const uint16_t residue = Crc16(bytes_.subspan(start, data_end + kCrcSize - start));
  if (residue != 0) {
    const uint16_t stored = Le16(bytes_.data() + data_end);
    const uint16_t computed = Crc16(bytes_.subspan(start, data_end - start));
    const core::Error error = Corrupt(
        data_end, fmt::format("file CRC mismatch (stored 0x{:04x}, computed 0x{:04x})", stored, computed));
    if (!options_.salvage) return Fail(error);
    if (Status s = DecodeMessages(data_begin, data_end); !s) return Fail(s.error());
    NoteSalvage(error, 0);  // every message decoded; the data may still be damaged
    return data_end + kCrcSize;
  }
  if (Status s = DecodeMessages(data_begin, data_end); !s) return Fail(s.error());
  good_end_ = data_end + kCrcSize;
  return data_end + kCrcSize;
}

Status FileDecoder::DecodeMessages(size_t begin, size_t end) {
  size_t decoded_end = begin;
  Status status = reader_.DecodeRecords(begin, end, &decoded_end);
  if (decoded_end > begin) decoded_any_ = true;
  good_end_ = decoded_end;
  return status;
}

void FileDecoder::NoteSalvage(const core::Error& error, size_t bytes_lost) {
  salvaged_ = true;
  bytes_lost_ += bytes_lost;
  warnings_.push_back({error.where, fmt::format("salvaged: {}; {} bytes dropped", error.message, bytes_lost)});
}

void FileDecoder::AddUnknownMessagesWarning() {
  const std::vector<uint16_t>& unknown = reader_.unknown_mesgs();
  if (unknown.empty()) return;
  warnings_.push_back({options_.name, fmt::format("skipped {} messages of unknown global numbers {}",
                                                  reader_.unknown_mesg_count(), fmt::join(unknown, ", "))});
}

}  // namespace

Result<core::Decoded> DecodeFit(std::span<const uint8_t> bytes, const formats::DecodeOptions& options) {
  FileDecoder decoder(bytes, options);
  return decoder.Run();
}

Status DecodeFitReusing(std::span<const uint8_t> bytes, const formats::DecodeOptions& options,
                        core::Decoded* decoded) {
  STRIDE_CHECK(decoded != nullptr);
  core::Activity recycled;
  if (!decoded->activities.empty()) recycled = std::move(decoded->activities.front());
  *decoded = core::Decoded{};
  FileDecoder decoder(bytes, options, std::move(recycled));
  Result<core::Decoded> result = decoder.Run();
  if (!result) return Fail(result.error());
  *decoded = std::move(*result);
  return Ok();
}

}  // namespace stride::fit
