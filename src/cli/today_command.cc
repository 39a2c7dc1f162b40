// SPDX-License-Identifier: MIT
// `stride today`: the injury guard first when an injury is active, then the day's sessions with warm-up,
// main set (paces in the runner's units), cool-down, mobility, strength, rehab, recovery and notes, each
// item with its dose, when, why and source.
#include <fmt/format.h>

#include <algorithm>
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

std::string WhenText(const std::string& when) {
  std::string out = when;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

void PrintItem(const care::Item& i) {
  std::cout << fmt::format("  - {}", i.name);
  if (std::string dose = DoseText(i.dose); !dose.empty()) std::cout << " (" << dose << ")";
  if (!i.when.empty() && i.when != "any") std::cout << ", " << WhenText(i.when);
  std::cout << "\n";
  if (!i.why.empty()) {
    std::cout << fmt::format("      why: {} [{}, evidence {}]\n", i.why, i.source, care::EvidenceName(i.evidence));
  }
}

// One step: "run 8:00 at 4:50/km to 5:00/km"; the recoveries of a walk-run are walks.
std::string StepText(const plan::Step& s, core::UnitSystem u, bool walk_run) {
  std::string amount = s.distance_m ? core::FormatDistance(core::Distance::Metres(*s.distance_m), u, 2)
                       : s.duration_s ? core::FormatDuration(*s.duration_s) : "";
  std::string target;
  if (s.pace) {
    target = " at " + core::FormatPace(core::Pace::SecondsPerKm(s.pace->fast_s_per_km), u) + " to " +
             core::FormatPace(core::Pace::SecondsPerKm(s.pace->slow_s_per_km), u);
  }
  if (s.heart_rate) target = fmt::format(" at {}-{} bpm", s.heart_rate->low_bpm, s.heart_rate->high_bpm);
  const char* what = s.type == plan::StepType::kWork       ? "run"
                     : s.type != plan::StepType::kRecovery ? "easy running"
                     : walk_run                            ? "walk"
                                                           : "easy jog";
  return fmt::format("{} {}{}", what, amount, target);
}

// The steps of `sessions` that `in_part` selects, one line each (repeats with their children).
void PrintSteps(const std::vector<plan::Session>& sessions, bool (*in_part)(plan::StepType), core::UnitSystem u) {
  for (const plan::Session& s : sessions) {
    const bool walk_run = s.kind == plan::SessionKind::kWalkRun;
    for (const plan::Step& st : s.steps) {
      if (!in_part(st.type)) continue;
      if (st.type != plan::StepType::kRepeat) {
        std::cout << "  - " << StepText(st, u, walk_run) << "\n";
        continue;
      }
      std::cout << fmt::format("  - {} times:\n", st.count);
      for (const plan::Step& c : st.steps) std::cout << "      " << StepText(c, u, walk_run) << "\n";
    }
  }
}

bool IsWarmup(plan::StepType t) { return t == plan::StepType::kWarmup; }
bool IsCooldown(plan::StepType t) { return t == plan::StepType::kCooldown; }
bool IsMain(plan::StepType t) { return !IsWarmup(t) && !IsCooldown(t); }

bool AnyStep(const std::vector<plan::Session>& sessions, bool (*in_part)(plan::StepType)) {
  for (const plan::Session& s : sessions) {
    for (const plan::Step& st : s.steps) {
      if (in_part(st.type)) return true;
    }
  }
  return false;
}

// A part of the day: the plan's steps for it, then the care items.
void PrintPart(const char* title, const app::TodayReport& r, bool (*in_part)(plan::StepType),
               const std::vector<care::Item>& items) {
  const bool steps = in_part != nullptr && AnyStep(r.sessions, in_part);
  if (!steps && items.empty()) return;
  std::cout << "\n" << title << "\n";
  if (steps) PrintSteps(r.sessions, in_part, r.athlete.units);
  for (const care::Item& i : items) PrintItem(i);
}

std::string TitleOf(const plan::Session& s) { return s.title.empty() ? plan::SessionKindName(s.kind) : s.title; }

void PrintInjuries(const app::TodayReport& r) {
  const app::GuardedDay& g = r.injuries.guard;
  if (r.injuries.active.empty()) return;
  if (g.see_clinician) std::cout << "RED FLAG: no running and no training; see a clinician.\n";
  else if (g.stop_running) std::cout << "INJURY: no running today.\n";
  else std::cout << "INJURY: running again, step by step.\n";
  for (const app::InjuryRehab& a : r.injuries.active) {
    std::cout << fmt::format("  - {}: {} stage", care::InjurySiteName(a.injury.site), care::RehabStageName(a.state.stage));
    if (a.state.return_phase > 0) std::cout << fmt::format(", walk-run phase {}", a.state.return_phase);
    std::cout << "\n";
  }
  for (const std::string& reason : g.reasons) std::cout << "  - " << reason << "\n";
  for (const plan::Session& s : g.replaced) std::cout << fmt::format("  - the plan said: {} (not today)\n", TitleOf(s));
  std::cout << "  See `stride rehab` for the stage criteria.\n\n";
}

void PrintToday(const app::TodayReport& r) {
  std::cout << fmt::format("{} {}", core::WeekdayLongName(r.date.weekday()), core::FormatDate(r.date));
  if (r.week_number) std::cout << fmt::format(", week {} ({})", *r.week_number, plan::PhaseName(*r.phase));
  if (r.days_to_race && *r.days_to_race >= 0) std::cout << fmt::format(", {} days to race", *r.days_to_race);
  std::cout << "\n\n";
  PrintInjuries(r);
  for (const plan::Session& s : r.sessions) {
    std::cout << TitleOf(s) << "\n";
    if (!s.description.empty()) std::cout << "  " << s.description << "\n";
  }
  const care::DayPrescription& rx = r.prescription;
  PrintPart("Warm-up", r, IsWarmup, rx.warmup);
  PrintPart("Main set", r, IsMain, {});
  PrintPart("Cool-down", r, IsCooldown, rx.cooldown);
  PrintPart("Mobility", r, nullptr, rx.mobility);
  PrintPart("Strength", r, nullptr, rx.strength);
  PrintPart("Rehab", r, nullptr, rx.rehab);
  PrintPart("Recovery", r, nullptr, rx.recovery);
  if (!r.notes.empty() || !rx.notes.empty()) std::cout << "\nNotes\n";
  for (const std::string& n : r.notes) std::cout << "  - " << n << "\n";
  for (const care::Note& n : rx.notes) {
    std::cout << "  - " << n.text << (n.source.empty() ? "" : fmt::format(" [{}]", n.source)) << "\n";
  }
  if (!r.tomorrow.empty()) {
    std::cout << "\nTomorrow:";
    for (const plan::Session& s : r.tomorrow) std::cout << " " << TitleOf(s) << ";";
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
