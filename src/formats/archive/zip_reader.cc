// SPDX-License-Identifier: MIT
#include "formats/archive/zip_reader.h"

#include <archive_entry.h>

#include <algorithm>

#include "formats/archive/limits_internal.h"

namespace stride::archive {
namespace {

// Input is handed to libarchive in blocks of this size, so bytes_read() tracks consumption closely.
constexpr size_t kReadBlockBytes = 64 * 1024;
// The first read after a seek is smaller: libarchive's zip reader seeks to each entry's local header
// (30 bytes plus name and extra fields), and a pass over headers only, like the one that finds a Strava
// export's activities.csv, then read 64 KiB per entry (192 MB for 3,000 entries) to use ~100 bytes.
constexpr size_t kAfterSeekBytes = 4096;
constexpr uint64_t kFirstOutputBytes = 64 * 1024;
// Deflate expands at most about 1032:1, so no honest entry is larger than that times the input.
constexpr uint64_t kDeflateMaxRatio = 1032;

}  // namespace

ZipReader::~ZipReader() {
  if (archive_ != nullptr) archive_read_free(archive_);
  if (file_ != nullptr) std::fclose(file_);
}

Status ZipReader::OpenFile(const std::filesystem::path& path) {
  std::error_code ec;
  size_ = std::filesystem::file_size(path, ec);
  file_ = ec ? nullptr : std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) return Fail(core::ErrorCode::kIoError, "cannot open zip file", path.string());
  buffer_.resize(kReadBlockBytes);
  return Open(path.string());
}

Status ZipReader::OpenMemory(std::span<const uint8_t> bytes) {
  memory_ = bytes;
  size_ = bytes.size();
  return Open("zip");
}

Status ZipReader::Open(const std::string& name) {
  archive_ = archive_read_new();
  if (archive_ == nullptr) return Fail(core::ErrorCode::kInternal, "out of memory for the zip reader", name);
  archive_read_support_format_zip(archive_);
  archive_read_set_callback_data(archive_, this);
  archive_read_set_read_callback(archive_, &ZipReader::ReadCallback);
  archive_read_set_skip_callback(archive_, &ZipReader::SkipCallback);
  archive_read_set_seek_callback(archive_, &ZipReader::SeekCallback);
  if (archive_read_open1(archive_) != ARCHIVE_OK) {
    fatal_ = true;
    return Fail(core::ErrorCode::kCorruptData, "not a zip archive: " + ArchiveError(), name);
  }
  return Ok();
}

la_ssize_t ZipReader::ReadCallback(struct ::archive*, void* self, const void** buffer) {
  auto* reader = static_cast<ZipReader*>(self);
  const uint64_t left = reader->size_ - std::min(reader->position_, reader->size_);
  const size_t want = static_cast<size_t>(std::min<uint64_t>(left, reader->just_seeked_ ? kAfterSeekBytes : kReadBlockBytes));
  reader->just_seeked_ = false;
  size_t got = 0;
  if (reader->file_ != nullptr) {
    got = std::fread(reader->buffer_.data(), 1, want, reader->file_);
    *buffer = reader->buffer_.data();
  } else {
    got = want;
    *buffer = reader->memory_.data() + reader->position_;
  }
  reader->position_ += got;
  reader->bytes_read_ += got;
  return static_cast<la_ssize_t>(got);
}

la_int64_t ZipReader::SkipCallback(struct ::archive* a, void* self, la_int64_t request) {
  auto* reader = static_cast<ZipReader*>(self);
  const uint64_t left = reader->size_ - std::min(reader->position_, reader->size_);
  const uint64_t skip = std::min<uint64_t>(left, static_cast<uint64_t>(std::max<la_int64_t>(request, 0)));
  const la_int64_t target = static_cast<la_int64_t>(reader->position_ + skip);
  if (SeekCallback(a, self, target, SEEK_SET) < 0) return 0;
  return static_cast<la_int64_t>(skip);
}

