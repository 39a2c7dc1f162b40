// SPDX-License-Identifier: MIT
// Rehab stages, the walk-run phases, the outlook for the plan and the stage routines (JOURNEY.md week 7).
#include "care/rehab.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "care/custom_routine.h"
#include "care/rehab_routine.h"
#include "testing/status_matchers.h"

namespace stride::care {
namespace {

using core::Date;

const Date kOnset = Date::FromYmd(2026, 5, 4);

Injury Make(InjurySite site) {
  Injury injury;
  injury.id = 7;
  injury.site = site;
  injury.onset_date = kOnset;
  injury.pain = 4;
  return injury;
}

PainLog Good(int day) { return PainLog{7, kOnset.AddDays(day), 2, 1, 0, 30.0, HopTest::kPass}; }
PainLog Pain(int day, int during, int next_morning) {
  return PainLog{7, kOnset.AddDays(day), during, during, next_morning, 30.0, HopTest::kPass};
}

std::vector<PainLog> GoodDays(int from, int to) {
  std::vector<PainLog> logs;
  for (int d = from; d <= to; ++d) logs.push_back(Good(d));
  return logs;
}

bool AllMet(const RehabState& s) {
  return std::all_of(s.next_stage_criteria.begin(), s.next_stage_criteria.end(), [](const Criterion& c) { return c.met; });
}

TEST(RehabTest, NewInjuryIsProtectWithoutRunningOrHeat) {
  const RehabState s = ComputeRehab(Make(InjurySite::kItBand), {}, kOnset);
  EXPECT_EQ(s.stage, RehabStage::kProtect);
  EXPECT_TRUE(s.stop_running);
  EXPECT_TRUE(s.red_flags.empty());
  ASSERT_TRUE(s.no_heat_until);
  EXPECT_EQ(*s.no_heat_until, kOnset.AddDays(3));
  EXPECT_THAT(s.why, ::testing::HasSubstr("no heat"));
  EXPECT_THAT(s.why, ::testing::HasSubstr("cycling"));
  EXPECT_FALSE(AllMet(s));
}

TEST(RehabTest, NoInjuryOrResolvedInjuryIsStageNone) {
  Injury injury = Make(InjurySite::kItBand);
  EXPECT_EQ(ComputeRehab(injury, {}, kOnset.AddDays(-1)).stage, RehabStage::kNone);
  injury.resolved_on = kOnset.AddDays(10);
  EXPECT_EQ(ComputeRehab(injury, {}, kOnset.AddDays(10)).stage, RehabStage::kNone);
  EXPECT_EQ(ComputeRehab(injury, {}, kOnset.AddDays(9)).stage, RehabStage::kProtect);
}

TEST(RehabTest, SamMovesThroughProtectAndRehabToReturn) {
  const Injury injury = Make(InjurySite::kItBand);
  // Day 2: too early to leave protect (kMinProtectDays = 3).
  EXPECT_EQ(ComputeRehab(injury, GoodDays(1, 2), kOnset.AddDays(2)).stage, RehabStage::kProtect);
  const RehabState day3 = ComputeRehab(injury, GoodDays(1, 3), kOnset.AddDays(3));
  EXPECT_EQ(day3.stage, RehabStage::kRehab);
  EXPECT_TRUE(day3.stop_running);
  const RehabState day4 = ComputeRehab(injury, GoodDays(1, 4), kOnset.AddDays(4));
  EXPECT_EQ(day4.stage, RehabStage::kReturn);
  EXPECT_EQ(day4.return_phase, 1);
  EXPECT_FALSE(day4.stop_running);
  ASSERT_TRUE(day4.walk_run);
  EXPECT_EQ(day4.walk_run->walk_min, 2);
  EXPECT_EQ(day4.walk_run->run_min, 3);
  ASSERT_EQ(day4.history.size(), 2u);
  EXPECT_EQ(day4.history[0].to, RehabStage::kRehab);
}

TEST(RehabTest, BadDayStepsBack) {
  const Injury injury = Make(InjurySite::kItBand);
  std::vector<PainLog> logs = GoodDays(1, 4);
  logs.push_back(Pain(5, 6, 1));  // pain 6 during: above the acceptable 5/10
  const RehabState s = ComputeRehab(injury, logs, kOnset.AddDays(5));
  EXPECT_EQ(s.stage, RehabStage::kRehab);
  EXPECT_THAT(s.why, ::testing::HasSubstr("stepped back"));
  // In rehab, a morning above baseline sends the runner back to protect.
  logs.push_back(Pain(6, 2, 3));
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(6)).stage, RehabStage::kProtect);
}

