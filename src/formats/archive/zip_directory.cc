// SPDX-License-Identifier: MIT
#include "formats/archive/zip_directory.h"

#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

namespace stride::archive {
namespace {

using core::ErrorCode;

constexpr uint32_t kEndSignature = 0x06054b50;          // end of central directory record
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;  // Zip64 end of central directory locator
constexpr uint32_t kZip64EndSignature = 0x06064b50;      // Zip64 end of central directory record
constexpr uint32_t kEntrySignature = 0x02014b50;         // central directory file header
constexpr uint32_t kLocalSignature = 0x04034b50;         // local file header
constexpr size_t kEndBytes = 22;
constexpr size_t kLocatorBytes = 20;
constexpr size_t kZip64EndBytes = 56;
constexpr size_t kEntryBytes = 46;
constexpr size_t kLocalBytes = 30;
constexpr size_t kMaxCommentBytes = 0xFFFF;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr uint16_t kEncryptedFlag = 1;
constexpr uint16_t kMethodStored = 0;
constexpr uint16_t kMethodDeflated = 8;
constexpr uint8_t kMadeByUnix = 3;
constexpr uint32_t kUnixTypeMask = 0170000, kUnixRegular = 0100000;
constexpr uint32_t kDosDirectory = 0x10;

Status Corrupt(std::string_view what) {
  return Fail(ErrorCode::kCorruptData, fmt::format("zip central directory: {}", what));
}

uint16_t U16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t U32(const uint8_t* p) { return static_cast<uint32_t>(U16(p)) | static_cast<uint32_t>(U16(p + 2)) << 16; }
uint64_t U64(const uint8_t* p) { return static_cast<uint64_t>(U32(p)) | static_cast<uint64_t>(U32(p + 4)) << 32; }

// Reads byte ranges of a file or of memory. Every read is bounds-checked against the size.
class RandomAccess {
 public:
  static Result<RandomAccess> Open(const ZipSource& source) {
    RandomAccess r;
    if (source.in_memory) {
      r.memory_ = source.memory;
      r.size_ = source.memory.size();
      return r;
    }
    r.file_.reset(std::fopen(source.file.c_str(), "rb"));
    if (!r.file_) return Fail(ErrorCode::kIoError, "cannot open zip file", source.file.string());
    if (fseeko(r.file_.get(), 0, SEEK_END) != 0) return Fail(ErrorCode::kIoError, "cannot read zip file");
    const off_t end = ftello(r.file_.get());
    if (end < 0) return Fail(ErrorCode::kIoError, "cannot read zip file");
    r.size_ = static_cast<uint64_t>(end);
    return r;
  }

  uint64_t size() const { return size_; }

