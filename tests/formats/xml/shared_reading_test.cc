// SPDX-License-Identifier: MIT
// Tests for what the GPX and TCX decoders share in src/formats/xml: counting nested points, extension
// field tables, timed points, salvage of a cut-off element, the end of a decode, and FinishActivity.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <span>
#include <string>
#include <string_view>

#include "formats/xml/decode_context.h"
#include "formats/xml/extension_fields.h"
#include "formats/xml/track_builder.h"
#include "formats/xml/xml_document.h"
#include "formats/xml/xml_values.h"
#include "testing/status_matchers.h"

namespace stride::xml {
namespace {

using ::testing::HasSubstr;

std::span<const uint8_t> Bytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

// A loaded document and a context over it, for one test.
struct Decode {
  explicit Decode(std::string_view text, bool salvage = false) : options{"t.xml", salvage} {
    loaded = document.Load(Bytes(text), options.name, salvage);
  }
  formats::DecodeOptions options;
  XmlDocument document;
  Status loaded;
};

core::Timestamp At(int64_t seconds) { return core::Timestamp(std::chrono::seconds(seconds)); }

TEST(CountNestedTest, CountsLeavesTwoLevelsDownWhateverThePrefix) {
  Decode d(
      "<r><a><b><c/><c/><x/></b><b><p:c/></b><x><c/></x></a><a><b><c/></b></a>"
      "<z><b><c/></b></z></r>");
  ASSERT_OK(d.loaded);
  EXPECT_EQ(CountNested(d.document.root(), "a", "b", "c"), 4u);
  EXPECT_EQ(CountNested(d.document.root(), "a", "b", "none"), 0u);
}

TEST(ReadExtensionFieldsTest, ReadsListedChildrenInTheSameNamespaceAndScales) {
  Decode d(
      "<e xmlns=\"urn:x\" xmlns:o=\"urn:other\"><hr>150</hr><cad>85</cad><o:hr>99</o:hr><unlisted>1</unlisted>"
      "</e>");
  ASSERT_OK(d.loaded);
  constexpr ExtensionField kFields[] = {{"hr", &TrackPoint::heart_rate_bpm},
                                        {"cad", &TrackPoint::cadence_spm, 2.0}};
  TrackPoint point;
  ReadExtensionFields(d.document.root(), "urn:x", kFields, &point);
  EXPECT_EQ(point.heart_rate_bpm, 150);  // not 99: <o:hr> is in another namespace
  EXPECT_EQ(point.cadence_spm, 170);
  EXPECT_TRUE(std::isnan(point.speed_mps));
}

TEST(DecodeContextTest, ExpectRootNamesBothElements) {
  Decode d("<gpx/>");
  ASSERT_OK(d.loaded);
  DecodeContext context(d.document, d.options);
  EXPECT_OK(context.ExpectRoot("gpx"));
  Status wrong = context.ExpectRoot("TrainingCenterDatabase");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kCorruptData);
  EXPECT_EQ(wrong.error().message, "root element is <gpx>, not <TrainingCenterDatabase>");
  EXPECT_EQ(wrong.error().where, "t.xml:1:1");
}

TEST(DecodeContextTest, AddTimedPointCountsUntimedPointsAndAddsTimedOnes) {
  Decode d("<r><p><time>2026-10-18T07:05:00Z</time></p><p/><p/></r>");
  ASSERT_OK(d.loaded);
  DecodeContext context(d.document, d.options);
  TrackBuilder builder;
  for (pugi::xml_node p : d.document.root().children("p")) {
    TrackPoint point;
    point.heart_rate_bpm = 140;
    EXPECT_OK(context.AddTimedPoint(p.child("time"), "points without <time>", &point, &builder));
  }
  ASSERT_EQ(builder.size(), 1u);
  EXPECT_EQ(builder.first_time(), At(1792307100));
  auto warnings = context.TakeWarnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].message, "2 points without <time> skipped");
}

