// SPDX-License-Identifier: MIT
// `stride paces`: VDOT, race predictions and training paces from a race result.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/paces.h"
#include "cli/commands.h"
#include "views/json_output.h"

namespace stride::cli {
namespace {

struct PacesOptions {
  std::optional<std::string> race;
};

void PrintPaces(const app::PacesReport& r) {
  const core::UnitSystem u = r.units;
  std::cout << fmt::format("From {}{}: VDOT {:.1f}\n\n", core::FormatRaceResult(r.race, u),
                           r.race_from_profile ? " (your latest race)" : "", r.vdot);
  std::cout << "Race predictions (Daniels & Gilbert equations)\n";
  static constexpr struct {
    const char* key;
    const char* label;
  } kLabels[] = {{"5k", "5 km"}, {"10k", "10 km"}, {"half", "half marathon"}, {"marathon", "marathon"}};
  for (const auto& p : r.predictions) {
    const char* label = p.key.c_str();
    for (const auto& l : kLabels) {
      if (p.key == l.key) label = l.label;
    }
    std::cout << fmt::format("  {:<14} {:>8}   {}\n", label, core::FormatDuration(p.time_s),
                             core::FormatPace(core::Pace::SecondsPerKm(p.time_s / (p.distance_m / 1000)), u));
  }
  auto pace = [u](double s_per_km) { return core::FormatPace(core::Pace::SecondsPerKm(s_per_km), u); };
  std::cout << "\nTraining paces\n";
  std::cout << fmt::format("  {:<14} {} to {}\n", "easy", pace(r.paces.easy_slow_s_per_km), pace(r.paces.easy_fast_s_per_km));
  std::cout << fmt::format("  {:<14} {}\n", "marathon", pace(r.paces.marathon_s_per_km));
  std::cout << fmt::format("  {:<14} {}\n", "threshold", pace(r.paces.threshold_s_per_km));
  std::cout << fmt::format("  {:<14} {}\n", "interval", pace(r.paces.interval_s_per_km));
  std::cout << fmt::format("  {:<14} {} ({} per 400 m)\n", "repetition", pace(r.paces.repetition_s_per_km),
                           core::FormatDuration(r.paces.repetition_s_per_400m));
  std::cout << "\nSource: SCIENCE.md A1-A3 [daniels-gilbert-1979] [daniels-2014-formula]\n";
}

int Run(const PacesOptions& o, const Globals& g) {
  std::optional<core::RaceResult> race;
  if (o.race) {
    auto parsed = core::ParseRaceResult(*o.race);
    if (!parsed) return ReportError({parsed.error().code, parsed.error().message, "--race"});
    race = *parsed;
  }
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputePaces(*db, race);
  if (!report) return ReportError(report.error());
  if (g.json) PrintJson(views::PacesJson(*report));
  else PrintPaces(*report);
  return kExitOk;
}

}  // namespace

void AddPacesCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<PacesOptions>();
  CLI::App* cmd = root.add_subcommand("paces", "fitness (VDOT), race predictions and training paces");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  cmd->add_option("--race", o->race, "a race result DIST=TIME, e.g. 10k=41:21 (default: your latest stored race)")
      ->type_name("DIST=TIME");
  SetExamples(cmd, "  stride paces --race 10k=41:21\n  stride paces --race half=1:55:00 --json\n  stride paces\n");
  cmd->callback([o, &runner] { runner = [o](const Globals& gl) { return Run(*o, gl); }; });
}

}  // namespace stride::cli
