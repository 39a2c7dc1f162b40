// SPDX-License-Identifier: MIT
// Plan <-> JSON. Reading uses nlohmann's checked accessors and turns their exceptions into kCorruptData
// at this one boundary, so no exception leaves the function.
#include "store/plan_codec.h"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace stride::store {
namespace {

using nlohmann::json;

json OptionalJson(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
std::optional<double> OptionalDouble(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<double>();
}

json PaceJson(const plan::PaceRange& p) { return json::array({p.slow_s_per_km, p.fast_s_per_km}); }
plan::PaceRange PaceFrom(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>()}; }

// Parses an enum persisted by name: tries every value up to `last`.
template <class E>
E ParseByName(const std::string& name, E last, const char* (*to_name)(E), const char* what) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    if (name == to_name(static_cast<E>(i))) return static_cast<E>(i);
  }
  throw std::invalid_argument(fmt::format("unknown {} '{}'", what, name));
}

json StepJson(const plan::Step& s) {
  json j{{"type", plan::StepTypeName(s.type)}};
  if (s.duration_s) j["duration_s"] = *s.duration_s;
  if (s.distance_m) j["distance_m"] = *s.distance_m;
  if (s.pace) j["target"] = json{{"pace_s_per_km", PaceJson(*s.pace)}};
  if (s.heart_rate) j["target"] = json{{"hr", json::array({s.heart_rate->low_bpm, s.heart_rate->high_bpm})}};
  if (s.type == plan::StepType::kRepeat) {
    j["count"] = s.count;
    json steps = json::array();
    for (const plan::Step& c : s.steps) steps.push_back(StepJson(c));
    j["steps"] = steps;
  }
  return j;
}

plan::Step StepFrom(const json& j) {
  plan::Step s;
  s.type = ParseByName(j.at("type").get<std::string>(), plan::StepType::kRepeat, plan::StepTypeName, "step type");
  s.duration_s = OptionalDouble(j, "duration_s");
  s.distance_m = OptionalDouble(j, "distance_m");
  if (j.contains("target")) {
    const json& t = j.at("target");
    if (t.contains("pace_s_per_km")) s.pace = PaceFrom(t.at("pace_s_per_km"));
    if (t.contains("hr")) s.heart_rate = plan::HeartRateRange{t.at("hr").at(0).get<int>(), t.at("hr").at(1).get<int>()};
  }
  if (j.contains("count")) s.count = j.at("count").get<int>();
  if (j.contains("steps")) {
    for (const json& c : j.at("steps")) s.steps.push_back(StepFrom(c));
  }
  return s;
}

json SessionJson(const plan::Session& s) {
  json steps = json::array();
  for (const plan::Step& st : s.steps) steps.push_back(StepJson(st));
  return json{{"kind", plan::SessionKindName(s.kind)}, {"title", s.title}, {"description", s.description},
              {"distance_m", s.distance_m}, {"duration_s", s.duration_s}, {"steps", steps},
              {"mobility", s.mobility}, {"recovery", s.recovery}};
}

plan::Session SessionFrom(const json& j) {
  plan::Session s;
  s.kind = ParseByName(j.at("kind").get<std::string>(), plan::SessionKind::kWalkRun, plan::SessionKindName,
                       "session kind");
  s.title = j.value("title", "");
  s.description = j.value("description", "");
  s.distance_m = j.at("distance_m").get<double>();
  s.duration_s = j.at("duration_s").get<double>();
  for (const json& st : j.at("steps")) s.steps.push_back(StepFrom(st));
  s.mobility = j.value("mobility", std::vector<std::string>{});
  s.recovery = j.value("recovery", std::vector<std::string>{});
  return s;
}

json WeekJson(const plan::PlanWeek& w) {
  json days = json::array();
  for (const plan::PlanDay& d : w.days) {
    json sessions = json::array();
    for (const plan::Session& s : d.sessions) sessions.push_back(SessionJson(s));
    days.push_back(json{{"date", core::FormatDate(d.date)}, {"sessions", sessions}});
  }
  return json{{"index", w.index}, {"start", core::FormatDate(w.start)}, {"phase", plan::PhaseName(w.phase)},
              {"planned_distance_m", w.planned_distance_m}, {"days", days}};
}

core::Date DateFrom(const json& j) {
  auto d = core::ParseDate(j.get<std::string>());
  if (!d) throw std::invalid_argument(d.error().message);
  return *d;
}

plan::PlanWeek WeekFrom(const json& j) {
  plan::PlanWeek w;
  w.index = j.at("index").get<int>();
  w.start = DateFrom(j.at("start"));
  w.phase = ParseByName(j.at("phase").get<std::string>(), plan::Phase::kReturn, plan::PhaseName, "phase");
  w.planned_distance_m = j.at("planned_distance_m").get<double>();
  for (const json& dj : j.at("days")) {
    plan::PlanDay day{DateFrom(dj.at("date")), {}};
    for (const json& sj : dj.at("sessions")) day.sessions.push_back(SessionFrom(sj));
    w.days.push_back(std::move(day));
  }
  return w;
}

