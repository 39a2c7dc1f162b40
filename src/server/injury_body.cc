// SPDX-License-Identifier: MIT
// The JSON bodies of the injury endpoints, turned into app/injury_form.h's forms: the CLI's checks and
// messages, with errors naming the JSON field.
#include "server/injury_body.h"

#include <string>
#include <utility>

#include "app/injury_form.h"

namespace stride::server {
namespace {

using core::ErrorCode;
using nlohmann::json;

bool Has(const json& body, const char* field) { return body.contains(field) && !body[field].is_null(); }

// A field holding a number as the runner typed it: numbers and strings are taken as text (so "4" and 4
// are alike, as on the command line), anything else as its JSON, which the form then rejects with what
// was sent.
std::optional<std::string> NumberText(const json& body, const char* field) {
  if (!Has(body, field)) return std::nullopt;
  const json& v = body[field];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// A field holding a name or free text: a string, or an error naming the field.
Result<std::optional<std::string>> Text(const json& body, const char* field) {
  if (!Has(body, field)) return std::optional<std::string>();
  if (!body[field].is_string()) return Fail(ErrorCode::kInvalidArgument, "expected a string", field);
  return std::optional<std::string>(body[field].get<std::string>());
}

Status ReadFlag(const json& body, const char* field, bool* out) {
  if (!Has(body, field)) return Ok();
  if (!body[field].is_boolean()) return Fail(ErrorCode::kInvalidArgument, "expected true or false", field);
  *out = body[field].get<bool>();
  return Ok();
}

Result<core::Date> ReadDate(const json& body, core::Date today) {
  auto text = Text(body, "date");
  if (!text) return Fail(text.error());
  if (!*text) return today;
  auto date = core::ParseDate(**text);
  if (!date) return Fail(ErrorCode::kInvalidArgument, date.error().message, "date");
  return *date;
}

}  // namespace

Result<care::Injury> InjuryFromJson(const json& body, core::Date today) {
  app::InjuryForm form;
  for (auto [field, out] : {std::pair{"site", &form.site}, std::pair{"side", &form.side},
                            std::pair{"onset", &form.onset}, std::pair{"notes", &form.notes}}) {
    auto text = Text(body, field);
    if (!text) return Fail(text.error());
    *out = std::move(*text);
  }
  form.pain = NumberText(body, "pain");
  form.pain_at_rest = NumberText(body, "pain_at_rest");
  for (auto [field, flag] : {std::pair{"pain_night", &form.pain_night}, std::pair{"swelling", &form.swelling},
                             std::pair{"bone_tenderness", &form.bone_tenderness},
                             std::pair{"cannot_bear_weight", &form.cannot_bear_weight},
                             std::pair{"numbness", &form.numbness}}) {
    if (auto s = ReadFlag(body, field, flag); !s) return Fail(s.error());
  }
  auto date = ReadDate(body, today);
  if (!date) return Fail(date.error());
  return app::ParseInjuryForm(form, *date);
}

Result<app::LogPainRequest> PainLogFromJson(const json& body, core::Date today) {
  app::PainLogForm form;
  form.pain_during = NumberText(body, "pain_during");
  form.pain_after = NumberText(body, "pain_after");
  form.pain_next_morning = NumberText(body, "pain_next_morning");
  form.injury = NumberText(body, "injury");
  form.walk_min = NumberText(body, "walk_min");
  auto hop = Text(body, "hop_test");
  if (!hop) return Fail(hop.error());
  form.hop_test = std::move(*hop);
  auto date = ReadDate(body, today);
  if (!date) return Fail(date.error());
  return app::ParsePainLogForm(form, *date);
}

}  // namespace stride::server
