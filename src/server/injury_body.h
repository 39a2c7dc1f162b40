// SPDX-License-Identifier: MIT
// Reads the bodies of POST /api/injuries and POST /api/injuries/log: the fields `stride injury add` and
// `stride injury log` take, named as in the injury JSON (views::InjuryJson), checked by the same forms as
// the CLI (app/injury_form.h); `where` names the JSON field instead of the option.
#ifndef STRIDE_SERVER_INJURY_BODY_H_
#define STRIDE_SERVER_INJURY_BODY_H_

#include <nlohmann/json.hpp>

#include "app/injury.h"
#include "care/injury.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::server {

/// Required: site (a care::InjurySite name), pain (whole number 0-10). Optional: side ("left", "right"),
/// pain_at_rest (0-10), onset ("sudden", "gradual"), notes, the red-flag booleans pain_night, swelling,
/// bone_tenderness, cannot_bear_weight and numbness, and date (YYYY-MM-DD, the onset day; default
/// `today`). Unknown fields are ignored. Fails with kInvalidArgument naming the field.
Result<care::Injury> InjuryFromJson(const nlohmann::json& body, core::Date today);

/// Required: pain_during, pain_after, pain_next_morning (whole numbers 0-10). Optional: injury (id;
/// default the only active injury), walk_min (whole minutes 0-1440), hop_test ("pass", "fail") and date
/// (the day logged; default `today`). Fails with kInvalidArgument naming the field.
Result<app::LogPainRequest> PainLogFromJson(const nlohmann::json& body, core::Date today);

}  // namespace stride::server

#endif  // STRIDE_SERVER_INJURY_BODY_H_
