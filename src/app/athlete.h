// SPDX-License-Identifier: MIT
// Use cases for the athlete profile: read it, and change some fields while keeping the rest.
#ifndef STRIDE_APP_ATHLETE_H_
#define STRIDE_APP_ATHLETE_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/athlete.h"
#include "core/result.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// The fields to change; unset fields keep their stored value.
struct AthleteChanges {
  std::optional<std::string> name;
  std::optional<core::Sex> sex;
  std::optional<int> birth_year;
  std::optional<int> hr_rest_bpm;
  std::optional<int> hr_max_bpm;
  std::optional<core::UnitSystem> units;
  std::optional<double> weekly_distance_m;
  std::optional<double> longest_run_m;
  std::vector<core::RaceResult> add_races;  // added; a result at the same distance and date is replaced
  bool clear_races = false;                 // drop stored races before adding
  std::optional<std::vector<core::Weekday>> training_days;
  std::optional<core::Weekday> long_run_day;
  std::optional<std::set<core::Facility>> facilities;
  std::optional<std::set<core::HealthFlag>> health;
};

/// Applies `changes` to the stored profile (or a new one) in one transaction and returns the result.
/// Fails with kInvalidArgument (naming the option) when the merged profile is invalid for `today`;
/// nothing is written then.
Result<core::Athlete> UpdateAthlete(store::Database& db, const AthleteChanges& changes, core::Date today);

/// The stored profile. Fails with kNotFound when none has been set.
Result<core::Athlete> GetAthlete(store::Database& db);

/// The stored profile, or a default one (km, no data) when none has been set.
Result<core::Athlete> GetAthleteOrDefault(store::Database& db);

}  // namespace stride::app

#endif  // STRIDE_APP_ATHLETE_H_