TEST(RehabTest, PhasesNeedTwoSessionsARestDayApart) {
  const Injury injury = Make(InjurySite::kItBand);
  std::vector<PainLog> logs = GoodDays(1, 4);  // return from day 4
  logs.push_back(Good(5));                     // session 1
  logs.push_back(Good(6));                     // no rest day: not a session
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(6)).return_phase, 1);
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(6)).sessions_in_phase, 1);
  logs.push_back(Good(7));  // session 2
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(7)).return_phase, 2);
  // A bad session in phase 2 goes back to phase 1, not to rehab.
  logs.push_back(Pain(9, 6, 2));
  const RehabState back = ComputeRehab(injury, logs, kOnset.AddDays(9));
  EXPECT_EQ(back.stage, RehabStage::kReturn);
  EXPECT_EQ(back.return_phase, 1);
}

TEST(RehabTest, DoneAfterTwoGoodSessionsInTheLastPhase) {
  const Injury injury = Make(InjurySite::kItBand);
  const std::vector<PainLog> logs = GoodDays(1, 60);
  const RehabState s = ComputeRehab(injury, logs, kOnset.AddDays(60));
  EXPECT_EQ(s.stage, RehabStage::kDone);
  EXPECT_FALSE(s.stop_running);
  // Sessions on days 5, 7 | 9, 11 | ... | 21, 23 | 25, 27: phase 6 from day 23, done after its second session.
  const RehabState s26 = ComputeRehab(injury, logs, kOnset.AddDays(26));
  EXPECT_EQ(s26.stage, RehabStage::kReturn);
  EXPECT_EQ(s26.return_phase, 6);
  EXPECT_EQ(s26.sessions_in_phase, 1);
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(27)).stage, RehabStage::kDone);
}

TEST(RehabTest, RedFlagStopsRunningUntilCleared) {
  Injury injury = Make(InjurySite::kItBand);
  injury.pain_night = true;
  const std::vector<PainLog> logs = GoodDays(1, 10);
  const RehabState flagged = ComputeRehab(injury, logs, kOnset.AddDays(10));
  EXPECT_EQ(flagged.stage, RehabStage::kProtect);
  EXPECT_TRUE(flagged.stop_running);
  ASSERT_EQ(flagged.red_flags.size(), 1u);
  EXPECT_THAT(flagged.why, ::testing::HasSubstr("see a clinician"));
  injury.red_flags_cleared_on = kOnset.AddDays(6);
  const RehabState cleared = ComputeRehab(injury, logs, kOnset.AddDays(10));
  EXPECT_TRUE(cleared.red_flags.empty());
  EXPECT_EQ(cleared.stage, RehabStage::kReturn);  // rehab on day 6, return on day 7
}

TEST(RehabTest, SeverePainInALogIsARedFlagInAnyStage) {
  const Injury injury = Make(InjurySite::kItBand);
  std::vector<PainLog> logs = GoodDays(1, 8);
  logs.push_back(Pain(9, 7, 2));
  const RehabState s = ComputeRehab(injury, logs, kOnset.AddDays(9));
  EXPECT_EQ(s.stage, RehabStage::kProtect);
  EXPECT_TRUE(s.stop_running);
  EXPECT_FALSE(s.red_flags.empty());
}

TEST(RehabTest, BoneStressAllowsNoPainDuringTheReturn) {
  Injury injury = Make(InjurySite::kShin);
  injury.bone_tenderness = true;
  injury.red_flags_cleared_on = kOnset;  // a clinician cleared a graded return
  std::vector<PainLog> logs;
  for (int d = 1; d <= 4; ++d) logs.push_back(PainLog{7, kOnset.AddDays(d), 0, 0, 0, 30.0, HopTest::kPass});
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(4)).stage, RehabStage::kReturn);
  logs.push_back(PainLog{7, kOnset.AddDays(5), 1, 0, 0, std::nullopt, std::nullopt});
  EXPECT_TRUE(PainAboveLimits(injury, logs.back()));
  EXPECT_EQ(ComputeRehab(injury, logs, kOnset.AddDays(5)).stage, RehabStage::kRehab);
  // Walking with 2/10 is not pain-free for bone: the entry test is not met.
  std::vector<PainLog> sore;
  for (int d = 1; d <= 4; ++d) sore.push_back(PainLog{7, kOnset.AddDays(d), 0, 0, 0, 30.0, HopTest::kPass});
  sore[2].pain_after = 2;
  EXPECT_EQ(ComputeRehab(injury, sore, kOnset.AddDays(4)).stage, RehabStage::kRehab);
}

