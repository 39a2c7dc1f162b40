// SPDX-License-Identifier: MIT
#include "core/athlete.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace stride::core {
namespace {

std::string Normalise(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

template <class E, size_t N>
Result<E> ParseNamed(std::string_view text, const char* const (&names)[N], const char* what) {
  std::string t = Normalise(text);
  for (size_t i = 0; i < N; ++i) {
    if (t == names[i]) return static_cast<E>(i);
  }
  std::string accepted;
  for (size_t i = 0; i < N; ++i) {
    if (i) accepted += ", ";
    accepted += names[i];
  }
  return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown {} '{}'; use one of: {}", what, text, accepted));
}

constexpr const char* kSexNames[] = {"female", "male"};
constexpr const char* kFacilityNames[] = {"foam-roller", "textured-roller", "sauna", "plunge-pool", "massage", "gym"};
constexpr const char* kHealthNames[] = {"heart-condition", "pregnancy",         "raynauds", "hypertension",
                                        "low-blood-pressure", "cold-urticaria", "illness"};

// World-record-ish floor and a walking ceiling for any race pace, in seconds per km.
constexpr double kFastestPlausiblePaceSPerKm = 2.0 * 60 + 20;  // faster than the 5000 m world record pace
constexpr double kSlowestPlausiblePaceSPerKm = 20.0 * 60;

}  // namespace

std::optional<RaceResult> Athlete::LatestRace() const {
  if (races.empty()) return std::nullopt;
  const RaceResult* best = &races.back();
  for (const RaceResult& r : races) {
    if (r.date && (!best->date || *r.date > *best->date)) best = &r;
  }
  return *best;
}

const char* SexName(Sex sex) { return kSexNames[static_cast<int>(sex)]; }
Result<Sex> ParseSex(std::string_view text) { return ParseNamed<Sex>(text, kSexNames, "sex"); }
const char* FacilityName(Facility f) { return kFacilityNames[static_cast<int>(f)]; }
Result<Facility> ParseFacility(std::string_view text) { return ParseNamed<Facility>(text, kFacilityNames, "facility"); }
const char* HealthFlagName(HealthFlag h) { return kHealthNames[static_cast<int>(h)]; }
Result<HealthFlag> ParseHealthFlag(std::string_view text) {
  return ParseNamed<HealthFlag>(text, kHealthNames, "health flag");
}

std::vector<Facility> AllFacilities() {
  std::vector<Facility> out;
  for (size_t i = 0; i < std::size(kFacilityNames); ++i) out.push_back(static_cast<Facility>(i));
  return out;
}
std::vector<HealthFlag> AllHealthFlags() {
  std::vector<HealthFlag> out;
  for (size_t i = 0; i < std::size(kHealthNames); ++i) out.push_back(static_cast<HealthFlag>(i));
  return out;
}

Result<RaceResult> ParseRaceResult(std::string_view text) {
  size_t eq = text.find('=');
  if (eq == std::string_view::npos) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("cannot read race '{}'; write DIST=TIME[@DATE], e.g. 10k=52:30@2026-10-18", text));
  }
  std::string_view dist_text = text.substr(0, eq), rest = text.substr(eq + 1);
  std::string_view time_text = rest, date_text;
  if (size_t at = rest.find('@'); at != std::string_view::npos) {
    time_text = rest.substr(0, at);
    date_text = rest.substr(at + 1);
  }
  RaceResult race;
  auto distance = ParseDistance(dist_text);
  if (!distance) return Fail(distance.error());
  auto time = ParseDuration(time_text);
  if (!time) return Fail(time.error());
  race.distance = *distance;
  race.time_s = *time;
  if (!date_text.empty()) {
    auto date = ParseDate(date_text);
    if (!date) return Fail(date.error());
    race.date = *date;
  }
  double pace = race.time_s / race.distance.km();
  if (pace < kFastestPlausiblePaceSPerKm) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("race '{}' is faster than world-record pace; check the distance and time", text));
  }
  if (pace > kSlowestPlausiblePaceSPerKm) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("race '{}' is slower than 20 min/km; check the distance and time", text));
  }
  return race;
}

std::string FormatRaceResult(const RaceResult& race, UnitSystem units) {
  std::string out = FormatDistance(race.distance, units) + " in " + FormatDuration(race.time_s);
  if (race.date) out += " on " + FormatDate(*race.date);
  return out;
}

Status ValidateAthlete(const Athlete& a, Date today) {
  auto fail = [](std::string where, std::string message) {
    return Fail(ErrorCode::kInvalidArgument, std::move(message), std::move(where));
  };
  if (a.hr_rest_bpm && (*a.hr_rest_bpm < 25 || *a.hr_rest_bpm > 120)) {
    return fail("--hr-rest", fmt::format("resting heart rate {} is out of range; use 25-120 bpm", *a.hr_rest_bpm));
  }
  if (a.hr_max_bpm && (*a.hr_max_bpm < 100 || *a.hr_max_bpm > 230)) {
    return fail("--hr-max", fmt::format("maximum heart rate {} is out of range; use 100-230 bpm", *a.hr_max_bpm));
  }
  if (a.hr_rest_bpm && a.hr_max_bpm && *a.hr_rest_bpm >= *a.hr_max_bpm) {
    return fail("--hr-rest", fmt::format("resting heart rate {} must be below maximum heart rate {}", *a.hr_rest_bpm,
                                         *a.hr_max_bpm));
  }
  if (a.birth_year && (*a.birth_year < 1900 || *a.birth_year > today.year() - 5)) {
    return fail("--birth-year", fmt::format("birth year {} is out of range; use 1900-{}", *a.birth_year, today.year() - 5));
  }
  if (a.weekly_distance_m && (*a.weekly_distance_m < 0 || *a.weekly_distance_m > 300000)) {
    return fail("--weekly-distance", "weekly distance is out of range; use 0-300 km");
  }
  if (a.longest_run_m && (*a.longest_run_m < 0 || *a.longest_run_m > 100000)) {
    return fail("--longest-run", "longest run is out of range; use 0-100 km");
  }
  if (a.long_run_day && !a.training_days.empty() &&
      std::find(a.training_days.begin(), a.training_days.end(), *a.long_run_day) == a.training_days.end()) {
    return fail("--long-run-day", fmt::format("long-run day {} is not one of the training days; add it to --days",
                                              WeekdayName(*a.long_run_day)));
  }
  for (const RaceResult& r : a.races) {
    if (r.date && *r.date > today) {
      return fail("--race", fmt::format("race date {} is in the future; give results already run", FormatDate(*r.date)));
    }
  }
  return Ok();
}

}  // namespace stride::core
