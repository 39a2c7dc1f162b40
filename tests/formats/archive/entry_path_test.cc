// SPDX-License-Identifier: MIT
#include "formats/archive/entry_path.h"

#include <gtest/gtest.h>

namespace stride::archive {
namespace {

TEST(EntryPathTest, ClassifiesActivityNamesCaseInsensitively) {
  EXPECT_EQ(ClassifyEntryName("activities/1.FIT"), EntryKind::kActivity);
  EXPECT_EQ(ClassifyEntryName("a/b.gpx.gz"), EntryKind::kActivity);
  EXPECT_EQ(ClassifyEntryName("x.Tcx.GZ"), EntryKind::kActivity);
  EXPECT_EQ(ClassifyEntryName("UploadedFiles_0-_Part1.zip"), EntryKind::kZip);
  EXPECT_EQ(ClassifyEntryName("activities.csv"), EntryKind::kOther);
  EXPECT_EQ(ClassifyEntryName("media/photo.jpg"), EntryKind::kOther);
  EXPECT_EQ(ClassifyEntryName("notes.gz"), EntryKind::kOther);
  EXPECT_EQ(ClassifyEntryName("folder.fit/"), EntryKind::kOther);
}

TEST(EntryPathTest, FlagsPathTraversal) {
  EXPECT_TRUE(IsUnsafeEntryPath("../../etc/x.fit"));
  EXPECT_TRUE(IsUnsafeEntryPath("a/../../b.fit"));
  EXPECT_TRUE(IsUnsafeEntryPath("..\\windows\\x.fit"));
  EXPECT_TRUE(IsUnsafeEntryPath("/etc/passwd.fit"));
  EXPECT_TRUE(IsUnsafeEntryPath("\\\\server\\x.fit"));
  EXPECT_TRUE(IsUnsafeEntryPath("C:\\x.fit"));
  EXPECT_TRUE(IsUnsafeEntryPath(".."));
  EXPECT_FALSE(IsUnsafeEntryPath("activities/1.fit"));
  EXPECT_FALSE(IsUnsafeEntryPath("a..b/c...fit"));
}

TEST(EntryPathTest, RecognisesMacOsClutter) {
  EXPECT_TRUE(IsClutterPath("__MACOSX/activities/._1.fit"));
  EXPECT_TRUE(IsClutterPath("runs/._1.fit"));
  EXPECT_FALSE(IsClutterPath("runs/1.fit"));
}

}  // namespace
}  // namespace stride::archive
