// SPDX-License-Identifier: MIT
// Flag rules over a LoadSeries; see flags.h and docs/metrics.md#flags.
#include "analysis/flags.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace stride::analysis {
namespace {

using core::kNaN;

constexpr int kDaysPerWeek = 7;

double Km(double metres) { return metres / 1000.0; }

Flag MakeFlag(core::Date date, FlagRule rule, FlagLevel level, std::string source, std::vector<FlagNumber> numbers,
              std::string message) {
  Flag f;
  f.date = date;
  f.rule = rule;
  f.level = level;
  f.source_id = std::move(source);
  f.numbers = std::move(numbers);
  f.message = std::move(message);
  return f;
}

void SpikeFlags(const LoadSeries& series, std::vector<Flag>* out) {
  for (size_t i = static_cast<size_t>(kSpikeMinHistoryDays); i < series.days.size(); ++i) {
    const DailyPoint& d = series.days[i];
    const double reference = d.longest_run_previous_30d_m;
    if (!(reference > 0) || !(d.longest_run_m > 0)) continue;
    const double ratio = d.longest_run_m / reference;
    if (!(ratio > kSpikeRatio)) continue;
    int tier = ratio > kSpikeTier3Ratio ? 3 : (ratio > kSpikeTier2Ratio ? 2 : 1);
    double hazard = tier == 3 ? kSpikeTier3HazardRatio : (tier == 2 ? kSpikeTier2HazardRatio : kSpikeTier1HazardRatio);
    const char* band = tier == 3 ? "more than 100 %" : (tier == 2 ? "30-100 %" : "10-30 %");
    out->push_back(MakeFlag(
        d.date, FlagRule::kSingleRunSpike, FlagLevel::kWarning, "nielsen-2025-spike",
        {{"distance_m", d.longest_run_m},
         {"reference_m", reference},
         {"ratio", ratio},
         {"tier", static_cast<double>(tier)},
         {"hazard_ratio", hazard}},
        fmt::format("a run of {:.1f} km is {:.0f} % of the longest run in the previous 30 days ({:.1f} km). In a "
                    "cohort of 5,205 runners, runs {} longer than that reference were associated with a hazard "
                    "rate ratio of {:.2f} for injury",
                    Km(d.longest_run_m), ratio * 100, Km(reference), band, hazard)));
  }
}

// The first date in week `w` on which the week's cumulative running exceeds `limit_m`.
core::Date CrossingDate(const LoadSeries& series, const WeekRow& week, double limit_m) {
  double cumulative = 0;
  const core::Date first = series.days.front().date;
  for (int j = 0; j < kDaysPerWeek; ++j) {
    int64_t i = first.DaysUntil(week.start.AddDays(j));
    if (i < 0 || i >= static_cast<int64_t>(series.days.size())) continue;
    cumulative += series.days[static_cast<size_t>(i)].run_distance_m;
    if (cumulative > limit_m) return week.start.AddDays(j);
  }
  return week.start;
}

void WeeklyFlags(const LoadSeries& series, std::vector<Flag>* out) {
  for (size_t w = static_cast<size_t>(kWeeklyLookbackWeeks); w < series.weeks.size(); ++w) {
    double reference = 0;
    for (size_t back = 1; back <= static_cast<size_t>(kWeeklyLookbackWeeks); ++back) {
      reference = std::max(reference, series.weeks[w - back].run_distance_m);
    }
    const WeekRow& week = series.weeks[w];
    if (!(reference > 0) || !(week.run_distance_m > kWeeklyIncreaseRatio * reference)) continue;
    const double ratio = week.run_distance_m / reference;
    out->push_back(MakeFlag(
        CrossingDate(series, week, kWeeklyIncreaseRatio * reference), FlagRule::kWeeklyDistanceIncrease,
        FlagLevel::kWarning, "buist-2008-gronorun nielsen-2014-progression",
        {{"distance_m", week.run_distance_m}, {"reference_m", reference}, {"ratio", ratio}},
        fmt::format("running this week ({:.1f} km, week of {}) is {:.0f} % of the highest of the previous four weeks "
                    "({:.1f} km). Staying within 110 % is a conservative convention, not proven to prevent injury",
                    Km(week.run_distance_m), core::FormatDate(week.start), ratio * 100, Km(reference))));
  }
}

void AcwrFlags(const LoadSeries& series, std::vector<Flag>* out) {
  bool above = false;
  for (const DailyPoint& d : series.days) {
    bool now = std::isfinite(d.acwr) && d.acwr > kAcwrInfoThreshold;
    if (now && !above) {
      out->push_back(MakeFlag(
          d.date, FlagRule::kHighAcwr, FlagLevel::kInfo,
          "williams-2017-ewma gabbett-2016-paradox impellizzeri-2021-acwr",
          {{"acwr", d.acwr}, {"acute_ewma", d.acute_ewma}, {"chronic_ewma", d.chronic_ewma}},
          fmt::format("acute:chronic load ratio {:.2f} is above 1.5. Ratios this high have been associated with "
                      "injury in team-sport studies, but the ratio is strongly criticised (mathematical coupling, "
                      "no useful prediction) and runners showed no such dose-response: information only",
                      d.acwr)));
    }
    above = now;
  }
}

void MonotonyFlags(const LoadSeries& series, std::vector<Flag>* out) {
  for (size_t w = 1; w < series.weeks.size(); ++w) {
    const WeekRow& week = series.weeks[w];
    if (!week.complete || !std::isfinite(week.monotony) || !(week.monotony > kMonotonyThreshold)) continue;
    out->push_back(MakeFlag(
        week.start.AddDays(kDaysPerWeek - 1), FlagRule::kHighMonotony, FlagLevel::kWarning, "foster-1998-monotony",
        {{"monotony", week.monotony}, {"strain", week.strain}, {"load", week.load}},
        fmt::format("training monotony {:.2f} in the week of {} is above 2.0 (mean daily load / its SD): days were "
                    "very alike. High monotony with high strain ({:.0f}) was associated with illness and "
                    "overtraining; vary hard and easy days",
                    week.monotony, core::FormatDate(week.start), week.strain)));
  }
}

int RunsInWindow(const LoadSeries& series, size_t last) {
  int runs = 0;
  size_t from = last + 1 >= static_cast<size_t>(kRegularTrainingWindowDays)
                    ? last + 1 - static_cast<size_t>(kRegularTrainingWindowDays)
                    : 0;
  for (size_t i = from; i <= last; ++i) runs += series.days[i].run_count;
  return runs;
}

void GapFlags(const LoadSeries& series, std::vector<Flag>* out) {
  const size_t n = series.days.size();
  for (size_t last = 0; last < n; ++last) {
    if (series.days[last].run_count == 0) continue;
    const size_t flag_day = last + static_cast<size_t>(kLongGapDays);
    if (flag_day >= n) break;
    bool gap = true;
    for (size_t i = last + 1; i <= flag_day && gap; ++i) gap = series.days[i].run_count == 0;
    const int runs = RunsInWindow(series, last);
    if (!gap || runs < kRegularTrainingMinRuns) continue;
    out->push_back(MakeFlag(
        series.days[flag_day].date, FlagRule::kLongGap, FlagLevel::kWarning, "stride-convention",
        {{"days_without_running", static_cast<double>(kLongGapDays)},
         {"runs_in_previous_28d", static_cast<double>(runs)}},
        fmt::format("{} days without running after regular training (last run {}). Come back gradually: the first "
                    "runs should stay within 110 % of the longest run of the previous 30 days (a Stride convention "
                    "for the gap length)",
                    kLongGapDays, core::FormatDate(series.days[last].date))));
  }
}

}  // namespace

