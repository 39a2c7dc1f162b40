// SPDX-License-Identifier: MIT
// `stride today` as a use case: the injury guard (GuardDay) on its own and as a property over generated
// injuries and pain logs, and ComputeToday on in-memory databases: routines pinned to weekdays and to
// injuries, red flags, the walk-run of the return stage, and no heat in the first 72 h.
#include "app/today.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/athlete.h"
#include "app/injury.h"
#include "app/routines.h"
#include "store/database.h"
#include "store/plan_repository.h"
#include "testing/status_matchers.h"

namespace stride::app {
namespace {

using core::Date;
using plan::SessionKind;

const Date kMonday = Date::FromYmd(2027, 1, 4);  // a Monday

plan::Session MakeSession(SessionKind kind) {
  plan::Session s{kind, plan::SessionKindName(kind), "", 0, 0, {}, {}, {}};
  if (plan::IsRun(kind)) {
    s.distance_m = 8000;
    s.duration_s = 2800;
    s.steps.push_back({plan::StepType::kWarmup, 600.0, std::nullopt, plan::PaceRange{400, 370}, std::nullopt, 0, {}});
    s.steps.push_back({plan::StepType::kWork, std::nullopt, 6000.0, plan::PaceRange{330, 320}, std::nullopt, 0, {}});
  }
  return s;
}

care::Injury MakeInjury(care::InjurySite site, Date onset, int pain) {
  care::Injury i;
  i.id = 1;
  i.site = site;
  i.onset_date = onset;
  i.pain = pain;
  return i;
}

// A state as the guard reads it (the stage rules themselves are care/rehab.h's, tested there).
InjuryStatus InStage(care::RehabStage stage, int return_phase = 0) {
  InjuryStatus s{MakeInjury(care::InjurySite::kItBand, kMonday, 3), {}};
  s.state.stage = stage;
  s.state.stop_running = stage == care::RehabStage::kProtect || stage == care::RehabStage::kRehab;
  s.state.why = "test";
  if (return_phase > 0) {
    s.state.return_phase = return_phase;
    s.state.walk_run = care::WalkRunPhases()[static_cast<size_t>(return_phase - 1)];
  }
  return s;
}

bool AnyRun(const std::vector<plan::Session>& sessions) {
  return std::any_of(sessions.begin(), sessions.end(), [](const plan::Session& s) { return plan::IsRun(s.kind); });
}

TEST(GuardDayTest, KeepsThePlanWithoutInjuries) {
  const std::vector<plan::Session> planned = {MakeSession(SessionKind::kTempo), MakeSession(SessionKind::kStrength)};
  GuardedDay g = GuardDay(planned, {}, 0);
  EXPECT_EQ(g.sessions, planned);
  EXPECT_TRUE(g.replaced.empty());
  EXPECT_FALSE(g.stop_running);
}

TEST(GuardDayTest, RedFlagLeavesOnlyRestAndSaysToSeeAClinician) {
  care::Injury injury = MakeInjury(care::InjurySite::kShin, kMonday, 8);  // 8/10 is a red flag
  InjuryStatus status{injury, care::ComputeRehab(injury, {}, kMonday)};
  ASSERT_FALSE(status.state.red_flags.empty());
  GuardedDay g = GuardDay({MakeSession(SessionKind::kTempo), MakeSession(SessionKind::kStrength)}, {status}, 0);
  ASSERT_EQ(g.sessions.size(), 1u);
  EXPECT_EQ(g.sessions[0].kind, SessionKind::kRest);
  EXPECT_NE(g.sessions[0].description.find("clinician"), std::string::npos);
  EXPECT_EQ(g.replaced.size(), 2u);
  EXPECT_TRUE(g.stop_running);
  EXPECT_TRUE(g.see_clinician);
  ASSERT_EQ(g.reasons.size(), 1u);
  EXPECT_NE(g.reasons[0].find("see a clinician"), std::string::npos) << g.reasons[0];
}

TEST(GuardDayTest, ProtectTurnsTheRunIntoCrossTrainingAndDropsStrength) {
  GuardedDay g = GuardDay({MakeSession(SessionKind::kLong), MakeSession(SessionKind::kStrength)},
                          {InStage(care::RehabStage::kProtect)}, 0);
  ASSERT_EQ(g.sessions.size(), 1u);
  EXPECT_EQ(g.sessions[0].kind, SessionKind::kCross);
  EXPECT_EQ(g.replaced.size(), 2u);
  EXPECT_FALSE(g.see_clinician);
  ASSERT_EQ(g.reasons.size(), 1u);
  EXPECT_NE(g.reasons[0].find("no running: it-band injury, protect stage"), std::string::npos) << g.reasons[0];
}

TEST(GuardDayTest, RehabStageKeepsStrengthButNotTheRun) {
  GuardedDay g = GuardDay({MakeSession(SessionKind::kIntervals), MakeSession(SessionKind::kStrength)},
                          {InStage(care::RehabStage::kRehab)}, 0);
  ASSERT_EQ(g.sessions.size(), 2u);
  EXPECT_EQ(g.sessions[0].kind, SessionKind::kCross);
  EXPECT_EQ(g.sessions[1].kind, SessionKind::kStrength);
  ASSERT_EQ(g.replaced.size(), 1u);
  EXPECT_EQ(g.replaced[0].kind, SessionKind::kIntervals);
}

TEST(GuardDayTest, ReturnStageRunBecomesTheWalkRunOfTheCurrentPhase) {
  GuardedDay g = GuardDay({MakeSession(SessionKind::kLong)}, {InStage(care::RehabStage::kReturn, 2)}, 0);
  ASSERT_EQ(g.sessions.size(), 1u);
  EXPECT_EQ(g.sessions[0].kind, SessionKind::kWalkRun);
  EXPECT_EQ(g.sessions[0].title, "Walk-run, phase 2");
  EXPECT_FALSE(g.stop_running);
  EXPECT_NE(g.reasons[0].find("walk-run phase 2 instead of the planned long"), std::string::npos) << g.reasons[0];
  // The next day of a run streak is a rest day: at least one rest day between runs.
  GuardedDay next = GuardDay({MakeSession(SessionKind::kEasy)}, {InStage(care::RehabStage::kReturn, 2)}, 1);
  ASSERT_EQ(next.sessions.size(), 1u);
  EXPECT_EQ(next.sessions[0].kind, SessionKind::kRest);
}

TEST(GuardDayTest, TwoInjuriesInReturnFollowTheLowerPhase) {
  GuardedDay g = GuardDay({MakeSession(SessionKind::kEasy)},
                          {InStage(care::RehabStage::kReturn, 4), InStage(care::RehabStage::kReturn, 1)}, 2);
  ASSERT_EQ(g.sessions.size(), 1u);
  EXPECT_EQ(g.sessions[0].title, "Walk-run, phase 1");
}

TEST(GuardDayTest, OneInjuryInProtectStopsTheWalkRunOfAnother) {
  GuardedDay g = GuardDay({MakeSession(SessionKind::kWalkRun)},
                          {InStage(care::RehabStage::kReturn, 3), InStage(care::RehabStage::kProtect)}, 0);
  EXPECT_FALSE(AnyRun(g.sessions));
  EXPECT_TRUE(g.stop_running);
}

TEST(WalkRunSessionTest, PhasesBecomeRepeatsOrOneContinuousRun) {
  const care::WalkRunPhase& first = care::WalkRunPhases()[0];
  plan::Session s = WalkRunSession(first, false);
  EXPECT_EQ(s.kind, SessionKind::kWalkRun);
  EXPECT_DOUBLE_EQ(s.duration_s, first.TotalMinutes() * 60.0);
  EXPECT_DOUBLE_EQ(s.distance_m, first.distance_m);
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].type, plan::StepType::kRepeat);
  EXPECT_EQ(s.steps[0].count, first.repeats);
  ASSERT_EQ(s.steps[0].steps.size(), 2u);
  EXPECT_DOUBLE_EQ(*s.steps[0].steps[0].duration_s, first.walk_min * 60.0);
  EXPECT_DOUBLE_EQ(*s.steps[0].steps[1].duration_s, first.run_min * 60.0);
  EXPECT_NE(s.description.find("above 5/10"), std::string::npos) << s.description;
  EXPECT_NE(WalkRunSession(first, true).description.find("above 0/10"), std::string::npos);

