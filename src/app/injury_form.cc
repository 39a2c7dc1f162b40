// SPDX-License-Identifier: MIT
// ParseInjuryForm and ParsePainLogForm (injury_form.h): one set of checks and messages for the CLI and
// the dashboard's API.
#include "app/injury_form.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

namespace stride::app {
namespace {

using core::ErrorCode;

constexpr int64_t kMaxWalkMin = 24 * 60;

// A whole number, or an error naming the field.
Result<int64_t> ParseWhole(const std::string& text, const char* field, const char* what) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{} must be a whole number, got '{}'", what, text), field);
  }
  return value;
}

Result<int> ParsePain(const std::optional<std::string>& text, const char* field) {
  if (!text) return Fail(ErrorCode::kInvalidArgument, fmt::format("{} is required", field), field);
  auto v = ParseWhole(*text, field, "pain");
  if (!v || *v < care::kMinPain || *v > care::kMaxPain) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("pain must be a whole number from 0 to 10, got '{}'", *text),
                field);
  }
  return static_cast<int>(*v);
}

// A name parsed by `parse` (care::ParseSide ...), its error naming the field; absent leaves *out unchanged.
template <class T, class Parse>
Status ParseNamed(const std::optional<std::string>& text, const char* field, Parse parse, std::optional<T>* out) {
  if (!text) return Ok();
  auto value = parse(*text);
  if (!value) return Fail(ErrorCode::kInvalidArgument, value.error().message, field);
  *out = *value;
  return Ok();
}

}  // namespace

Result<care::Injury> ParseInjuryForm(const InjuryForm& form, core::Date onset_date) {
  care::Injury i;
  if (!form.site) {
    return Fail(ErrorCode::kInvalidArgument, "site is required: use one of " + care::AcceptedInjurySites(), "site");
  }
  std::optional<care::InjurySite> site;
  if (auto s = ParseNamed(form.site, "site", care::ParseInjurySite, &site); !s) return Fail(s.error());
  i.site = *site;
  auto pain = ParsePain(form.pain, "pain");
  if (!pain) return Fail(pain.error());
  i.pain = *pain;
  if (auto s = ParseNamed(form.side, "side", care::ParseSide, &i.side); !s) return Fail(s.error());
  if (form.pain_at_rest) {
    auto rest = ParsePain(form.pain_at_rest, "pain_at_rest");
    if (!rest) return Fail(rest.error());
    i.pain_at_rest = *rest;
  }
  if (auto s = ParseNamed(form.onset, "onset", care::ParseOnset, &i.onset); !s) return Fail(s.error());
  i.onset_date = onset_date;
  i.pain_night = form.pain_night;
  i.swelling = form.swelling;
  i.bone_tenderness = form.bone_tenderness;
  i.cannot_bear_weight = form.cannot_bear_weight;
  i.numbness = form.numbness;
  i.notes = form.notes.value_or("");
  return i;
}

Result<LogPainRequest> ParsePainLogForm(const PainLogForm& form, core::Date date) {
  LogPainRequest r;
  r.log.date = date;
  for (auto [text, field, out] : {std::tuple{&form.pain_during, "pain_during", &r.log.pain_during},
                                  std::tuple{&form.pain_after, "pain_after", &r.log.pain_after},
                                  std::tuple{&form.pain_next_morning, "pain_next_morning", &r.log.pain_next_morning}}) {
    auto pain = ParsePain(*text, field);
    if (!pain) return Fail(pain.error());
    *out = *pain;
  }
  if (form.injury) {
    auto id = ParseWhole(*form.injury, "injury", "the injury id");
    if (!id) return Fail(id.error());
    r.injury_id = *id;
  }
  if (form.walk_min) {
    auto walk = ParseWhole(*form.walk_min, "walk_min", "walking minutes");
    if (!walk || *walk < 0 || *walk > kMaxWalkMin) {
      return Fail(ErrorCode::kInvalidArgument, fmt::format("walking minutes must be 0-1440, got '{}'", *form.walk_min),
                  "walk_min");
    }
    r.log.walk_min = static_cast<double>(*walk);
  }
  if (auto s = ParseNamed(form.hop_test, "hop_test", care::ParseHopTest, &r.log.hop_test); !s) return Fail(s.error());
  return r;
}

std::string OptionName(std::string_view field) {
  std::string option = "--";
  for (char c : field) option += c == '_' ? '-' : c;
  return option;
}

}  // namespace stride::app