la_int64_t ZipReader::SeekCallback(struct ::archive*, void* self, la_int64_t offset, int whence) {
  auto* reader = static_cast<ZipReader*>(self);
  la_int64_t base = 0;
  if (whence == SEEK_CUR) base = static_cast<la_int64_t>(reader->position_);
  if (whence == SEEK_END) base = static_cast<la_int64_t>(reader->size_);
  const la_int64_t target = base + offset;
  if (target < 0 || static_cast<uint64_t>(target) > reader->size_) return ARCHIVE_FATAL;
  if (reader->file_ != nullptr && fseeko(reader->file_, static_cast<off_t>(target), SEEK_SET) != 0) {
    return ARCHIVE_FATAL;
  }
  reader->just_seeked_ = reader->position_ != static_cast<uint64_t>(target);
  reader->position_ = static_cast<uint64_t>(target);
  return target;
}

std::string ZipReader::ArchiveError() const {
  const char* text = archive_ == nullptr ? nullptr : archive_error_string(archive_);
  return text == nullptr ? "unreadable archive" : text;
}

Result<std::optional<ZipEntryHeader>> ZipReader::Next() {
  if (fatal_) return std::optional<ZipEntryHeader>();
  archive_entry* entry = nullptr;
  const int r = archive_read_next_header(archive_, &entry);
  const bool first = first_header_;
  first_header_ = false;
  if (r == ARCHIVE_EOF) return std::optional<ZipEntryHeader>();
  if (r < ARCHIVE_WARN || entry == nullptr) {
    fatal_ = true;
    return Fail(core::ErrorCode::kCorruptData, (first ? "not a readable zip: " : "corrupt zip: ") + ArchiveError());
  }
  ZipEntryHeader header;
  const char* path = archive_entry_pathname_utf8(entry);
  if (path == nullptr) path = archive_entry_pathname(entry);
  header.path = path == nullptr ? "" : path;
  header.is_regular_file = archive_entry_filetype(entry) == AE_IFREG;
  if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0) {
    header.declared_size = static_cast<uint64_t>(archive_entry_size(entry));
  }
  return std::optional<ZipEntryHeader>(std::move(header));
}

Status ZipReader::CheckGrowth(size_t filled, uint64_t read_before, const SourceLimits& limits,
                              const std::string& name) const {
  if (filled > limits.max_entry_bytes) return Fail(SizeRefusal(limits.max_entry_bytes, name));
  // Input is read a block ahead, so the ratio is measured against one block more than was read.
  const uint64_t input = bytes_read_ - read_before + kReadBlockBytes;
  if (filled > limits.ratio_floor_bytes && filled > SaturatingMul(input, limits.max_ratio)) {
    return Fail(RatioRefusal(limits, name));
  }
  return Ok();
}

Result<std::vector<uint8_t>> ZipReader::ReadData(const ZipEntryHeader& header, const SourceLimits& limits,
                                                 const std::string& name) {
  if (header.declared_size && *header.declared_size > limits.max_entry_bytes) {
    return Fail(SizeRefusal(limits.max_entry_bytes, name));
  }
  const uint64_t read_before = bytes_read_;
  // Sized from the header, but no larger than deflate could honestly produce from the whole input.
  const uint64_t honest = SaturatingMul(size_, kDeflateMaxRatio) + kFirstOutputBytes;
  const uint64_t first = std::min({header.declared_size.value_or(kFirstOutputBytes), limits.max_entry_bytes, honest});
  std::vector<uint8_t> out(static_cast<size_t>(first));
  std::vector<uint8_t> probe(kReadBlockBytes);
  size_t filled = 0;
  for (;;) {
    // Reads into `out` while it has room, then into `probe`, so that a full buffer grows only if more comes.
    const bool room = filled < out.size();
    uint8_t* target = room ? out.data() + filled : probe.data();
    const size_t capacity = room ? out.size() - filled : probe.size();
    const la_ssize_t n = archive_read_data(archive_, target, capacity);
    if (n < 0) {
      fatal_ = fatal_ || n == ARCHIVE_FATAL;
      return Fail(core::ErrorCode::kCorruptData, "corrupt zip entry: " + ArchiveError(), name);
    }
    if (n == 0) break;
    const size_t got = static_cast<size_t>(n);
    if (!room) {
      out.resize(std::max(filled + got, std::min<size_t>(out.size() * 2, limits.max_entry_bytes + 1)));
      std::copy_n(probe.begin(), got, out.begin() + static_cast<std::ptrdiff_t>(filled));
    }
    filled += got;
    if (auto status = CheckGrowth(filled, read_before, limits, name); !status) return Fail(status.error());
  }
  out.resize(filled);
  return out;
}

}  // namespace stride::archive
