// SPDX-License-Identifier: MIT
#include "formats/ics/ics_writer.h"

#include <gtest/gtest.h>


namespace stride::ics {
namespace {

TEST(IcsWriterTest, EscapesText) {
  EXPECT_EQ(EscapeText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
}

TEST(IcsWriterTest, FoldsAtSeventyFiveOctetsWithoutSplittingUtf8) {
  std::string line = "DESCRIPTION:" + std::string(70, 'x') + "é" + std::string(100, 'y');
  std::string folded = FoldLine(line);
  std::string joined;
  bool first = true;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    std::string physical = folded.substr(pos, end - pos);
    EXPECT_LE(physical.size(), 75u);
    // No line starts with a UTF-8 continuation byte.
    size_t content = first ? 0 : 1;
    if (physical.size() > content) {
      EXPECT_NE(static_cast<unsigned char>(physical[content]) & 0xC0, 0x80);
    }
    joined += first ? physical : physical.substr(1);
    first = false;
    pos = end + 2;
  }
  EXPECT_EQ(joined, line);
}

TEST(IcsWriterTest, WritesAllDayEventsWithExclusiveEndAndStableUids) {
  Calendar c;
  c.name = "Stride: marathon 2027-04-25";
  c.stamp = *core::ParseTimestamp("2026-11-24T10:00:00Z");
  c.events.push_back({"stride-w01-d2-s0@stride.local", *core::ParseDate("2026-12-01"), "Tempo run, 8 km",
                      "Warmup\n- 15m 6:10-6:40/km Pace", 0, {"tempo", "base"}});
  std::string text = WriteCalendar(c);
  EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(text.find("UID:stride-w01-d2-s0@stride.local\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20261124T100000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n"), std::string::npos);
  EXPECT_NE(text.find("SUMMARY:Tempo run\\, 8 km\r\n"), std::string::npos);
  EXPECT_NE(text.find("DESCRIPTION:Warmup\\n- 15m 6:10-6:40/km Pace\r\n"), std::string::npos);
  EXPECT_NE(text.find("CATEGORIES:tempo,base\r\n"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 15), "END:VCALENDAR\r\n");
  // Every line ends in CRLF: no bare LF.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_EQ(text[i - 1], '\r');
    }
  }
  EXPECT_EQ(WriteCalendar(c), text);  // deterministic
}

}  // namespace
}  // namespace stride::ics
