// SPDX-License-Identifier: MIT
// `stride today`: the day's sessions from the plan with warm-up, main set (paces in the runner's units),
// cool-down, mobility, strength, recovery and notes, each item with its dose, why and source.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/today.h"
#include "cli/commands.h"
#include "views/json_output.h"

namespace stride::cli {
namespace {

std::string DoseText(const care::Dose& d) {
  std::string out;
  if (d.seconds) out = fmt::format("{} s", *d.seconds);
  if (d.reps) out = fmt::format("{} reps", *d.reps);
  if (d.sets && *d.sets > 1) out = fmt::format("{} x {}", *d.sets, out);
  if (d.minutes) out = fmt::format("{:g} min", *d.minutes);
  if (d.temperature_c) out += fmt::format(" at {:g} °C", *d.temperature_c);
  if (d.per_side) out += " per side";
  return out;
}

void PrintItems(const char* title, const std::vector<care::Item>& items) {
  if (items.empty()) return;
  std::cout << title << "\n";
  for (const care::Item& i : items) {
    std::cout << fmt::format("  - {} ({})", i.name, DoseText(i.dose));
    if (!i.when.empty()) std::cout << " [" << i.when << "]";
    std::cout << "\n";
    if (!i.why.empty()) std::cout << fmt::format("      why: {} [{}]\n", i.why, i.source);
  }
}

std::string StepText(const plan::Step& s, core::UnitSystem u) {
  std::string amount = s.distance_m ? core::FormatDistance(core::Distance::Metres(*s.distance_m), u, 2)
                       : s.duration_s ? core::FormatDuration(*s.duration_s) : "";
  std::string target;
  if (s.pace) {
    target = " @ " + core::FormatPace(core::Pace::SecondsPerKm(s.pace->fast_s_per_km), u) + " to " +
             core::FormatPace(core::Pace::SecondsPerKm(s.pace->slow_s_per_km), u);
  }
  if (s.heart_rate) target = fmt::format(" @ {}-{} bpm", s.heart_rate->low_bpm, s.heart_rate->high_bpm);
  return fmt::format("{} {}{}", plan::StepTypeName(s.type), amount, target);
}

void PrintSteps(const plan::Session& s, core::UnitSystem u) {
  for (const plan::Step& st : s.steps) {
    if (st.type == plan::StepType::kRepeat) {
      std::cout << fmt::format("    {} x:\n", st.count);
      for (const plan::Step& c : st.steps) std::cout << "      " << StepText(c, u) << "\n";
    } else {
      std::cout << "    " << StepText(st, u) << "\n";
    }
  }
}

void PrintToday(const app::TodayReport& r) {
  const core::UnitSystem u = r.athlete.units;
  std::cout << fmt::format("{} {}", core::WeekdayLongName(r.date.weekday()), core::FormatDate(r.date));
  if (r.week_number) std::cout << fmt::format(", week {} ({})", *r.week_number, plan::PhaseName(*r.phase));
  if (r.days_to_race && *r.days_to_race >= 0) std::cout << fmt::format(", {} days to race", *r.days_to_race);
  std::cout << "\n\n";
  for (const plan::Session& s : r.sessions) {
    std::cout << (s.title.empty() ? plan::SessionKindName(s.kind) : s.title) << "\n";
    if (!s.description.empty()) std::cout << "  " << s.description << "\n";
    PrintSteps(s, u);
  }
  std::cout << "\n";
  PrintItems("Warm-up", r.prescription.warmup);
  PrintItems("Cool-down", r.prescription.cooldown);
  PrintItems("Mobility", r.prescription.mobility);
  PrintItems("Strength", r.prescription.strength);
  PrintItems("Recovery", r.prescription.recovery);
  if (!r.notes.empty() || !r.prescription.notes.empty()) std::cout << "Notes\n";
  for (const std::string& n : r.notes) std::cout << "  - " << n << "\n";
  for (const care::Note& n : r.prescription.notes) std::cout << fmt::format("  - {} [{}]\n", n.text, n.source);
  if (!r.tomorrow.empty()) {
    std::cout << "\nTomorrow:";
    for (const plan::Session& s : r.tomorrow) std::cout << " " << (s.title.empty() ? plan::SessionKindName(s.kind) : s.title) << ";";
    std::cout << "\n";
  }
}

int Run(const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputeToday(*db, *today);
  if (!report) return ReportError(report.error());
  if (g.json) PrintJson(views::TodayJson(*report));
  else PrintToday(*report);
  return kExitOk;
}

}  // namespace

void AddTodayCommand(CLI::App& root, Globals& g, Runner& runner) {
  CLI::App* cmd = root.add_subcommand("today", "the day in full: the run, warm-up, mobility, strength, recovery");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  SetExamples(cmd, "  stride today\n  stride today --date 2027-01-07\n  stride today --json\n");
  cmd->callback([&runner] { runner = [](const Globals& gl) { return Run(gl); }; });
}

}  // namespace stride::cli
