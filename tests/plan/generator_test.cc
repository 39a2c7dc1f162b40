// SPDX-License-Identifier: MIT
// Example-based tests of the plan generator: Sam's plan from JOURNEY.md, an impossible race, a goal beyond
// the fitness shown, and the requests it must refuse.
#include "plan/generator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/vdot.h"
#include "plan/rules.h"
#include "plan/sessions.h"
#include "plan_checks.h"
#include "testing/status_matchers.h"

namespace stride::plan {
namespace {

using core::Date;
using core::Weekday;
using ::testing::Contains;
using ::testing::HasSubstr;

// Sam (JOURNEY.md): 25 km a week, longest run 12 km, 10k in 52:30, runs Tue/Thu/Sat/Sun with the long run on
// Sunday, a marathon 20 weeks away, ideally under 4:30.
PlanRequest SamRequest() {
  PlanRequest r;
  r.athlete.name = "Sam";
  r.athlete.training_days = {Weekday::kTuesday, Weekday::kThursday, Weekday::kSaturday, Weekday::kSunday};
  r.athlete.long_run_day = Weekday::kSunday;
  r.start = Date::FromYmd(2026, 12, 7);
  r.race_date = Date::FromYmd(2027, 4, 25);
  r.race_distance_m = core::kMarathonMetres;
  r.goal_time_s = 4.5 * 3600;
  r.current_weekly_m = 25000;
  r.longest_recent_run_m = 12000;
  r.vdot = *analysis::VdotFromPerformance(10000, 52 * 60 + 30);
  return r;
}

TEST(GeneratePlanTest, SamGetsTwentyWeeksInPhaseOrder) {
  auto plan = GeneratePlan(SamRequest());
  ASSERT_OK(plan);
  ASSERT_EQ(plan->weeks.size(), 20u) << DescribePlan(*plan);
  EXPECT_TRUE(plan->feasible) << DescribePlan(*plan);
  EXPECT_EQ(plan->weeks.front().phase, Phase::kBase);
  EXPECT_EQ(plan->weeks.back().phase, Phase::kRace);
  std::vector<Phase> seen;
  for (const PlanWeek& w : plan->weeks) {
    if (seen.empty() || seen.back() != w.phase) seen.push_back(w.phase);
  }
  EXPECT_EQ(seen, (std::vector<Phase>{Phase::kBase, Phase::kBuild, Phase::kPeak, Phase::kTaper, Phase::kRace}));
  const auto taper =
      std::count_if(plan->weeks.begin(), plan->weeks.end(), [](const PlanWeek& w) { return w.phase == Phase::kTaper; });
  EXPECT_GE(taper, 2);
  EXPECT_LE(taper, 3);
  EXPECT_THAT(CheckPlanRules(SamRequest(), *plan), ::testing::IsEmpty()) << DescribePlan(*plan);
}

TEST(GeneratePlanTest, TitlesGiveDistancesInTheRunnersUnits) {
  PlanRequest r = SamRequest();
  r.athlete.units = core::UnitSystem::kMiles;
  auto miles = GeneratePlan(r);
  ASSERT_OK(miles);
  auto km = GeneratePlan(SamRequest());
  ASSERT_OK(km);
  const Session& race_mi = miles->weeks.back().days.back().sessions.front();
  EXPECT_EQ(race_mi.title, "Race 26.2 mi");
  EXPECT_EQ(km->weeks.back().days.back().sessions.front().title, "Race 42.2 km");
  int runs = 0;
  for (const PlanWeek& w : miles->weeks) {
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) {
        if (!IsRun(s.kind) || s.kind == SessionKind::kTempo || s.kind == SessionKind::kIntervals) continue;
        ++runs;
        EXPECT_EQ(s.title.find(" km"), std::string::npos) << s.title;
        EXPECT_NE(s.title.find(" mi"), std::string::npos) << s.title;
      }
    }
  }
  EXPECT_GT(runs, 60);
  EXPECT_EQ(miles->weeks.size(), km->weeks.size());  // only the words change
}

