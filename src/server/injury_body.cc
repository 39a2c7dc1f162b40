// SPDX-License-Identifier: MIT
#include "server/injury_body.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <utility>

namespace stride::server {
namespace {

using core::ErrorCode;
using nlohmann::json;

constexpr int64_t kMaxWalkMin = 24 * 60;

bool Has(const json& body, const char* field) { return body.contains(field) && !body[field].is_null(); }

// The value as the runner typed it, for messages: a string without its quotes, anything else as JSON.
std::string Shown(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// A whole number, else `message` (with what was sent) naming the field. Strings of digits are accepted,
// as the CLI accepts them.
Result<int64_t> ReadWhole(const json& body, const char* field, const std::string& what) {
  const json& v = body[field];
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    int64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size()) return value;
  }
  return Fail(ErrorCode::kInvalidArgument, fmt::format("{} must be a whole number, got '{}'", what, Shown(v)), field);
}

// Pain 0-10 with the CLI's message ("pain must be a whole number from 0 to 10, got '11'").
Result<int> ReadPain(const json& body, const char* field) {
  if (!Has(body, field)) return Fail(ErrorCode::kInvalidArgument, fmt::format("{} is required", field), field);
  auto v = ReadWhole(body, field, "pain");
  if (!v || *v < care::kMinPain || *v > care::kMaxPain) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("pain must be a whole number from 0 to 10, got '{}'", Shown(body[field])), field);
  }
  return static_cast<int>(*v);
}

// A text field parsed with `parse` (care::ParseSide ...); absent or null leaves *out unchanged.
template <class T, class Parse>
Status ReadParsed(const json& body, const char* field, Parse parse, std::optional<T>* out) {
  if (!Has(body, field)) return Ok();
  if (!body[field].is_string()) return Fail(ErrorCode::kInvalidArgument, "expected a string", field);
  auto value = parse(body[field].get<std::string>());
  if (!value) return Fail(ErrorCode::kInvalidArgument, value.error().message, field);
  *out = *value;
  return Ok();
}

Status ReadFlag(const json& body, const char* field, bool* out) {
  if (!Has(body, field)) return Ok();
  if (!body[field].is_boolean()) return Fail(ErrorCode::kInvalidArgument, "expected true or false", field);
  *out = body[field].get<bool>();
  return Ok();
}

Result<core::Date> ReadDate(const json& body, core::Date today) {
  std::optional<core::Date> date;
  if (auto s = ReadParsed(body, "date", core::ParseDate, &date); !s) return Fail(s.error());
  return date.value_or(today);
}

Status ReadInjuryDetails(const json& body, care::Injury* i) {
  if (auto s = ReadParsed(body, "side", care::ParseSide, &i->side); !s) return s;
  if (auto s = ReadParsed(body, "onset", care::ParseOnset, &i->onset); !s) return s;
  if (Has(body, "pain_at_rest")) {
    auto rest = ReadPain(body, "pain_at_rest");
    if (!rest) return Fail(rest.error());
    i->pain_at_rest = *rest;
  }
  std::optional<std::string> notes;
  auto text = [](const std::string& t) -> Result<std::string> { return t; };
  if (auto s = ReadParsed(body, "notes", text, &notes); !s) return s;
  i->notes = notes.value_or("");
  for (auto [field, flag] : {std::pair{"pain_night", &i->pain_night}, std::pair{"swelling", &i->swelling},
                             std::pair{"bone_tenderness", &i->bone_tenderness},
                             std::pair{"cannot_bear_weight", &i->cannot_bear_weight},
                             std::pair{"numbness", &i->numbness}}) {
    if (auto s = ReadFlag(body, field, flag); !s) return s;
  }
  return Ok();
}

}  // namespace

Result<care::Injury> InjuryFromJson(const json& body, core::Date today) {
  care::Injury injury;
  if (!Has(body, "site")) {
    return Fail(ErrorCode::kInvalidArgument, "site is required: use one of " + care::AcceptedInjurySites(), "site");
  }
  std::optional<care::InjurySite> site;
  if (auto s = ReadParsed(body, "site", care::ParseInjurySite, &site); !s) return Fail(s.error());
  injury.site = *site;
  auto pain = ReadPain(body, "pain");
  if (!pain) return Fail(pain.error());
  injury.pain = *pain;
  if (auto s = ReadInjuryDetails(body, &injury); !s) return Fail(s.error());
  auto date = ReadDate(body, today);
  if (!date) return Fail(date.error());
  injury.onset_date = *date;
  return injury;
}

Result<app::LogPainRequest> PainLogFromJson(const json& body, core::Date today) {
  app::LogPainRequest r;
  auto date = ReadDate(body, today);
  if (!date) return Fail(date.error());
  r.log.date = *date;
  for (auto [field, out] : {std::pair{"pain_during", &r.log.pain_during}, std::pair{"pain_after", &r.log.pain_after},
                            std::pair{"pain_next_morning", &r.log.pain_next_morning}}) {
    auto pain = ReadPain(body, field);
    if (!pain) return Fail(pain.error());
    *out = *pain;
  }
  if (Has(body, "injury")) {
    auto id = ReadWhole(body, "injury", "the injury id");
    if (!id) return Fail(id.error());
    r.injury_id = *id;
  }
  if (Has(body, "walk_min")) {
    auto walk = ReadWhole(body, "walk_min", "walking minutes");
    if (!walk || *walk < 0 || *walk > kMaxWalkMin) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("walking minutes must be 0-1440, got '{}'", Shown(body["walk_min"])), "walk_min");
    }
    r.log.walk_min = static_cast<double>(*walk);
  }
  std::optional<care::HopTest> hop;
  if (auto s = ReadParsed(body, "hop_test", care::ParseHopTest, &hop); !s) return Fail(s.error());
  r.log.hop_test = hop;
  return r;
}

}  // namespace stride::server
