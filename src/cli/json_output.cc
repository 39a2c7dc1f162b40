// SPDX-License-Identifier: MIT
#include "cli/json_output.h"

#include <cmath>

namespace stride::cli {
namespace {

template <class T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json RaceJson(const core::RaceResult& r) {
  return {{"distance_m", r.distance.metres()},
          {"time_s", r.time_s},
          {"date", r.date ? nlohmann::json(core::FormatDate(*r.date)) : nlohmann::json(nullptr)}};
}

double Round1(double v) { return std::round(v * 10) / 10; }

}  // namespace

nlohmann::json AthleteJson(const core::Athlete& a) {
  nlohmann::json j;
  j["name"] = a.name;
  j["sex"] = a.sex ? nlohmann::json(core::SexName(*a.sex)) : nlohmann::json(nullptr);
  j["birth_year"] = OrNull(a.birth_year);
  j["hr_rest_bpm"] = OrNull(a.hr_rest_bpm);
  j["hr_max_bpm"] = OrNull(a.hr_max_bpm);
  j["units"] = core::UnitName(a.units);
  j["weekly_distance_m"] = OrNull(a.weekly_distance_m);
  j["longest_run_m"] = OrNull(a.longest_run_m);
  j["races"] = nlohmann::json::array();
  for (const auto& r : a.races) j["races"].push_back(RaceJson(r));
  j["training_days"] = nlohmann::json::array();
  for (auto d : a.training_days) j["training_days"].push_back(core::WeekdayName(d));
  j["long_run_day"] = a.long_run_day ? nlohmann::json(core::WeekdayName(*a.long_run_day)) : nlohmann::json(nullptr);
  j["facilities"] = nlohmann::json::array();
  for (auto f : a.facilities) j["facilities"].push_back(core::FacilityName(f));
  j["health"] = nlohmann::json::array();
  for (auto h : a.health) j["health"].push_back(core::HealthFlagName(h));
  return j;
}

nlohmann::json PacesJson(const app::PacesReport& r) {
  nlohmann::json j;
  j["race"] = RaceJson(r.race);
  j["race_from_profile"] = r.race_from_profile;
  j["vdot"] = std::round(r.vdot * 100) / 100;
  j["units"] = core::UnitName(r.units);
  nlohmann::json predictions = nlohmann::json::object();
  for (const auto& p : r.predictions) predictions[p.key] = Round1(p.time_s);
  j["predictions"] = predictions;
  j["paces"] = {
      {"easy", {Round1(r.paces.easy_slow_s_per_km), Round1(r.paces.easy_fast_s_per_km)}},
      {"marathon", Round1(r.paces.marathon_s_per_km)},
      {"threshold", Round1(r.paces.threshold_s_per_km)},
      {"interval", Round1(r.paces.interval_s_per_km)},
      {"repetition", Round1(r.paces.repetition_s_per_km)},
      {"repetition_per_400m", Round1(r.paces.repetition_s_per_400m)},
  };
  return j;
}

}  // namespace stride::cli
