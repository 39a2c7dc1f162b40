// SPDX-License-Identifier: MIT
// A plan's run sessions as FIT workouts for a watch: converts a Session (plan.h) to the encoder's own input
// type (formats/fit/workout_encoder.h) and names the file so that files sort by date and say what they hold.
// Pure functions: the caller encodes and writes the files (`stride plan export --fit-workouts DIR`).
#ifndef STRIDE_PLAN_FIT_WORKOUT_H_
#define STRIDE_PLAN_FIT_WORKOUT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "formats/fit/workout_encoder.h"
#include "plan/plan.h"

namespace stride::plan {

/// The FIT workout of run session `session` (IsRun) on `date`: named by the session's title, described by
/// its description (the encoder cuts both to 63 bytes), one workout step per step with repeat blocks kept.
/// Step durations are times or distances (an open step when a step has neither), pace targets become speed
/// ranges in m/s (slow end low, fast end high), heart-rate targets bpm ranges. Warm-up, cool-down and
/// recovery steps keep their FIT intensity; each step has a short name ("Warm-up", "Threshold", "Jog",
/// "Walk", ...). `serial_number` identifies the workout on the watch (see StableSerialNumber);
/// time_created is the start of `date` (UTC), so the file depends only on its inputs.
/// REQUIRES: IsRun(session.kind).
fit::Workout ToFitWorkout(const Session& session, core::Date date, uint32_t serial_number);

/// The file name of a session's workout: the date, then the title as a lower-case slug, e.g.
/// "2026-05-07-tempo-3x8min.fit" for "Tempo 3 x 8 min" or "2026-05-10-long-run-18km.fit". Only
/// [a-z0-9.-] after the date; the slug is at most 40 characters, cut at a word boundary.
std::string FitWorkoutFileName(core::Date date, const Session& session);

/// A non-zero 32-bit FNV-1a hash of `key`, for file_id.serial_number: a key made of the race date, the
/// day and the session's place in the day keeps the serial stable, so that a re-export replaces the
/// watch's copy of that day's workout instead of adding one.
uint32_t StableSerialNumber(std::string_view key);

}  // namespace stride::plan

#endif  // STRIDE_PLAN_FIT_WORKOUT_H_