const char* FlagRuleId(FlagRule rule) {
  switch (rule) {
    case FlagRule::kSingleRunSpike:
      return "single_run_spike";
    case FlagRule::kWeeklyDistanceIncrease:
      return "weekly_distance_increase";
    case FlagRule::kHighAcwr:
      return "acwr_high";
    case FlagRule::kHighMonotony:
      return "monotony_high";
    case FlagRule::kLongGap:
      return "long_gap";
  }
  return "unknown";
}

const char* FlagLevelName(FlagLevel level) { return level == FlagLevel::kInfo ? "info" : "warning"; }

double Flag::Number(const std::string& name) const {
  for (const FlagNumber& n : numbers) {
    if (n.name == name) return n.value;
  }
  return kNaN;
}

std::vector<Flag> ComputeFlags(const LoadSeries& series) {
  std::vector<Flag> flags;
  if (series.days.empty()) return flags;
  SpikeFlags(series, &flags);
  WeeklyFlags(series, &flags);
  AcwrFlags(series, &flags);
  MonotonyFlags(series, &flags);
  GapFlags(series, &flags);
  std::stable_sort(flags.begin(), flags.end(),
                   [](const Flag& a, const Flag& b) { return std::tie(a.date, a.rule) < std::tie(b.date, b.rule); });
  return flags;
}

}  // namespace stride::analysis
