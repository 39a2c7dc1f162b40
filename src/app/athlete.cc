// SPDX-License-Identifier: MIT
#include "app/athlete.h"

#include <algorithm>
#include <cmath>

#include "store/athlete_repository.h"
#include "store/database.h"

namespace stride::app {

Result<core::Athlete> GetAthleteOrDefault(store::Database& db) {
  auto stored = store::LoadAthlete(db);
  if (!stored) return Fail(stored.error());
  return stored->value_or(core::Athlete{});
}

Result<core::Athlete> GetAthlete(store::Database& db) {
  auto stored = store::LoadAthlete(db);
  if (!stored) return Fail(stored.error());
  if (!*stored) {
    return Fail(core::ErrorCode::kNotFound,
                "no athlete profile yet; create one with: stride athlete set --name NAME --units km ...");
  }
  return **stored;
}

Result<core::Athlete> UpdateAthlete(store::Database& db, const AthleteChanges& c, core::Date today) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto current = GetAthleteOrDefault(db);
  if (!current) return current;
  core::Athlete a = std::move(*current);
  if (c.name) a.name = *c.name;
  if (c.sex) a.sex = c.sex;
  if (c.birth_year) a.birth_year = c.birth_year;
  if (c.hr_rest_bpm) a.hr_rest_bpm = c.hr_rest_bpm;
  if (c.hr_max_bpm) a.hr_max_bpm = c.hr_max_bpm;
  if (c.units) a.units = *c.units;
  if (c.weekly_distance_m) a.weekly_distance_m = c.weekly_distance_m;
  if (c.longest_run_m) a.longest_run_m = c.longest_run_m;
  if (c.clear_races) a.races.clear();
  for (const core::RaceResult& r : c.add_races) {
    std::erase_if(a.races, [&](const core::RaceResult& old) {
      return std::abs(old.distance.metres() - r.distance.metres()) < 1 && old.date == r.date;
    });
    a.races.push_back(r);
  }
  if (c.training_days) {
    a.training_days = *c.training_days;
    std::sort(a.training_days.begin(), a.training_days.end());
    a.training_days.erase(std::unique(a.training_days.begin(), a.training_days.end()), a.training_days.end());
  }
  if (c.long_run_day) a.long_run_day = c.long_run_day;
  if (c.facilities) a.facilities = *c.facilities;
  if (c.health) a.health = *c.health;
  if (auto s = core::ValidateAthlete(a, today); !s) return Fail(s.error());
  if (auto s = store::SaveAthlete(db, a); !s) return Fail(s.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  return a;
}

}  // namespace stride::app
