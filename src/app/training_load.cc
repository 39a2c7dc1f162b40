// SPDX-License-Identifier: MIT
#include "app/training_load.h"

#include <algorithm>
#include <cmath>

#include "analysis/vdot.h"
#include "app/athlete.h"
#include "store/activity_repository.h"

namespace stride::app {
namespace {

constexpr int kDefaultLoadWindowDays = 12 * 7;

// The highest plausible heart rate stored in any activity summary: the observed maximum that stands in
// for a missing HRmax (analysis/load.h).
double ObservedMaxHeartRate(const std::vector<store::StoredActivity>& rows) {
  double best = core::kNaN;
  for (const auto& r : rows) {
    double hr = r.activity.max_heart_rate_bpm;
    if (core::IsPlausibleHeartRate(hr) && !(hr <= best)) best = hr;
  }
  return best;
}

}  // namespace

Result<TrainingHistory> LoadTrainingHistory(store::Database& db, core::Date as_of) {
  TrainingHistory h;
  auto athlete = GetAthleteOrDefault(db);
  if (!athlete) return Fail(athlete.error());
  h.athlete = std::move(*athlete);
  auto rows = store::ListActivities(db, std::nullopt, as_of);
  if (!rows) return Fail(rows.error());
  const double observed_max = ObservedMaxHeartRate(*rows);
  // Threshold speed for rTSS: from the latest declared race, when there is one.
  double threshold_speed = core::kNaN;
  if (auto race = h.athlete.LatestRace()) {
    if (auto vdot = analysis::VdotFromPerformance(race->distance.metres(), race->time_s)) {
      threshold_speed = analysis::ThresholdSpeedFromVdot(*vdot);
    }
  }
  for (const auto& row : *rows) {
    auto full = store::LoadActivity(db, row.id, /*with_samples=*/true);
    if (!full) return Fail(full.error());
    const core::Activity& a = full->activity;
    analysis::LoadContext context;
    context.heart_rate = analysis::ResolveHeartRateProfile(h.athlete, a.LocalStartDate(), observed_max);
    context.threshold_speed_mps = threshold_speed;
    if (h.heart_rate_note.empty() && context.heart_rate.estimated) h.heart_rate_note = context.heart_rate.note;
    ActivityLoadRow load_row{row.id, a.LocalStartDate(), a.sport, a.name, analysis::ComputeActivityLoad(a, context)};
    h.summaries.push_back(analysis::SummarizeActivity(a, load_row.load));
    h.fitness_inputs.push_back(analysis::FitnessInputFromActivity(a, full->is_race));
    h.loads.push_back(std::move(load_row));
  }
  h.fitness = analysis::AssessFitness(h.fitness_inputs, h.athlete.races, as_of);
  return h;
}

Result<LoadReport> ComputeLoadReport(store::Database& db, core::Date to, std::optional<core::Date> from) {
  auto history = LoadTrainingHistory(db, to);
  if (!history) return Fail(history.error());
  LoadReport report;
  report.units = history->athlete.units;
  report.to = to;
  report.from = from.value_or(to.AddDays(-(kDefaultLoadWindowDays - 1)));
  if (report.from > to) {
    return Fail(core::ErrorCode::kInvalidArgument, "--from is after --date; give an earlier start", "--from");
  }
  report.heart_rate_note = history->heart_rate_note;
  analysis::LoadSeries full = analysis::BuildLoadSeries(history->summaries, to);
  for (const analysis::Flag& f : analysis::ComputeFlags(full)) {
    if (f.date >= report.from && f.date <= to) report.flags.push_back(f);
  }
  for (const auto& d : full.days) {
    if (d.date >= report.from) report.series.days.push_back(d);
  }
  for (const auto& w : full.weeks) {
    if (w.start.AddDays(6) >= report.from) report.series.weeks.push_back(w);
  }
  for (auto& row : history->loads) {
    if (row.date >= report.from) report.activities.push_back(std::move(row));
  }
  return report;
}

Result<FitnessReport> ComputeFitnessReport(store::Database& db, core::Date as_of) {
  auto history = LoadTrainingHistory(db, as_of);
  if (!history) return Fail(history.error());
  FitnessReport report;
  report.units = history->athlete.units;
  report.fitness = std::move(history->fitness);
  static constexpr struct {
    const char* key;
    double metres;
  } kDistances[] = {{"5k", 5000}, {"10k", 10000}, {"half", core::kHalfMarathonMetres}, {"marathon", core::kMarathonMetres}};
  for (const auto& d : kDistances) {
    auto t = analysis::PredictFromFitness(report.fitness, d.metres);
    if (t) report.predictions.push_back({d.key, d.metres, *t});
  }
  return report;
}

}  // namespace stride::app
