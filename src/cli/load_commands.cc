// SPDX-License-Identifier: MIT
// `stride load`, `stride fitness` and `stride status`: the numbers a runner and coach steer by.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "app/status.h"
#include "app/training_load.h"
#include "cli/commands.h"
#include "cli/terminal_chart.h"
#include "views/json_output.h"
#include "views/status_json.h"

namespace stride::cli {
namespace {

struct LoadOptions {
  std::optional<std::string> from;
};

std::string Fmt1(double v) { return std::isnan(v) ? "-" : fmt::format("{:.1f}", v); }
std::string Fmt2(double v) { return std::isnan(v) ? "-" : fmt::format("{:.2f}", v); }

void PrintFlags(const std::vector<analysis::Flag>& flags) {
  if (flags.empty()) {
    std::cout << "No flags.\n";
    return;
  }
  for (const auto& f : flags) {
    std::cout << fmt::format("  {} {:<8} {} [{}]\n", core::FormatDate(f.date), analysis::FlagLevelName(f.level), f.message,
                             f.source_id);
  }
}

void PrintLoad(const app::LoadReport& r) {
  const core::UnitSystem u = r.units;
  std::cout << fmt::format("Training load {} to {}\n\n", core::FormatDate(r.from), core::FormatDate(r.to));
  std::cout << fmt::format("{:<10}  {:>9}  {:>7}  {:>8}  {:>8}  {:>8}\n", "week of", "distance", "load", "monotony",
                           "strain", "complete");
  for (const auto& w : r.series.weeks) {
    std::cout << fmt::format("{:<10}  {:>9}  {:>7.0f}{} {:>8}  {:>8}  {:>8}\n", core::FormatDate(w.start),
                             core::FormatDistance(core::Distance::Metres(w.run_distance_m), u, 1), w.load,
                             w.load_estimated ? "*" : " ", Fmt2(w.monotony), Fmt1(w.strain), w.complete ? "yes" : "no");
  }
  if (!r.series.days.empty()) {
    const auto& d = r.series.days.back();
    std::cout << fmt::format("\nOn {}: fitness (CTL) {:.1f}, fatigue (ATL) {:.1f}, form (TSB) {:+.1f}, ACWR {}\n",
                             core::FormatDate(d.date), d.chronic_training_load, d.acute_training_load,
                             d.training_stress_balance, Fmt2(d.acwr));
  }
  if (!r.heart_rate_note.empty()) std::cout << "Note: " << r.heart_rate_note << "\n";
  std::cout << "* some loads estimated without heart rate (docs/metrics.md)\n\nFlags\n";
  PrintFlags(r.flags);
  std::cout << "\nACWR is shown for context only: high values are associated with injury in some studies, "
               "with serious doubts about the measure [impellizzeri-2021-acwr].\n";
}

Result<std::optional<core::Date>> ParseFrom(const LoadOptions& o) {
  if (!o.from) return std::optional<core::Date>();
  auto d = core::ParseDate(*o.from);
  if (!d) return Fail(d.error().code, d.error().message, "--from");
  return std::optional<core::Date>(*d);
}

int RunLoad(const LoadOptions& o, const Globals& g) {
  auto to = Today(g);
  if (!to) return ReportError(to.error());
  auto from = ParseFrom(o);
  if (!from) return ReportError(from.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputeLoadReport(*db, *to, *from);
  if (!report) return ReportError(report.error());
  if (g.json) PrintJson(views::LoadJson(*report));
  else PrintLoad(*report);
  return kExitOk;
}

void PrintFitness(const app::FitnessReport& r) {
  const auto& f = r.fitness;
  if (!f.current) {
    std::cout << "No fitness estimate yet: record a race (stride athlete set --race 10k=52:30@DATE), mark a race "
                 "(stride activity race ID), or import runs with GPS or distance.\n";
    return;
  }
  std::cout << fmt::format("Current VDOT {:.1f} ({} on {}{})\n", f.current->vdot, analysis::VdotSourceName(f.current->source),
                           core::FormatDate(f.current->date), f.current_is_stale ? ", older than 8 weeks" : "");
  if (!std::isnan(f.vdot_change_per_4_weeks)) {
    std::cout << fmt::format("Trend: {:+.1f} VDOT per 4 weeks\n", f.vdot_change_per_4_weeks);
  }
  std::cout << "\nPredictions\n";
  for (const auto& p : r.predictions) {
    std::cout << fmt::format("  {:<9} {:>8}  {}\n", p.key, core::FormatDuration(p.time_s),
                             core::FormatPace(core::Pace::SecondsPerKm(p.time_s / (p.distance_m / 1000)), r.units));
  }
  std::cout << "\nTrend (best estimate per 4 weeks)\n";
  for (const auto& b : f.trend) {
    std::cout << fmt::format("  {} to {}  {}\n", core::FormatDate(b.start), core::FormatDate(b.end), Fmt1(b.best_vdot));
  }
  std::cout << "\nHistory\n";
  for (const auto& e : f.history) {
    std::cout << fmt::format("  {}  {:>5.1f}  {:<13} {} in {}\n", core::FormatDate(e.date), e.vdot, analysis::VdotSourceName(e.source),
                             core::FormatDistance(core::Distance::Metres(e.distance_m), r.units), core::FormatDuration(e.time_s));
  }
}

int RunFitness(const Globals& g) {
  auto as_of = Today(g);
  if (!as_of) return ReportError(as_of.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputeFitnessReport(*db, *as_of);
  if (!report) return ReportError(report.error());
  if (g.json) PrintJson(views::FitnessJson(*report));
  else PrintFitness(*report);
  return kExitOk;
}

// This week of the plan: planned against done, day by day, in the runner's units.
void PrintPlanWeek(const app::StatusReport& r, core::Date date) {
  const core::UnitSystem u = r.load.units;
  auto km = [u](double m) { return core::FormatDistance(core::Distance::Metres(m), u, 1); };
  if (*r.days_to_race >= 0) {
    std::cout << fmt::format("Race on {} ({} days)\n", core::FormatDate(*r.race_date), *r.days_to_race);
  } else {
    std::cout << fmt::format("Race was on {}\n", core::FormatDate(*r.race_date));
  }
  if (!r.week) {
    std::cout << "Today is outside the plan's weeks.\n\n";
    return;
  }
  const app::WeekProgress& w = *r.week;
  std::cout << fmt::format("Plan week {} of {} ({}): done {} of {} planned so far, {} planned this week\n",
                           w.week_number, w.weeks_in_plan, plan::PhaseName(w.phase), km(w.done_m),
                           km(w.planned_to_date_m), km(w.planned_m));
  for (const app::DayProgress& d : w.days) {
    std::string planned;
    for (const std::string& t : d.planned) planned += (planned.empty() ? "" : " + ") + t;
    const std::string done = d.date > date ? "" : d.done_m > 0 ? "done " + km(d.done_m) : d.planned_m > 0 ? "missed" : "";
    std::cout << fmt::format("  {} {} {:<34} {}\n", d.date == date ? ">" : " ", core::FormatDate(d.date), planned, done);
  }
  std::cout << "\n";
}

// What Stride changed in the plan and why: the last few versions.
void PrintPlanChanges(const std::vector<store::PlanVersionSummary>& changes) {
  constexpr size_t kShown = 5;
  std::cout << "\nPlan changes (stride plan history for all)\n";
  const size_t first = changes.size() > kShown ? changes.size() - kShown : 0;
  for (size_t i = first; i < changes.size(); ++i) {
    std::cout << fmt::format("  v{} {}  {}\n", changes[i].version, core::FormatDate(changes[i].created_on),
                             changes[i].reason);
  }
}

// The last 12 weeks as distance bars and CTL/ATL sparklines.
void PrintWeeksChart(const app::LoadReport& r) {
  const core::UnitSystem u = r.units;
  std::vector<double> distances, ctl, atl;
  std::vector<std::string> labels;
  for (const auto& w : r.series.weeks) {
    distances.push_back(core::Distance::Metres(w.run_distance_m).In(u));
    labels.push_back(fmt::format("{:02}", w.start.day()));
    double c = core::kNaN, a = core::kNaN;
    for (const auto& d : r.series.days) {
      if (d.date >= w.start && d.date <= w.start.AddDays(6)) {
        c = d.chronic_training_load;
        a = d.acute_training_load;
      }
    }
    ctl.push_back(c);
    atl.push_back(a);
  }
  std::cout << fmt::format("Weekly running distance, last {} weeks (label: day of the week's Monday)\n", distances.size());
  std::cout << BarChart(distances, labels, 6, core::UnitName(u));
  double hi = 0;
  for (double v : ctl) hi = std::isnan(v) ? hi : std::max(hi, v);
  for (double v : atl) hi = std::isnan(v) ? hi : std::max(hi, v);
  std::cout << "  CTL  " << Sparkline(ctl, 0, hi) << "\n  ATL  " << Sparkline(atl, 0, hi) << "\n";
}

int RunStatus(const Globals& g) {
  auto to = Today(g);
  if (!to) return ReportError(to.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputeStatus(*db, *to);
  if (!report) return ReportError(report.error());
  if (g.json) {
    PrintJson(views::StatusJson(*report));
    return kExitOk;
  }
  const app::LoadReport& load = report->load;
  std::cout << fmt::format("Stride status on {}\n\n", core::FormatDate(*to));
  if (report->has_plan) PrintPlanWeek(*report, *to);
  else std::cout << "No plan yet: make one with 'stride plan new --race-date YYYY-MM-DD'.\n\n";
  if (load.series.days.empty()) {
    std::cout << "No activities yet: import some with 'stride import PATH'.\n";
  } else {
    const auto& today = load.series.days.back();
    const auto& week = load.series.weeks.back();
    std::cout << fmt::format("This week: {} run, load {:.0f}\n",
                             core::FormatDistance(core::Distance::Metres(week.run_distance_m), load.units, 1), week.load);
    std::cout << fmt::format("Fitness (CTL) {:.1f}   fatigue (ATL) {:.1f}   form (TSB) {:+.1f}   ACWR {}\n\n",
                             today.chronic_training_load, today.acute_training_load, today.training_stress_balance,
                             Fmt2(today.acwr));
    PrintWeeksChart(load);
    std::cout << "\nFlags\n";
    PrintFlags(load.flags);
  }
  if (!report->plan_changes.empty()) PrintPlanChanges(report->plan_changes);
  return kExitOk;
}

}  // namespace

void AddLoadCommands(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<LoadOptions>();
  CLI::App* load = root.add_subcommand("load", "training load: fitness, fatigue, form, ACWR, weekly volume and flags");
  load->fallthrough();
  AddGlobalOptions(*load, g);
  load->add_option("--from", o->from, "first day to show (default: 12 weeks before --date)")->type_name("DATE");
  SetExamples(load, "  stride load\n  stride load --date 2026-11-24 --from 2026-09-01 --json\n");
  load->callback([o, &runner] { runner = [o](const Globals& gl) { return RunLoad(*o, gl); }; });

  CLI::App* fitness = root.add_subcommand("fitness", "VDOT from races and best efforts, its trend, and race predictions");
  fitness->fallthrough();
  AddGlobalOptions(*fitness, g);
  SetExamples(fitness, "  stride fitness\n  stride fitness --json\n");
  fitness->callback([&runner] { runner = [](const Globals& gl) { return RunFitness(gl); }; });

  CLI::App* status = root.add_subcommand("status", "one screen: this week against the plan, fitness/fatigue/form, flags, 12-week chart, plan changes");
  status->fallthrough();
  AddGlobalOptions(*status, g);
  SetExamples(status, "  stride status\n  stride status --date 2026-06-14 --json\n");
  status->callback([&runner] { runner = [](const Globals& gl) { return RunStatus(gl); }; });
}

}  // namespace stride::cli
