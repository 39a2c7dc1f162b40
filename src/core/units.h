// SPDX-License-Identifier: MIT
// Quantities a runner talks about: distance, duration, pace, speed, heart rate. SI inside (metres,
// seconds, metres per second); the runner's unit system (km or mi) appears only when parsing and
// formatting. Parsers accept what runners type: `42.195km`, `26.2mi`, `5000m`, `10k`, `half`,
// `marathon`, `3:45:00`, `45:30`, `4:30/km`, `7:15/mi`.
#ifndef STRIDE_CORE_UNITS_H_
#define STRIDE_CORE_UNITS_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace stride::core {

inline constexpr double kMetresPerKm = 1000.0;
inline constexpr double kMetresPerMile = 1609.344;
inline constexpr double kMarathonMetres = 42195.0;
inline constexpr double kHalfMarathonMetres = 21097.5;

/// The runner's choice for distances and paces. Persisted as "km" / "mi": do not rename.
enum class UnitSystem { kKilometres, kMiles };

/// "km" or "mi".
const char* UnitName(UnitSystem units);
/// Parses "km" or "mi" (also "kilometres", "miles", "metric", "imperial").
/// Fails with kInvalidArgument naming what is accepted.
Result<UnitSystem> ParseUnitSystem(std::string_view text);
/// Metres in one km or one mile.
double MetresPerUnit(UnitSystem units);

/// A distance in metres.
class Distance {
 public:
  constexpr Distance() = default;
  static constexpr Distance Metres(double m) { return Distance(m); }
  static constexpr Distance Km(double km) { return Distance(km * kMetresPerKm); }
  static constexpr Distance Miles(double mi) { return Distance(mi * kMetresPerMile); }

  constexpr double metres() const { return metres_; }
  constexpr double km() const { return metres_ / kMetresPerKm; }
  constexpr double miles() const { return metres_ / kMetresPerMile; }
  double In(UnitSystem units) const { return metres_ / MetresPerUnit(units); }

  constexpr auto operator<=>(const Distance&) const = default;

 private:
  constexpr explicit Distance(double m) : metres_(m) {}
  double metres_ = 0;
};

/// Parses a distance: a number with a unit (`42.195km`, `26.2mi`, `5000m`, `10k`, `5K`, `1.5 km`) or a
/// race name (`half`, `half-marathon`, `marathon`). A bare number is taken in `default_units` when
/// given, else rejected. Fails with kInvalidArgument; the message says what would be right.
Result<Distance> ParseDistance(std::string_view text, std::optional<UnitSystem> default_units = std::nullopt);

/// "12.5 km" / "7.77 mi": at most `decimals` decimals, trailing zeros dropped.
std::string FormatDistance(Distance d, UnitSystem units, int decimals = 2);

/// Parses a duration `H:MM:SS`, `M:SS` or `MM:SS` (seconds may have decimals), or `90s`, `45min`,
/// `1h30m`. Returns seconds. Fails with kInvalidArgument.
Result<double> ParseDuration(std::string_view text);

/// "3:45:00" when an hour or more, else "45:30"; rounded to whole seconds.
std::string FormatDuration(double seconds);

/// A pace in seconds per km.
class Pace {
 public:
  constexpr Pace() = default;
  static constexpr Pace SecondsPerKm(double s) { return Pace(s); }
  static Pace SecondsPer(UnitSystem units, double s) { return Pace(s / MetresPerUnit(units) * kMetresPerKm); }
  static Pace FromSpeed(double metres_per_second) { return Pace(kMetresPerKm / metres_per_second); }

  constexpr double seconds_per_km() const { return seconds_per_km_; }
  double SecondsPer(UnitSystem units) const { return seconds_per_km_ * MetresPerUnit(units) / kMetresPerKm; }
  double speed_mps() const { return kMetresPerKm / seconds_per_km_; }

  constexpr auto operator<=>(const Pace&) const = default;

 private:
  constexpr explicit Pace(double s) : seconds_per_km_(s) {}
  double seconds_per_km_ = 0;
};

/// Parses `4:30/km`, `7:15/mi`, `4:30 /km`, `4:30 min/km`. A pace without a unit is taken in
/// `default_units` when given. Fails with kInvalidArgument.
Result<Pace> ParsePace(std::string_view text, std::optional<UnitSystem> default_units = std::nullopt);

/// "4:30/km" or "7:15/mi", rounded to whole seconds.
std::string FormatPace(Pace pace, UnitSystem units);

/// Speed in km/h or mph, e.g. "12.0 km/h".
std::string FormatSpeed(double metres_per_second, UnitSystem units);

/// Heart rate is a plain bpm number; this checks it is physiologically plausible (20-250 bpm).
bool IsPlausibleHeartRate(double bpm);

}  // namespace stride::core

#endif  // STRIDE_CORE_UNITS_H_
