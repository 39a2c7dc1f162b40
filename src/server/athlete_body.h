// SPDX-License-Identifier: MIT
// Reads the body of PUT /api/athlete: the same fields `stride athlete set` takes, named as in the
// athlete JSON (views::AthleteJson), so a client can send back what it read.
#ifndef STRIDE_SERVER_ATHLETE_BODY_H_
#define STRIDE_SERVER_ATHLETE_BODY_H_

#include <nlohmann/json.hpp>

#include "app/athlete.h"
#include "core/result.h"

namespace stride::server {

/// Fields (all optional): name, sex, birth_year, hr_rest_bpm, hr_max_bpm, units, weekly_distance_m,
/// longest_run_m, races (list of "DIST=TIME[@DATE]", replacing the stored ones), training_days,
/// long_run_day, facilities, health. Unknown fields are ignored. Fails with kInvalidArgument naming the
/// field when a value has the wrong type or does not parse.
Result<app::AthleteChanges> AthleteChangesFromJson(const nlohmann::json& body);

}  // namespace stride::server

#endif  // STRIDE_SERVER_ATHLETE_BODY_H_
