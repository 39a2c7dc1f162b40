// SPDX-License-Identifier: MIT
// Custom routines: a physio's TOML file that orders catalogue exercises (with dose overrides) and may
// define new exercises inline. Example: docs/examples/physio-itb.toml; format: docs/care.md.
#ifndef STRIDE_CARE_CUSTOM_ROUTINE_H_
#define STRIDE_CARE_CUSTOM_ROUTINE_H_

#include <string_view>

#include "care/catalogue.h"
#include "core/result.h"

namespace stride::care {

/// The source id a custom item may cite instead of a SCIENCE.md source.
inline constexpr std::string_view kPhysioSource = "physio";

/// Parses a custom routine: one `[routine]` table (id, name, optional phase (default rehab), why, source
/// (default "physio"), steps = [{ exercise = "id", dose = {...} }, ...]) and optional `[[exercise]]` tables
/// for new exercises (each needs id, name, kind and dose; source defaults to "physio"). Steps may name
/// catalogue exercises or the inline ones, which go to Routine::own_exercises. The result obeys the same
/// dose, source and safety checks as the catalogue (ValidateCatalogue).
/// Fails with kCorruptData; `where` is "file_name:line" (line:column for TOML syntax errors).
Result<Routine> ParseCustomRoutine(std::string_view toml_text, std::string_view file_name, const Catalogue& catalogue);

}  // namespace stride::care

#endif  // STRIDE_CARE_CUSTOM_ROUTINE_H_