  plan::Session last = WalkRunSession(care::WalkRunPhases()[5], false);
  ASSERT_EQ(last.steps.size(), 1u);
  EXPECT_EQ(last.steps[0].type, plan::StepType::kWork);
}

// --- Property over generated injuries x pain logs x dates x planned days (fixed seed) ---

class Draw {
 public:
  explicit Draw(uint32_t seed) : rng_(seed) {}
  int Int(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<uint32_t>(hi - lo + 1)); }
  bool Chance(int percent) { return Int(0, 99) < percent; }

 private:
  std::mt19937 rng_;
};

care::Injury RandomInjury(Draw& d, int64_t id, Date around) {
  care::Injury i = MakeInjury(static_cast<care::InjurySite>(d.Int(0, static_cast<int>(care::InjurySite::kOther))),
                              around.AddDays(-d.Int(0, 40)), d.Int(0, 8));
  i.id = id;
  if (d.Chance(30)) i.pain_at_rest = d.Int(0, 4);
  i.pain_night = d.Chance(4);
  i.swelling = d.Chance(4);
  i.bone_tenderness = d.Chance(6);
  i.numbness = d.Chance(2);
  if (d.Chance(40)) i.red_flags_cleared_on = i.onset_date.AddDays(d.Int(0, 10));
  if (d.Chance(15)) i.resolved_on = i.onset_date.AddDays(d.Int(1, 60));
  return i;
}

