// SPDX-License-Identifier: MIT
// FIT workout encoder: one structured workout in, the bytes of a FIT workout file (file_id type 5) out,
// ready to copy to a watch's /GARMIN/NewFiles/. It has its own small input types so that formats does
// not depend on plan (the plan module converts its sessions to these). Layout written: docs/formats/fit.md
// ("Workout files"); FORMATS.md section 3.
#ifndef STRIDE_FORMATS_FIT_WORKOUT_ENCODER_H_
#define STRIDE_FORMATS_FIT_WORKOUT_ENCODER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/date.h"

namespace stride::fit {

/// Stride's product id in file_id.product (manufacturer 255 "development").
inline constexpr uint16_t kStrideProductId = 1;

/// One step of a workout, or a repeat block (repeat_count > 0 and children non-empty).
struct WorkoutStep {
  /// FIT `intensity` values 0-5 in this order.
  enum class Intensity { kActive, kRest, kWarmup, kCooldown, kRecovery, kInterval };
  /// How the step ends: after duration_value seconds, after duration_value metres, or at the lap button.
  enum class Duration { kTime, kDistance, kOpen };
  /// What the watch guides: nothing, a speed range (m/s) or a heart-rate range (bpm).
  enum class Target { kOpen, kSpeed, kHeartRate };

  std::string name;  // shown on the watch; may be empty
  Intensity intensity = Intensity::kActive;
  Duration duration = Duration::kOpen;
  double duration_value = 0;  // seconds (kTime) or metres (kDistance); ignored for kOpen
  Target target = Target::kOpen;
  double low = 0;   // kSpeed: the slower speed in m/s; kHeartRate: bpm
  double high = 0;  // kSpeed: the faster speed in m/s; kHeartRate: bpm
  /// For a repeat block: how many times `children` run. A block's own duration, target, intensity and
  /// name are not written (FIT has no step for the block itself, only a trailing marker).
  int repeat_count = 0;
  std::vector<WorkoutStep> children;
};

/// A workout as it goes into one FIT file.
struct Workout {
  std::string name;         // workout.wkt_name, shown in the watch's workout list
  std::string description;  // workout.wkt_description; left out when empty
  core::Sport sport = core::Sport::kRunning;
  std::vector<WorkoutStep> steps;
  /// file_id.serial_number: must be stable across re-exports of the same workout (e.g. a hash of plan id
  /// and workout id) and non-zero (0 is the invalid value of its base type uint32z).
  uint32_t serial_number = 1;
  /// file_id.time_created: stable per workout too (watches identify workout files by file_id).
  core::Timestamp time_created{};
};

/// Encodes `workout` as a FIT workout file: a 14-byte header (protocol 1.0, header CRC), file_id (type 5,
/// manufacturer 255, product kStrideProductId, serial_number, time_created), one workout message
/// (sport, sub_sport, num_valid_steps, wkt_name, wkt_description), one workout_step per step in order,
/// each repeat block followed by its marker step (duration_type repeat_until_steps_cmplt, duration_value
/// = message_index of the block's first step, target_value = repeat_count), and the file CRC.
/// Little-endian; enums use base type 0x00. Durations are written in ms or cm, speed targets in mm/s,
/// heart-rate targets as bpm + 100, each with target_value 0 (custom range). Strings longer than 63
/// bytes are cut at a UTF-8 character boundary. The output depends only on `workout` (no clock).
/// Blocks with repeat_count <= 0 or no children are written as their children once (nothing if none).
/// Thread-safe.
std::vector<uint8_t> EncodeWorkout(const Workout& workout);

}  // namespace stride::fit

#endif  // STRIDE_FORMATS_FIT_WORKOUT_ENCODER_H_