TEST(GeneratePlanTest, SamRunsLongOnSundaysAndPeaksNearThirtyKm) {
  auto plan = GeneratePlan(SamRequest());
  ASSERT_OK(plan);
  int long_runs = 0;
  for (const PlanWeek& w : plan->weeks) {
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) {
        if (s.kind != SessionKind::kLong) continue;
        EXPECT_EQ(d.date.weekday(), Weekday::kSunday);
        ++long_runs;
      }
    }
  }
  EXPECT_GE(long_runs, 17);
  const std::vector<double> longs = LongRuns(*plan);
  const double peak = *std::max_element(longs.begin(), longs.end());
  EXPECT_GE(peak, 29000) << DescribePlan(*plan);
  EXPECT_LE(peak, 32000) << DescribePlan(*plan);
  EXPECT_LE(longs.front(), 13200);  // at most 110 % of her 12 km
}

TEST(GeneratePlanTest, SamsWeekHasRestTempoAndMarathonPaceWork) {
  auto plan = GeneratePlan(SamRequest());
  ASSERT_OK(plan);
  // Mondays (not a training day) are full rest days.
  for (const PlanWeek& w : plan->weeks) {
    EXPECT_EQ(w.days.front().date.weekday(), Weekday::kMonday);
    EXPECT_EQ(w.days.front().sessions.front().kind, SessionKind::kRest) << w.index;
  }
  bool tempo = false, marathon_pace = false;
  for (const PlanWeek& w : plan->weeks) {
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) {
        tempo = tempo || s.kind == SessionKind::kTempo;
        marathon_pace = marathon_pace || (s.kind == SessionKind::kLong && s.steps.size() == 3);
      }
    }
  }
  EXPECT_TRUE(tempo);
  EXPECT_TRUE(marathon_pace);
  // Race week ends with the race, not counted in the week's distance.
  const PlanDay& race_day = plan->weeks.back().days.back();
  EXPECT_EQ(race_day.date, SamRequest().race_date);
  EXPECT_EQ(race_day.sessions.front().kind, SessionKind::kRace);
  EXPECT_DOUBLE_EQ(race_day.sessions.front().distance_m, core::kMarathonMetres);
  EXPECT_LT(plan->weeks.back().planned_distance_m, core::kMarathonMetres);
}

// JOURNEY.md, "A normal Thursday in week 6": Sunday long run, Monday rest, and the week's tempo of 8 min cruise
// intervals at threshold with 2 min jogs on Thursday, mid-week and three or four days clear of each long run.
// Daniels' cap (threshold work <= 10 % of the week, rules.h) allows 2 reps in her 36 km week 6; the 3 x 8 min
// of the journey comes once her weeks pass 40 km.
TEST(GeneratePlanTest, SamsWeekSixHasTheThursdayTempoOfTheJourney) {
  auto plan = GeneratePlan(SamRequest());
  ASSERT_OK(plan);
  ASSERT_GE(plan->weeks.size(), 6u);
  const PlanWeek& week = plan->weeks[5];
  ASSERT_EQ(week.days.size(), 7u);
  auto kinds = [](const PlanDay& d) {
    std::vector<SessionKind> out;
    for (const Session& s : d.sessions) out.push_back(s.kind);
    return out;
  };
  EXPECT_THAT(kinds(week.days[0]), ::testing::ElementsAre(SessionKind::kRest)) << DescribePlan(*plan);
  EXPECT_THAT(kinds(week.days[3]), Contains(SessionKind::kTempo)) << DescribePlan(*plan);
  EXPECT_THAT(kinds(week.days[6]), Contains(SessionKind::kLong)) << DescribePlan(*plan);
  const Session& tempo = week.days[3].sessions.front();
  EXPECT_EQ(tempo.title, "Tempo 2 x 8 min");
  ASSERT_EQ(tempo.steps.size(), 3u);
  EXPECT_EQ(tempo.steps[0].type, StepType::kWarmup);
  EXPECT_EQ(tempo.steps[1].type, StepType::kRepeat);
  EXPECT_EQ(tempo.steps[2].type, StepType::kCooldown);
  bool three_by_eight = false;
  // Tempo only on Thursdays, never Tuesday (two days after the long run), across the whole plan.
  for (const PlanWeek& w : plan->weeks) {
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) {
        if (s.kind == SessionKind::kTempo) {
          EXPECT_EQ(d.date.weekday(), Weekday::kThursday) << DescribePlan(*plan);
        }
        three_by_eight = three_by_eight || s.title == "Tempo 3 x 8 min";
      }
    }
  }
  EXPECT_TRUE(three_by_eight) << DescribePlan(*plan);
}

