// SPDX-License-Identifier: MIT
// Calendar dates and instants. A Date is a civil day (no time zone); a Timestamp is a UTC instant in
// milliseconds. Training days are attributed by the runner's local date. No clock is read here: the
// faces pass "today" in.
#ifndef STRIDE_CORE_DATE_H_
#define STRIDE_CORE_DATE_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace stride::core {

/// A UTC instant, millisecond resolution.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

/// Days of the week, Monday first (ISO 8601). Persisted by name ("mon".."sun"): do not rename.
enum class Weekday { kMonday = 0, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

/// A civil date.
class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
  static Date FromYmd(int year, unsigned month, unsigned day);

  std::chrono::sys_days sys_days() const { return days_; }
  /// Days since 1970-01-01.
  int64_t days_since_epoch() const { return days_.time_since_epoch().count(); }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  Weekday weekday() const;
  /// The Monday of this date's week.
  Date WeekStart() const;

  Date AddDays(int64_t n) const { return Date(days_ + std::chrono::days(n)); }
  /// Whole days from `this` to `other` (positive when other is later).
  int64_t DaysUntil(Date other) const { return (other.days_ - days_).count(); }

  auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

/// Parses YYYY-MM-DD, checking that the day exists. Fails with kInvalidArgument.
Result<Date> ParseDate(std::string_view text);
/// "2026-10-18".
std::string FormatDate(Date date);

/// Parses "mon", "monday", "Tue" ... Fails with kInvalidArgument naming the accepted values.
Result<Weekday> ParseWeekday(std::string_view text);
/// "mon" .. "sun".
const char* WeekdayName(Weekday day);
/// "Monday" .. "Sunday".
const char* WeekdayLongName(Weekday day);

/// The UTC calendar date of an instant, shifted by `utc_offset_s` to get the local date.
Date LocalDate(Timestamp t, int32_t utc_offset_s = 0);
/// ISO 8601 UTC, e.g. "2026-10-18T07:05:00Z" (milliseconds shown only when non-zero).
std::string FormatTimestamp(Timestamp t);
/// Parses ISO 8601 date-times: "2026-10-18T07:05:00Z", "...+02:00", "...-0500", fractional seconds, or a
/// zone-less time (taken as UTC; `had_offset` says which). On success `offset_s` holds the file's
/// local offset when it gave one.
Result<Timestamp> ParseTimestamp(std::string_view text, int32_t* offset_s = nullptr, bool* had_offset = nullptr);
/// The instant at 00:00 UTC of a date.
Timestamp StartOfDay(Date date);

}  // namespace stride::core

#endif  // STRIDE_CORE_DATE_H_
