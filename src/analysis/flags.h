// SPDX-License-Identifier: MIT
// Training flags derived from a LoadSeries: single-run spikes, weekly distance increases, high ACWR
// (information only), high monotony and long gaps. Each flag carries its rule, source and numbers.
// SCIENCE.md B3, B6, C1-C3; rules and caveats in docs/metrics.md#flags.
#ifndef STRIDE_ANALYSIS_FLAGS_H_
#define STRIDE_ANALYSIS_FLAGS_H_

#include <string>
#include <vector>

#include "analysis/series.h"
#include "core/date.h"

namespace stride::analysis {

/// Single-run spike: a run longer than 1.10 x the longest run of the previous 30 days. Tiers (ratio over
/// 1.10-1.30, 1.30-2.00, above 2.00) carry the hazard rate ratios 1.64, 1.52 and 2.28 of
/// SCIENCE.md C3 [nielsen-2025-spike].
inline constexpr double kSpikeRatio = 1.10;
inline constexpr double kSpikeTier2Ratio = 1.30;
inline constexpr double kSpikeTier3Ratio = 2.00;
inline constexpr double kSpikeTier1HazardRatio = 1.64;
inline constexpr double kSpikeTier2HazardRatio = 1.52;
inline constexpr double kSpikeTier3HazardRatio = 2.28;
/// Weekly running distance above 1.10 x the highest of the previous 4 weeks: a conservative convention,
/// not shown to protect (SCIENCE.md C1, C2 [buist-2008-gronorun] [nielsen-2014-progression]).
inline constexpr double kWeeklyIncreaseRatio = 1.10;
inline constexpr int kWeeklyLookbackWeeks = 4;
/// ACWR above 1.5: information only, "danger zone" of [gabbett-2016-paradox], criticised by
/// [impellizzeri-2021-acwr] [lolli-2019-coupling]; SCIENCE.md B6.
inline constexpr double kAcwrInfoThreshold = 1.5;
/// Weekly monotony above 2.0 (SCIENCE.md B3 [foster-1998-monotony], threshold [M]).
inline constexpr double kMonotonyThreshold = 2.0;
/// Long gap: 14 days without running after regular training, i.e. at least 6 runs in the 28 days up to the
/// last run. Stride convention [U].
inline constexpr int kLongGapDays = 14;
inline constexpr int kRegularTrainingWindowDays = 28;
inline constexpr int kRegularTrainingMinRuns = 6;
/// History needed before the spike rule judges: 30 days of series (the reference window must be full).
/// Stride convention [U], derived from [nielsen-2025-spike]'s 30-day window.
inline constexpr int kSpikeMinHistoryDays = 30;

/// The rules. Ids are serialised (FlagRuleId): do not rename.
enum class FlagRule { kSingleRunSpike, kWeeklyDistanceIncrease, kHighAcwr, kHighMonotony, kLongGap };
/// "single_run_spike", "weekly_distance_increase", "acwr_high", "monotony_high", "long_gap".
const char* FlagRuleId(FlagRule rule);

/// kWarning: a rule Stride acts on; kInfo: context only (ACWR).
enum class FlagLevel { kWarning, kInfo };
const char* FlagLevelName(FlagLevel level);  // "warning", "info"

/// A named number behind a flag, e.g. {"ratio", 1.38}.
struct FlagNumber {
  std::string name;
  double value = 0;
};

struct Flag {
  core::Date date;
  FlagRule rule = FlagRule::kSingleRunSpike;
  FlagLevel level = FlagLevel::kWarning;
  std::string source_id;  // SCIENCE.md ids, space-separated, e.g. "nielsen-2025-spike"; "stride-convention" [U]
  std::vector<FlagNumber> numbers;
  std::string message;  // one or two plain sentences

  /// The value of the number called `name`, or NaN.
  double Number(const std::string& name) const;
};

/// All flags of `series`, ordered by date then rule. Suppressed while history is too short:
/// spike during the first kSpikeMinHistoryDays days or without any run in the previous 30 days; weekly
/// increase until kWeeklyLookbackWeeks earlier weeks exist in the series or while they hold no running;
/// ACWR while undefined (series.h); monotony for incomplete weeks and the series' first week; long gap
/// unless the training before it was regular. ACWR is flagged on the first day of each episode above the
/// threshold, not every day.
std::vector<Flag> ComputeFlags(const LoadSeries& series);

}  // namespace stride::analysis

#endif  // STRIDE_ANALYSIS_FLAGS_H_
