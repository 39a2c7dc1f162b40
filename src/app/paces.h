// SPDX-License-Identifier: MIT
// Use case: fitness (VDOT), race predictions and training paces from a race result.
#ifndef STRIDE_APP_PACES_H_
#define STRIDE_APP_PACES_H_

#include <optional>
#include <string>
#include <vector>

#include "analysis/vdot.h"
#include "core/athlete.h"
#include "core/result.h"

namespace stride::store {
class Database;
}

namespace stride::app {

struct RacePrediction {
  std::string key;  // "5k", "10k", "half", "marathon"
  double distance_m;
  double time_s;
};

struct PacesReport {
  core::RaceResult race;
  bool race_from_profile = false;
  double vdot = 0;
  std::vector<RacePrediction> predictions;
  analysis::TrainingPaces paces{};
  core::UnitSystem units = core::UnitSystem::kKilometres;
};

/// Paces from `race`, or from the athlete's most recent race when `race` is empty. Units follow the
/// profile (km when there is none). Fails with kNotFound when there is no race to use, and with
/// kInvalidArgument when the race is too short or implausible for the equations.
Result<PacesReport> ComputePaces(store::Database& db, const std::optional<core::RaceResult>& race);

/// The same from values alone (no database).
Result<PacesReport> PacesFromRace(const core::RaceResult& race, core::UnitSystem units);

}  // namespace stride::app

#endif  // STRIDE_APP_PACES_H_