  /// Bytes [offset, offset + n), or kCorruptData when they lie beyond the end.
  Result<std::vector<uint8_t>> Read(uint64_t offset, uint64_t n) const {
    if (offset > size_ || n > size_ - offset) return Fail(Corrupt("points beyond the end of the file").error());
    std::vector<uint8_t> out(static_cast<size_t>(n));
    if (n == 0) return out;
    if (!file_) {
      std::memcpy(out.data(), memory_.data() + offset, out.size());
      return out;
    }
    if (fseeko(file_.get(), static_cast<off_t>(offset), SEEK_SET) != 0 ||
        std::fread(out.data(), 1, out.size(), file_.get()) != out.size()) {
      return Fail(ErrorCode::kIoError, "cannot read zip file");
    }
    return out;
  }

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file_;
  std::span<const uint8_t> memory_;
  uint64_t size_ = 0;
};

// Where the directory is and how many entries it holds.
struct DirectoryPlace {
  uint64_t entries = 0;
  uint64_t size = 0;
  uint64_t offset = 0;
  uint64_t ends_before = 0;  // the directory must end at or before this offset
};

Result<DirectoryPlace> FindDirectory(const RandomAccess& in) {
  const uint64_t tail_size = std::min<uint64_t>(in.size(), kEndBytes + kMaxCommentBytes);
  if (tail_size < kEndBytes) return Fail(Corrupt("file too short for a zip").error());
  const uint64_t tail_start = in.size() - tail_size;
  auto tail = in.Read(tail_start, tail_size);
  if (!tail) return Fail(tail.error());
  // The last end record whose comment reaches exactly to the end of the file.
  size_t at = tail->size() - kEndBytes + 1;
  const uint8_t* end = nullptr;
  while (at-- > 0) {
    const uint8_t* p = tail->data() + at;
    if (U32(p) == kEndSignature && at + kEndBytes + U16(p + 20) == tail->size()) {
      end = p;
      break;
    }
  }
  if (end == nullptr) return Fail(Corrupt("no end of central directory record").error());
  const uint64_t end_offset = tail_start + static_cast<uint64_t>(end - tail->data());
  if (U16(end + 4) != 0 || U16(end + 6) != 0 || U16(end + 8) != U16(end + 10)) {
    return Fail(Corrupt("spans several disks").error());
  }
  DirectoryPlace place{U16(end + 10), U32(end + 12), U32(end + 16), end_offset};
  if (place.entries == 0xFFFF || place.size == 0xFFFFFFFF || place.offset == 0xFFFFFFFF) {
    if (end_offset < kLocatorBytes) return Fail(Corrupt("no Zip64 locator").error());
    auto locator = in.Read(end_offset - kLocatorBytes, kLocatorBytes);
    if (!locator) return Fail(locator.error());
    if (U32(locator->data()) != kZip64LocatorSignature) return Fail(Corrupt("no Zip64 locator").error());
    const uint64_t zip64_offset = U64(locator->data() + 8);
    auto zip64 = in.Read(zip64_offset, kZip64EndBytes);
    if (!zip64) return Fail(zip64.error());
    const uint8_t* z = zip64->data();
    if (U32(z) != kZip64EndSignature) return Fail(Corrupt("no Zip64 end record").error());
    if (U32(z + 16) != 0 || U32(z + 20) != 0 || U64(z + 24) != U64(z + 32)) {
      return Fail(Corrupt("spans several disks").error());
    }
    place = DirectoryPlace{U64(z + 32), U64(z + 40), U64(z + 48), zip64_offset};
  }
  if (place.offset > place.ends_before || place.size > place.ends_before - place.offset) {
    return Fail(Corrupt("directory lies beyond its end record").error());
  }
  if (place.entries > place.size / kEntryBytes) return Fail(Corrupt("more entries than the directory holds").error());
  return place;
}

// Replaces the sizes and offset saturated at 0xFFFFFFFF by their values in the Zip64 extra field.
Status ApplyZip64Extra(const uint8_t* extra, size_t n, ZipDirectoryEntry& e, bool size_max, bool csize_max,
                       bool offset_max) {
  if (!size_max && !csize_max && !offset_max) return Ok();
  size_t at = 0;
  while (at + 4 <= n) {
    const uint16_t id = U16(extra + at);
    const size_t len = U16(extra + at + 2);
    if (at + 4 + len > n) break;
    if (id == kZip64ExtraId) {
      const uint8_t* p = extra + at + 4;
      size_t left = len;
      for (auto [wanted, field] : {std::pair{size_max, &e.size}, std::pair{csize_max, &e.compressed_size},
                                   std::pair{offset_max, &e.local_header_offset}}) {
        if (!wanted) continue;
        if (left < 8) return Corrupt("Zip64 extra field too short");
        *field = U64(p);
        p += 8;
        left -= 8;
      }
      return Ok();
    }
    at += 4 + len;
  }
  return Corrupt("sizes need a Zip64 extra field that is missing");
}

// As libarchive types an entry: a name ending in '/' is a folder; a Unix entry by its mode's type (none
// given: a file); otherwise by the MS-DOS folder attribute.
bool IsRegularFile(const ZipDirectoryEntry& e, uint16_t made_by, uint32_t external) {
  if (!e.path.empty() && e.path.back() == '/') return false;
  if (made_by >> 8 == kMadeByUnix) {
    const uint32_t type = (external >> 16) & kUnixTypeMask;
    return type == 0 || type == kUnixRegular;
  }
  return (external & kDosDirectory) == 0;
}

}  // namespace

Result<std::vector<ZipDirectoryEntry>> ReadZipDirectory(const ZipSource& source) {
  auto in = RandomAccess::Open(source);
  if (!in) return Fail(in.error());
  auto place = FindDirectory(*in);
  if (!place) return Fail(place.error());
  auto directory = in->Read(place->offset, place->size);
  if (!directory) return Fail(directory.error());
  std::vector<ZipDirectoryEntry> entries;
  entries.reserve(static_cast<size_t>(place->entries));
  const uint8_t* const base = directory->data();
  const size_t size = directory->size();
  size_t at = 0;
  for (uint64_t i = 0; i < place->entries; ++i) {
    if (size - at < kEntryBytes || U32(base + at) != kEntrySignature) return Fail(Corrupt("damaged entry").error());
    const uint8_t* h = base + at;
    const size_t name_len = U16(h + 28), extra_len = U16(h + 30), comment_len = U16(h + 32);
    if (size - at - kEntryBytes < name_len + extra_len + comment_len) return Fail(Corrupt("damaged entry").error());
    if (U16(h + 34) != 0 && U16(h + 34) != 0xFFFF) return Fail(Corrupt("spans several disks").error());
    ZipDirectoryEntry e;
    e.flags = U16(h + 8);
    e.method = U16(h + 10);
    e.crc32 = U32(h + 16);
    e.compressed_size = U32(h + 20);
    e.size = U32(h + 24);
    e.local_header_offset = U32(h + 42);
    e.path.assign(reinterpret_cast<const char*>(h + kEntryBytes), name_len);
    if (auto s = ApplyZip64Extra(h + kEntryBytes + name_len, extra_len, e, e.size == 0xFFFFFFFF,
                                 e.compressed_size == 0xFFFFFFFF, e.local_header_offset == 0xFFFFFFFF);
        !s) {
      return Fail(s.error());
    }
    e.is_regular_file = IsRegularFile(e, U16(h + 4), U32(h + 38));
    if (e.local_header_offset >= place->offset) return Fail(Corrupt("entry lies after the directory").error());
    entries.push_back(std::move(e));
    at += kEntryBytes + name_len + extra_len + comment_len;
  }
  return entries;
}

Result<std::vector<uint8_t>> ReadZipDirectoryEntry(const ZipSource& source, const ZipDirectoryEntry& entry,
                                                   uint64_t max_bytes) {
  if ((entry.flags & kEncryptedFlag) != 0) return Fail(ErrorCode::kUnsupported, "encrypted zip entry");
  if (entry.method != kMethodStored && entry.method != kMethodDeflated) {
    return Fail(ErrorCode::kUnsupported, fmt::format("zip compression method {} is not supported", entry.method));
  }
  if (entry.size > max_bytes) {
    return Fail(ErrorCode::kUnsupported, fmt::format("zip entry larger than {} bytes", max_bytes));
  }
  if (entry.method == kMethodStored && entry.compressed_size != entry.size) {
    return Fail(Corrupt("stored sizes differ").error());
  }
  auto in = RandomAccess::Open(source);
  if (!in) return Fail(in.error());
  auto local = in->Read(entry.local_header_offset, kLocalBytes);
  if (!local) return Fail(local.error());
  if (U32(local->data()) != kLocalSignature) return Fail(Corrupt("no local header where the directory says").error());
  const uint64_t data_offset =
      entry.local_header_offset + kLocalBytes + U16(local->data() + 26) + U16(local->data() + 28);
  auto data = in->Read(data_offset, entry.compressed_size);
  if (!data) return Fail(data.error());
  std::vector<uint8_t> out;
  if (entry.method == kMethodStored) {
    out = std::move(*data);
  } else {
    out.resize(static_cast<size_t>(entry.size));
    std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(libdeflate_alloc_decompressor(),
                                                                                   &libdeflate_free_decompressor);
    if (!d) return Fail(ErrorCode::kInternal, "out of memory for the zip reader");
    if (libdeflate_deflate_decompress(d.get(), data->data(), data->size(), out.data(), out.size(), nullptr) !=
        LIBDEFLATE_SUCCESS) {
      return Fail(Corrupt("entry data does not inflate to its stated size").error());
    }
  }
  if (libdeflate_crc32(0, out.data(), out.size()) != entry.crc32) {
    return Fail(Corrupt("entry fails its CRC-32").error());
  }
  return out;
}

}  // namespace stride::archive
