// SPDX-License-Identifier: MIT
// The athlete profile: who the runner is, what they have run, when they can train, and what recovery
// facilities and health constraints they have. Plain values; storage is in store/, validation here.
#ifndef STRIDE_CORE_ATHLETE_H_
#define STRIDE_CORE_ATHLETE_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/units.h"

namespace stride::core {

/// Persisted by name ("female"/"male"): do not rename.
enum class Sex { kFemale, kMale };

/// Recovery and training facilities the runner has. Persisted by name (see FacilityName): do not rename.
enum class Facility { kFoamRoller, kTexturedRoller, kSauna, kPlungePool, kMassage, kGym };

/// Health flags that rule some recovery or training out. Persisted by name: do not rename.
enum class HealthFlag {
  kHeartCondition,     // unstable angina, recent MI, aortic stenosis: no sauna, no cold plunge
  kPregnancy,          // no sauna or cold plunge without medical advice
  kRaynauds,           // no cold water
  kHypertension,       // uncontrolled blood pressure: no sauna, no cold plunge
  kLowBloodPressure,   // no sauna
  kColdUrticaria,      // no cold water
  kIllness,            // fever or acute illness: no sauna, no hard training
};

/// A race result the runner reports: distance, finishing time, optional date.
struct RaceResult {
  Distance distance;
  double time_s = 0;
  std::optional<Date> date;
};

struct Athlete {
  std::string name;
  std::optional<Sex> sex;
  std::optional<int> birth_year;
  std::optional<int> hr_rest_bpm;
  std::optional<int> hr_max_bpm;
  UnitSystem units = UnitSystem::kKilometres;
  std::optional<double> weekly_distance_m;  // declared current weekly volume (used until history exists)
  std::optional<double> longest_run_m;      // declared longest recent run
  std::vector<RaceResult> races;            // most recent last after SortRaces()
  std::vector<Weekday> training_days;       // sorted, unique
  std::optional<Weekday> long_run_day;
  std::set<Facility> facilities;
  std::set<HealthFlag> health;

  bool Has(Facility f) const { return facilities.contains(f); }
  bool Has(HealthFlag h) const { return health.contains(h); }
  /// The most recent race: the latest dated one, else the last one entered. nullopt when none.
  std::optional<RaceResult> LatestRace() const;
};

const char* SexName(Sex sex);
Result<Sex> ParseSex(std::string_view text);
const char* FacilityName(Facility f);
Result<Facility> ParseFacility(std::string_view text);
const char* HealthFlagName(HealthFlag h);
Result<HealthFlag> ParseHealthFlag(std::string_view text);
/// All values, for help texts and validation messages.
std::vector<Facility> AllFacilities();
std::vector<HealthFlag> AllHealthFlags();

/// Parses a race result `DIST=TIME[@DATE]`, e.g. `10k=52:30@2026-10-18` or `half=1:55:00`.
/// Fails with kInvalidArgument when a part is malformed or the effort is implausible (faster than
/// world-record pace, or slower than 20 min/km).
Result<RaceResult> ParseRaceResult(std::string_view text);
/// "10 km in 52:30 on 2026-10-18".
std::string FormatRaceResult(const RaceResult& race, UnitSystem units);

/// Checks the profile as a whole: heart rates in range and resting below maximum, birth year
/// plausible for `today`, volumes in range, long-run day among the training days.
/// Fails with kInvalidArgument whose `where` names the option (e.g. "--hr-max").
Status ValidateAthlete(const Athlete& athlete, Date today);

}  // namespace stride::core

#endif  // STRIDE_CORE_ATHLETE_H_
