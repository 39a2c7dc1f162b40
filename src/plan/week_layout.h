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
/// `quality_wanted`), then no dropped run; among equals, hard days spread out, strength shared with easy
/// runs, and rest the day after the long run. Deterministic.
/// REQUIRES: 1 <= num_days <= 7; long_day and the race day inside the week; run_candidates inside the week.
WeekLayout LayOutWeek(const WeekContext& context);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_WEEK_LAYOUT_H_
