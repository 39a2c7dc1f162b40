// SPDX-License-Identifier: MIT
// Analysis benchmarks: ten years of daily training (5,000 generated activity summaries) through the
// load series and flags (target < 50 ms), and the best-effort search on 1e4..1e6 samples (linear growth).
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "analysis/best_efforts.h"
#include "analysis/flags.h"
#include "analysis/series.h"

namespace {

using stride::analysis::ActivitySummary;

// 5,000 activities over 3,650 days: most days one run, some doubles, some cross-training, with gaps.
std::vector<ActivitySummary> TenYears() {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<ActivitySummary> out;
  const stride::core::Date first = stride::core::Date::FromYmd(2016, 1, 4);
  for (int i = 0; out.size() < 5000; ++i) {
    const int day = i % 3650;
    ActivitySummary a;
    a.date = first.AddDays(day);
    a.sport = unit(rng) < 0.85 ? stride::core::Sport::kRunning : stride::core::Sport::kCycling;
    a.distance_m = 4000 + 20000 * unit(rng);
    a.duration_s = a.distance_m / 3.2;
    a.load = a.duration_s / 60 * (0.8 + unit(rng));
    a.load_estimated = unit(rng) < 0.1;
    out.push_back(a);
  }
  return out;
}

void BM_SeriesAndFlagsTenYears(benchmark::State& state) {
  const std::vector<ActivitySummary> activities = TenYears();
  const stride::core::Date end = stride::core::Date::FromYmd(2025, 12, 31);
  size_t flags = 0;
  for (auto _ : state) {
    stride::analysis::LoadSeries series = stride::analysis::BuildLoadSeries(activities, end);
    std::vector<stride::analysis::Flag> f = stride::analysis::ComputeFlags(series);
    flags = f.size();
    benchmark::DoNotOptimize(series.days.data());
  }
  state.counters["activities"] = static_cast<double>(activities.size());
  state.counters["flags"] = static_cast<double>(flags);
}
BENCHMARK(BM_SeriesAndFlagsTenYears)->Unit(benchmark::kMillisecond);

// A run of n one-second samples with varying pace.
stride::core::Samples Stream(int64_t n) {
  stride::core::Samples s;
  s.time_s.reserve(static_cast<size_t>(n));
  s.distance_m.reserve(static_cast<size_t>(n));
  double d = 0;
  for (int64_t i = 0; i < n; ++i) {
    d += 3.0 + 0.8 * static_cast<double>((i / 600) % 3);
    s.time_s.push_back(static_cast<double>(i));
    s.distance_m.push_back(d);
  }
  return s;
}

void BM_BestEfforts(benchmark::State& state) {
  const stride::core::Samples s = Stream(state.range(0));
  for (auto _ : state) {
    auto efforts = stride::analysis::FindBestEfforts(s, stride::analysis::kBestEffortDistancesM);
    benchmark::DoNotOptimize(efforts.data());
  }
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BestEfforts)
    ->RangeMultiplier(10)
    ->Range(10000, 1000000)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
