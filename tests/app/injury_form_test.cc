// SPDX-License-Identifier: MIT
// app/injury_form.h: the checks and messages the CLI and the dashboard's API share.
#include "app/injury_form.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace stride::app {
namespace {

using ::testing::HasSubstr;

const core::Date kDay = core::Date::FromYmd(2027, 1, 25);

InjuryForm ItBand() {
  InjuryForm f;
  f.site = "it-band";
  f.pain = "4";
  return f;
}

TEST(InjuryFormTest, ParsesEveryField) {
  InjuryForm f = ItBand();
  f.side = "left";
  f.pain_at_rest = "0";
  f.onset = "gradual";
  f.notes = "after the long run";
  f.swelling = true;
  auto injury = ParseInjuryForm(f, kDay);
  ASSERT_OK(injury);
  EXPECT_EQ(injury->site, care::InjurySite::kItBand);
  EXPECT_EQ(injury->pain, 4);
  EXPECT_EQ(injury->side, care::Side::kLeft);
  EXPECT_EQ(injury->pain_at_rest, 0);
  EXPECT_EQ(injury->onset, care::Onset::kGradual);
  EXPECT_EQ(injury->notes, "after the long run");
  EXPECT_TRUE(injury->swelling);
  EXPECT_EQ(injury->onset_date, kDay);
}

TEST(InjuryFormTest, ErrorsNameTheFieldAndSayWhatWasSent) {
  InjuryForm f = ItBand();
  f.pain = "11";
  auto bad_pain = ParseInjuryForm(f, kDay);
  ASSERT_FALSE(bad_pain);
  EXPECT_EQ(bad_pain.error().where, "pain");
  EXPECT_EQ(bad_pain.error().message, "pain must be a whole number from 0 to 10, got '11'");
  f = ItBand();
  f.pain_at_rest = "4.5";
  EXPECT_EQ(ParseInjuryForm(f, kDay).error().where, "pain_at_rest");
  f = ItBand();
  f.site = "elbow";
  auto bad_site = ParseInjuryForm(f, kDay);
  ASSERT_FALSE(bad_site);
  EXPECT_EQ(bad_site.error().where, "site");
  f = ItBand();
  f.site.reset();
  EXPECT_THAT(ParseInjuryForm(f, kDay).error().message, HasSubstr("site is required: use one of"));
  f = ItBand();
  f.pain.reset();
  EXPECT_EQ(ParseInjuryForm(f, kDay).error().message, "pain is required");
}

TEST(PainLogFormTest, ParsesALogAndChecksEachNumber) {
  PainLogForm f;
  f.pain_during = "2";
  f.pain_after = "1";
  f.pain_next_morning = "0";
  f.walk_min = "30";
  f.hop_test = "pass";
  f.injury = "3";
  auto r = ParsePainLogForm(f, kDay);
  ASSERT_OK(r);
  EXPECT_EQ(r->injury_id, 3);
  EXPECT_EQ(r->log.pain_during, 2);
  EXPECT_EQ(r->log.walk_min, 30.0);
  EXPECT_EQ(r->log.hop_test, care::HopTest::kPass);
  f.walk_min = "1441";
  auto long_walk = ParsePainLogForm(f, kDay);
  ASSERT_FALSE(long_walk);
  EXPECT_EQ(long_walk.error().where, "walk_min");
  EXPECT_EQ(long_walk.error().message, "walking minutes must be 0-1440, got '1441'");
  f.walk_min.reset();
  f.pain_next_morning = "-1";
  EXPECT_EQ(ParsePainLogForm(f, kDay).error().where, "pain_next_morning");
  f.pain_next_morning = "0";
  f.hop_test = "maybe";
  EXPECT_EQ(ParsePainLogForm(f, kDay).error().where, "hop_test");
}

TEST(InjuryFormTest, OptionNamesAreTheCliSpelling) {
  EXPECT_EQ(OptionName("pain_at_rest"), "--pain-at-rest");
  EXPECT_EQ(OptionName("site"), "--site");
}

}  // namespace
}  // namespace stride::app