TEST(GeneratePlanTest, SamsGoalIsWithinHerFitnessSoPacesFollowTheGoal) {
  auto plan = GeneratePlan(SamRequest());
  ASSERT_OK(plan);
  EXPECT_TRUE(plan->warnings.empty()) << plan->warnings.front();
  // 4:30:00 over 42.195 km is 6:24/km; the band is +-5 s around it.
  EXPECT_NEAR(plan->paces.marathon.mid_s_per_km(), 4.5 * 3600 / 42.195, 1.0);
}

TEST(GeneratePlanTest, ImpossibleMarathonIsNotFeasibleAndOffersOptions) {
  PlanRequest r = SamRequest();
  r.race_date = r.start.AddDays(5 * 7 - 1);
  r.current_weekly_m = 10000;
  r.longest_recent_run_m = 6000;
  r.goal_time_s.reset();
  auto plan = GeneratePlan(r);
  ASSERT_OK(plan);
  EXPECT_FALSE(plan->feasible);
  EXPECT_EQ(plan->weeks.size(), 5u);
  ASSERT_TRUE(plan->earliest_feasible_race_date.has_value());
  EXPECT_GT(*plan->earliest_feasible_race_date, r.race_date);
  std::string all;
  for (const std::string& w : plan->warnings) all += w + "\n";
  EXPECT_THAT(all, HasSubstr("too close for a safe build"));
  EXPECT_THAT(all, HasSubstr(core::FormatDate(*plan->earliest_feasible_race_date)));
  EXPECT_THAT(all, HasSubstr("half marathon"));
  EXPECT_THAT(all, HasSubstr("run-walk"));
  // Still a plan that keeps every rule.
  EXPECT_THAT(CheckPlanRules(r, *plan), ::testing::IsEmpty()) << DescribePlan(*plan);
  // The date offered really is feasible, and the week before it is not.
  r.race_date = *plan->earliest_feasible_race_date;
  auto later = GeneratePlan(r);
  ASSERT_OK(later);
  EXPECT_TRUE(later->feasible) << DescribePlan(*later);
  r.race_date = r.race_date.AddDays(-7);
  EXPECT_FALSE(GeneratePlan(r)->feasible);
}

TEST(GeneratePlanTest, GoalBeyondFitnessWarnsWithTheGapAndThePrediction) {
  PlanRequest r = SamRequest();
  r.goal_time_s = 3.5 * 3600;  // needs VDOT ~44.6; her 10k shows ~37.8
  auto plan = GeneratePlan(r);
  ASSERT_OK(plan);
  ASSERT_EQ(plan->warnings.size(), 1u);
  EXPECT_THAT(plan->warnings[0], HasSubstr("3:30:00"));
  EXPECT_THAT(plan->warnings[0], HasSubstr("VDOT 37.8"));
  EXPECT_THAT(plan->warnings[0], HasSubstr("predicts 4:00:"));
  EXPECT_THAT(plan->warnings[0], HasSubstr("6.8 points beyond"));
  EXPECT_NEAR(plan->paces.vdot, *r.vdot, 1e-9);  // paces stay at the current fitness
}

TEST(GeneratePlanTest, IsDeterministic) {
  auto a = GeneratePlan(SamRequest());
  auto b = GeneratePlan(SamRequest());
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(*a, *b);
}