json PacesJson(const plan::PlanPaces& p) {
  return json{{"vdot", p.vdot},           {"easy", PaceJson(p.easy)},         {"recovery", PaceJson(p.recovery)},
              {"marathon", PaceJson(p.marathon)}, {"threshold", PaceJson(p.threshold)},
              {"interval", PaceJson(p.interval)}, {"strides", PaceJson(p.strides)}};
}

plan::PlanPaces PacesFrom(const json& j) {
  return {j.at("vdot").get<double>(),         PaceFrom(j.at("easy")),     PaceFrom(j.at("recovery")),
          PaceFrom(j.at("marathon")),         PaceFrom(j.at("threshold")), PaceFrom(j.at("interval")),
          PaceFrom(j.at("strides"))};
}

plan::Plan PlanFrom(const json& j) {
  plan::Plan p;
  const json& race = j.at("race");
  p.race_date = DateFrom(race.at("date"));
  p.race_distance_m = race.at("distance_m").get<double>();
  p.goal_time_s = OptionalDouble(race, "goal_time_s");
  p.start = DateFrom(j.at("start"));
  p.feasible = j.at("feasible").get<bool>();
  if (j.contains("earliest_feasible_race_date") && !j.at("earliest_feasible_race_date").is_null()) {
    p.earliest_feasible_race_date = DateFrom(j.at("earliest_feasible_race_date"));
  }
  p.warnings = j.at("warnings").get<std::vector<std::string>>();
  p.paces = PacesFrom(j.at("paces"));
  for (const json& w : j.at("weeks")) p.weeks.push_back(WeekFrom(w));
  return p;
}

}  // namespace

json StepToJson(const plan::Step& step) { return StepJson(step); }

json PlanToJson(const plan::Plan& plan) {
  json weeks = json::array();
  for (const plan::PlanWeek& w : plan.weeks) weeks.push_back(WeekJson(w));
  json race{{"date", core::FormatDate(plan.race_date)}, {"distance_m", plan.race_distance_m},
            {"goal_time_s", OptionalJson(plan.goal_time_s)}};
  json earliest = plan.earliest_feasible_race_date ? json(core::FormatDate(*plan.earliest_feasible_race_date))
                                                   : json(nullptr);
  return json{{"race", race},
              {"start", core::FormatDate(plan.start)},
              {"goal_time_s", OptionalJson(plan.goal_time_s)},
              {"feasible", plan.feasible},
              {"earliest_feasible_race_date", earliest},
              {"warnings", plan.warnings},
              {"paces", PacesJson(plan.paces)},
              {"weeks", weeks}};
}

Result<plan::Plan> PlanFromJson(const json& json_doc) {
  try {
    return PlanFrom(json_doc);
  } catch (const std::exception& e) {
    return Fail(core::ErrorCode::kCorruptData, fmt::format("stored plan is not readable: {}", e.what()));
  }
}

namespace {

json OptionalDateJson(const std::optional<core::Date>& d) { return d ? json(core::FormatDate(*d)) : json(nullptr); }

std::optional<core::Date> OptionalDate(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return DateFrom(j.at(key));
}

}  // namespace

json PlanRequestToJson(const plan::PlanRequest& r) {
  const plan::PlanAdjustments& a = r.adjustments;
  return json{{"start", core::FormatDate(r.start)},
              {"race_date", core::FormatDate(r.race_date)},
              {"race_distance_m", r.race_distance_m},
              {"goal_time_s", OptionalJson(r.goal_time_s)},
              {"current_weekly_m", r.current_weekly_m},
              {"longest_recent_run_m", r.longest_recent_run_m},
              {"vdot", OptionalJson(r.vdot)},
              {"adjustments",
               {{"no_running_until", OptionalDateJson(a.no_running_until)},
                {"easy_until", OptionalDateJson(a.easy_until)},
                {"reduced_until", OptionalDateJson(a.reduced_until)},
                {"reduced_volume_factor", a.reduced_volume_factor}}}};
}

Result<plan::PlanRequest> PlanRequestFromJson(const json& j) {
  try {
    plan::PlanRequest r;
    r.start = DateFrom(j.at("start"));
    r.race_date = DateFrom(j.at("race_date"));
    r.race_distance_m = j.at("race_distance_m").get<double>();
    r.goal_time_s = OptionalDouble(j, "goal_time_s");
    r.current_weekly_m = j.at("current_weekly_m").get<double>();
    r.longest_recent_run_m = j.at("longest_recent_run_m").get<double>();
    r.vdot = OptionalDouble(j, "vdot");
    if (j.contains("adjustments")) {  // absent in versions saved before 2026-11-25: none
      const json& a = j.at("adjustments");
      r.adjustments.no_running_until = OptionalDate(a, "no_running_until");
      r.adjustments.easy_until = OptionalDate(a, "easy_until");
      r.adjustments.reduced_until = OptionalDate(a, "reduced_until");
      r.adjustments.reduced_volume_factor = a.at("reduced_volume_factor").get<double>();
      if (!(r.adjustments.reduced_volume_factor > 0 && r.adjustments.reduced_volume_factor <= 1)) {
        throw std::runtime_error("reduced_volume_factor outside (0, 1]");
      }
    }
    return r;
  } catch (const std::exception& e) {
    return Fail(core::ErrorCode::kCorruptData, fmt::format("stored plan request is not readable: {}", e.what()));
  }
}

}  // namespace stride::store
