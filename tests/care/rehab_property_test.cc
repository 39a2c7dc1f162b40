// SPDX-License-Identifier: MIT
// Property tests for the rehab stages over generated injuries and pain-log sequences (fixed seed): no
// running under a red flag or in protect; pain above the limits never moves a stage forward; every step
// forward has its criteria; no heat in the first 72 h, in the rehab routine or in the day prescription.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "care/catalogue.h"
#include "care/custom_routine.h"
#include "care/prescription.h"
#include "care/rehab.h"
#include "care/rehab_routine.h"
#include "core/check.h"
#include "testing/status_matchers.h"

namespace stride::care {
namespace {

using core::Date;

constexpr uint32_t kSeed = 20260504;
constexpr int kInjuries = 2000;

// Portable draws (std distributions differ between standard libraries).
class Draw {
 public:
  explicit Draw(uint32_t seed) : rng_(seed) {}
  int Int(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<uint32_t>(hi - lo + 1)); }
  bool Chance(int percent) { return Int(0, 99) < percent; }

 private:
  std::mt19937 rng_;
};

Injury RandomInjury(Draw& d, int64_t id) {
  Injury injury;
  injury.id = id;
  injury.site = static_cast<InjurySite>(d.Int(0, static_cast<int>(InjurySite::kOther)));
  injury.onset_date = Date::FromYmd(2026, 3, 1).AddDays(d.Int(0, 200));
  injury.pain = d.Int(0, 8);
  if (d.Chance(40)) injury.pain_at_rest = d.Int(0, 4);
  injury.pain_night = d.Chance(5);
  injury.swelling = d.Chance(5);
  injury.bone_tenderness = d.Chance(8);
  injury.cannot_bear_weight = d.Chance(3);
  injury.numbness = d.Chance(3);
  if (d.Chance(50)) injury.red_flags_cleared_on = injury.onset_date.AddDays(d.Int(0, 15));
  return injury;
}

PainLog RandomLog(Draw& d, const Injury& injury, Date date, int bad_percent) {
  PainLog log{injury.id, date, 0, 0, 0, std::nullopt, std::nullopt};
  if (d.Chance(bad_percent)) {
    log.pain_during = d.Int(0, 10);
    log.pain_after = d.Int(0, 10);
    log.pain_next_morning = d.Int(0, 10);
  } else {
    log.pain_during = d.Int(0, 3);
    log.pain_after = d.Int(0, 2);
    log.pain_next_morning = d.Int(0, 2);
  }
  if (d.Chance(75)) log.walk_min = d.Chance(80) ? 30.0 : d.Int(0, 45);
  if (d.Chance(75)) log.hop_test = d.Chance(85) ? HopTest::kPass : HopTest::kFail;
  return log;
}

std::vector<PainLog> RandomLogs(Draw& d, const Injury& injury, int days) {
  static constexpr int kBadPercents[] = {0, 3, 10, 30, 60};
  const int bad = kBadPercents[d.Int(0, 4)];
  std::vector<PainLog> logs;
  for (int day = 0; day <= days; ++day) {
    if (d.Chance(88)) logs.push_back(RandomLog(d, injury, injury.onset_date.AddDays(day), bad));
  }
  return logs;
}

// Orders stages and walk-run phases: a larger rank is further along.
int Rank(const RehabState& s) {
  switch (s.stage) {
    case RehabStage::kNone: return 0;
    case RehabStage::kProtect: return 10;
    case RehabStage::kRehab: return 20;
    case RehabStage::kReturn: return 30 + s.return_phase;
    case RehabStage::kDone: return 40;
  }
  return 0;
}

const PainLog* LogOn(const std::vector<PainLog>& logs, Date date) {
  for (const PainLog& log : logs) {
    if (log.date == date) return &log;
  }
  return nullptr;
}

// Checks, independently of rehab.cc's criteria, that a forward step from `before` to `after` on `day` was
// earned; returns an empty string when it was, else what is wrong.
std::string ForwardStepProblem(const Injury& injury, const std::vector<PainLog>& logs, const RehabState& before,
                               const RehabState& after, Date day) {
  const PainLog* log = LogOn(logs, day);
  if (log == nullptr) return "moved forward without a log";
  if (PainAboveLimits(injury, *log)) return "moved forward on a day with pain above the limits";
  if (!ActiveRedFlags(injury, logs, day).empty()) return "moved forward with an active red flag";
  const int walk_limit = IsBoneStress(injury) ? 0 : 2;
  auto pain_free_walk = [&](const PainLog* l) {
    return l && l->walk_min.value_or(0) >= 30 && l->pain_during <= walk_limit && l->pain_after <= walk_limit &&
           l->pain_next_morning <= 2;
  };
  switch (before.stage) {
    case RehabStage::kProtect:
      if (after.stage != RehabStage::kRehab) return "protect skipped rehab";
      if (injury.onset_date.DaysUntil(day) < kMinProtectDays) return "left protect too early";
      if (log->pain_next_morning > 2) return "left protect with next-morning pain above 2";
      return "";
    case RehabStage::kRehab:
      if (after.stage != RehabStage::kReturn || after.return_phase != 1) return "rehab did not go to phase 1";
      if (!pain_free_walk(log) || !pain_free_walk(LogOn(logs, day.AddDays(-1)))) return "return without 2 walk days";
      if (log->hop_test != HopTest::kPass) return "return without a passed hop test";
      return "";
    case RehabStage::kReturn:
      if (before.return_phase == 6) {
        if (after.stage != RehabStage::kDone) return "phase 6 did not go to done";
        if (before.sessions_in_phase < 1) return "done without two sessions in phase 6";
        return "";
      }
      if (after.return_phase != before.return_phase + 1) return "skipped a walk-run phase";
      if (before.sessions_in_phase < 1) return "phase advanced without two sessions";
      return "";
    default:
      return "moved forward from " + std::string(RehabStageName(before.stage));
  }
}

Routine SaunaRoutine(const Catalogue& catalogue) {
  auto r = ParseCustomRoutine(R"toml(
[routine]
id = "physio-heat"
name = "Physio routine with heat"
steps = [ { exercise = "clamshell" }, { exercise = "sauna-post-run" }, { exercise = "contrast-bath" } ]
)toml", "physio-heat.toml", catalogue);
  STRIDE_CHECK(r.has_value());
  return *r;
}

bool HasHeat(const std::vector<Item>& items) {
  for (const Item& item : items) {
    if (item.kind == ItemKind::kSauna || item.kind == ItemKind::kContrast) return true;
  }
  return false;
}

// The day prescription, given the injury's age, prescribes no heat in the first 72 h.
void ExpectNoHeatInPrescription(const Injury& injury, Date day, const Catalogue& catalogue) {
  core::Athlete athlete;
  athlete.facilities = {core::Facility::kSauna, core::Facility::kPlungePool, core::Facility::kFoamRoller};
  DayContext ctx;
  ctx.date = day;
  ctx.today = {DaySession{"long", 16000, 6000, false}};
  ctx.hours_since_acute_injury = HoursSinceAcuteInjury(injury, day);
  ASSERT_TRUE(ctx.hours_since_acute_injury.has_value());
  auto p = PrescribeDay(ctx, athlete, catalogue);
  ASSERT_OK(p);
  EXPECT_FALSE(HasHeat(p->recovery) || HasHeat(p->mobility) || HasHeat(p->cooldown)) << FormatDate(day);
}

TEST(RehabPropertyTest, GeneratedInjuriesKeepTheSafetyRules) {
  const Catalogue& catalogue = BuiltinCatalogue();
  const Routine heat = SaunaRoutine(catalogue);
  Draw d(kSeed);
  int forward_steps = 0, done = 0;
  for (int i = 0; i < kInjuries; ++i) {
    const Injury injury = RandomInjury(d, i + 1);
    const std::vector<PainLog> logs = RandomLogs(d, injury, d.Int(5, 55));
    const std::vector<AttachedRoutine> custom = {{heat, d.Chance(50)}};
    RehabState before = ComputeRehab(injury, logs, injury.onset_date.AddDays(-1));
    for (Date day = injury.onset_date; day <= logs.back().date.AddDays(1); day = day.AddDays(1)) {
      const RehabState s = ComputeRehab(injury, logs, day);
      const std::string where = "injury " + std::to_string(i) + " on " + FormatDate(day);
      const bool flagged = !ActiveRedFlags(injury, logs, day).empty();
      ASSERT_TRUE(s.stop_running || !(flagged || s.stage == RehabStage::kProtect)) << where;
      const PainLog* log = LogOn(logs, day);
      const bool above = log != nullptr && PainAboveLimits(injury, *log);
      ASSERT_TRUE(!above || before.stage == RehabStage::kNone || Rank(s) <= Rank(before)) << where;
      if (before.stage != RehabStage::kNone && Rank(s) > Rank(before)) {
        ++forward_steps;
        ASSERT_EQ(ForwardStepProblem(injury, logs, before, s, day), "") << where;
      }
      if (s.stage == RehabStage::kDone) ++done;
      auto routine = BuildRehabRoutine(s, injury, catalogue, custom);
      ASSERT_OK(routine);
      for (const Item& item : routine->items) {
        ASSERT_FALSE(s.stop_running && IsRunningKind(item.kind)) << where << " " << item.id;
      }
      if (injury.onset_date.DaysUntil(day) <= 3) {
        ASSERT_FALSE(HasHeat(routine->items)) << where;
        if (i % 20 == 0) ExpectNoHeatInPrescription(injury, day, catalogue);
      }
      before = s;
    }
  }
  // The generator must reach every stage for the properties to mean something.
  EXPECT_GT(forward_steps, 1000);
  EXPECT_GT(done, 0);
}

}  // namespace
}  // namespace stride::care