TEST(GeneratePlanTest, RejectsNonsense) {
  PlanRequest r = SamRequest();
  r.race_date = r.start;
  EXPECT_EQ(GeneratePlan(r).error().code, core::ErrorCode::kInvalidArgument);
  r = SamRequest();
  r.athlete.training_days.clear();
  EXPECT_EQ(GeneratePlan(r).error().where, "training_days");
  r = SamRequest();
  r.athlete.long_run_day = Weekday::kMonday;
  EXPECT_EQ(GeneratePlan(r).error().where, "long_run_day");
  r = SamRequest();
  r.goal_time_s = 60 * 60;  // a 1-hour marathon
  EXPECT_EQ(GeneratePlan(r).error().where, "goal");
  r = SamRequest();
  r.current_weekly_m = 0;
  EXPECT_EQ(GeneratePlan(r).error().code, core::ErrorCode::kInvalidArgument);
  r = SamRequest();
  r.vdot = 5;
  EXPECT_EQ(GeneratePlan(r).error().where, "vdot");
}

TEST(GeneratePlanTest, TwoDaysForAMarathonIsAllowedButWarned) {
  PlanRequest r = SamRequest();
  r.athlete.training_days = {Weekday::kWednesday, Weekday::kSunday};
  auto plan = GeneratePlan(r);
  ASSERT_OK(plan);
  EXPECT_THAT(plan->warnings, Contains(HasSubstr("very little for a marathon")));
  EXPECT_THAT(CheckPlanRules(r, *plan), ::testing::IsEmpty()) << DescribePlan(*plan);
}

TEST(GeneratePlanTest, WithoutFitnessOrGoalPacesAssumeADefaultAndSaySo) {
  PlanRequest r = SamRequest();
  r.vdot.reset();
  r.goal_time_s.reset();
  auto plan = GeneratePlan(r);
  ASSERT_OK(plan);
  EXPECT_DOUBLE_EQ(plan->paces.vdot, kDefaultVdot);
  ASSERT_EQ(plan->warnings.size(), 1u);
  EXPECT_THAT(plan->warnings[0], HasSubstr("assume VDOT 30"));
}

TEST(GeneratePlanTest, UsesTheLatestRaceWhenNoVdotIsGiven) {
  PlanRequest r = SamRequest();
  r.vdot.reset();
  r.athlete.races.push_back(core::RaceResult{core::Distance::Km(10), 52 * 60 + 30, std::nullopt});
  r.goal_time_s = 3.5 * 3600;
  auto plan = GeneratePlan(r);
  ASSERT_OK(plan);
  EXPECT_NEAR(plan->paces.vdot, 37.8, 0.05);
}

}  // namespace
}  // namespace stride::plan

namespace stride::plan {
namespace {

// The property tests are only as good as the checker: it must see each kind of broken rule.
// Adjustments of an adapted plan (PlanAdjustments): ill days hold no run and no strength, the easy return
// holds no quality, strides or marathon-pace segment, and a reduced window plans less running; every other
// rule still holds.
TEST(GeneratePlanTest, IllnessWindowHasNoRunsAndTheReturnIsEasyAndReduced) {
  PlanRequest r = SamRequest();
  r.start = Date::FromYmd(2027, 1, 11);  // Sam's week 6, a Monday
  auto normal = GeneratePlan(r);
  ASSERT_OK(normal);
  r.adjustments.no_running_until = Date::FromYmd(2027, 1, 14);  // ill Monday to Wednesday
  r.adjustments.easy_until = Date::FromYmd(2027, 1, 21);
  r.adjustments.reduced_until = Date::FromYmd(2027, 1, 21);
  r.adjustments.reduced_volume_factor = 0.5;
  auto adapted = GeneratePlan(r);
  ASSERT_OK(adapted);
  for (const PlanWeek& w : adapted->weeks) {
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) {
        if (d.date < *r.adjustments.no_running_until) {
          EXPECT_EQ(s.kind, SessionKind::kRest) << core::FormatDate(d.date) << "\n" << DescribePlan(*adapted);
        }
        if (d.date < *r.adjustments.easy_until && IsRun(s.kind)) {
          EXPECT_THAT(s.kind, ::testing::AnyOf(SessionKind::kEasy, SessionKind::kRecovery, SessionKind::kLong));
          EXPECT_THAT(s.steps, ::testing::SizeIs(1)) << s.title;  // one easy step: no strides or MP segment
        }
      }
    }
  }
  EXPECT_LE(adapted->weeks[0].planned_distance_m, 0.5 * normal->weeks[0].planned_distance_m + 1)
      << DescribePlan(*adapted);
  EXPECT_LT(LongRuns(*adapted)[0], LongRuns(*normal)[0]);
  // After the return the plan resumes, within every rule.
  EXPECT_GT(adapted->weeks[2].planned_distance_m, adapted->weeks[0].planned_distance_m);
}