// Mostly good days, so that many injuries reach the return stage; some bad ones step back.
std::vector<care::PainLog> RandomLogs(Draw& d, const care::Injury& injury, Date until) {
  std::vector<care::PainLog> logs;
  for (Date day = injury.onset_date.AddDays(1); day <= until; day = day.AddDays(1)) {
    if (d.Chance(15)) continue;
    const bool bad = d.Chance(12);
    care::PainLog log{injury.id, day, bad ? d.Int(3, 9) : d.Int(0, 2), d.Int(0, 2), bad ? d.Int(0, 6) : 0,
                      30.0, care::HopTest::kPass};
    logs.push_back(log);
  }
  return logs;
}

std::vector<plan::Session> RandomDay(Draw& d) {
  std::vector<plan::Session> day = {MakeSession(static_cast<SessionKind>(d.Int(0, static_cast<int>(SessionKind::kWalkRun))))};
  if (d.Chance(25)) day.push_back(MakeSession(SessionKind::kStrength));
  return day;
}

TEST(GuardDayPropertyTest, NoRunWhileAnyInjuryStopsRunningAndWalkRunOnlyInReturn) {
  Draw d(20270104);
  int stopped = 0;
  int returning = 0;
  for (int n = 0; n < 3000; ++n) {
    const Date date = kMonday.AddDays(d.Int(0, 60));
    std::vector<InjuryStatus> active;
    const int injuries = d.Int(1, 3);
    for (int k = 0; k < injuries; ++k) {
      care::Injury injury = RandomInjury(d, k + 1, date);
      auto logs = RandomLogs(d, injury, date);
      if (injury.ActiveOn(date)) active.push_back({injury, care::ComputeRehab(injury, logs, date)});
    }
    const std::vector<plan::Session> planned = RandomDay(d);
    GuardedDay g = GuardDay(planned, active, d.Int(0, 3));
    SCOPED_TRACE(n);
    ASSERT_FALSE(g.sessions.empty());
    const bool stop = std::any_of(active.begin(), active.end(), [](const InjuryStatus& a) { return a.state.stop_running; });
    const bool red = std::any_of(active.begin(), active.end(), [](const InjuryStatus& a) { return !a.state.red_flags.empty(); });
    const bool in_return = std::any_of(active.begin(), active.end(), [](const InjuryStatus& a) {
      return a.state.stage == care::RehabStage::kReturn;
    });
    EXPECT_EQ(g.stop_running, stop);
    if (stop) {
      EXPECT_FALSE(AnyRun(g.sessions));
    }
    for (const plan::Session& s : g.sessions) {
      if (red) {
        EXPECT_EQ(s.kind, SessionKind::kRest);
      }
      if (!stop && in_return && plan::IsRun(s.kind)) {
        EXPECT_EQ(s.kind, SessionKind::kWalkRun);
      }
    }
    stopped += stop;
    returning += !stop && in_return && AnyRun(planned);
  }
  // The generator must reach both branches often enough for the property to mean something.
  EXPECT_GT(stopped, 300);
  EXPECT_GT(returning, 100);
}

// --- ComputeToday on an in-memory database ---

class ComputeTodayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Database::Open(":memory:");
    ASSERT_OK(db);
    db_.emplace(std::move(*db));
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
  }

  void SetFacilities(std::set<core::Facility> facilities) {
    AthleteChanges c;
    c.facilities = std::move(facilities);
    ASSERT_OK(UpdateAthlete(*db_, c, kMonday));
  }

  // Saves a plan that starts on kMonday with one day per entry of `days`.
  void SavePlan(const std::vector<std::vector<plan::Session>>& days) {
    store::PlanVersion v;
    v.created_on = kMonday;
    v.reason = "test";
    v.plan.start = kMonday;
    v.plan.race_date = kMonday.AddDays(120);
    for (size_t i = 0; i < days.size(); ++i) {
      if (i % 7 == 0) v.plan.weeks.push_back({static_cast<int>(i / 7), kMonday.AddDays(static_cast<int64_t>(i)),
                                              plan::Phase::kBuild, 0, {}});
      v.plan.weeks.back().days.push_back({kMonday.AddDays(static_cast<int64_t>(i)), days[i]});
    }
    v.request.start = kMonday;
    v.request.race_date = v.plan.race_date;
    ASSERT_OK(store::SavePlanVersion(*db_, v));
  }

  void AddRoutineFile(const std::string& id, const std::string& phase, RoutinePinning pinning) {
    const std::filesystem::path path = dir_ / (id + ".toml");
    std::ofstream(path) << "[routine]\nid = \"" << id << "\"\nname = \"Custom " << id << "\"\nphase = \"" << phase
                        << "\"\nsteps = [\n  { exercise = \"clamshell\", dose = { reps = 12, sets = 2, per_side = true } },\n"
                        << "  { exercise = \"glute-bridge\" },\n]\n";
    ASSERT_OK(AddRoutine(*db_, {path, std::move(pinning), false}));
  }

  int64_t AddItBand(Date onset, int pain) {
    auto added = AddInjury(*db_, MakeInjury(care::InjurySite::kItBand, onset, pain));
    EXPECT_OK(added);
    return added ? added->status.injury.id : 0;
  }

  void Log(Date date, double walk_min, std::optional<care::HopTest> hop) {
    LogPainRequest r;
    r.log = {0, date, 0, 0, 0, walk_min, hop};
    ASSERT_OK(LogPain(*db_, r));
  }

  TodayReport Today(Date date) {
    auto r = ComputeToday(*db_, date);
    EXPECT_OK(r);
    return r ? *r : TodayReport{};
  }

  std::optional<store::Database> db_;
  std::filesystem::path dir_;
};

bool HasRoutine(const std::vector<care::Item>& items, const std::string& routine) {
  return std::any_of(items.begin(), items.end(), [&](const care::Item& i) { return i.routine == routine; });
}

bool HasKind(const care::DayPrescription& rx, std::initializer_list<care::ItemKind> kinds) {
  for (const auto* list : {&rx.warmup, &rx.cooldown, &rx.mobility, &rx.strength, &rx.recovery, &rx.rehab}) {
    for (const care::Item& i : *list) {
      if (std::find(kinds.begin(), kinds.end(), i.kind) != kinds.end()) return true;
    }
  }
  return false;
}

bool NoteMentions(const TodayReport& r, const std::string& needle) {
  return std::any_of(r.prescription.notes.begin(), r.prescription.notes.end(),
                     [&](const care::Note& n) { return n.text.find(needle) != std::string::npos; });
}

TEST_F(ComputeTodayTest, RoutinePinnedToAWeekdayJoinsThatDayOnly) {
  SavePlan(std::vector<std::vector<plan::Session>>(14, {MakeSession(SessionKind::kEasy)}));
  AddRoutineFile("my-strength", "strength", {{core::Weekday::kTuesday}, std::nullopt, false});
  TodayReport tuesday = Today(kMonday.AddDays(1));
  EXPECT_TRUE(HasRoutine(tuesday.prescription.strength, "my-strength"));
  EXPECT_EQ(tuesday.pinned_routines, std::vector<std::string>{"my-strength"});
  ASSERT_FALSE(tuesday.prescription.strength.empty());
  EXPECT_EQ(tuesday.prescription.strength[0].when, "strength");
  EXPECT_EQ(tuesday.prescription.strength[0].dose.reps, 12);
  TodayReport wednesday = Today(kMonday.AddDays(2));
  EXPECT_FALSE(HasRoutine(wednesday.prescription.strength, "my-strength"));
  EXPECT_TRUE(wednesday.pinned_routines.empty());
  EXPECT_TRUE(HasRoutine(Today(kMonday.AddDays(8)).prescription.strength, "my-strength"));  // next Tuesday
}

