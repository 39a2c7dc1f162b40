// SPDX-License-Identifier: MIT
#include "core/date.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

namespace stride::core {
namespace {

constexpr const char* kShortNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr const char* kLongNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool ReadInt(std::string_view text, size_t pos, size_t len, int* out) {
  if (pos + len > text.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, *out);
  return ec == std::errc();
}

}  // namespace

Date Date::FromYmd(int year, unsigned month, unsigned day) {
  return Date(std::chrono::sys_days(std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}));
}

int Date::year() const { return static_cast<int>(std::chrono::year_month_day(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(std::chrono::year_month_day(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(std::chrono::year_month_day(days_).day()); }

Weekday Date::weekday() const {
  unsigned iso = std::chrono::weekday(days_).iso_encoding();  // 1 = Monday .. 7 = Sunday
  return static_cast<Weekday>(iso - 1);
}

Date Date::WeekStart() const { return AddDays(-static_cast<int64_t>(weekday())); }

Result<Date> ParseDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadInt(text, 0, 4, &y) || !ReadInt(text, 5, 2, &m) ||
      !ReadInt(text, 8, 2, &d)) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("cannot read date '{}'; write YYYY-MM-DD, e.g. 2027-04-25", text));
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return Fail(ErrorCode::kInvalidArgument, fmt::format("date '{}' does not exist", text));
  return Date(std::chrono::sys_days(ymd));
}

std::string FormatDate(Date date) { return fmt::format("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()); }

Result<Weekday> ParseWeekday(std::string_view text) {
  std::string t;
  for (char c : text) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (int i = 0; i < 7; ++i) {
    std::string long_name = kLongNames[i];
    for (char& c : long_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == kShortNames[i] || t == long_name) return static_cast<Weekday>(i);
  }
  return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown day '{}'; use mon, tue, wed, thu, fri, sat or sun", text));
}

const char* WeekdayName(Weekday day) { return kShortNames[static_cast<int>(day)]; }
const char* WeekdayLongName(Weekday day) { return kLongNames[static_cast<int>(day)]; }

Date LocalDate(Timestamp t, int32_t utc_offset_s) {
  auto local = t + std::chrono::seconds(utc_offset_s);
  return Date(std::chrono::floor<std::chrono::days>(local));
}

std::string FormatTimestamp(Timestamp t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd(day);
  auto ms = (t - day).count();
  long long secs = ms / 1000, millis = ms % 1000;
  std::string base = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                                 static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), secs / 3600,
                                 (secs % 3600) / 60, secs % 60);
  if (millis != 0) base += fmt::format(".{:03}", millis);
  return base + "Z";
}

Result<Timestamp> ParseTimestamp(std::string_view text, int32_t* offset_s, bool* had_offset) {
  // Trim surrounding whitespace (XML text nodes often carry it).
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot read time '{}'; expected ISO 8601 like 2026-10-18T07:05:00Z", text));
  };
  auto date = ParseDate(text.substr(0, std::min<size_t>(10, text.size())));
  if (!date || text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') return bad();
  int hh = 0, mm = 0, ss = 0;
  if (!ReadInt(text, 11, 2, &hh) || !ReadInt(text, 14, 2, &mm) || !ReadInt(text, 17, 2, &ss) || hh > 23 || mm > 59 ||
      ss > 60) {
    return bad();
  }
  size_t pos = 19;
  long long millis = 0;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
    ++pos;
    long long scale = 100;
    size_t digits = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      if (scale > 0) millis += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
      ++digits;
    }
    if (digits == 0) return bad();
  }
  int32_t offset = 0;
  bool has_offset = false;
  if (pos < text.size()) {
    char c = text[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == text.size()) {
      has_offset = true;
    } else if (c == '+' || c == '-') {
      int oh = 0, om = 0;
      std::string_view rest = text.substr(pos + 1);
      bool ok = false;
      if (rest.size() == 5 && rest[2] == ':') ok = ReadInt(rest, 0, 2, &oh) && ReadInt(rest, 3, 2, &om);
      else if (rest.size() == 4) ok = ReadInt(rest, 0, 2, &oh) && ReadInt(rest, 2, 2, &om);
      else if (rest.size() == 2) ok = ReadInt(rest, 0, 2, &oh);
      if (!ok || oh > 14 || om > 59) return bad();
      offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
      has_offset = true;
    } else {
      return bad();
    }
  }
  Timestamp t = std::chrono::time_point_cast<std::chrono::milliseconds>(date->sys_days()) +
                std::chrono::milliseconds((hh * 3600LL + mm * 60LL + ss) * 1000LL + millis) - std::chrono::seconds(offset);
  if (offset_s) *offset_s = offset;
  if (had_offset) *had_offset = has_offset;
  return t;
}

Timestamp StartOfDay(Date date) { return std::chrono::time_point_cast<std::chrono::milliseconds>(date.sys_days()); }

}  // namespace stride::core
