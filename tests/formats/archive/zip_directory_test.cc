// SPDX-License-Identifier: MIT
// The central-directory reader behind the zip walk's header-only pass: entries as libarchive wrote them
// (deflated, stored, Zip64, folders and links), entry data read back and checked, and damaged, truncated,
// self-extracting or multi-disk zips refused (the walk then falls back to libarchive, tested last).
#include "formats/archive/zip_directory.h"

#include <gtest/gtest.h>
#include <libdeflate.h>

#include <cstring>

#include "archive_fixtures.h"
#include "testing/status_matchers.h"

namespace stride::archive {
namespace {

using testing::Bytes;
using testing::FakeFit;
using testing::FakeGpx;
using testing::Gzip;
using testing::MakeZip;
using testing::NoiseBytes;
using testing::ToBytes;

ZipSource InMemory(const Bytes& bytes) { return ZipSource{{}, bytes, true}; }

// `zip` behind 1,000 bytes of program, as a self-extracting archive is.
Bytes SelfExtracting(const Bytes& zip) {
  Bytes out(1000 + zip.size(), 0x90);
  std::copy(zip.begin(), zip.end(), out.begin() + 1000);
  return out;
}

uint32_t Crc(const Bytes& data) { return libdeflate_crc32(0, data.data(), data.size()); }

void Put16(Bytes& b, size_t at, uint16_t v) {
  b[at] = static_cast<uint8_t>(v);
  b[at + 1] = static_cast<uint8_t>(v >> 8);
}
void Put32(Bytes& b, size_t at, uint32_t v) {
  Put16(b, at, static_cast<uint16_t>(v));
  Put16(b, at + 2, static_cast<uint16_t>(v >> 16));
}
void Append16(Bytes& b, uint16_t v) {
  b.resize(b.size() + 2);
  Put16(b, b.size() - 2, v);
}
void Append32(Bytes& b, uint32_t v) {
  b.resize(b.size() + 4);
  Put32(b, b.size() - 4, v);
}
void Append64(Bytes& b, uint64_t v) {
  Append32(b, static_cast<uint32_t>(v));
  Append32(b, static_cast<uint32_t>(v >> 32));
}
uint16_t Get16(const Bytes& b, size_t at) { return static_cast<uint16_t>(b[at] | b[at + 1] << 8); }
uint32_t Get32(const Bytes& b, size_t at) { return Get16(b, at) | static_cast<uint32_t>(Get16(b, at + 2)) << 16; }

// A zip with a folder, a file in it, a symbolic link and another file, written by libarchive with
// `options` ("zip:zip64" forces Zip64 extra fields).
Bytes MixedZip(const char* options) {
  return MakeZip({testing::ZipEntry::Folder("export/"),
                  {"export/activities/1.fit", FakeFit(3000, 7)},
                  testing::ZipEntry::Symlink("export/latest.fit", "activities/1.fit"),
                  {"export/activities.csv", ToBytes("Activity ID,Filename\n1,activities/1.fit\n")}},
                 options);
}

TEST(ZipDirectoryTest, ListsEntriesInOrderWithTheirKindsAndSizes) {
  for (const char* options : {"zip:compression=deflate", "zip:compression=store", "zip:zip64"}) {
    SCOPED_TRACE(options);
    const Bytes zip = MixedZip(options);
    auto entries = ReadZipDirectory(InMemory(zip));
    ASSERT_OK(entries);
    ASSERT_EQ(entries->size(), 4u);
    EXPECT_EQ((*entries)[0].path, "export/");
    EXPECT_FALSE((*entries)[0].is_regular_file);
    EXPECT_EQ((*entries)[1].path, "export/activities/1.fit");
    EXPECT_TRUE((*entries)[1].is_regular_file);
    EXPECT_EQ((*entries)[1].size, 3014u);
    EXPECT_EQ((*entries)[1].crc32, Crc(FakeFit(3000, 7)));
    EXPECT_EQ((*entries)[2].path, "export/latest.fit");
    EXPECT_FALSE((*entries)[2].is_regular_file);
    EXPECT_TRUE((*entries)[3].is_regular_file);
    auto fit = ReadZipDirectoryEntry(InMemory(zip), (*entries)[1], 1 << 20);
    ASSERT_OK(fit);
    EXPECT_EQ(*fit, FakeFit(3000, 7));
    auto csv = ReadZipDirectoryEntry(InMemory(zip), (*entries)[3], 1 << 20);
    ASSERT_OK(csv);
    EXPECT_EQ(*csv, ToBytes("Activity ID,Filename\n1,activities/1.fit\n"));
  }
}

TEST(ZipDirectoryTest, ReadsAFileOnDisk) {
  testing::ScratchDir dir;
  const Bytes data = NoiseBytes(70000, 3);
  const auto path = dir.Write("a.zip", MakeZip({{"a.fit", data}, {"b.gpx", FakeGpx()}}));
  auto entries = ReadZipDirectory(ZipSource{path, {}, false});
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 2u);
  auto back = ReadZipDirectoryEntry(ZipSource{path, {}, false}, (*entries)[0], 1 << 20);
  ASSERT_OK(back);
  EXPECT_EQ(*back, data);
  auto missing = ReadZipDirectory(ZipSource{dir.path() / "none.zip", {}, false});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kIoError);
}

