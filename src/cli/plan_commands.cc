// SPDX-License-Identifier: MIT
// `stride plan new|show|adapt|history|export`: make the training plan, read it as a calendar in the
// runner's units, adapt it to what was run (and to sick days), list its versions, and export it
// (iCalendar, FIT workouts for a watch, workout text).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/fit_workout_export.h"
#include "app/plan.h"
#include "cli/commands.h"
#include "formats/ics/ics_writer.h"
#include "plan/workout_text.h"
#include "views/json_output.h"

namespace stride::cli {
namespace {

struct PlanOptions {
  std::optional<std::string> race_date;
  std::optional<std::string> race_distance;
  std::optional<std::string> goal;
  std::optional<std::string> start;
  std::optional<int> week;
  std::optional<std::string> ics;
  std::optional<std::string> fit_dir;
  std::optional<std::string> from;
  std::vector<std::string> sick;
  bool text = false;
};

Result<core::Date> ParseDateOption(const std::string& text, const char* option) {
  auto d = core::ParseDate(text);
  if (!d) return Fail(d.error().code, d.error().message, option);
  return d;
}

// --goal: "finish" (nullopt) or a finishing time H:MM:SS.
Result<std::optional<double>> ParseGoal(const std::string& text) {
  if (text == "finish") return std::optional<double>();
  auto s = core::ParseDuration(text);
  if (!s) return Fail(core::ErrorCode::kInvalidArgument, "expected 'finish' or a time like 4:30:00, got '" + text + "'", "--goal");
  return std::optional<double>(*s);
}

std::string PaceRangeText(const plan::PaceRange& p, core::UnitSystem u) {
  std::string fast = core::FormatPace(core::Pace::SecondsPerKm(p.fast_s_per_km), u);
  if (p.fast_s_per_km == p.slow_s_per_km) return fast;
  fast = fast.substr(0, fast.find('/'));
  return fast + "-" + core::FormatPace(core::Pace::SecondsPerKm(p.slow_s_per_km), u);
}

// The distinct pace targets of a session's work steps, e.g. "5:05-5:15/km".
std::string SessionPaces(const plan::Session& s, core::UnitSystem u) {
  std::vector<std::string> out;
  auto add = [&](const plan::Step& st) {
    if (st.type != plan::StepType::kWork || !st.pace) return;
    std::string text = PaceRangeText(*st.pace, u);
    if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
  };
  for (const plan::Step& st : s.steps) {
    add(st);
    for (const plan::Step& c : st.steps) add(c);
  }
  std::string joined;
  for (const std::string& t : out) joined += (joined.empty() ? "" : ", ") + t;
  return joined;
}

std::string Dist(double m, core::UnitSystem u) { return core::FormatDistance(core::Distance::Metres(m), u, 1); }

void PrintHeader(const app::PlanView& v) {
  const plan::Plan& p = v.version.plan;
  std::cout << fmt::format("Plan v{} ({}): {} on {}, goal {}\n", v.version.version, v.version.reason,
                           Dist(p.race_distance_m, v.units), core::FormatDate(p.race_date),
                           p.goal_time_s ? core::FormatDuration(*p.goal_time_s) : "to finish");
  std::cout << fmt::format("{} weeks from {}; training paces from VDOT {:.1f}\n", p.weeks.size(),
                           core::FormatDate(p.start), p.paces.vdot);
  if (!p.feasible) {
    std::cout << "NOT FEASIBLE: the race is too close for a safe build.";
    if (p.earliest_feasible_race_date) {
      std::cout << " Earliest safe race date: " << core::FormatDate(*p.earliest_feasible_race_date) << ".";
    }
    std::cout << "\n";
  }
  for (const std::string& w : p.warnings) std::cout << "warning: " << w << "\n";
  std::cout << "\n";
}

void PrintWeek(const plan::PlanWeek& w, const app::PlanView& v) {
  double done = 0;
  for (const plan::PlanDay& d : w.days) done += v.done_m.contains(d.date) ? v.done_m.at(d.date) : 0;
  std::cout << fmt::format("Week {:>2}  {:<6} from {}  planned {}", w.index + 1, plan::PhaseName(w.phase),
                           core::FormatDate(w.start), Dist(w.planned_distance_m, v.units));
  if (!v.done_m.empty() && w.start <= v.as_of) std::cout << fmt::format(", done {}", Dist(done, v.units));
  std::cout << "\n";
  for (const plan::PlanDay& d : w.days) {
    for (size_t i = 0; i < d.sessions.size(); ++i) {
      const plan::Session& s = d.sessions[i];
      std::string day = i == 0 ? fmt::format("{} {}", core::WeekdayName(d.date.weekday()), core::FormatDate(d.date).substr(5)) : "";
      std::string paces = SessionPaces(s, v.units);
      std::cout << fmt::format("  {:<9} {}{}\n", day, s.title.empty() ? plan::SessionKindName(s.kind) : s.title,
                               paces.empty() ? "" : "  @ " + paces);
    }
  }
}

int RunShowLike(Result<app::PlanView> view, const PlanOptions& o, const Globals& g) {
  if (!view) return ReportError(view.error());
  if (g.json) {
    PrintJson(views::PlanJson(*view));
    return kExitOk;
  }
  PrintHeader(*view);
  const auto& weeks = view->version.plan.weeks;
  if (o.week && (*o.week < 1 || *o.week > static_cast<int>(weeks.size()))) {
    return ReportError({core::ErrorCode::kInvalidArgument, fmt::format("the plan has weeks 1-{}", weeks.size()), "--week"});
  }
  for (const plan::PlanWeek& w : weeks) {
    if (!o.week || w.index + 1 == *o.week) PrintWeek(w, *view);
  }
  return kExitOk;
}

int RunNew(const PlanOptions& o, const Globals& g) {
  app::NewPlanOptions n;
  auto race_date = ParseDateOption(o.race_date.value_or(""), "--race-date");
  if (!race_date) return ReportError(race_date.error());
  n.race_date = *race_date;
  if (o.race_distance) {
    auto d = core::ParseDistance(*o.race_distance);
    if (!d) return ReportError({d.error().code, d.error().message, "--race-distance"});
    n.race_distance_m = d->metres();
  }
  if (o.goal) {
    auto goal = ParseGoal(*o.goal);
    if (!goal) return ReportError(goal.error());
    n.goal_time_s = *goal;
  }
  if (o.start) {
    auto start = ParseDateOption(*o.start, "--start");
    if (!start) return ReportError(start.error());
    n.start = *start;
  }
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  return RunShowLike(app::NewPlan(*db, n, *today), o, g);
}

int RunShow(const PlanOptions& o, const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  return RunShowLike(app::ShowPlan(*db, *today), o, g);
}

// --sick FROM[:TO]: one day, or the days from FROM to TO.
Result<app::SickSpell> ParseSick(const std::string& text) {
  const size_t colon = text.find(':');
  auto from = ParseDateOption(text.substr(0, colon), "--sick");
  if (!from) return Fail(from.error());
  auto to = colon == std::string::npos ? from : ParseDateOption(text.substr(colon + 1), "--sick");
  if (!to) return Fail(to.error());
  return app::SickSpell{*from, *to};
}

int RunAdapt(const PlanOptions& o, const Globals& g) {
  app::AdaptPlanOptions a;
  for (const std::string& sick : o.sick) {
    auto spell = ParseSick(sick);
    if (!spell) return ReportError(spell.error());
    a.sick.push_back(*spell);
  }
  if (o.race_date) {
    auto d = ParseDateOption(*o.race_date, "--race-date");
    if (!d) return ReportError(d.error());
    a.race_date = *d;
  }
  if (o.goal) {
    auto goal = ParseGoal(*o.goal);
    if (!goal) return ReportError(goal.error());
    a.goal = *goal;
  }
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto view = app::AdaptPlan(*db, a, *today);
  if (view && !g.json) std::cout << "Adapted: " << view->version.reason << "\n\n";
  return RunShowLike(std::move(view), o, g);
}

int RunHistory(const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto list = app::PlanHistory(*db);
  if (!list) return ReportError(list.error());
  if (g.json) {
    PrintJson(views::PlanHistoryJson(*list));
    return kExitOk;
  }
  if (list->empty()) std::cout << "no plan yet; make one with: stride plan new --race-date YYYY-MM-DD\n";
  for (const store::PlanVersionSummary& s : *list) {
    std::cout << fmt::format("v{}  {}  race {}  {}\n", s.version, core::FormatDate(s.created_on),
                             core::FormatDate(s.race_date), s.reason);
  }
  return kExitOk;
}

// One all-day event per non-rest session; the UID depends only on the race date, the day and the
// session's place in the day, so a re-export updates the same events.
ics::Calendar BuildCalendar(const app::PlanView& v) {
  const plan::Plan& p = v.version.plan;
  ics::Calendar cal;
  cal.name = fmt::format("Stride: {} on {}", Dist(p.race_distance_m, v.units), core::FormatDate(p.race_date));
  cal.stamp = core::StartOfDay(v.version.created_on);
  for (const plan::PlanWeek& w : p.weeks) {
    for (const plan::PlanDay& d : w.days) {
      int n = 0;
      for (const plan::Session& s : d.sessions) {
        if (s.kind == plan::SessionKind::kRest) continue;
        ics::Event e;
        e.uid = fmt::format("stride-{}-{}-{}@stride.local", core::FormatDate(p.race_date), core::FormatDate(d.date), n++);
        e.date = d.date;
        e.summary = s.title.empty() ? plan::SessionKindName(s.kind) : s.title;
        std::string text = plan::IntervalsIcuText(s, v.units);
        e.description = text.empty() ? s.description : text + "\n\n" + s.description;
        e.sequence = v.version.version;
        e.categories = {plan::SessionKindName(s.kind), plan::PhaseName(w.phase)};
        cal.events.push_back(std::move(e));
      }
    }
  }
  return cal;
}

void PrintWorkoutText(const app::PlanView& v, std::optional<core::Date> from) {
  for (const plan::PlanWeek& w : v.version.plan.weeks) {
    for (const plan::PlanDay& d : w.days) {
      if (from && d.date < *from) continue;
      for (const plan::Session& s : d.sessions) {
        std::string text = plan::IntervalsIcuText(s, v.units);
        if (text.empty()) continue;
        std::cout << core::FormatDate(d.date) << " " << s.title << "\n" << text << "\n\n";
      }
    }
  }
}

int ExportFit(const app::PlanView& v, const std::string& dir, core::Date from, const Globals& g) {
  auto exported = app::ExportFitWorkouts(v, dir, from);
  if (!exported) return ReportError(exported.error());
  const std::vector<app::FitWorkoutFile>& files = exported->written;
  if (g.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const app::FitWorkoutFile& f : files) {
      list.push_back({{"file", f.name}, {"date", core::FormatDate(f.date)},
                      {"kind", plan::SessionKindName(f.session->kind)}, {"title", f.session->title}});
    }
    PrintJson({{"directory", dir}, {"from", core::FormatDate(from)}, {"count", files.size()}, {"files", list},
               {"removed", exported->removed}});
  }
  if (files.empty()) {
    std::cerr << fmt::format("no run sessions from {} on: nothing written to {}\n", core::FormatDate(from), dir);
  } else {
    std::cerr << fmt::format("wrote {} FIT workouts ({} to {}) to {}\n", files.size(),
                             core::FormatDate(files.front().date), core::FormatDate(files.back().date), dir);
  }
  if (!exported->removed.empty()) {
    std::cerr << fmt::format("removed {} workouts of an earlier export that the plan no longer holds\n",
                             exported->removed.size());
  }
  return kExitOk;
}

int RunExport(const PlanOptions& o, const Globals& g) {
  if (!o.ics && !o.fit_dir && !o.text) {
    return ReportError({core::ErrorCode::kInvalidArgument, "choose --ics FILE, --fit-workouts DIR or --text", "export"});
  }
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  std::optional<core::Date> from;
  if (o.from) {
    auto d = ParseDateOption(*o.from, "--from");
    if (!d) return ReportError(d.error());
    from = *d;
  }
  auto view = app::ShowPlan(*db, *today);
  if (!view) return ReportError(view.error());
  if (o.fit_dir) {
    if (int rc = ExportFit(*view, *o.fit_dir, from.value_or(*today), g); rc != kExitOk) return rc;
  }
  if (o.ics) {
    ics::Calendar cal = BuildCalendar(*view);
    std::ofstream out(*o.ics, std::ios::binary);
    out << ics::WriteCalendar(cal);
    if (!out) return ReportError({core::ErrorCode::kIoError, "cannot write " + *o.ics, "--ics"});
    std::cerr << fmt::format("wrote {} events to {}\n", cal.events.size(), *o.ics);
  }
  if (o.text) PrintWorkoutText(*view, from);
  return kExitOk;
}

void AddNew(CLI::App* cmd, const std::shared_ptr<PlanOptions>& o, Runner& runner) {
  CLI::App* sub = cmd->add_subcommand("new", "make a new plan from your profile and recent running");
  sub->fallthrough();
  sub->add_option("--race-date", o->race_date, "race day")->type_name("YYYY-MM-DD")->required();
  sub->add_option("--race-distance", o->race_distance, "marathon (default), half, or a distance like 30km")
      ->type_name("DIST");
  sub->add_option("--goal", o->goal, "finish (default) or a finishing time H:MM:SS")->type_name("GOAL");
  sub->add_option("--start", o->start, "first day of the plan (default: today, i.e. --date)")->type_name("YYYY-MM-DD");
  SetExamples(sub, "  stride plan new --race-date 2027-04-11 --goal 4:30:00\n"
                   "  stride plan new --race-date 2027-04-11 --race-distance half --start 2026-12-01 --json\n"
                   "Note: --date is the global 'today'; the plan's first day is --start.\n");
  sub->callback([o, &runner] { runner = [o](const Globals& gl) { return RunNew(*o, gl); }; });
}

void AddShowAdapt(CLI::App* cmd, const std::shared_ptr<PlanOptions>& o, Runner& runner) {
  CLI::App* show = cmd->add_subcommand("show", "the latest plan as a calendar of weeks, with what you ran");
  show->fallthrough();
  show->add_option("--week", o->week, "only this week (1-based)")->type_name("N");
  SetExamples(show, "  stride plan show\n  stride plan show --week 6\n  stride plan show --json\n");
  show->callback([o, &runner] { runner = [o](const Globals& gl) { return RunShow(*o, gl); }; });

  CLI::App* adapt = cmd->add_subcommand("adapt", "re-plan from --date using what you actually ran");
  adapt->fallthrough();
  adapt->add_option("--race-date", o->race_date, "a new race date")->type_name("YYYY-MM-DD");
  adapt->add_option("--goal", o->goal, "a new goal: finish or H:MM:SS")->type_name("GOAL");
  adapt->add_option("--sick", o->sick, "days you were ill (repeatable): no running, then an easy return")
      ->type_name("FROM[:TO]");
  SetExamples(adapt, "  stride plan adapt\n  stride plan adapt --date 2026-12-15 --goal finish\n"
                     "  stride plan adapt --sick 2027-01-10:2027-01-13\n");
  adapt->callback([o, &runner] { runner = [o](const Globals& gl) { return RunAdapt(*o, gl); }; });

  CLI::App* history = cmd->add_subcommand("history", "every plan version with the reason it was made");
  history->fallthrough();
  history->callback([&runner] { runner = [](const Globals& gl) { return RunHistory(gl); }; });
}

void AddExport(CLI::App* cmd, const std::shared_ptr<PlanOptions>& o, Runner& runner) {
  CLI::App* ex = cmd->add_subcommand("export", "export the plan to a calendar, a watch, or workout text");
  ex->fallthrough();
  ex->add_option("--ics", o->ics, "write an iCalendar file (re-export updates the same events)")->type_name("FILE");
  ex->add_option("--fit-workouts", o->fit_dir, "write one FIT workout per run session (created if missing)")
      ->type_name("DIR");
  ex->add_option("--from", o->from, "first day for --fit-workouts (default: today) and --text (default: all)")
      ->type_name("YYYY-MM-DD");
  ex->add_flag("--text", o->text, "print intervals.icu workout text");
  SetExamples(ex, "  stride plan export --ics plan.ics\n  stride plan export --text > workouts.txt\n"
                  "  stride plan export --fit-workouts /media/WATCH/GARMIN/NewFiles\n");
  ex->callback([o, &runner] { runner = [o](const Globals& gl) { return RunExport(*o, gl); }; });
}

}  // namespace

void AddPlanCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<PlanOptions>();
  CLI::App* cmd = root.add_subcommand("plan", "make, show, adapt and export your training plan");
  cmd->require_subcommand(1);
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  SetExamples(cmd, "  stride plan new --race-date 2027-04-11 --goal 4:30:00\n  stride plan show --week 1\n"
                   "  stride plan adapt\n  stride plan history\n  stride plan export --ics plan.ics\n");
  AddNew(cmd, o, runner);
  AddShowAdapt(cmd, o, runner);
  AddExport(cmd, o, runner);
}

}  // namespace stride::cli
