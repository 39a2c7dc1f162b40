// SPDX-License-Identifier: MIT
// The week-layout search (week_layout.h). A week has at most 7 days, so trying every choice is cheap and
// keeps the rules exact rather than heuristic.
#include "plan/week_layout.h"

#include <algorithm>
#include <bit>
#include <vector>

#include "core/check.h"

namespace stride::plan {
namespace {

DayMask Bit(int day) { return day < 0 ? 0u : (1u << day); }

// Submasks of `mask` with exactly `count` bits, in increasing numeric order (deterministic).
std::vector<DayMask> Subsets(DayMask mask, int count) {
  std::vector<DayMask> out;
  for (DayMask sub = 0;; sub = (sub - mask) & mask) {  // enumerates all submasks, 0 first
    if (std::popcount(sub) == count) out.push_back(sub);
    if (sub == mask) break;
  }
  return out;
}

bool Adjacent(DayMask days) { return (days & (days << 1)) != 0; }

struct Candidate {
  DayMask runs, quality, strength;
};

class Search {
 public:
  explicit Search(const WeekContext& c) : c_(c), all_((1u << c.num_days) - 1), last_(Bit(c.num_days - 1)) {}

  // Best layout with exactly `strength` strength and `quality` quality days, dropping the run of day
  // `drop` (-1: none), into `best` when it beats what `found` says was found before.
  void Best(int strength, int quality, int drop, Candidate* best, int* best_score, bool* found) const {
    const DayMask runs = c_.run_candidates & ~Bit(drop);
    const bool has_long = c_.long_day >= 0 && c_.long_day != drop;
    const DayMask fixed_hard = (has_long ? Bit(c_.long_day) : 0) | Bit(c_.race_day);
    DayMask quality_allowed = runs & ~fixed_hard;
    // A quality day may not neighbour a fixed hard day, the hard day before the week or a key session after.
    quality_allowed &= ~(fixed_hard << 1) & ~(fixed_hard >> 1);
    if (c_.prev_day_hard || c_.prev_day_strength) quality_allowed &= ~Bit(0);
    if (c_.next_day_key) quality_allowed &= ~last_;
    for (DayMask q : Subsets(quality_allowed, quality)) {
      if (Adjacent(q)) continue;
      const DayMask hard = fixed_hard | q;
      DayMask strength_allowed = all_ & ~hard & ~(hard >> 1);
      if (c_.next_day_key) strength_allowed &= ~last_;
      if (c_.prev_day_strength) strength_allowed &= ~Bit(0);
      for (DayMask s : Subsets(strength_allowed, strength)) {
        if (Adjacent(s)) continue;
        const DayMask busy = runs | s | Bit(c_.race_day);
        if ((all_ & ~busy) == 0) continue;  // no full rest day
        const int score = Score(runs, q, s, has_long);
        if (!*found || score > *best_score) {
          *best = Candidate{runs, q, s};
          *best_score = score;
          *found = true;
        }
      }
    }
  }

 private:
  int Score(DayMask runs, DayMask quality, DayMask strength, bool has_long) const {
    int score = 0;
    const DayMask hard = quality | (has_long ? Bit(c_.long_day) : 0) | Bit(c_.race_day);
    score += 4 * SmallestHardGap(hard);
    score += 3 * std::popcount(strength & runs & ~quality);  // strength shares a day with an easy run
    if (has_long && c_.long_day + 1 < c_.num_days) {
      const DayMask after = Bit(c_.long_day + 1);
      if (!(runs & after) && !(strength & after)) score += 5;  // rest the day after the long run
    }
    return score;
  }

  // Spread hard days: the smallest gap between consecutive hard days, those just outside the week included,
  // counted up to kEnoughGapDays (a gap of 4 days or more is as good as any).
  int SmallestHardGap(DayMask hard) const {
    constexpr int kEnoughGapDays = 4;
    int previous = c_.prev_hard_days_before > 0 ? -c_.prev_hard_days_before : kNone;
    int min_gap = kEnoughGapDays;
    auto visit = [&](int day) {
      if (previous != kNone) min_gap = std::min(min_gap, day - previous);
      previous = day;
    };
    for (int d = 0; d < c_.num_days; ++d) {
      if (hard & Bit(d)) visit(d);
    }
    if (c_.next_key_days_after > 0) visit(c_.num_days - 1 + c_.next_key_days_after);
    return min_gap;
  }

  static constexpr int kNone = -1000;
  const WeekContext& c_;
  const DayMask all_;
  const DayMask last_;
};

}  // namespace

WeekLayout LayOutWeek(const WeekContext& context) {
  STRIDE_CHECK(context.num_days >= 1 && context.num_days <= 7);
  STRIDE_CHECK(context.long_day < context.num_days && context.race_day < context.num_days);
  Search search(context);
  // Dropping a run is the last resort, and the long run goes last of all.
  std::vector<int> easy_drops;
  for (int d = 0; d < context.num_days; ++d) {
    if (context.run_candidates & Bit(d) && d != context.long_day) easy_drops.push_back(d);
  }
  const std::vector<std::vector<int>> drop_levels = {{-1}, easy_drops, {context.long_day}};
  for (int strength = context.strength_wanted; strength >= 0; --strength) {
    for (const std::vector<int>& drops : drop_levels) {
      for (int quality = context.quality_wanted; quality >= 0; --quality) {
        Candidate best{};
        int score = 0;
        bool found = false;
        for (int drop : drops) {
          if (drop == -1 || (context.run_candidates & Bit(drop)))
            search.Best(strength, quality, drop, &best, &score, &found);
        }
        if (found) {
          const bool has_long = context.long_day >= 0 && (best.runs & Bit(context.long_day));
          return WeekLayout{best.runs, best.quality, best.strength, has_long};
        }
      }
    }
  }
  // Unreachable: dropping every run but one always leaves a rest day; keep the week empty to be safe.
  return WeekLayout{};
}

}  // namespace stride::plan
