// SPDX-License-Identifier: MIT
// What the runner typed to record an injury or a day's pain, as text, checked into the values app/injury.h
// stores. `stride injury add|log` fills these forms from its options and POST /api/injuries(/log) from its
// JSON fields, so both accept the same input and word every error alike.
#ifndef STRIDE_APP_INJURY_FORM_H_
#define STRIDE_APP_INJURY_FORM_H_

#include <optional>
#include <string>
#include <string_view>

#include "app/injury.h"
#include "care/injury.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::app {

/// `stride injury add` / POST /api/injuries. Errors name the field as the JSON does ("pain_at_rest");
/// OptionName gives the CLI's spelling.
struct InjuryForm {
  std::optional<std::string> site;          // required: a care::InjurySite name ("it-band")
  std::optional<std::string> pain;          // required: a whole number 0-10
  std::optional<std::string> side;          // "left" or "right"
  std::optional<std::string> pain_at_rest;  // 0-10
  std::optional<std::string> onset;         // "sudden" or "gradual"
  std::optional<std::string> notes;
  bool pain_night = false;
  bool swelling = false;
  bool bone_tenderness = false;
  bool cannot_bear_weight = false;
  bool numbness = false;
};

/// The injury, beginning on `onset_date`. Fails with kInvalidArgument naming the field: a missing site or
/// pain, an unknown site, side or onset, or a pain that is not a whole number from 0 to 10.
Result<care::Injury> ParseInjuryForm(const InjuryForm& form, core::Date onset_date);

/// `stride injury log` / POST /api/injuries/log.
struct PainLogForm {
  std::optional<std::string> pain_during;        // required, 0-10
  std::optional<std::string> pain_after;         // required, 0-10
  std::optional<std::string> pain_next_morning;  // required, 0-10
  std::optional<std::string> injury;             // the injury id; default: the only active injury
  std::optional<std::string> walk_min;           // whole minutes 0-1440
  std::optional<std::string> hop_test;           // "pass" or "fail"
};

/// The log of `date`. Fails with kInvalidArgument naming the field, as ParseInjuryForm.
Result<LogPainRequest> ParsePainLogForm(const PainLogForm& form, core::Date date);

/// The CLI option for a form field: "--pain-at-rest" for "pain_at_rest".
std::string OptionName(std::string_view field);

}  // namespace stride::app

#endif  // STRIDE_APP_INJURY_FORM_H_
