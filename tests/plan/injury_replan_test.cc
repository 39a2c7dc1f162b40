// SPDX-License-Identifier: MIT
// Tests of ReplanAroundInjury (plan/injury_replan.h): Sam's IT band (JOURNEY.md week 7) as an example, and
// property tests over generated athletes and return schedules: no running before the return or under a red
// flag, walk-run only in return weeks, the build after the return keeps every rule (plan_checks.h), the week
// grid is kept, and the same inputs give the same plan.
#include "plan/injury_replan.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "analysis/vdot.h"
#include "plan/rules.h"
#include "plan_checks.h"
#include "testing/status_matchers.h"

namespace stride::plan {
namespace {

using core::Date;
using core::Weekday;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

PlanRequest SamRequest() {
  PlanRequest r;
  r.athlete.training_days = {Weekday::kTuesday, Weekday::kThursday, Weekday::kSaturday, Weekday::kSunday};
  r.athlete.long_run_day = Weekday::kSunday;
  r.start = Date::FromYmd(2027, 1, 18);  // week 7 of her plan
  r.race_date = Date::FromYmd(2027, 4, 25);
  r.goal_time_s = 4.5 * 3600;
  r.current_weekly_m = 36000;
  r.longest_recent_run_m = 18000;
  r.vdot = *analysis::VdotFromPerformance(10000, 52 * 60 + 30);
  return r;
}

// A schedule shaped like care::ProjectRehab's: no running for `rest_days`, then walk-run sessions every other
// day with growing distances, full training `return_days` after running resumes.
ReturnSchedule Schedule(Date start, int rest_days, int return_days) {
  ReturnSchedule s;
  s.injury = "it-band (left)";
  s.running_resumes = start.AddDays(rest_days);
  s.full_training_resumes = s.running_resumes.AddDays(return_days);
  int n = 0;
  for (Date d = s.running_resumes; d < s.full_training_resumes; d = d.AddDays(2), ++n) {
    WalkRunSession w;
    w.date = d;
    w.title = fmt::format("Walk-run session {}", n + 1);
    w.description = "walk 2 min / run 3 min";
    w.walk_min = n < 10 ? 2 : 0;
    w.run_min = n < 10 ? 3 : 21;
    w.repeats = n < 10 ? 3 : 1;
    w.total_min = n < 10 ? 15 : 21;
    w.distance_m = std::min(3219.0, 1609.0 + 160.0 * n);
    s.sessions.push_back(w);
  }
  return s;
}

// Below this peak week the generator cannot keep its taper cut (see ExpectBuildKeepsEveryRule).
constexpr double kTinyBuildM = 10000;

std::map<Date, const PlanDay*> DaysOf(const Plan& p) {
  std::map<Date, const PlanDay*> out;
  for (const PlanWeek& w : p.weeks) {
    for (const PlanDay& d : w.days) out[d.date] = &d;
  }
  return out;
}

bool HasRun(const PlanDay& d) {
  return std::any_of(d.sessions.begin(), d.sessions.end(), [](const Session& s) { return IsRun(s.kind); });
}

// Every property of a re-planned plan; returns what is broken.
std::vector<std::string> CheckReplan(const PlanRequest& r, const ReturnSchedule& s, const Plan& p) {
  std::vector<std::string> out;
  Date expect = r.start;
  const int n = static_cast<int>(p.weeks.size());
  for (int k = 0; k < n; ++k) {
    const PlanWeek& w = p.weeks[k];
    if (w.index != k || w.days.empty() || w.days.size() > 7 || (k > 0 && w.days.size() != 7)) out.push_back("bad week");
    if (w.days.back().date != r.race_date.AddDays(-7 * (n - 1 - k))) out.push_back("week not on the race grid");
    for (const PlanDay& d : w.days) {
      if (d.date != expect) out.push_back("days not consecutive");
      expect = d.date.AddDays(1);
      for (const Session& ss : d.sessions) {
        if (ss.kind == SessionKind::kWalkRun && w.phase != Phase::kReturn) out.push_back("walk-run outside return");
      }
      const bool no_running = s.needs_clinician || d.date < s.running_resumes;
      if (no_running && HasRun(d)) out.push_back("a run on " + core::FormatDate(d.date));
      const bool returning = !s.needs_clinician && d.date >= s.running_resumes && d.date < s.full_training_resumes;
      for (const Session& ss : d.sessions) {
        if (returning && IsRun(ss.kind) && ss.kind != SessionKind::kWalkRun) out.push_back("a full run in return");
      }
    }
    if (w.days.back().date < s.running_resumes && w.phase != Phase::kRehab && !s.needs_clinician) {
      out.push_back("a week without running is not rehab");
    }
  }
  if (expect != r.race_date.AddDays(1)) out.push_back("the plan does not end on race day");
  if (s.needs_clinician && p.feasible) out.push_back("feasible under a red flag");
  // The spike rule across the injury: a build run is at most 110 % of the longest run of the 30 days
  // before it, counting the runs recorded before the injury, the walk-runs and the build's own runs.
  std::map<Date, double> runs;
  for (const auto& [date, metres] : s.running_before) {
    if (date < s.onset) runs[date] = metres;
  }
  for (const PlanWeek& w : p.weeks) {
    for (const PlanDay& d : w.days) {
      double longest = 0;
      for (auto it = runs.lower_bound(d.date.AddDays(-kSpikeWindowDays)); it != runs.end() && it->first < d.date; ++it) {
        longest = std::max(longest, it->second);
      }
      for (const Session& ss : d.sessions) {
        if (!IsRun(ss.kind) || ss.kind == SessionKind::kRace) continue;
        const bool build = !s.needs_clinician && d.date >= s.full_training_resumes && s.full_training_resumes > r.start;
        if (build && ss.distance_m > RunSpikeCap(std::max(longest, kMinRunM)) + 1e-6) {
          out.push_back(fmt::format("{:.1f} km on {} spikes over {:.1f} km", ss.distance_m / 1000,
                                    core::FormatDate(d.date), longest / 1000));
        }
        runs[d.date] = std::max(runs[d.date], ss.distance_m);
      }
    }
  }
  return out;
}

// The build after the return: GeneratePlan's, under every rule, and exactly what the plan holds from then on.
void ExpectBuildKeepsEveryRule(const PlanRequest& r, const ReturnSchedule& s, const Plan& p) {
  if (s.needs_clinician || s.full_training_resumes <= r.start || s.full_training_resumes >= r.race_date) return;
  const PlanRequest build_request = BuildRequestAfterReturn(r, s);
  auto build = GeneratePlan(build_request);
  ASSERT_OK(build);
  std::vector<std::string> broken = CheckPlanRules(build_request, *build);
  // Known generator limit, not the re-plan's: in a build whose biggest week is a few km, taper runs shorter
  // than kMinRunM are dropped, so the taper cuts more than 60 %. Such a build is never feasible.
  double peak_m = 0;
  for (const PlanWeek& w : build->weeks) {
    if (w.phase < Phase::kTaper) peak_m = std::max(peak_m, w.planned_distance_m);
  }
  if (peak_m < kTinyBuildM) {
    std::erase_if(broken, [](const std::string& b) { return b.starts_with("taper cuts"); });
    EXPECT_FALSE(build->feasible);
  }
  EXPECT_THAT(broken, IsEmpty()) << DescribePlan(*build);
  EXPECT_EQ(p.feasible, build->feasible);
  const auto days = DaysOf(p);
  for (const PlanWeek& w : build->weeks) {
    for (const PlanDay& d : w.days) {
      ASSERT_TRUE(days.contains(d.date));
      EXPECT_EQ(*days.at(d.date), d) << core::FormatDate(d.date);
    }
  }
}

TEST(ReplanAroundInjuryTest, SamsItBandGivesRehabThenReturnThenAReducedBuild) {
  const PlanRequest r = SamRequest();
  const ReturnSchedule s = Schedule(r.start, 10, 33);
  auto p = ReplanAroundInjury(r, s);
  ASSERT_OK(p);
  EXPECT_THAT(CheckReplan(r, s, *p), IsEmpty()) << DescribePlan(*p);
  EXPECT_EQ(p->weeks[0].phase, Phase::kRehab);
  EXPECT_EQ(p->weeks[1].phase, Phase::kReturn);
  EXPECT_EQ(p->weeks.back().days.back().sessions.front().kind, SessionKind::kRace);
  int walk_runs = 0;
  for (const auto& [date, day] : DaysOf(*p)) {
    for (const Session& ss : day->sessions) {
      if (ss.kind != SessionKind::kWalkRun) continue;
      ++walk_runs;
      ASSERT_EQ(ss.steps.size(), 1u);
      if (ss.steps[0].type == StepType::kRepeat) {
        EXPECT_EQ(ss.steps[0].count, 3);
        ASSERT_EQ(ss.steps[0].steps.size(), 2u);
        EXPECT_EQ(ss.steps[0].steps[0].duration_s, 120.0);  // walk 2 min
        EXPECT_EQ(ss.steps[0].steps[1].duration_s, 180.0);  // run 3 min
      }
    }
  }
  EXPECT_EQ(walk_runs, static_cast<int>(s.sessions.size()));
  ExpectBuildKeepsEveryRule(r, s, *p);
  const PlanRequest build = BuildRequestAfterReturn(r, s);
  EXPECT_EQ(build.start, s.full_training_resumes);
  EXPECT_DOUBLE_EQ(build.current_weekly_m, kReturnVolumeFactor * r.current_weekly_m);
  EXPECT_DOUBLE_EQ(build.longest_recent_run_m, 3219.0);
  ASSERT_FALSE(p->warnings.empty());
  EXPECT_THAT(p->warnings[0], HasSubstr("injury it-band (left): rehab until 2027-01-28"));
  EXPECT_THAT(p->warnings[1], HasSubstr("goal 4:30:00"));
}

TEST(ReplanAroundInjuryTest, ALateReturnMakesTheRaceInfeasibleWithALaterDate) {
  PlanRequest r = SamRequest();
  r.race_date = r.start.AddDays(7 * 8 - 1);
  const ReturnSchedule s = Schedule(r.start, 4, 33);
  auto p = ReplanAroundInjury(r, s);
  ASSERT_OK(p);
  EXPECT_FALSE(p->feasible);
  ASSERT_TRUE(p->earliest_feasible_race_date.has_value());
  EXPECT_GT(*p->earliest_feasible_race_date, r.race_date);
  std::string all;
  for (const std::string& w : p->warnings) all += w + "\n";
  EXPECT_THAT(all, HasSubstr("option: a later race"));
  EXPECT_THAT(all, HasSubstr("run-walk"));
  EXPECT_THAT(CheckReplan(r, s, *p), IsEmpty());
}

TEST(ReplanAroundInjuryTest, AReturnEndingAfterRaceDayHasNoRaceAndGivesALaterDate) {
  PlanRequest r = SamRequest();
  r.race_date = r.start.AddDays(20);
  const ReturnSchedule s = Schedule(r.start, 4, 33);
  auto p = ReplanAroundInjury(r, s);
  ASSERT_OK(p);
  EXPECT_FALSE(p->feasible);
  ASSERT_TRUE(p->earliest_feasible_race_date.has_value());
  EXPECT_GT(*p->earliest_feasible_race_date, s.full_training_resumes);
  EXPECT_THAT(p->warnings[1], HasSubstr("cannot be run safely"));
  for (const auto& [date, day] : DaysOf(*p)) {
    for (const Session& ss : day->sessions) EXPECT_NE(ss.kind, SessionKind::kRace);
  }
  EXPECT_THAT(CheckReplan(r, s, *p), IsEmpty());
}

TEST(ReplanAroundInjuryTest, ARedFlagMeansNoRunningAtAllAndSaysSeeAClinician) {
  const PlanRequest r = SamRequest();
  ReturnSchedule s;
  s.injury = "shin (right)";
  s.needs_clinician = true;
  auto p = ReplanAroundInjury(r, s);
  ASSERT_OK(p);
  EXPECT_FALSE(p->feasible);
  for (const PlanWeek& w : p->weeks) {
    EXPECT_EQ(w.phase, Phase::kRehab);
    EXPECT_EQ(w.planned_distance_m, 0);
  }
  ASSERT_EQ(p->warnings.size(), 2u);
  EXPECT_THAT(p->warnings[0], HasSubstr("see a clinician"));
  EXPECT_THAT(p->warnings[1], HasSubstr("re-made when a clinician clears the flag"));
  EXPECT_THAT(CheckReplan(r, s, *p), IsEmpty());
  EXPECT_EQ(DescribeReturn(s), "injury shin (right): red flag, no running until a clinician clears it");
}

TEST(ReplanAroundInjuryTest, AReturnAlreadyOverLeavesThePlanUnchanged) {
  const PlanRequest r = SamRequest();
  const ReturnSchedule s = Schedule(r.start.AddDays(-40), 4, 33);
  auto p = ReplanAroundInjury(r, s);
  auto plain = GeneratePlan(r);
  ASSERT_OK(p);
  ASSERT_OK(plain);
  EXPECT_EQ(*p, *plain);
}

TEST(ReplanAroundInjuryTest, RejectsFullTrainingBeforeRunning) {
  ReturnSchedule s = Schedule(SamRequest().start, 10, 10);
  s.full_training_resumes = s.running_resumes.AddDays(-1);
  auto p = ReplanAroundInjury(SamRequest(), s);
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code, core::ErrorCode::kInvalidArgument);
}

TEST(BuildRequestAfterReturnTest, RunsBeforeTheInjuryCountWhileInsideTheSpikeWindow) {
  const PlanRequest r = SamRequest();
  ReturnSchedule s = Schedule(r.start, 4, 21);  // full training 25 days after onset
  s.onset = r.start;
  s.running_before = {{r.start.AddDays(-1), 18000.0}, {r.start.AddDays(-8), 16000.0},
                      {r.start.AddDays(-6), 20000.0}};  // days -6 and -8 are over 30 days before full training
  const PlanRequest build = BuildRequestAfterReturn(r, s);
  EXPECT_DOUBLE_EQ(build.current_weekly_m, kReturnVolumeFactor * r.current_weekly_m);
  EXPECT_DOUBLE_EQ(build.longest_recent_run_m, 18000.0);
  // Each counts from its own day: the 18 km run of day -1 until day 28, then only the walk-runs.
  EXPECT_THAT(build.recent_runs, ::testing::Contains(DatedRun{r.start.AddDays(-1), 18000.0}));
  EXPECT_THAT(build.recent_runs, ::testing::Not(::testing::Contains(DatedRun{r.start.AddDays(-6), 20000.0})));
  EXPECT_THAT(build.recent_runs, ::testing::Not(::testing::Contains(DatedRun{r.start.AddDays(-8), 16000.0})));

  auto p = ReplanAroundInjury(r, s);
  ASSERT_OK(p);
  EXPECT_THAT(p->warnings[0], HasSubstr("18.0 km, run before the injury"));
  double first_build_run_m = 0;
  for (const auto& [date, day] : DaysOf(*p)) {
    if (date < s.full_training_resumes || first_build_run_m > 0) continue;
    for (const Session& ss : day->sessions) first_build_run_m = std::max(first_build_run_m, IsRun(ss.kind) ? ss.distance_m : 0);
  }
  EXPECT_LE(first_build_run_m, RunSpikeCap(18000.0));
  EXPECT_GT(first_build_run_m, RunSpikeCap(3219.0)) << "the run of the day before the injury should count";
}

TEST(BuildRequestAfterReturnTest, AfterALongBreakOnlyTheReturnsRunsCount) {
  const PlanRequest r = SamRequest();
  ReturnSchedule s = Schedule(r.start, 4, 33);  // full training 37 days after onset
  s.onset = r.start;
  s.running_before = {{r.start.AddDays(-1), 18000.0}};
  const PlanRequest build = BuildRequestAfterReturn(r, s);
  EXPECT_DOUBLE_EQ(build.current_weekly_m, kReturnVolumeFactor * r.current_weekly_m);
  EXPECT_DOUBLE_EQ(build.longest_recent_run_m, 3219.0);
  auto p = ReplanAroundInjury(r, s);
  ASSERT_OK(p);
  EXPECT_THAT(p->warnings[0], HasSubstr("3.2 km, the return's"));
}

class Factory {
 public:
  explicit Factory(uint32_t seed) : rng_(seed) {}
  PlanRequest Request() {
    PlanRequest r;
    std::vector<Weekday> all;
    for (int d = 0; d < 7; ++d) all.push_back(static_cast<Weekday>(d));
    std::shuffle(all.begin(), all.end(), rng_);
    all.resize(static_cast<size_t>(Int(3, 7)));
    std::sort(all.begin(), all.end());
    r.athlete.training_days = all;
    r.athlete.long_run_day = all[static_cast<size_t>(Int(0, static_cast<int>(all.size()) - 1))];
    r.start = Date::FromYmd(2026, 1, 1).AddDays(Int(0, 400));
    r.race_date = r.start.AddDays(Int(3 * 7, 30 * 7));
    r.race_distance_m = Int(0, 1) ? core::kMarathonMetres : core::kHalfMarathonMetres;
    // From 10 km a week, so that the reduced build starts inside the generator's tested range (>= 5 km).
    r.current_weekly_m = Real(10000, 100000);
    r.longest_recent_run_m = Real(3000, 35000);
    r.vdot = Real(25, 70);
    if (Int(0, 1)) r.goal_time_s = std::round(analysis::PredictRaceTime(*r.vdot, r.race_distance_m));
    return r;
  }
  ReturnSchedule Schedule(Date start) {
    if (Int(0, 9) == 0) {
      ReturnSchedule s;
      s.injury = "achilles";
      s.needs_clinician = true;
      return s;
    }
    const Date onset = start.AddDays(Int(-20, 5));
    ReturnSchedule s = plan::Schedule(onset, Int(0, 30), Int(0, 60));
    s.onset = onset;
    // Runs before the injury, some of them still inside the spike window when full training resumes.
    for (Date d = onset.AddDays(-kSpikeWindowDays); d < onset; d = d.AddDays(1)) {
      if (Int(0, 2) == 0) s.running_before[d] = Real(3000, 30000);
    }
    return s;
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  double Real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
  std::mt19937 rng_;
};

TEST(ReplanAroundInjuryPropertyTest, EveryReplanKeepsTheRehabAndBuildRules) {
  Factory factory(20270425);
  constexpr int kCases = 300;
  for (int i = 0; i < kCases && !::testing::Test::HasFailure(); ++i) {
    const PlanRequest r = factory.Request();
    const ReturnSchedule s = factory.Schedule(r.start);
    auto p = ReplanAroundInjury(r, s);
    ASSERT_OK(p);
    EXPECT_THAT(CheckReplan(r, s, *p), IsEmpty()) << "case " << i << "\n" << DescribePlan(*p);
    ExpectBuildKeepsEveryRule(r, s, *p);
    auto again = ReplanAroundInjury(r, s);
    ASSERT_OK(again);
    EXPECT_EQ(*p, *again) << "case " << i << ": not deterministic";
  }
}

}  // namespace
}  // namespace stride::plan
