// SPDX-License-Identifier: MIT
// JSON shapes of the public interface (DESIGN.md "Public interface"). Fields may be added, never renamed.
#ifndef STRIDE_CLI_JSON_OUTPUT_H_
#define STRIDE_CLI_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>

#include "app/paces.h"
#include "core/athlete.h"

namespace stride::cli {

nlohmann::json AthleteJson(const core::Athlete& athlete);
nlohmann::json PacesJson(const app::PacesReport& report);

}  // namespace stride::cli

#endif  // STRIDE_CLI_JSON_OUTPUT_H_
