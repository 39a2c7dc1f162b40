// SPDX-License-Identifier: MIT
// The plan as JSON, both ways: the document `stride plan show --json` prints (DESIGN.md "plan new") is the
// one stored in plan_version.plan_json, so a stored version reads back to the same plan::Plan. Also the
// generator request (without the athlete) for plan_version.request_json.
#ifndef STRIDE_STORE_PLAN_CODEC_H_
#define STRIDE_STORE_PLAN_CODEC_H_

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "plan/generator.h"
#include "plan/plan.h"

namespace stride::store {

/// DESIGN.md's plan shape: `race` {date, distance_m, goal_time_s}, `feasible`, `warnings`, `weeks` (index,
/// start, phase, planned_distance_m, days: date, sessions: kind, title, description, distance_m,
/// duration_s, steps, mobility, recovery), plus `start`, `goal_time_s` (null: to finish),
/// `earliest_feasible_race_date` (null when none) and `paces` (vdot and [slow, fast] s/km bands).
/// Steps: type, duration_s or distance_m, target {"pace_s_per_km": [slow, fast]} or {"hr": [low, high]},
/// and for a repeat count and steps.
nlohmann::json PlanToJson(const plan::Plan& plan);

/// One step in DESIGN.md's Step shape (as inside PlanToJson).
nlohmann::json StepToJson(const plan::Step& step);

/// The inverse of PlanToJson: PlanFromJson(PlanToJson(p)) == p. Fails with kCorruptData naming the field
/// when the document does not have the shape (unknown kind, phase or step type; missing field).
Result<plan::Plan> PlanFromJson(const nlohmann::json& json);

/// The request's dates, race, goal, volumes and vdot (the athlete is not stored).
nlohmann::json PlanRequestToJson(const plan::PlanRequest& request);
/// The inverse of PlanRequestToJson; the athlete is left default. kCorruptData on a bad document.
Result<plan::PlanRequest> PlanRequestFromJson(const nlohmann::json& json);

}  // namespace stride::store

#endif  // STRIDE_STORE_PLAN_CODEC_H_
