// SPDX-License-Identifier: MIT
// `stride athlete set|show`: the runner's profile.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/athlete.h"
#include "cli/commands.h"
#include "views/json_output.h"

namespace stride::cli {
namespace {

struct SetOptions {
  std::optional<std::string> name, sex, birth_year, hr_rest, hr_max, units, weekly_distance, longest_run, days,
      long_run_day, facilities, health;
  std::vector<std::string> races;
  bool clear_races = false;
};

// Wraps a parse error so that it names the option.
template <class T>
Result<T> Named(Result<T> r, const char* option) {
  if (!r) return Fail(r.error().code, r.error().message, option);
  return r;
}

Result<int> ParseIntOption(const std::string& text, const char* option, const char* what) {
  try {
    size_t used = 0;
    int value = std::stoi(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return Fail(core::ErrorCode::kInvalidArgument, fmt::format("{} '{}' is not a whole number", what, text), option);
}

// Turns the option strings into typed changes; the first bad value stops with an error naming its option.
Result<app::AthleteChanges> ParseChanges(const SetOptions& o, std::optional<core::UnitSystem> units_hint) {
  app::AthleteChanges c;
  c.name = o.name;
  if (o.sex) {
    auto v = Named(core::ParseSex(*o.sex), "--sex");
    if (!v) return Fail(v.error());
    c.sex = *v;
  }
  struct IntField {
    const std::optional<std::string>* text;
    std::optional<int>* out;
    const char* option;
    const char* what;
  };
  for (const IntField& f : {IntField{&o.birth_year, &c.birth_year, "--birth-year", "birth year"},
                            IntField{&o.hr_rest, &c.hr_rest_bpm, "--hr-rest", "resting heart rate"},
                            IntField{&o.hr_max, &c.hr_max_bpm, "--hr-max", "maximum heart rate"}}) {
    if (!*f.text) continue;
    auto v = ParseIntOption(**f.text, f.option, f.what);
    if (!v) return Fail(v.error());
    *f.out = *v;
  }
  if (o.units) {
    auto v = Named(core::ParseUnitSystem(*o.units), "--units");
    if (!v) return Fail(v.error());
    c.units = *v;
  }
  std::optional<core::UnitSystem> units = c.units ? c.units : units_hint;
  if (o.weekly_distance) {
    auto v = Named(core::ParseDistance(*o.weekly_distance, units), "--weekly-distance");
    if (!v) return Fail(v.error());
    c.weekly_distance_m = v->metres();
  }
  if (o.longest_run) {
    auto v = Named(core::ParseDistance(*o.longest_run, units), "--longest-run");
    if (!v) return Fail(v.error());
    c.longest_run_m = v->metres();
  }
  for (const std::string& r : o.races) {
    auto v = Named(core::ParseRaceResult(r), "--race");
    if (!v) return Fail(v.error());
    c.add_races.push_back(*v);
  }
  c.clear_races = o.clear_races;
  if (o.days) {
    std::vector<core::Weekday> days;
    for (const std::string& d : SplitList(*o.days)) {
      auto v = Named(core::ParseWeekday(d), "--days");
      if (!v) return Fail(v.error());
      days.push_back(*v);
    }
    if (days.empty()) return Fail(core::ErrorCode::kInvalidArgument, "give at least one training day, e.g. tue,thu,sun", "--days");
    c.training_days = days;
  }
  if (o.long_run_day) {
    auto v = Named(core::ParseWeekday(*o.long_run_day), "--long-run-day");
    if (!v) return Fail(v.error());
    c.long_run_day = *v;
  }
  if (o.facilities) {
    std::set<core::Facility> set;
    for (const std::string& f : SplitList(*o.facilities)) {
      if (f == "none") continue;
      auto v = Named(core::ParseFacility(f), "--facilities");
      if (!v) return Fail(v.error());
      set.insert(*v);
    }
    c.facilities = set;
  }
  if (o.health) {
    std::set<core::HealthFlag> set;
    for (const std::string& h : SplitList(*o.health)) {
      if (h == "none") continue;
      auto v = Named(core::ParseHealthFlag(h), "--health");
      if (!v) return Fail(v.error());
      set.insert(*v);
    }
    c.health = set;
  }
  return c;
}

template <class T, class NameFn>
std::string JoinOrNone(const T& values, NameFn name) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += name(v);
  }
  return out.empty() ? "none" : out;
}

void PrintAthlete(const core::Athlete& a) {
  auto row = [](const char* label, const std::string& value) { std::cout << fmt::format("  {:<16} {}\n", label, value); };
  std::string header = a.name.empty() ? "(no name)" : a.name;
  std::vector<std::string> bits;
  if (a.sex) bits.push_back(core::SexName(*a.sex));
  if (a.birth_year) bits.push_back(fmt::format("born {}", *a.birth_year));
  if (!bits.empty()) header += " (" + fmt::format("{}", fmt::join(bits, ", ")) + ")";
  std::cout << header << "\n";
  row("units", core::UnitName(a.units));
  std::string hr = "not set";
  if (a.hr_rest_bpm || a.hr_max_bpm) {
    hr = fmt::format("rest {}, max {}", a.hr_rest_bpm ? fmt::format("{} bpm", *a.hr_rest_bpm) : "?",
                     a.hr_max_bpm ? fmt::format("{} bpm", *a.hr_max_bpm) : "?");
  }
  row("heart rate", hr);
  row("weekly distance",
      a.weekly_distance_m ? core::FormatDistance(core::Distance::Metres(*a.weekly_distance_m), a.units, 1) : "not set");
  row("longest run", a.longest_run_m ? core::FormatDistance(core::Distance::Metres(*a.longest_run_m), a.units, 1) : "not set");
  std::string days = JoinOrNone(a.training_days, core::WeekdayName);
  if (a.long_run_day) days += fmt::format(" (long run {})", core::WeekdayName(*a.long_run_day));
  row("training days", days);
  row("facilities", JoinOrNone(a.facilities, core::FacilityName));
  row("health", JoinOrNone(a.health, core::HealthFlagName));
  if (a.races.empty()) row("races", "none");
  for (size_t i = 0; i < a.races.size(); ++i) row(i == 0 ? "races" : "", core::FormatRaceResult(a.races[i], a.units));
}

int RunSet(const SetOptions& o, const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto current = app::GetAthleteOrDefault(*db);
  if (!current) return ReportError(current.error());
  auto changes = ParseChanges(o, current->units);
  if (!changes) return ReportError(changes.error());
  auto athlete = app::UpdateAthlete(*db, *changes, *today);
  if (!athlete) return ReportError(athlete.error());
  if (g.json) {
    PrintJson(views::AthleteJson(*athlete));
  } else {
    std::cerr << "stride: profile saved\n";
    PrintAthlete(*athlete);
  }
  return kExitOk;
}

int RunShow(const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto athlete = app::GetAthlete(*db);
  if (!athlete) return ReportError(athlete.error());
  if (g.json) PrintJson(views::AthleteJson(*athlete));
  else PrintAthlete(*athlete);
  return kExitOk;
}

}  // namespace

void AddAthleteCommand(CLI::App& root, Globals& g, Runner& runner) {
  CLI::App* cmd = root.add_subcommand("athlete", "set or show the runner's profile");
  cmd->require_subcommand(1);
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);

