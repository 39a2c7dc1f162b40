// SPDX-License-Identifier: MIT
// Test fixtures built in code: gzip streams (libdeflate), zip archives (libarchive's writer), fake
// activity files that sniff as FIT/GPX, and a scratch folder that is removed afterwards.
#ifndef STRIDE_TESTS_FORMATS_ARCHIVE_ARCHIVE_FIXTURES_H_
#define STRIDE_TESTS_FORMATS_ARCHIVE_ARCHIVE_FIXTURES_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace stride::archive::testing {

using Bytes = std::vector<uint8_t>;

/// A FIT-looking file (14-byte header, ".FIT" at byte 8) followed by `payload_bytes` bytes of `fill`.
Bytes FakeFit(size_t payload_bytes = 64, uint8_t fill = 0x42);
/// A minimal GPX 1.1 document mentioning `name`.
Bytes FakeGpx(const std::string& name = "walk");
Bytes ToBytes(const std::string& text);

/// One gzip member of `data` (libdeflate, level 6).
Bytes Gzip(const Bytes& data);

/// `size` bytes that do not compress (a fixed pseudo-random sequence).
Bytes NoiseBytes(size_t size, uint32_t seed = 1);

/// What a zip entry is: a file (the default), a folder or a symbolic link to `link`.
enum class ZipEntryKind { kFile, kFolder, kSymlink };

struct ZipEntry {
  ZipEntry(std::string entry_path, Bytes entry_data) : path(std::move(entry_path)), data(std::move(entry_data)) {}
  static ZipEntry Folder(std::string path) {
    ZipEntry e(std::move(path), {});
    e.kind = ZipEntryKind::kFolder;
    return e;
  }
  static ZipEntry Symlink(std::string path, std::string target) {
    ZipEntry e(std::move(path), {});
    e.kind = ZipEntryKind::kSymlink;
    e.link = std::move(target);
    return e;
  }

  std::string path;
  Bytes data;
  ZipEntryKind kind = ZipEntryKind::kFile;
  std::string link;  // kSymlink only
};
/// A zip archive holding `entries` in order, deflated (or stored when `store` is set).
Bytes MakeZip(const std::vector<ZipEntry>& entries, bool store = false);
/// The same with libarchive's zip writer `options`, e.g. "zip:zip64" (Zip64 extra fields forced).
Bytes MakeZip(const std::vector<ZipEntry>& entries, const char* options);

/// A fresh empty folder under the test temp dir, removed by the destructor.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  /// Writes `data` to path()/relative, creating folders.
  std::filesystem::path Write(const std::string& relative, const Bytes& data) const;

 private:
  std::filesystem::path path_;
};

}  // namespace stride::archive::testing

#endif  // STRIDE_TESTS_FORMATS_ARCHIVE_ARCHIVE_FIXTURES_H_