// The same zip with its end record moved into a Zip64 end record (counts and offsets 0xFFFF...).
Bytes WithZip64End(const Bytes& zip) {
  const size_t end = zip.size() - 22;
  EXPECT_EQ(Get32(zip, end), 0x06054b50u);
  const uint16_t entries = Get16(zip, end + 10);
  const uint32_t size = Get32(zip, end + 12), offset = Get32(zip, end + 16);
  Bytes out(zip.begin(), zip.begin() + static_cast<std::ptrdiff_t>(end));
  const uint64_t zip64_end = out.size();
  Append32(out, 0x06064b50);
  Append64(out, 44);
  Append16(out, 45);
  Append16(out, 45);
  Append32(out, 0);
  Append32(out, 0);
  Append64(out, entries);
  Append64(out, entries);
  Append64(out, size);
  Append64(out, offset);
  Append32(out, 0x07064b50);
  Append32(out, 0);
  Append64(out, zip64_end);
  Append32(out, 1);
  Append32(out, 0x06054b50);
  Append16(out, 0);
  Append16(out, 0);
  Append16(out, 0xFFFF);
  Append16(out, 0xFFFF);
  Append32(out, 0xFFFFFFFF);
  Append32(out, 0xFFFFFFFF);
  Append16(out, 0);
  return out;
}

TEST(ZipDirectoryTest, FollowsAZip64EndRecord) {
  const Bytes zip = WithZip64End(MakeZip({{"a.fit", FakeFit()}, {"activities.csv", ToBytes("x\n")}}));
  auto entries = ReadZipDirectory(InMemory(zip));
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[1].path, "activities.csv");
  auto csv = ReadZipDirectoryEntry(InMemory(zip), (*entries)[1], 100);
  ASSERT_OK(csv);
  EXPECT_EQ(*csv, ToBytes("x\n"));
}

TEST(ZipDirectoryTest, SkipsAnArchiveCommentAndFindsTheLastEndRecord) {
  Bytes zip = MakeZip({{"a.fit", FakeFit()}});
  const std::string comment = "PK\x05\x06 looks like an end record but is the comment";
  Put16(zip, zip.size() - 2, static_cast<uint16_t>(comment.size()));
  zip.insert(zip.end(), comment.begin(), comment.end());
  auto entries = ReadZipDirectory(InMemory(zip));
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].path, "a.fit");
}

TEST(ZipDirectoryTest, RefusesWhatItCannotReadExactly) {
  const Bytes zip = MakeZip({{"a.fit", FakeFit(5000)}, {"b.fit", FakeFit(5000, 9)}});
  // Every truncation: the end record or the directory is gone or points past the end.
  for (size_t keep = 0; keep < zip.size(); keep += 7) {
    const Bytes cut(zip.begin(), zip.begin() + static_cast<std::ptrdiff_t>(keep));
    auto entries = ReadZipDirectory(InMemory(cut));
    ASSERT_FALSE(entries) << keep;
    EXPECT_EQ(entries.error().code, core::ErrorCode::kCorruptData) << keep;
  }
  // Prepended bytes (a self-extracting zip): the offsets no longer fit.
  EXPECT_FALSE(ReadZipDirectory(InMemory(SelfExtracting(zip))));
  // Multi-disk.
  Bytes disks = zip;
  Put16(disks, disks.size() - 22 + 4, 1);
  EXPECT_FALSE(ReadZipDirectory(InMemory(disks)));
  // A damaged entry signature in the directory.
  Bytes damaged = zip;
  Put32(damaged, Get32(zip, zip.size() - 22 + 16), 0x12345678);
  EXPECT_FALSE(ReadZipDirectory(InMemory(damaged)));
}