TEST(RehabTest, NextStageCriteriaSayWhichAreMet) {
  const Injury injury = Make(InjurySite::kItBand);
  std::vector<PainLog> logs = GoodDays(1, 3);
  logs.back().hop_test = HopTest::kFail;
  const RehabState s = ComputeRehab(injury, logs, kOnset.AddDays(3));
  ASSERT_EQ(s.stage, RehabStage::kRehab);
  ASSERT_EQ(s.next_stage_criteria.size(), 3u);
  EXPECT_TRUE(s.next_stage_criteria[0].met);   // walked 30 min on days 2 and 3
  EXPECT_FALSE(s.next_stage_criteria[1].met);  // hop test failed
  EXPECT_EQ(s.next_stage_criteria[1].source, "sunnycoast-rtr");
  EXPECT_FALSE(s.regress_if.empty());
}

TEST(RehabTest, WalkRunPhasesFollowTheStandardProgramme) {
  const auto& phases = WalkRunPhases();
  ASSERT_EQ(phases.size(), 6u);
  EXPECT_NEAR(phases[0].distance_m, 1609.3, 0.5);  // 1.0 mi [trials-2023-rtr]
  EXPECT_EQ(phases[4].walk_min, 1);
  EXPECT_EQ(phases[4].run_min, 4);
  EXPECT_TRUE(phases[5].continuous);
  EXPECT_NEAR(phases[5].distance_m, 3218.7, 0.5);  // 2.0 mi
  for (const auto& p : phases) {
    EXPECT_GE(p.rest_days_between, 1);
    EXPECT_EQ(p.min_sessions, 2);
    EXPECT_GE(p.repeats, 1);
  }
  EXPECT_EQ(phases[0].Describe(), "walk 2 min / run 3 min x 3 (1.6 km), RPE 3/10");
}

TEST(RehabTest, OutlookGivesEarliestReturnAndDoneDates) {
  const Injury injury = Make(InjurySite::kItBand);
  const RehabOutlook fresh = ProjectRehab(injury, {}, kOnset);
  EXPECT_EQ(fresh.stage, RehabStage::kProtect);
  ASSERT_TRUE(fresh.running_resumes);
  ASSERT_TRUE(fresh.full_training_resumes);
  // Rehab from day 3, return from day 4, phase 6 from day 23, done on day 27 (as in the test above), so
  // full training from day 28.
  EXPECT_EQ(*fresh.running_resumes, kOnset.AddDays(4));
  EXPECT_EQ(*fresh.full_training_resumes, kOnset.AddDays(28));
  ASSERT_FALSE(fresh.sessions.empty());
  EXPECT_EQ(fresh.sessions.front().date, kOnset.AddDays(5));
  EXPECT_EQ(fresh.sessions.front().phase.phase, 1);
  EXPECT_EQ(fresh.sessions[2].phase.phase, 2);
  // A bad day pushes both dates back.
  std::vector<PainLog> logs = GoodDays(1, 4);
  logs.push_back(Pain(5, 6, 3));
  const RehabOutlook later = ProjectRehab(injury, logs, kOnset.AddDays(5));
  EXPECT_GT(*later.running_resumes, *fresh.running_resumes);
}

TEST(RehabTest, OutlookNeedsAClinicianWhileRedFlagsAreActive) {
  Injury injury = Make(InjurySite::kAchilles);
  injury.swelling = true;
  const RehabOutlook o = ProjectRehab(injury, {}, kOnset.AddDays(2));
  EXPECT_TRUE(o.needs_clinician);
  EXPECT_FALSE(o.running_resumes);
}

