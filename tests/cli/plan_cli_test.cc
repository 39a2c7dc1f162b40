// SPDX-License-Identifier: MIT
// `stride plan ...` end to end with Sam from JOURNEY.md: a new plan, its JSON, iCalendar export with stable
// UIDs, FIT workouts for the watch (checked by the Garmin SDK oracle when node_modules is installed),
// workout text, adaptation after importing runs and after sick days, history, and an infeasible race that
// still exits 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/date.h"
#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

void SetUpSam(const std::filesystem::path& db) {
  auto r = RunStride({"athlete", "set", "--name", "Sam", "--sex", "female", "--birth-year", "1992", "--units", "km",
                      "--weekly-distance", "25km", "--longest-run", "12km", "--race", "10k=52:30@2026-10-18",
                      "--days", "tue,thu,sat,sun", "--long-run-day", "sun", "--facilities",
                      "foam-roller,textured-roller,sauna,plunge-pool,gym", "--date", "2026-11-24"},
                     db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

json NewSamPlan(const std::filesystem::path& db, const std::string& goal) {
  auto r = RunStride({"plan", "new", "--race-date", "2027-04-11", "--goal", goal, "--date", "2026-11-24", "--json"}, db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::vector<std::string> Uids(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("UID:", 0) == 0) out.push_back(line);
  }
  return out;
}

TEST(PlanCliTest, NewPlanHasPhasesInOrderAndSundayLongRuns) {
  auto db = FreshTempDir("plan-new") / "s.db";
  SetUpSam(db);
  json j = NewSamPlan(db, "4:30:00");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["reason"], "new plan");
  EXPECT_TRUE(j["feasible"].get<bool>());
  EXPECT_EQ(j["race"]["date"], "2027-04-11");
  ASSERT_EQ(j["weeks"].size(), 20u);
  const std::vector<std::string> order = {"base", "build", "peak", "taper", "race"};
  size_t phase_at = 0;
  int long_runs = 0;
  for (const json& w : j["weeks"]) {
    std::string phase = w["phase"];
    while (phase_at < order.size() && order[phase_at] != phase) ++phase_at;
    ASSERT_LT(phase_at, order.size()) << "phase out of order: " << phase;
    for (const json& d : w["days"]) {
      auto date = core::ParseDate(d["date"].get<std::string>());
      ASSERT_TRUE(date.has_value());
      for (const json& s : d["sessions"]) {
        EXPECT_TRUE(s.contains("steps") && s.contains("mobility") && s.contains("recovery")) << s;
        if (s["kind"] != "long") continue;
        ++long_runs;
        EXPECT_EQ(date->weekday(), core::Weekday::kSunday) << d["date"];
        EXPECT_EQ(s["mobility"][0], "post-long-run");
      }
    }
  }
  EXPECT_EQ(order[phase_at], "race");
  EXPECT_GE(long_runs, 15);
  json shown = json::parse(RunStride({"plan", "show", "--json", "--date", "2026-11-24"}, db).out);
  EXPECT_EQ(shown["weeks"], j["weeks"]);
  auto text = RunStride({"plan", "show", "--week", "1", "--date", "2026-11-24"}, db);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("/km"), std::string::npos);
  EXPECT_NE(text.out.find("Long run"), std::string::npos);
}

TEST(PlanCliTest, GoalBeyondFitnessIsWarned) {
  auto db = FreshTempDir("plan-goal") / "s.db";
  SetUpSam(db);
  json j = NewSamPlan(db, "3:15:00");
  bool warned = false;
  for (const json& w : j["warnings"]) warned |= w.get<std::string>().find("goal") != std::string::npos;
  EXPECT_TRUE(warned) << j["warnings"];
}

