// SPDX-License-Identifier: MIT
// A session's steps as intervals.icu workout text (FORMATS.md 7.2), the de facto plain-text workout format,
// also used in iCalendar descriptions (FORMATS.md 7.1).
#ifndef STRIDE_PLAN_WORKOUT_TEXT_H_
#define STRIDE_PLAN_WORKOUT_TEXT_H_

#include <string>

#include "core/units.h"
#include "plan/plan.h"

namespace stride::plan {

/// The steps of `session` as intervals.icu text: sections "Warmup", "Main Set" (with "Nx" for a repeat),
/// "Cooldown", separated by blank lines; one "- " line per step with its duration (`15m`, `1h30m`, `20s`) or
/// distance (`8km`, `800mtr`, `5mi`) and its target, pace as absolute values in `units`
/// (`6:10-6:40/km Pace`, faster first) or heart rate (`140-150bpm HR`). No trailing newline.
/// Returns an empty string for a session without steps (rest, strength).
std::string IntervalsIcuText(const Session& session, core::UnitSystem units);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_WORKOUT_TEXT_H_