std::vector<std::string> Ids(const RehabRoutine& r) {
  std::vector<std::string> out;
  for (const Item& item : r.items) out.push_back(item.id);
  return out;
}

TEST(RehabRoutineTest, StageRoutinesComeFromTheCatalogue) {
  const Catalogue& catalogue = BuiltinCatalogue();
  const Injury injury = Make(InjurySite::kItBand);
  auto protect = BuildRehabRoutine(ComputeRehab(injury, {}, kOnset), injury, catalogue, {});
  ASSERT_OK(protect);
  EXPECT_THAT(Ids(*protect), ::testing::Contains("cycling-easy"));
  auto rehab = BuildRehabRoutine(ComputeRehab(injury, GoodDays(1, 3), kOnset.AddDays(3)), injury, catalogue, {});
  ASSERT_OK(rehab);
  EXPECT_THAT(Ids(*rehab), ::testing::IsSupersetOf({"side-lying-hip-abduction", "clamshell", "glute-bridge"}));
  for (const Item& item : rehab->items) EXPECT_FALSE(item.dose.Empty()) << item.id;
  auto ret = BuildRehabRoutine(ComputeRehab(injury, GoodDays(1, 4), kOnset.AddDays(4)), injury, catalogue, {});
  ASSERT_OK(ret);
  ASSERT_FALSE(ret->items.empty());
  EXPECT_EQ(ret->items.back().kind, ItemKind::kRun);
  EXPECT_EQ(ret->items.back().source, "trials-2023-rtr");
}

TEST(RehabRoutineTest, ShinRehabHoldsNoRunningBeforeTheReturn) {
  const Catalogue& catalogue = BuiltinCatalogue();
  const Injury injury = Make(InjurySite::kShin);
  auto rehab = BuildRehabRoutine(ComputeRehab(injury, GoodDays(1, 3), kOnset.AddDays(3)), injury, catalogue, {});
  ASSERT_OK(rehab);
  EXPECT_THAT(Ids(*rehab), ::testing::Contains("tibialis-raise"));
  for (const Item& item : rehab->items) EXPECT_FALSE(IsRunningKind(item.kind)) << item.id;
  EXPECT_FALSE(rehab->notes.empty());
}

TEST(RehabRoutineTest, RedFlagsEndLoadPrescription) {
  Injury injury = Make(InjurySite::kCalf);
  injury.cannot_bear_weight = true;
  auto r = BuildRehabRoutine(ComputeRehab(injury, {}, kOnset), injury, BuiltinCatalogue(), {});
  ASSERT_OK(r);
  EXPECT_TRUE(r->items.empty());
}

TEST(RehabRoutineTest, CustomRoutineJoinsOrReplacesAndHeatWaits) {
  const Catalogue& catalogue = BuiltinCatalogue();
  auto custom = ParseCustomRoutine(R"toml(
[routine]
id = "physio-itb"
name = "Physio ITB extras"
steps = [ { exercise = "monster-walk" }, { exercise = "sauna-post-run" } ]
)toml", "physio-itb.toml", catalogue);
  ASSERT_OK(custom);
  const Injury injury = Make(InjurySite::kItBand);
  const RehabState rehab = ComputeRehab(injury, GoodDays(1, 3), kOnset.AddDays(3));
  ASSERT_TRUE(rehab.no_heat_until);  // day 3: still inside the window
  auto joined = BuildRehabRoutine(rehab, injury, catalogue, {{*custom, false}});
  ASSERT_OK(joined);
  EXPECT_THAT(Ids(*joined), ::testing::IsSupersetOf({"clamshell", "monster-walk"}));
  EXPECT_THAT(Ids(*joined), ::testing::Not(::testing::Contains("sauna-post-run")));
  auto replaced = BuildRehabRoutine(rehab, injury, catalogue, {{*custom, true}});
  ASSERT_OK(replaced);
  EXPECT_THAT(Ids(*replaced), ::testing::ElementsAre("monster-walk"));
  const RehabState later = ComputeRehab(injury, GoodDays(1, 3), kOnset.AddDays(5));
  auto with_heat = BuildRehabRoutine(later, injury, catalogue, {{*custom, true}});
  ASSERT_OK(with_heat);
  EXPECT_THAT(Ids(*with_heat), ::testing::Contains("sauna-post-run"));
}

}  // namespace
}  // namespace stride::care