  auto o = std::make_shared<SetOptions>();
  CLI::App* set = cmd->add_subcommand("set", "set profile fields; fields not given keep their value");
  set->fallthrough();
  set->add_option("--name", o->name, "the runner's name");
  set->add_option("--sex", o->sex, "female or male (sets the TRIMP weighting)");
  set->add_option("--birth-year", o->birth_year, "year of birth, e.g. 1992")->type_name("YEAR");
  set->add_option("--hr-rest", o->hr_rest, "resting heart rate, bpm (25-120)")->type_name("BPM");
  set->add_option("--hr-max", o->hr_max, "maximum heart rate, bpm (100-230)")->type_name("BPM");
  set->add_option("--units", o->units, "km or mi: how distances and paces are shown");
  set->add_option("--weekly-distance", o->weekly_distance, "current weekly running distance, e.g. 25km or 15mi")
      ->type_name("DIST");
  set->add_option("--longest-run", o->longest_run, "longest run in the last month, e.g. 12km")->type_name("DIST");
  set->add_option("--race", o->races, "a recent race result DIST=TIME[@DATE], e.g. 10k=52:30@2026-10-18 (repeatable)")
      ->type_name("DIST=TIME[@DATE]");
  set->add_flag("--clear-races", o->clear_races, "forget stored race results before adding --race ones");
  set->add_option("--days", o->days, "training days, e.g. tue,thu,sat,sun")->type_name("DAYS");
  set->add_option("--long-run-day", o->long_run_day, "day of the long run, one of the training days")->type_name("DAY");
  set->add_option("--facilities", o->facilities,
                  "what you have: foam-roller, textured-roller, sauna, plunge-pool, massage, gym (or none)")
      ->type_name("LIST");
  set->add_option("--health", o->health,
                  "flags that rule some recovery out: heart-condition, pregnancy, raynauds, hypertension, "
                  "low-blood-pressure, cold-urticaria, illness (or none)")
      ->type_name("LIST");
  SetExamples(set,
              "  stride athlete set --name Sam --sex female --birth-year 1992 --units km \\\n"
              "      --weekly-distance 25km --longest-run 12km --race 10k=52:30@2026-10-18 \\\n"
              "      --days tue,thu,sat,sun --long-run-day sun --facilities foam-roller,sauna,plunge-pool,gym\n"
              "  stride athlete set --hr-rest 52 --hr-max 188\n");
  set->callback([o, &runner] { runner = [o](const Globals& gl) { return RunSet(*o, gl); }; });

  CLI::App* show = cmd->add_subcommand("show", "show the profile");
  show->fallthrough();
  SetExamples(show, "  stride athlete show\n  stride athlete show --json\n");
  show->callback([&runner] { runner = [](const Globals& gl) { return RunShow(gl); }; });
}

}  // namespace stride::cli
