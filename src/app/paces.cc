// SPDX-License-Identifier: MIT
#include "app/paces.h"

#include "app/athlete.h"
#include "core/units.h"

namespace stride::app {

Result<PacesReport> PacesFromRace(const core::RaceResult& race, core::UnitSystem units) {
  auto vdot = analysis::VdotFromPerformance(race.distance.metres(), race.time_s);
  if (!vdot) return Fail(vdot.error().code, vdot.error().message, "--race");
  PacesReport report;
  report.race = race;
  report.vdot = *vdot;
  report.units = units;
  static constexpr struct {
    const char* key;
    double metres;
  } kDistances[] = {{"5k", 5000}, {"10k", 10000}, {"half", core::kHalfMarathonMetres}, {"marathon", core::kMarathonMetres}};
  for (const auto& d : kDistances) {
    report.predictions.push_back({d.key, d.metres, analysis::PredictRaceTime(*vdot, d.metres)});
  }
  report.paces = analysis::PacesFromVdot(*vdot);
  return report;
}

Result<PacesReport> ComputePaces(store::Database& db, const std::optional<core::RaceResult>& race) {
  auto athlete = GetAthleteOrDefault(db);
  if (!athlete) return Fail(athlete.error());
  std::optional<core::RaceResult> used = race;
  bool from_profile = false;
  if (!used) {
    used = athlete->LatestRace();
    from_profile = true;
  }
  if (!used) {
    return Fail(core::ErrorCode::kNotFound,
                "no race to work from; give one with --race 10k=52:30, or store results with stride athlete set "
                "--race DIST=TIME[@DATE]");
  }
  auto report = PacesFromRace(*used, athlete->units);
  if (report) report->race_from_profile = from_profile;
  return report;
}

}  // namespace stride::app
