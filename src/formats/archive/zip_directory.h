// SPDX-License-Identifier: MIT
// A zip's central directory, read directly (APPNOTE 6.3.10 sections 4.3.12-4.3.16, with Zip64), for the
// header-only pass that finds a Strava export's activities.csv: every entry's name and kind from one read
// of the directory at the end of the file. libarchive's seekable reader, which the walk itself uses, reads
// each entry's local header as well, one seek and read per entry (~25 ms for 3,000 entries). Anything
// this reader does not understand is an error, on which the caller falls back to libarchive.
// Internal to src/formats/archive/.
#ifndef STRIDE_FORMATS_ARCHIVE_ZIP_DIRECTORY_H_
#define STRIDE_FORMATS_ARCHIVE_ZIP_DIRECTORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "formats/archive/source_walk.h"

namespace stride::archive {

/// One entry as the central directory describes it.
struct ZipDirectoryEntry {
  std::string path;  // the name's bytes as stored (UTF-8 when the entry says so)
  bool is_regular_file = false;
  uint16_t flags = 0;   // general purpose bits; bit 0: encrypted
  uint16_t method = 0;  // 0 stored, 8 deflated
  uint32_t crc32 = 0;
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint64_t local_header_offset = 0;
};

/// The entries of the zip at `source`, in directory order. kIoError when the file cannot be read;
/// kCorruptData when the end-of-directory records or the directory are missing, truncated or
/// inconsistent (a multi-disk or self-extracting zip included).
Result<std::vector<ZipDirectoryEntry>> ReadZipDirectory(const ZipSource& source);

/// The inflated content of `entry` (stored or deflated), checked against its size and CRC-32. Refused
/// (kUnsupported) when encrypted, compressed otherwise, or larger than `max_bytes`; kCorruptData when the
/// local header or the data is damaged.
Result<std::vector<uint8_t>> ReadZipDirectoryEntry(const ZipSource& source, const ZipDirectoryEntry& entry,
                                                   uint64_t max_bytes);

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_ZIP_DIRECTORY_H_
