// SPDX-License-Identifier: MIT
// Use cases for training load and fitness: the daily series (CTL/ATL/TSB, ACWR), weekly rows, flags, and
// VDOT history with predictions, computed from the stored activities. Activities are read one at a time
// with their samples, so memory stays bounded by the largest activity.
#ifndef STRIDE_APP_TRAINING_LOAD_H_
#define STRIDE_APP_TRAINING_LOAD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/fitness.h"
#include "analysis/flags.h"
#include "analysis/load.h"
#include "analysis/series.h"
#include "core/athlete.h"
#include "core/result.h"

namespace stride::store {
class Database;
}

namespace stride::app {

struct ActivityLoadRow {
  int64_t id = 0;
  core::Date date;
  core::Sport sport = core::Sport::kOther;
  std::string name;
  analysis::ActivityLoad load;
};

struct TrainingHistory {
  core::Athlete athlete;
  std::vector<ActivityLoadRow> loads;              // oldest first
  std::vector<analysis::ActivitySummary> summaries;  // same order
  std::vector<analysis::FitnessInput> fitness_inputs;
  analysis::FitnessSummary fitness;
  std::string heart_rate_note;  // how the HR profile was resolved (estimated values say so)
};

/// Reads every stored activity up to `as_of` and computes its load and fitness inputs.
Result<TrainingHistory> LoadTrainingHistory(store::Database& db, core::Date as_of);

struct LoadReport {
  core::UnitSystem units = core::UnitSystem::kKilometres;
  analysis::LoadSeries series;        // trimmed to [from, to]
  std::vector<analysis::Flag> flags;  // within [from, to]
  std::vector<ActivityLoadRow> activities;  // within [from, to]
  std::string heart_rate_note;
  core::Date from, to;
};

/// The series up to `to` (default range: the last 12 weeks, or from `from`). An empty history gives an
/// empty report, not an error.
Result<LoadReport> ComputeLoadReport(store::Database& db, core::Date to, std::optional<core::Date> from);

struct FitnessReport {
  core::UnitSystem units = core::UnitSystem::kKilometres;
  analysis::FitnessSummary fitness;
  struct Prediction {
    std::string key;
    double distance_m;
    double time_s;
  };
  std::vector<Prediction> predictions;  // 5k, 10k, half, marathon (empty without an estimate)
};

Result<FitnessReport> ComputeFitnessReport(store::Database& db, core::Date as_of);

}  // namespace stride::app

#endif  // STRIDE_APP_TRAINING_LOAD_H_