TEST_F(ComputeTodayTest, PinnedWarmupReplacesTheCatalogueWarmupOnRunDaysOnly) {
  SavePlan({{MakeSession(SessionKind::kTempo)}, {MakeSession(SessionKind::kRest)}});
  AddRoutineFile("my-warmup", "pre_run", {{core::Weekday::kMonday, core::Weekday::kTuesday}, std::nullopt, true});
  TodayReport run_day = Today(kMonday);
  ASSERT_FALSE(run_day.prescription.warmup.empty());
  for (const care::Item& i : run_day.prescription.warmup) EXPECT_EQ(i.routine, "my-warmup") << i.name;
  EXPECT_EQ(run_day.prescription.warmup[0].when, "before_run");
  TodayReport rest_day = Today(kMonday.AddDays(1));
  EXPECT_TRUE(rest_day.prescription.warmup.empty());
  EXPECT_TRUE(NoteMentions(rest_day, "today has none")) << "pinned warm-up on a rest day needs a note";
}

TEST_F(ComputeTodayTest, PhysioRoutinePinnedToAnInjuryJoinsOrReplacesTheStageRoutine) {
  SetFacilities({core::Facility::kFoamRoller});
  SavePlan(std::vector<std::vector<plan::Session>>(14, {MakeSession(SessionKind::kEasy)}));
  const int64_t id = AddItBand(kMonday, 3);
  Log(kMonday.AddDays(3), 0, std::nullopt);  // settled after 3 days: rehab
  AddRoutineFile("physio-join", "rehab", {{}, id, false});
  TodayReport joined = Today(kMonday.AddDays(3));
  ASSERT_EQ(joined.injuries.active.size(), 1u);
  ASSERT_EQ(joined.injuries.active[0].state.stage, care::RehabStage::kRehab);
  EXPECT_TRUE(HasRoutine(joined.prescription.rehab, "itb-rehab"));
  EXPECT_TRUE(HasRoutine(joined.prescription.rehab, "physio-join"));

  ASSERT_OK(AttachRoutineToInjury(*db_, "physio-join", id, /*replace=*/true));
  TodayReport replaced = Today(kMonday.AddDays(3));
  EXPECT_FALSE(HasRoutine(replaced.prescription.rehab, "itb-rehab"));
  EXPECT_TRUE(HasRoutine(replaced.prescription.rehab, "physio-join"));
  ASSERT_OK(ResolveInjury(*db_, id, kMonday.AddDays(5)));
  EXPECT_FALSE(HasRoutine(Today(kMonday.AddDays(5)).prescription.rehab, "physio-join"));  // injury over
}

TEST_F(ComputeTodayTest, RedFlagDayHasNoRunAndSendsToAClinician) {
  SetFacilities({core::Facility::kFoamRoller, core::Facility::kSauna, core::Facility::kPlungePool});
  SavePlan({{MakeSession(SessionKind::kTempo), MakeSession(SessionKind::kStrength)}});
  AddItBand(kMonday, 8);
  TodayReport r = Today(kMonday);
  EXPECT_FALSE(AnyRun(r.sessions));
  EXPECT_TRUE(r.injuries.guard.see_clinician);
  EXPECT_TRUE(r.prescription.warmup.empty());
  EXPECT_TRUE(r.prescription.strength.empty());
  EXPECT_FALSE(HasKind(r.prescription, {care::ItemKind::kRun, care::ItemKind::kJog, care::ItemKind::kSauna}));
  ASSERT_FALSE(r.injuries.guard.reasons.empty());
  EXPECT_NE(r.injuries.guard.reasons[0].find("see a clinician"), std::string::npos);
}