TEST(PlanCliTest, IcsExportKeepsUidsStableAcrossExports) {
  auto dir = FreshTempDir("plan-ics");
  SetUpSam(dir / "s.db");
  NewSamPlan(dir / "s.db", "4:30:00");
  ASSERT_EQ(RunStride({"plan", "export", "--ics", (dir / "a.ics").string()}, dir / "s.db").exit_code, 0);
  ASSERT_EQ(RunStride({"plan", "export", "--ics", (dir / "b.ics").string()}, dir / "s.db").exit_code, 0);
  auto a = Uids(dir / "a.ics");
  EXPECT_GT(a.size(), 60u);
  EXPECT_EQ(a, Uids(dir / "b.ics"));
  EXPECT_EQ(a.front(), "UID:stride-2027-04-11-2026-11-24-0@stride.local\r");
  std::stringstream text;
  text << std::ifstream(dir / "a.ics").rdbuf();
  EXPECT_NE(text.str().find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(text.str().find("Pace"), std::string::npos);  // intervals.icu text in DESCRIPTION
}

TEST(PlanCliTest, AdaptAfterImportingRunsSavesVersionTwoWithAReason) {
  auto dir = FreshTempDir("plan-adapt");
  auto db = dir / "s.db";
  SetUpSam(db);
  NewSamPlan(db, "4:30:00");
  ASSERT_EQ(RunStride({"sample-data", (dir / "runs").string(), "--weeks", "8", "--date", "2026-11-24"}, db).exit_code, 0);
  ASSERT_EQ(RunStride({"import", (dir / "runs").string()}, db).exit_code, 0);
  auto r = RunStride({"plan", "adapt", "--date", "2026-12-15", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["version"], 2);
  std::string reason = j["reason"];
  EXPECT_NE(reason.find("long run of 2026-12-13 missed"), std::string::npos) << reason;
  EXPECT_NE(reason.find("re-planned from 2026-12-15"), std::string::npos) << reason;
  EXPECT_EQ(j["race"]["date"], "2027-04-11");
  EXPECT_EQ(j["weeks"][0]["start"], "2026-12-15");
  json history = json::parse(RunStride({"plan", "history", "--json"}, db).out);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["reason"], "new plan");
  EXPECT_EQ(history[1]["reason"], reason);
}

// The run sessions of a plan's JSON from `from` on (ISO dates compare as strings).
int RunSessionsFrom(const json& plan, const std::string& from) {
  static const std::vector<std::string> kNotRuns = {"rest", "strength", "cross"};
  int count = 0;
  for (const json& w : plan["weeks"]) {
    for (const json& d : w["days"]) {
      for (const json& s : d["sessions"]) {
        const bool run = std::find(kNotRuns.begin(), kNotRuns.end(), s["kind"]) == kNotRuns.end();
        count += run && d["date"].get<std::string>() >= from;
      }
    }
  }
  return count;
}

// Every file in `dir` but Stride's list of the workouts it wrote there.
std::vector<std::string> FitFiles(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename() != ".stride-workouts") out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Slurp(const std::filesystem::path& file) {
  std::stringstream text;
  text << std::ifstream(file, std::ios::binary).rdbuf();
  return text.str();
}

TEST(PlanCliTest, FitExportWritesOneWorkoutPerRunSessionNamedByDate) {
  auto dir = FreshTempDir("plan-fit");
  SetUpSam(dir / "s.db");
  json plan = NewSamPlan(dir / "s.db", "4:30:00");
  const auto watch = dir / "WATCH" / "GARMIN" / "NewFiles";  // created as needed
  auto r = RunStride({"plan", "export", "--fit-workouts", watch.string(), "--date", "2026-11-24", "--json"},
                     dir / "s.db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const int runs = RunSessionsFrom(plan, "2026-11-24");
  EXPECT_GT(runs, 60);
  const std::vector<std::string> files = FitFiles(watch);
  EXPECT_EQ(static_cast<int>(files.size()), runs);  // no temporary files left behind either
  EXPECT_NE(r.err.find("wrote " + std::to_string(runs) + " FIT workouts (2026-11-24 to 2027-04-11)"),
            std::string::npos) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["count"], runs);
  ASSERT_EQ(j["files"].size(), files.size());
  EXPECT_EQ(j["files"][0]["date"], "2026-11-24");
  EXPECT_EQ(j["files"].back()["file"], "2027-04-11-race-42.2km.fit");
  EXPECT_EQ(j["files"].back()["kind"], "race");
  for (const json& f : j["files"]) {
    const std::string name = f["file"];
    EXPECT_EQ(name.substr(0, 11), f["date"].get<std::string>() + "-") << name;
    EXPECT_TRUE(std::binary_search(files.begin(), files.end(), name)) << name;
    EXPECT_EQ(name.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz.-"), std::string::npos) << name;
  }
  EXPECT_TRUE(std::any_of(files.begin(), files.end(), [](const std::string& f) {
    return f.find("-tempo-2x8min.fit") != std::string::npos;
  }));
  // A re-export gives the same bytes (stable serial numbers), and --from leaves out the earlier days.
  const std::string first = Slurp(watch / files.front());
  auto later = dir / "later";
  ASSERT_EQ(RunStride({"plan", "export", "--fit-workouts", later.string(), "--from", "2027-03-01"}, dir / "s.db")
                .exit_code,
            0);
  EXPECT_EQ(static_cast<int>(FitFiles(later).size()), RunSessionsFrom(plan, "2027-03-01"));
  ASSERT_EQ(RunStride({"plan", "export", "--fit-workouts", watch.string(), "--date", "2026-11-24"}, dir / "s.db")
                .exit_code,
            0);
  EXPECT_EQ(Slurp(watch / files.front()), first);
  EXPECT_EQ(FitFiles(watch), files);
}

TEST(PlanCliTest, FitReExportRemovesWorkoutsThePlanNoLongerHoldsAndNothingElse) {
  auto dir = FreshTempDir("plan-fit-stale");
  const auto db = dir / "s.db";
  SetUpSam(db);
  NewSamPlan(db, "4:30:00");
  const auto watch = dir / "NewFiles";
  std::filesystem::create_directories(watch);
  std::ofstream(watch / "2027-01-12-my-own-workout.fit") << "not Stride's";
  ASSERT_EQ(RunStride({"plan", "export", "--fit-workouts", watch.string(), "--date", "2027-01-11"}, db).exit_code, 0);
  const std::vector<std::string> before = FitFiles(watch);
  // An IT band on 2027-01-11 takes the runs of the next weeks out of the plan.
  ASSERT_EQ(RunStride({"injury", "add", "--site", "it-band", "--pain", "4", "--date", "2027-01-11"}, db).exit_code, 0);
  auto r = RunStride({"plan", "export", "--fit-workouts", watch.string(), "--date", "2027-01-11", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_FALSE(j["removed"].empty());
  EXPECT_NE(r.err.find("removed " + std::to_string(j["removed"].size()) + " workouts of an earlier export"),
            std::string::npos)
      << r.err;
  const std::vector<std::string> after = FitFiles(watch);
  for (const json& gone : j["removed"]) {
    EXPECT_FALSE(std::binary_search(after.begin(), after.end(), gone.get<std::string>())) << gone;
    EXPECT_TRUE(std::binary_search(before.begin(), before.end(), gone.get<std::string>())) << gone;
  }
  EXPECT_TRUE(std::binary_search(after.begin(), after.end(), "2027-01-12-my-own-workout.fit"));
  // Every file left is this export's or the runner's own.
  EXPECT_EQ(after.size(), j["files"].size() + 1);
  // No easy run is left on the watch for the first week of protect.
  for (const std::string& f : after) {
    if (f.rfind("2027-01-1", 0) == 0 && f < "2027-01-15") {
      EXPECT_EQ(f, "2027-01-12-my-own-workout.fit");
    }
  }
}

TEST(PlanCliTest, FitExportErrorsExitOneWithAClearMessage) {
  auto dir = FreshTempDir("plan-fit-errors");
  SetUpSam(dir / "s.db");
  auto none = RunStride({"plan", "export", "--fit-workouts", (dir / "w").string()}, dir / "s.db");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("stride plan new"), std::string::npos) << none.err;
  NewSamPlan(dir / "s.db", "4:30:00");
  std::ofstream(dir / "a-file") << "not a folder";
  auto file = RunStride({"plan", "export", "--fit-workouts", (dir / "a-file").string()}, dir / "s.db");
  EXPECT_EQ(file.exit_code, 1);
  EXPECT_NE(file.err.find("--fit-workouts"), std::string::npos) << file.err;
  EXPECT_NE(file.err.find("a-file"), std::string::npos) << file.err;
}

// Every exported workout decodes without error in the official Garmin FIT SDK (the FitWorkoutOracle's
// script, run on the export folder). Skipped, saying why, when node or the npm package is missing.
TEST(PlanCliTest, EveryExportedFitWorkoutPassesTheGarminSdk) {
  if (!std::filesystem::exists("node_modules/@garmin/fitsdk") || std::system("node --version >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "needs node and node_modules/@garmin/fitsdk (run npm ci in the repository root)";
  }
  auto dir = FreshTempDir("plan-fit-oracle");
  SetUpSam(dir / "s.db");
  NewSamPlan(dir / "s.db", "4:30:00");
  auto out = dir / "fit";
  ASSERT_EQ(RunStride({"plan", "export", "--fit-workouts", out.string(), "--date", "2026-11-24"}, dir / "s.db")
                .exit_code,
            0);
  const size_t files = FitFiles(out).size();
  ASSERT_GT(files, 60u);
  const auto log = dir / "oracle.log";
  const std::string cmd = "node tests/conformance/fit_workout_oracle.mjs --dir '" + out.string() + "' >'" +
                          log.string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  const std::string text = Slurp(log);
  EXPECT_EQ(status, 0) << text;
  EXPECT_NE(text.find(std::to_string(files) + " passed, 0 failed"), std::string::npos) << text;
}

TEST(PlanCliTest, TextExportPrintsIntervalsIcuWorkouts) {
  auto dir = FreshTempDir("plan-text");
  SetUpSam(dir / "s.db");
  NewSamPlan(dir / "s.db", "4:30:00");
  auto r = RunStride({"plan", "export", "--text", "--from", "2027-03-29"}, dir / "s.db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("2027-03-28"), std::string::npos) << r.out;  // --from leaves out earlier days
  EXPECT_NE(r.out.find("2027-04-11 Race 42.2 km"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Warmup\n- 15m"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Main Set"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/km Pace"), std::string::npos) << r.out;
}

TEST(PlanCliTest, AdaptAbsorbsSickDaysWithAnEasyReturn) {
  auto dir = FreshTempDir("plan-sick");
  auto db = dir / "s.db";
  SetUpSam(db);
  NewSamPlan(db, "4:30:00");
  auto r = RunStride({"plan", "adapt", "--date", "2026-12-16", "--sick", "2026-12-14:2026-12-17", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  const std::string reason = j["reason"];
  EXPECT_NE(reason.find("ill 2026-12-14 to 2026-12-17 (4 days): no running until 2026-12-18, then an easy return "
                        "to 2026-12-21"),
            std::string::npos)
      << reason;
  for (const json& w : j["weeks"]) {
    for (const json& d : w["days"]) {
      const std::string date = d["date"];
      for (const json& s : d["sessions"]) {
        if (date < "2026-12-18") {
          EXPECT_EQ(s["kind"], "rest") << date;
        }
        if (date < "2026-12-22") {
          EXPECT_NE(s["kind"], "tempo") << date;
        }
      }
    }
  }
  auto one_day = RunStride({"plan", "adapt", "--date", "2026-12-16", "--sick", "2026-12-15"}, db);
  ASSERT_EQ(one_day.exit_code, 0) << one_day.err;
  EXPECT_NE(one_day.out.find("ill 2026-12-15 to 2026-12-15 (1 day)"), std::string::npos) << one_day.out;
  auto bad = RunStride({"plan", "adapt", "--date", "2026-12-16", "--sick", "2026-12-15:2026-12-01"}, db);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--sick"), std::string::npos) << bad.err;
}

TEST(PlanCliTest, ImpossibleRaceIsInfeasibleWithOptionsAndExitsZero) {
  auto db = FreshTempDir("plan-infeasible") / "s.db";
  ASSERT_EQ(RunStride({"athlete", "set", "--weekly-distance", "10km", "--longest-run", "5km", "--days",
                       "tue,thu,sat,sun", "--date", "2026-11-24"},
                      db)
                .exit_code,
            0);
  auto r = RunStride({"plan", "new", "--race-date", "2026-12-22", "--date", "2026-11-24", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_FALSE(j["feasible"].get<bool>());
  EXPECT_FALSE(j["earliest_feasible_race_date"].is_null());
  std::string all;
  for (const json& w : j["warnings"]) all += w.get<std::string>() + "\n";
  EXPECT_NE(all.find("option: a later race"), std::string::npos) << all;
}

TEST(PlanCliTest, ErrorsNameTheOptionOrCommand) {
  auto db = FreshTempDir("plan-errors") / "s.db";
  auto no_profile = RunStride({"plan", "new", "--race-date", "2027-04-11", "--date", "2026-11-24"}, db);
  EXPECT_EQ(no_profile.exit_code, 1);
  EXPECT_NE(no_profile.err.find("stride athlete set"), std::string::npos) << no_profile.err;
  SetUpSam(db);
  auto past = RunStride({"plan", "new", "--race-date", "2026-11-01", "--date", "2026-11-24"}, db);
  EXPECT_EQ(past.exit_code, 1);
  EXPECT_NE(past.err.find("--race-date"), std::string::npos) << past.err;
  auto goal = RunStride({"plan", "new", "--race-date", "2027-04-11", "--goal", "soon"}, db);
  EXPECT_NE(goal.err.find("--goal"), std::string::npos) << goal.err;
  auto none = RunStride({"plan", "show"}, db);
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("stride plan new"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace stride::testing