TEST(ZipDirectoryTest, EntryDataIsCheckedAndBounded) {
  const Bytes data = NoiseBytes(4000, 5);
  Bytes zip = MakeZip({{"a.fit", data}});
  auto entries = ReadZipDirectory(InMemory(zip));
  ASSERT_OK(entries);
  ZipDirectoryEntry entry = (*entries)[0];
  auto too_big = ReadZipDirectoryEntry(InMemory(zip), entry, 100);
  ASSERT_FALSE(too_big);
  EXPECT_EQ(too_big.error().code, core::ErrorCode::kUnsupported);
  ZipDirectoryEntry wrong_crc = entry;
  wrong_crc.crc32 ^= 1;
  auto crc = ReadZipDirectoryEntry(InMemory(zip), wrong_crc, 1 << 20);
  ASSERT_FALSE(crc);
  EXPECT_EQ(crc.error().code, core::ErrorCode::kCorruptData);
  ZipDirectoryEntry encrypted = entry;
  encrypted.flags |= 1;
  EXPECT_EQ(ReadZipDirectoryEntry(InMemory(zip), encrypted, 1 << 20).error().code, core::ErrorCode::kUnsupported);
  ZipDirectoryEntry bzip2 = entry;
  bzip2.method = 12;
  EXPECT_EQ(ReadZipDirectoryEntry(InMemory(zip), bzip2, 1 << 20).error().code, core::ErrorCode::kUnsupported);
  ZipDirectoryEntry elsewhere = entry;
  elsewhere.local_header_offset += 1;
  EXPECT_EQ(ReadZipDirectoryEntry(InMemory(zip), elsewhere, 1 << 20).error().code, core::ErrorCode::kCorruptData);
}

TEST(ZipDirectoryTest, RandomDamageNeverCrashes) {
  const Bytes zip = MixedZip("zip:compression=deflate");
  uint32_t state = 12345;
  for (int trial = 0; trial < 2000; ++trial) {
    Bytes damaged = zip;
    for (int flips = 0; flips < 3; ++flips) {
      state = state * 1664525u + 1013904223u;
      // Mostly in the directory and end record, where the reader looks.
      const size_t at = damaged.size() - 1 - (state >> 8) % std::min<size_t>(damaged.size(), 400);
      damaged[at] = static_cast<uint8_t>(state >> 3);
    }
    auto entries = ReadZipDirectory(InMemory(damaged));
    if (!entries) continue;
    for (const ZipDirectoryEntry& e : *entries) (void)ReadZipDirectoryEntry(InMemory(damaged), e, 1 << 16);
  }
}

// Where the directory cannot be read, the walk's header pass falls back to libarchive: a Strava export
// behind 1,000 prepended bytes still gets its activities.csv names.
TEST(ZipDirectoryTest, TheWalkFallsBackToLibarchive) {
  const std::string csv =
      "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
      "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename\n"
      "11,\"Mar 16, 2014, 10:51:20 AM\",Hills,Run,\"\",1,1,,,false,,,activities/11.fit.gz\n";
  const Bytes zip = MakeZip({{"activities/11.fit.gz", Gzip(FakeFit())}, {"activities.csv", ToBytes(csv)}});
  const Bytes sfx = SelfExtracting(zip);
  ASSERT_FALSE(ReadZipDirectory(InMemory(sfx)));
  for (const Bytes* bytes : {&zip, static_cast<const Bytes*>(&sfx)}) {
    std::vector<SourceFile> files;
    auto summary = ForEachSourceFileInMemory(*bytes, "export.zip", SourceLimits{}, [&](SourceFile&& file) {
      files.push_back(std::move(file));
      return Ok();
    });
    ASSERT_OK(summary);
    ASSERT_EQ(files.size(), 1u);
    ASSERT_TRUE(files[0].strava.has_value());
    EXPECT_EQ(files[0].strava->name, "Hills");
  }
}

}  // namespace
}  // namespace stride::archive
