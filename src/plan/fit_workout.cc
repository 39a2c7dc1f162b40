// SPDX-License-Identifier: MIT
// Plan sessions to FIT workouts (fit_workout.h): the step mapping, the step names and the file names.
#include "plan/fit_workout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "core/check.h"
#include "core/units.h"

namespace stride::plan {
namespace {

using fit::WorkoutStep;

constexpr size_t kMaxSlugChars = 40;

WorkoutStep::Intensity IntensityOf(StepType type) {
  switch (type) {
    case StepType::kWarmup: return WorkoutStep::Intensity::kWarmup;
    case StepType::kCooldown: return WorkoutStep::Intensity::kCooldown;
    case StepType::kRecovery: return WorkoutStep::Intensity::kRecovery;
    case StepType::kWork:
    case StepType::kRepeat: return WorkoutStep::Intensity::kActive;
  }
  return WorkoutStep::Intensity::kActive;
}

// The name of a work step: what the session's work is; a long run's middle part is its marathon pace.
const char* WorkName(const Session& s, bool in_repeat) {
  switch (s.kind) {
    case SessionKind::kTempo: return "Threshold";
    case SessionKind::kIntervals: return "Interval";
    case SessionKind::kMarathonPace: return "Marathon pace";
    case SessionKind::kStrides: return in_repeat ? "Stride" : "Easy";
    case SessionKind::kLong: return s.steps.size() > 1 ? "Marathon pace" : "Long run";
    case SessionKind::kRecovery: return "Recovery";
    case SessionKind::kWalkRun: return "Run";
    case SessionKind::kRace: return "Race";
    default: return "Easy";
  }
}

const char* StepName(const Session& s, const Step& step, bool in_repeat) {
  switch (step.type) {
    case StepType::kWarmup: return "Warm-up";
    case StepType::kCooldown: return "Cool-down";
    case StepType::kRecovery: return s.kind == SessionKind::kWalkRun ? "Walk" : "Jog";
    default: return WorkName(s, in_repeat);
  }
}

WorkoutStep ToFitStep(const Session& s, const Step& step, bool in_repeat) {
  WorkoutStep out;
  if (step.type == StepType::kRepeat) {
    out.repeat_count = step.count;
    for (const Step& child : step.steps) out.children.push_back(ToFitStep(s, child, true));
    return out;
  }
  out.name = StepName(s, step, in_repeat);
  out.intensity = IntensityOf(step.type);
  if (step.duration_s) {
    out.duration = WorkoutStep::Duration::kTime;
    out.duration_value = *step.duration_s;
  } else if (step.distance_m) {
    out.duration = WorkoutStep::Duration::kDistance;
    out.duration_value = *step.distance_m;
  }
  if (step.pace && step.pace->fast_s_per_km > 0) {
    out.target = WorkoutStep::Target::kSpeed;
    out.low = core::kMetresPerKm / step.pace->slow_s_per_km;
    out.high = core::kMetresPerKm / step.pace->fast_s_per_km;
  } else if (step.heart_rate) {
    out.target = WorkoutStep::Target::kHeartRate;
    out.low = step.heart_rate->low_bpm;
    out.high = step.heart_rate->high_bpm;
  }
  return out;
}

// Title words as lower-case tokens of [a-z0-9.]; everything else separates them.
std::vector<std::string> Tokens(const std::string& title) {
  std::vector<std::string> tokens(1);
  for (char c : title) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && (std::isalnum(u) || c == '.')) {
      tokens.back() += static_cast<char>(std::tolower(u));
    } else if (!tokens.back().empty()) {
      tokens.emplace_back();
    }
  }
  std::erase_if(tokens, [](const std::string& t) { return t.find_first_not_of('.') == std::string::npos; });
  return tokens;
}

// "3 x 8 min" reads as "3x8min": a unit or "x" sticks to the number before it, a number to the "x".
bool Glued(const std::string& previous, const std::string& token) {
  static constexpr std::array<std::string_view, 7> kUnits = {"x", "km", "m", "mi", "min", "s", "h"};
  const bool after_number = std::isdigit(static_cast<unsigned char>(previous.back())) != 0;
  if (after_number) return std::find(kUnits.begin(), kUnits.end(), token) != kUnits.end();
  return previous == "x" && std::isdigit(static_cast<unsigned char>(token.front())) != 0;
}

std::string Slug(const std::string& title) {
  std::string slug;
  std::string previous;
  for (const std::string& token : Tokens(title)) {
    std::string piece = previous.empty() || Glued(previous, token) ? token : "-" + token;
    if (slug.size() + piece.size() > kMaxSlugChars) break;
    slug += piece;
    previous = token;
  }
  return slug.empty() ? "run" : slug;
}

}  // namespace

fit::Workout ToFitWorkout(const Session& session, core::Date date, uint32_t serial_number) {
  STRIDE_CHECK(IsRun(session.kind));
  fit::Workout w;
  w.name = session.title.empty() ? SessionKindName(session.kind) : session.title;
  w.description = session.description;
  w.sport = core::Sport::kRunning;
  for (const Step& step : session.steps) w.steps.push_back(ToFitStep(session, step, false));
  if (w.steps.empty()) {  // a run without steps: one step over its distance, else until the lap button
    Step whole;
    if (session.distance_m > 0) whole.distance_m = session.distance_m;
    w.steps.push_back(ToFitStep(session, whole, false));
  }
  w.serial_number = serial_number;
  w.time_created = core::StartOfDay(date);
  return w;
}

std::string FitWorkoutFileName(core::Date date, const Session& session) {
  const std::string title = session.title.empty() ? SessionKindName(session.kind) : session.title;
  return core::FormatDate(date) + "-" + Slug(title) + ".fit";
}

uint32_t StableSerialNumber(std::string_view key) {
  constexpr uint32_t kFnvOffset = 2166136261u, kFnvPrime = 16777619u;  // FNV-1a, 32 bit
  uint32_t hash = kFnvOffset;
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash == 0 ? 1 : hash;
}

}  // namespace stride::plan
