// SPDX-License-Identifier: MIT
// A zip archive read entry by entry with libarchive, from a file or from memory, never extracted to disk.
// Counts the input bytes it reads (for progress) and bounds each entry's inflated size (zip bombs).
// Internal to src/formats/archive/. Not thread-safe; one reader per thread.
#ifndef STRIDE_FORMATS_ARCHIVE_ZIP_READER_H_
#define STRIDE_FORMATS_ARCHIVE_ZIP_READER_H_

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <archive.h>

#include "core/result.h"
#include "formats/archive/activity_source.h"

namespace stride::archive {

/// What a zip entry's header says.
struct ZipEntryHeader {
  std::string path;                     // as stored, '/'-separated by convention
  bool is_regular_file = false;         // false for folders, links ...
  std::optional<uint64_t> declared_size;  // inflated size from the header, when present
};

class ZipReader {
 public:
  ZipReader() = default;
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  /// Opens a zip file. kIoError when it cannot be opened, kCorruptData when it is not a zip.
  Status OpenFile(const std::filesystem::path& path);
  /// Opens a zip held in memory. REQUIRES: `bytes` outlives the reader.
  Status OpenMemory(std::span<const uint8_t> bytes);

  /// The next entry's header, or nullopt at the end. kCorruptData (message from libarchive) when damaged.
  Result<std::optional<ZipEntryHeader>> Next();

  /// Inflates the current entry into memory, stopping as soon as it exceeds limits.max_entry_bytes or
  /// (beyond limits.ratio_floor_bytes) limits.max_ratio times the input read. Errors carry where = `name`:
  /// kUnsupported with the zip-bomb refusal, kCorruptData when the data is damaged.
  Result<std::vector<uint8_t>> ReadData(const ZipEntryHeader& header, const SourceLimits& limits,
                                        const std::string& name);

  /// Input bytes read so far (skipped entries are sought over, not read).
  uint64_t bytes_read() const { return bytes_read_; }
  /// True once libarchive reported a fatal error: no further entry can be read.
  bool fatal() const { return fatal_; }

 private:
  static la_ssize_t ReadCallback(struct ::archive* a, void* self, const void** buffer);
  static la_int64_t SkipCallback(struct ::archive* a, void* self, la_int64_t request);
  static la_int64_t SeekCallback(struct ::archive* a, void* self, la_int64_t offset, int whence);
  Status Open(const std::string& name);
  Status CheckGrowth(size_t filled, uint64_t read_before, const SourceLimits& limits, const std::string& name) const;
  std::string ArchiveError() const;

  struct ::archive* archive_ = nullptr;
  std::FILE* file_ = nullptr;
  std::span<const uint8_t> memory_;
  uint64_t size_ = 0;
  uint64_t position_ = 0;
  bool just_seeked_ = false;  // the next read follows a seek: libarchive wants one header, not a block
  uint64_t bytes_read_ = 0;
  std::vector<uint8_t> buffer_;
  bool fatal_ = false;
  bool first_header_ = true;
};

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_ZIP_READER_H_
