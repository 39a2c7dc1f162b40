// SPDX-License-Identifier: MIT
#include "formats/sniff.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stride::formats {
namespace {

std::vector<uint8_t> Bytes(const std::string& s) { return {s.begin(), s.end()}; }

TEST(SniffTest, RecognisesByContent) {
  std::vector<uint8_t> fit = {14, 0x10, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0};
  EXPECT_EQ(SniffContent(fit), ContentKind::kFit);
  EXPECT_EQ(SniffContent(Bytes("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">")), ContentKind::kGpx);
  EXPECT_EQ(SniffContent(Bytes("<?xml version=\"1.0\"?><!-- c --><TrainingCenterDatabase xmlns=\"x\">")), ContentKind::kTcx);
  EXPECT_EQ(SniffContent(Bytes("<ns0:gpx xmlns:ns0=\"x\">")), ContentKind::kGpx);
  EXPECT_EQ(SniffContent(Bytes("\x1f\x8b\x08")), ContentKind::kGzip);
  EXPECT_EQ(SniffContent(Bytes("PK\x03\x04")), ContentKind::kZip);
  EXPECT_EQ(SniffContent(Bytes("<html>")), ContentKind::kUnknown);
  EXPECT_EQ(SniffContent({}), ContentKind::kUnknown);
}

TEST(SniffTest, FormatFromNameLooksPastGz) {
  EXPECT_EQ(FormatFromName("a/Run.FIT"), ContentKind::kFit);
  EXPECT_EQ(FormatFromName("x.gpx.gz"), ContentKind::kGpx);
  EXPECT_EQ(FormatFromName("x.tcx"), ContentKind::kTcx);
  EXPECT_EQ(FormatFromName("notes.txt"), std::nullopt);
}

}  // namespace
}  // namespace stride::formats
