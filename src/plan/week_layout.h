// SPDX-License-Identifier: MIT
// Where a week's runs, quality sessions and strength sessions go: a small exhaustive search over the days
// of one week (at most 7) under the week rules: at least one full rest day, no two hard days in a row
// (across week boundaries too), strength twice, not on consecutive days, not on or the day before a key
// session. A plan module internal, used by generator.cc. Days are bits: bit i is the week's i-th day.
#ifndef STRIDE_PLAN_WEEK_LAYOUT_H_
#define STRIDE_PLAN_WEEK_LAYOUT_H_

#include <cstdint>

namespace stride::plan {

using DayMask = uint32_t;

struct WeekContext {
  int num_days = 7;                // 1..7 consecutive days
  DayMask run_candidates = 0;      // training days that may hold a run (never the race day)
  int long_day = -1;               // the long-run day, or -1 when the week has none
  int race_day = -1;               // the race day, or -1
  bool prev_day_hard = false;      // the day before the week holds a hard session
  bool prev_day_strength = false;  // the day before the week holds strength
  bool next_day_key = false;       // the day after the week may hold a key session
  /// Where the nearest hard sessions outside the week fall, for spacing: the last hard day before the week
  /// was `prev_hard_days_before` days before day 0 (1: the day before), and the next key session after the
  /// week is `next_key_days_after` days after the last day (1: the day after). 0: none known.
  int prev_hard_days_before = 0;
  int next_key_days_after = 0;
  int quality_wanted = 0;          // 0..2 quality sessions
  int strength_wanted = 2;         // 0..2 strength sessions
};

struct WeekLayout {
  DayMask runs = 0;       // days with a run (long and quality included, the race excluded)
  DayMask quality = 0;    // days with a quality session, a subset of runs
  DayMask strength = 0;   // days with strength
  bool has_long = false;  // false when the long-run day had to stay free
};

/// The best layout: most strength sessions first (up to `strength_wanted`), then most quality sessions (up to
/// `quality_wanted`), then no dropped run; among equals, hard days spread out (the smallest gap between
/// consecutive hard days, counting the hard days just outside the week, as large as possible: a coach puts
/// the week's quality mid-week, clear of the long runs on both sides), strength shared with easy runs, and
/// rest the day after the long run. Deterministic.
/// REQUIRES: 1 <= num_days <= 7; long_day and the race day inside the week; run_candidates inside the week.
WeekLayout LayOutWeek(const WeekContext& context);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_WEEK_LAYOUT_H_