TEST(DecodeContextTest, NoActivityIsAWarningOnACompleteDocument) {
  Decode d("<r/>");
  ASSERT_OK(d.loaded);
  DecodeContext context(d.document, d.options);
  auto decoded = context.Finish({}, "nothing here", "unused");
  ASSERT_OK(decoded);
  EXPECT_TRUE(decoded->activities.empty());
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_EQ(decoded->warnings[0].message, "nothing here");
}

TEST(DecodeContextTest, SalvageDropsTheCutElementAndMarksActivities) {
  constexpr std::string_view kText = "<r><p><v>1</v></p><p><v>2";
  Decode d(kText, /*salvage=*/true);
  ASSERT_OK(d.loaded);
  ASSERT_TRUE(d.document.partial());
  DecodeContext context(d.document, d.options);
  context.DropElementCutByBreak("p");
  auto points = d.document.root().children("p");
  EXPECT_EQ(std::distance(points.begin(), points.end()), 1);  // the second <p> was cut through
  EXPECT_TRUE(context.salvaged());
  auto decoded = context.Finish(std::vector<core::Activity>(1), "unused", "kept 1 point");
  ASSERT_OK(decoded);
  ASSERT_EQ(decoded->activities.size(), 1u);
  EXPECT_TRUE(decoded->activities[0].salvaged);
  EXPECT_EQ(decoded->activities[0].bytes_lost, kText.size() - kText.find("<p><v>2"));
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_THAT(decoded->warnings[0].message, HasSubstr("; kept 1 point"));
}

TEST(DecodeContextTest, SalvageWithNoActivityFailsWithTheParseError) {
  Decode d("<r><p>", /*salvage=*/true);
  ASSERT_OK(d.loaded);
  DecodeContext context(d.document, d.options);
  context.DropElementCutByBreak("p");
  auto decoded = context.Finish({}, "unused", "unused");
  ASSERT_FALSE(decoded);
  EXPECT_THAT(decoded.error().message, HasSubstr("malformed XML"));
}

TEST(FinishActivityTest, TakesTotalsFromPointsWhenTheFileStatesNone) {
  TrackBuilder builder;
  TrackPoint point;
  for (int i = 0; i < 3; ++i) {
    if (i == 2) builder.BreakSegment();  // a 100 s pause before the last point
    point.time = At(1000 + i * 10 + (i == 2 ? 100 : 0));
    point.distance_m = 30.0 * i;
    point.heart_rate_bpm = 140 + 10 * i;
    builder.Add(point);
  }
  core::Activity activity;
  activity.start_time = At(1000);
  FinishActivity(&builder, &activity);
  EXPECT_TRUE(builder.empty());
  EXPECT_EQ(activity.record_count, 3u);
  EXPECT_EQ(activity.elapsed_s, 120);
  EXPECT_EQ(activity.timer_s, 10);  // the two segments last 10 s and 0 s
  EXPECT_EQ(activity.distance_m, 60);
  EXPECT_EQ(activity.avg_heart_rate_bpm, 150);
  EXPECT_EQ(activity.max_heart_rate_bpm, 160);
  ASSERT_EQ(activity.sessions.size(), 1u);
  EXPECT_EQ(activity.sessions[0].total_elapsed_time_s, 120);
  EXPECT_EQ(activity.samples.time_s.back(), 120);
}

TEST(FinishActivityTest, KeepsStatedTotalsAndUsesTimerForElapsedWithoutPoints) {
  TrackBuilder builder;
  core::Activity activity;
  activity.timer_s = 600;
  activity.distance_m = 2000;
  activity.max_heart_rate_bpm = 170;
  FinishActivity(&builder, &activity);
  EXPECT_EQ(activity.record_count, 0u);
  EXPECT_EQ(activity.elapsed_s, 600);
  EXPECT_EQ(activity.timer_s, 600);
  EXPECT_EQ(activity.distance_m, 2000);
  EXPECT_EQ(activity.max_heart_rate_bpm, 170);
  EXPECT_TRUE(std::isnan(activity.avg_heart_rate_bpm));
  EXPECT_TRUE(activity.samples.empty());
}

}  // namespace
}  // namespace stride::xml