TEST(GeneratePlanTest, ReducedWeekKeepsEveryRule) {
  PlanRequest r = SamRequest();
  r.adjustments.reduced_until = r.start.AddDays(7);
  r.adjustments.reduced_volume_factor = kCutbackFactor;
  auto plan = GeneratePlan(r);
  ASSERT_OK(plan);
  auto normal = GeneratePlan(SamRequest());
  ASSERT_OK(normal);
  EXPECT_NEAR(plan->weeks[0].planned_distance_m, kCutbackFactor * normal->weeks[0].planned_distance_m, 500);
  EXPECT_THAT(CheckPlanRules(r, *plan), ::testing::IsEmpty()) << DescribePlan(*plan);
  r.adjustments.reduced_volume_factor = 0;
  EXPECT_EQ(GeneratePlan(r).error().code, core::ErrorCode::kInvalidArgument);
}

TEST(PlanChecksTest, CatchesBrokenRules) {
  const PlanRequest r = SamRequest();
  const Plan good = *GeneratePlan(r);
  ASSERT_THAT(CheckPlanRules(r, good), ::testing::IsEmpty());
  auto broken = [&](auto mutate) {
    Plan p = good;
    mutate(p);
    return CheckPlanRules(r, p);
  };
  // A long run 50 % longer than allowed (and a week above its cap).
  EXPECT_THAT(broken([](Plan& p) {
                Session& s = p.weeks[5].days[6].sessions[0];
                s.distance_m *= 1.5;
                p.weeks[5].planned_distance_m += s.distance_m / 3;
              }),
              Contains(HasSubstr("> 110 % of")));
  // Strength on the Saturday before the Sunday long run.
  EXPECT_THAT(broken([](Plan& p) { p.weeks[5].days[5].sessions.push_back(StrengthSession()); }),
              Contains(HasSubstr("strength before a key session")));
  // A tempo the day before the long run.
  EXPECT_THAT(broken([&](Plan& p) {
                p.weeks[9].days[5].sessions[0] = *TempoSession(4000, good.paces);
                p.weeks[9].planned_distance_m = 0;
              }),
              Contains(HasSubstr("two hard days in a row")));
  // A run on Monday, which is not a training day, and so no rest day that week.
  EXPECT_THAT(broken([&](Plan& p) { p.weeks[2].days[0].sessions[0] = EasyRun(3000, good.paces, core::UnitSystem::kKilometres); }),
              Contains(HasSubstr("non-training day")));
  // A quality session without its cool-down.
  EXPECT_THAT(broken([](Plan& p) {
                for (PlanDay& d : p.weeks[9].days) {
                  if (d.sessions[0].kind == SessionKind::kTempo) d.sessions[0].steps.pop_back();
                }
              }),
              Contains(HasSubstr("without warm-up and cool-down")));
  // No taper.
  EXPECT_THAT(broken([](Plan& p) {
                for (PlanWeek& w : p.weeks) {
                  if (w.phase == Phase::kTaper || w.phase == Phase::kRace) w.planned_distance_m *= 1.6;
                }
              }),
              Contains(HasSubstr("taper cuts")));
}

}  // namespace
}  // namespace stride::plan
