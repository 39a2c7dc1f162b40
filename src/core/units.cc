// SPDX-License-Identifier: MIT
#include "core/units.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace stride::core {
namespace {

std::string Lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// Parses a non-negative decimal number occupying the whole of `text`.
std::optional<double> ParseNumber(std::string_view text) {
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<long> ParseInteger(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// "12.50" -> "12.5", "12.00" -> "12".
std::string TrimZeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Splits "h:mm:ss" / "m:ss" into seconds; nullopt when malformed.
std::optional<double> ParseClock(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ':') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  double total = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    bool last = i + 1 == parts.size();
    bool first = i == 0;
    if (last) {
      auto seconds = ParseNumber(parts[i]);
      if (!seconds || *seconds >= 60 || parts[i].size() < 2 || parts[i][1] == '.') return std::nullopt;
      total += *seconds;
    } else {
      auto value = ParseInteger(parts[i]);
      if (!value) return std::nullopt;
      if (!first && (*value >= 60 || parts[i].size() != 2)) return std::nullopt;
      total = (total + static_cast<double>(*value)) * 60;
    }
  }
  return total;
}

}  // namespace

const char* UnitName(UnitSystem units) { return units == UnitSystem::kMiles ? "mi" : "km"; }

Result<UnitSystem> ParseUnitSystem(std::string_view text) {
  std::string t = Lower(text);
  if (t == "km" || t == "kilometres" || t == "kilometers" || t == "metric") return UnitSystem::kKilometres;
  if (t == "mi" || t == "miles" || t == "mile" || t == "imperial") return UnitSystem::kMiles;
  return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown unit system '{}'; use km or mi", text));
}

double MetresPerUnit(UnitSystem units) { return units == UnitSystem::kMiles ? kMetresPerMile : kMetresPerKm; }

Result<Distance> ParseDistance(std::string_view text, std::optional<UnitSystem> default_units) {
  const std::string t = Lower(text);
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot read distance '{}'; write e.g. 42.195km, 26.2mi, 5000m, 10k, half or marathon", text));
  };
  if (t == "marathon" || t == "full") return Distance::Metres(kMarathonMetres);
  if (t == "half" || t == "half-marathon" || t == "halfmarathon" || t == "hm") return Distance::Metres(kHalfMarathonMetres);
  struct Suffix {
    const char* text;
    double metres;
  };
  static constexpr Suffix kSuffixes[] = {
      {"kilometres", 1000}, {"kilometers", 1000}, {"km", 1000},   {"k", 1000},   {"miles", kMetresPerMile},
      {"mile", kMetresPerMile}, {"mi", kMetresPerMile}, {"metres", 1}, {"meters", 1}, {"m", 1},
  };
  for (const Suffix& s : kSuffixes) {
    std::string_view suffix(s.text);
    if (t.size() > suffix.size() && t.ends_with(suffix)) {
      auto value = ParseNumber(std::string_view(t).substr(0, t.size() - suffix.size()));
      if (!value) return bad();
      if (*value <= 0) return Fail(ErrorCode::kInvalidArgument, fmt::format("distance '{}' must be more than zero", text));
      return Distance::Metres(*value * s.metres);
    }
  }
  if (auto value = ParseNumber(t); value && default_units) {
    if (*value <= 0) return Fail(ErrorCode::kInvalidArgument, fmt::format("distance '{}' must be more than zero", text));
    return Distance::Metres(*value * MetresPerUnit(*default_units));
  }
  return bad();
}

std::string FormatDistance(Distance d, UnitSystem units, int decimals) {
  return TrimZeros(fmt::format("{:.{}f}", d.In(units), decimals)) + " " + UnitName(units);
}

Result<double> ParseDuration(std::string_view text) {
  const std::string t = Lower(text);
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot read duration '{}'; write H:MM:SS or M:SS, e.g. 3:45:00 or 45:30", text));
  };
  if (t.find(':') != std::string::npos) {
    auto seconds = ParseClock(t);
    if (!seconds) return bad();
    if (*seconds <= 0) return Fail(ErrorCode::kInvalidArgument, fmt::format("duration '{}' must be more than zero", text));
    return *seconds;
  }
  // Unit form: 1h30m, 45min, 90s.
  double total = 0;
  size_t i = 0;
  bool any = false;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && (std::isdigit(static_cast<unsigned char>(t[j])) || t[j] == '.')) ++j;
    if (j == i) return bad();
    auto value = ParseNumber(std::string_view(t).substr(i, j - i));
    size_t k = j;
    while (k < t.size() && std::isalpha(static_cast<unsigned char>(t[k]))) ++k;
    std::string_view unit = std::string_view(t).substr(j, k - j);
    if (!value) return bad();
    if (unit == "h" || unit == "hr" || unit == "hours" || unit == "hour") total += *value * 3600;
    else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minutes") total += *value * 60;
    else if (unit == "s" || unit == "sec" || unit == "secs" || unit == "seconds") total += *value;
    else return bad();
    any = true;
    i = k;
  }
  if (!any) return bad();
  if (total <= 0) return Fail(ErrorCode::kInvalidArgument, fmt::format("duration '{}' must be more than zero", text));
  return total;
}

std::string FormatDuration(double seconds) {
  long total = std::lround(seconds);
  bool negative = total < 0;
  if (negative) total = -total;
  long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
  std::string out = h > 0 ? fmt::format("{}:{:02}:{:02}", h, m, s) : fmt::format("{}:{:02}", m, s);
  return negative ? "-" + out : out;
}

Result<Pace> ParsePace(std::string_view text, std::optional<UnitSystem> default_units) {
  std::string t = Lower(text);
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("cannot read pace '{}'; write e.g. 4:30/km or 7:15/mi", text));
  };
  std::optional<UnitSystem> units = default_units;
  size_t slash = t.find('/');
  std::string clock = t;
  if (slash != std::string::npos) {
    std::string unit = t.substr(slash + 1);
    clock = t.substr(0, slash);
    if (clock.ends_with("min")) clock.resize(clock.size() - 3);
    if (unit == "km" || unit == "k") units = UnitSystem::kKilometres;
    else if (unit == "mi" || unit == "mile") units = UnitSystem::kMiles;
    else return bad();
  }
  if (!units) return bad();
  auto seconds = ParseClock(clock);
  if (!seconds) return bad();
  if (*seconds <= 0) return Fail(ErrorCode::kInvalidArgument, fmt::format("pace '{}' must be more than zero", text));
  return Pace::SecondsPer(*units, *seconds);
}

std::string FormatPace(Pace pace, UnitSystem units) {
  long total = std::lround(pace.SecondsPer(units));
  return fmt::format("{}:{:02}/{}", total / 60, total % 60, UnitName(units));
}

std::string FormatSpeed(double metres_per_second, UnitSystem units) {
  double per_hour = metres_per_second * 3600.0 / MetresPerUnit(units);
  return fmt::format("{:.1f} {}", per_hour, units == UnitSystem::kMiles ? "mph" : "km/h");
}

bool IsPlausibleHeartRate(double bpm) { return bpm >= 20 && bpm <= 250; }

}  // namespace stride::core
