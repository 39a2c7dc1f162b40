// SPDX-License-Identifier: MIT
// Names of the plan enums as persisted and shown in JSON (DESIGN.md "plan new").
#include "plan/plan.h"

namespace stride::plan {

const char* SessionKindName(SessionKind kind) {
  switch (kind) {
    case SessionKind::kEasy:
      return "easy";
    case SessionKind::kLong:
      return "long";
    case SessionKind::kRecovery:
      return "recovery";
    case SessionKind::kTempo:
      return "tempo";
    case SessionKind::kIntervals:
      return "intervals";
    case SessionKind::kMarathonPace:
      return "marathon_pace";
    case SessionKind::kStrides:
      return "strides";
    case SessionKind::kRace:
      return "race";
    case SessionKind::kRest:
      return "rest";
    case SessionKind::kStrength:
      return "strength";
    case SessionKind::kCross:
      return "cross";
    case SessionKind::kWalkRun:
      return "walk_run";
  }
  return "?";
}

const char* StepTypeName(StepType type) {
  switch (type) {
    case StepType::kWarmup:
      return "warmup";
    case StepType::kWork:
      return "work";
    case StepType::kRecovery:
      return "recovery";
    case StepType::kCooldown:
      return "cooldown";
    case StepType::kRepeat:
      return "repeat";
  }
  return "?";
}

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kBase:
      return "base";
    case Phase::kBuild:
      return "build";
    case Phase::kPeak:
      return "peak";
    case Phase::kTaper:
      return "taper";
    case Phase::kRace:
      return "race";
    case Phase::kRehab:
      return "rehab";
    case Phase::kReturn:
      return "return";
  }
  return "?";
}

bool IsRun(SessionKind kind) {
  return kind != SessionKind::kRest && kind != SessionKind::kStrength && kind != SessionKind::kCross;
}

bool IsHard(SessionKind kind) {
  switch (kind) {
    case SessionKind::kLong:
    case SessionKind::kTempo:
    case SessionKind::kIntervals:
    case SessionKind::kMarathonPace:
    case SessionKind::kRace:
      return true;
    default:
      return false;
  }
}

}  // namespace stride::plan