TEST_F(ComputeTodayTest, NoHeatInTheFirst72HoursThenTheSaunaIsBack) {
  SetFacilities({core::Facility::kSauna});
  SavePlan(std::vector<std::vector<plan::Session>>(14, {MakeSession(SessionKind::kRest)}));
  EXPECT_TRUE(HasKind(Today(kMonday).prescription, {care::ItemKind::kSauna}));  // before the injury
  AddItBand(kMonday.AddDays(1), 3);
  for (int day = 1; day <= 4; ++day) {
    EXPECT_FALSE(HasKind(Today(kMonday.AddDays(day)).prescription, {care::ItemKind::kSauna, care::ItemKind::kContrast}))
        << "day " << day;
  }
  EXPECT_TRUE(HasKind(Today(kMonday.AddDays(5)).prescription, {care::ItemKind::kSauna}));
}

TEST_F(ComputeTodayTest, ReturnStageTurnsThePlannedRunIntoTheWalkRun) {
  SavePlan(std::vector<std::vector<plan::Session>>(14, {MakeSession(SessionKind::kEasy)}));
  AddItBand(kMonday, 3);
  Log(kMonday.AddDays(3), 0, std::nullopt);         // rehab
  Log(kMonday.AddDays(4), 30, std::nullopt);        // 30 min pain-free walking
  Log(kMonday.AddDays(5), 30, care::HopTest::kPass);  // two days of it and the hop test: return
  TodayReport r = Today(kMonday.AddDays(5));
  ASSERT_EQ(r.injuries.active.size(), 1u);
  ASSERT_EQ(r.injuries.active[0].state.stage, care::RehabStage::kReturn);
  ASSERT_EQ(r.sessions.size(), 1u);
  // The plan runs every day: day 5 of the streak is odd, so today is the rest day between walk-runs.
  EXPECT_EQ(r.sessions[0].kind, SessionKind::kRest);
  EXPECT_EQ(Today(kMonday.AddDays(6)).sessions[0].kind, SessionKind::kWalkRun);
  EXPECT_FALSE(HasRoutine(r.prescription.rehab, std::string(care::kWalkRunRoutineId)));
  EXPECT_TRUE(HasRoutine(r.prescription.rehab, "itb-rehab"));
}

// --- Property over generated athletes x injuries x pain logs x dates, through the store ---

TEST_F(ComputeTodayTest, GeneratedDaysNeverRunWhileStoppedNorHeatInTheFirst72Hours) {
  Draw d(7);
  int checked_stop = 0;
  int checked_heat = 0;
  for (int n = 0; n < 40; ++n) {
    SetUp();  // a fresh database
    std::set<core::Facility> facilities;
    for (int f = 0; f <= static_cast<int>(core::Facility::kGym); ++f) {
      if (d.Chance(60)) facilities.insert(static_cast<core::Facility>(f));
    }
    SetFacilities(facilities);
    std::vector<std::vector<plan::Session>> days;
    for (int i = 0; i < 28; ++i) days.push_back(RandomDay(d));
    SavePlan(days);
    for (int k = d.Int(1, 2); k > 0; --k) {
      care::Injury injury = RandomInjury(d, 0, kMonday.AddDays(d.Int(5, 20)));
      injury.resolved_on.reset();
      if (injury.onset_date < kMonday) injury.onset_date = kMonday;
      auto added = AddInjury(*db_, injury);
      ASSERT_OK(added);
      for (const care::PainLog& log : RandomLogs(d, injury, kMonday.AddDays(27))) {
        ASSERT_OK(LogPain(*db_, {added->status.injury.id, log}));
      }
    }
    for (int day = 0; day < 28; day += d.Int(1, 3)) {
      const Date date = kMonday.AddDays(day);
      TodayReport r = Today(date);
      SCOPED_TRACE(fmt::format("case {} day {}", n, core::FormatDate(date)));
      bool stop = false;
      bool fresh = false;
      for (const InjuryRehab& a : r.injuries.active) {
        stop = stop || a.state.stop_running;
        fresh = fresh || date <= care::LastNoHeatDay(a.injury);
      }
      if (stop) {
        EXPECT_FALSE(AnyRun(r.sessions));
        EXPECT_FALSE(HasKind(r.prescription, {care::ItemKind::kRun, care::ItemKind::kJog}));
        ++checked_stop;
      }
      if (fresh) {
        EXPECT_FALSE(HasKind(r.prescription, {care::ItemKind::kSauna, care::ItemKind::kContrast, care::ItemKind::kRub,
                                              care::ItemKind::kMassage}));
        ++checked_heat;
      }
    }
  }
  EXPECT_GT(checked_stop, 50);
  EXPECT_GT(checked_heat, 20);
}

}  // namespace
}  // namespace stride::app
