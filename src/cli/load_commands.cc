// SPDX-License-Identifier: MIT
// `stride load`, `stride fitness` and `stride status`: the numbers a runner and coach steer by.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "app/training_load.h"
#include "cli/commands.h"
#include "views/json_output.h"
#include "cli/terminal_chart.h"

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

int RunStatus(const Globals& g) {
  auto to = Today(g);
  if (!to) return ReportError(to.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputeLoadReport(*db, *to, std::nullopt);
  if (!report) return ReportError(report.error());
  if (g.json) {
    PrintJson(views::LoadJson(*report));
    return kExitOk;
  }
  const core::UnitSystem u = report->units;
  std::cout << fmt::format("Stride status on {}\n\n", core::FormatDate(*to));
  if (report->series.days.empty()) {
    std::cout << "No activities yet: import some with 'stride import PATH'.\n";
    return kExitOk;
  }
  const auto& today = report->series.days.back();
  const auto& week = report->series.weeks.back();
  std::cout << fmt::format("This week: {} run, load {:.0f}\n", core::FormatDistance(core::Distance::Metres(week.run_distance_m), u, 1),
                           week.load);
  std::cout << fmt::format("Fitness (CTL) {:.1f}   fatigue (ATL) {:.1f}   form (TSB) {:+.1f}   ACWR {}\n\n",
                           today.chronic_training_load, today.acute_training_load, today.training_stress_balance, Fmt2(today.acwr));
  std::vector<double> distances, ctl, atl;
  std::vector<std::string> labels;
  for (const auto& w : report->series.weeks) {
    distances.push_back(core::Distance::Metres(w.run_distance_m).In(u));
    labels.push_back(fmt::format("{:02}", w.start.day()));
    double c = core::kNaN, a = core::kNaN;
    for (const auto& d : report->series.days) {
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
  std::cout << "  CTL  " << Sparkline(ctl, 0, hi) << "\n  ATL  " << Sparkline(atl, 0, hi) << "\n\nFlags\n";
  PrintFlags(report->flags);
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

  CLI::App* status = root.add_subcommand("status", "one screen: this week, fitness/fatigue/form, flags, 12-week chart");
  status->fallthrough();
  AddGlobalOptions(*status, g);
  SetExamples(status, "  stride status\n");
  status->callback([&runner] { runner = [](const Globals& gl) { return RunStatus(gl); }; });
}

}  // namespace stride::cli
