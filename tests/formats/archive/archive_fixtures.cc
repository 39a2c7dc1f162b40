// SPDX-License-Identifier: MIT
#include "archive_fixtures.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <libdeflate.h>

#include <atomic>
#include <fstream>

namespace stride::archive::testing {
namespace {

la_ssize_t AppendCallback(struct ::archive*, void* out, const void* buffer, size_t length) {
  auto* bytes = static_cast<Bytes*>(out);
  const auto* begin = static_cast<const uint8_t*>(buffer);
  bytes->insert(bytes->end(), begin, begin + length);
  return static_cast<la_ssize_t>(length);
}

void WriteEntry(struct ::archive* a, const ZipEntry& entry) {
  archive_entry* header = archive_entry_new();
  archive_entry_set_pathname(header, entry.path.c_str());
  archive_entry_set_filetype(header, entry.kind == ZipEntryKind::kFolder    ? AE_IFDIR
                                     : entry.kind == ZipEntryKind::kSymlink ? AE_IFLNK
                                                                            : AE_IFREG);
  if (entry.kind == ZipEntryKind::kSymlink) archive_entry_set_symlink(header, entry.link.c_str());
  archive_entry_set_perm(header, 0644);
  archive_entry_set_size(header, static_cast<la_int64_t>(entry.data.size()));
  ASSERT_EQ(archive_write_header(a, header), ARCHIVE_OK) << archive_error_string(a);
  if (!entry.data.empty()) {
    ASSERT_EQ(archive_write_data(a, entry.data.data(), entry.data.size()), static_cast<la_ssize_t>(entry.data.size()));
  }
  archive_entry_free(header);
}

}  // namespace

Bytes FakeFit(size_t payload_bytes, uint8_t fill) {
  static constexpr uint8_t kHeader[] = {14, 0x10, 0x08, 0x52, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
  Bytes bytes(sizeof kHeader + payload_bytes, fill);
  std::copy(std::begin(kHeader), std::end(kHeader), bytes.begin());
  return bytes;
}

Bytes ToBytes(const std::string& text) { return Bytes(text.begin(), text.end()); }

Bytes FakeGpx(const std::string& name) {
  return ToBytes("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><name>" + name + "</name></trk></gpx>\n");
}

Bytes Gzip(const Bytes& data) {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
  Bytes out(libdeflate_gzip_compress_bound(compressor, data.size()));
  out.resize(libdeflate_gzip_compress(compressor, data.data(), data.size(), out.data(), out.size()));
  libdeflate_free_compressor(compressor);
  return out;
}

Bytes NoiseBytes(size_t size, uint32_t seed) {
  Bytes bytes(size);
  uint32_t state = seed * 2654435761u + 1;
  for (uint8_t& b : bytes) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    b = static_cast<uint8_t>(state);
  }
  return bytes;
}

Bytes MakeZip(const std::vector<ZipEntry>& entries, bool store) {
  return MakeZip(entries, store ? "zip:compression=store" : "zip:compression=deflate");
}

Bytes MakeZip(const std::vector<ZipEntry>& entries, const char* options) {
  Bytes out;
  struct ::archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  EXPECT_EQ(archive_write_set_options(a, options), ARCHIVE_OK) << options;
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(a, &out, nullptr, &AppendCallback, nullptr);
  for (const ZipEntry& entry : entries) WriteEntry(a, entry);
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  path_ = std::filesystem::path(::testing::TempDir()) /
          ("stride_archive_" + std::string(info->name()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path ScratchDir::Write(const std::string& relative, const Bytes& data) const {
  const std::filesystem::path file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  return file;
}

}  // namespace stride::archive::testing
