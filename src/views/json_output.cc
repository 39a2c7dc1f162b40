// SPDX-License-Identifier: MIT
#include "views/json_output.h"

#include <algorithm>
#include <cmath>

#include "analysis/activity_metrics.h"
#include "core/check.h"

namespace stride::views {
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

}  // namespace stride::views

namespace stride::views {
namespace {

// NaN (unknown) becomes null.
nlohmann::json Num(double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

nlohmann::json SessionJson(const core::SessionSummary& s) {
  return {{"sport", core::SportName(s.sport)},
          {"sport_detail", s.sport_detail},
          {"start_time", core::FormatTimestamp(s.start_time)},
          {"total_distance_m", Num(s.total_distance_m)},
          {"total_timer_time_s", Num(s.total_timer_time_s)},
          {"total_elapsed_time_s", Num(s.total_elapsed_time_s)},
          {"avg_heart_rate", Num(s.avg_heart_rate_bpm)},
          {"max_heart_rate", Num(s.max_heart_rate_bpm)},
          {"total_ascent_m", Num(s.total_ascent_m)},
          {"total_descent_m", Num(s.total_descent_m)}};
}

nlohmann::json ErrorJson(const core::Error& e) { return e.ToString(); }

}  // namespace

nlohmann::json ActivitySummaryJson(const core::Activity& a) {
  nlohmann::json j = {{"format", core::FileFormatName(a.format)},
                      {"sport", core::SportName(a.sport)},
                      {"sport_detail", a.sport_detail},
                      {"start_time", core::FormatTimestamp(a.start_time)},
                      {"utc_offset_s", a.utc_offset_s ? nlohmann::json(*a.utc_offset_s) : nlohmann::json(nullptr)},
                      {"local_date", core::FormatDate(a.LocalStartDate())},
                      {"name", a.name},
                      {"device", a.device},
                      {"records", a.record_count},
                      {"laps", a.laps.size()},
                      {"distance_m", Num(a.distance_m)},
                      {"timer_s", Num(a.timer_s)},
                      {"elapsed_s", Num(a.elapsed_s)},
                      {"avg_hr", Num(a.avg_heart_rate_bpm)},
                      {"max_hr", Num(a.max_heart_rate_bpm)},
                      {"perceived_exertion", a.perceived_exertion ? nlohmann::json(*a.perceived_exertion) : nlohmann::json(nullptr)},
                      {"salvaged", a.salvaged},
                      {"bytes_lost", a.bytes_lost}};
  j["sessions"] = nlohmann::json::array();
  for (const auto& s : a.sessions) j["sessions"].push_back(SessionJson(s));
  return j;
}

nlohmann::json InspectJson(const app::InspectedFile& f) {
  nlohmann::json j;
  if (!f.activities.empty()) {
    j = ActivitySummaryJson(f.activities.front());
    // A multi-activity file (TCX) lists every activity's sessions, and its record and lap totals.
    for (size_t i = 1; i < f.activities.size(); ++i) {
      for (const auto& s : f.activities[i].sessions) j["sessions"].push_back(SessionJson(s));
      j["records"] = j["records"].get<uint64_t>() + f.activities[i].record_count;
      j["laps"] = j["laps"].get<size_t>() + f.activities[i].laps.size();
    }
    j["activities"] = f.activities.size();
  } else {
    j["format"] = nullptr;
  }
  j["file"] = f.file;
  j["ok"] = !f.error.has_value();
  j["error"] = f.error ? ErrorJson(*f.error) : nlohmann::json(nullptr);
  j["warnings"] = nlohmann::json::array();
  for (const auto& w : f.warnings) j["warnings"].push_back(w.where.empty() ? w.message : w.where + ": " + w.message);
  return j;
}

nlohmann::json ImportJson(const app::ImportReport& r) {
  nlohmann::json j;
  j["imported"] = r.imported.size();
  j["duplicates"] = r.duplicates.size();
  j["failed"] = nlohmann::json::array();
  for (const auto& f : r.failed) j["failed"].push_back({{"file", f.file}, {"error", ErrorJson(f.error)}});
  j["skipped"] = r.skipped;
  j["files"] = r.files;
  j["input_bytes"] = r.input_bytes;
  j["activities"] = nlohmann::json::array();
  for (const auto& a : r.imported) {
    nlohmann::json one = ActivitySummaryJson(a.summary);
    one["id"] = a.id;
    one["file"] = a.file;
    j["activities"].push_back(one);
  }
  j["duplicate_files"] = r.duplicates;
  return j;
}

nlohmann::json StoredActivityJson(const store::StoredActivity& s) {
  nlohmann::json j = ActivitySummaryJson(s.activity);
  j["id"] = s.id;
  j["source"] = s.source_name;
  j["external_id"] = s.external_id;
  j["is_race"] = s.is_race;
  return j;
}

}  // namespace stride::views

namespace stride::views {

nlohmann::json LoadJson(const app::LoadReport& r) {
  nlohmann::json j;
  j["from"] = core::FormatDate(r.from);
  j["to"] = core::FormatDate(r.to);
  j["units"] = core::UnitName(r.units);
  j["heart_rate_note"] = r.heart_rate_note;
  j["days"] = nlohmann::json::array();
  for (const auto& d : r.series.days) {
    j["days"].push_back({{"date", core::FormatDate(d.date)},
                         {"load", d.load},
                         {"load_estimated", d.load_estimated},
                         {"ctl", d.chronic_training_load},
                         {"atl", d.acute_training_load},
                         {"tsb", d.training_stress_balance},
                         {"acwr", Num(d.acwr)},
                         {"acute_ewma", d.acute_ewma},
                         {"chronic_ewma", d.chronic_ewma},
                         {"run_distance_m", d.run_distance_m},
                         {"longest_run_m", d.longest_run_m},
                         {"longest_run_previous_30d_m", d.longest_run_previous_30d_m}});
  }
  j["weeks"] = nlohmann::json::array();
  for (const auto& w : r.series.weeks) {
    j["weeks"].push_back({{"start", core::FormatDate(w.start)},
                          {"distance_m", w.run_distance_m},
                          {"all_sports_distance_m", w.distance_m},
                          {"duration_s", w.duration_s},
                          {"load", w.load},
                          {"load_estimated", w.load_estimated},
                          {"monotony", Num(w.monotony)},
                          {"strain", Num(w.strain)},
                          {"complete", w.complete}});
  }
  j["flags"] = nlohmann::json::array();
  for (const auto& f : r.flags) {
    nlohmann::json numbers = nlohmann::json::object();
    for (const auto& n : f.numbers) numbers[n.name] = n.value;
    j["flags"].push_back({{"date", core::FormatDate(f.date)},
                          {"rule", analysis::FlagRuleId(f.rule)},
                          {"level", analysis::FlagLevelName(f.level)},
                          {"source", f.source_id},
                          {"numbers", numbers},
                          {"message", f.message}});
  }
  j["activities"] = nlohmann::json::array();
  for (const auto& a : r.activities) {
    j["activities"].push_back({{"id", a.id},
                               {"date", core::FormatDate(a.date)},
                               {"sport", core::SportName(a.sport)},
                               {"name", a.name},
                               {"load", a.load.trimp},
                               {"method", analysis::LoadMethodName(a.load.method)},
                               {"estimated", a.load.estimated},
                               {"note", a.load.note},
                               {"session_rpe_load", Num(a.load.session_rpe_load)},
                               {"rtss", Num(a.load.running_stress_score)},
                               {"hrtss", Num(a.load.heart_rate_stress_score)}});
  }
  return j;
}

nlohmann::json FitnessJson(const app::FitnessReport& r) {
  auto estimate = [](const analysis::VdotEstimate& e) {
    return nlohmann::json{{"date", core::FormatDate(e.date)},
                          {"vdot", e.vdot},
                          {"source", analysis::VdotSourceName(e.source)},
                          {"distance_m", e.distance_m},
                          {"time_s", e.time_s}};
  };
  const auto& f = r.fitness;
  nlohmann::json j;
  j["current"] = f.current ? estimate(*f.current) : nlohmann::json(nullptr);
  j["vdot"] = f.current ? nlohmann::json(f.current->vdot) : nlohmann::json(nullptr);
  j["current_is_stale"] = f.current_is_stale;
  j["vdot_change_per_4_weeks"] = Num(f.vdot_change_per_4_weeks);
  j["history"] = nlohmann::json::array();
  for (const auto& e : f.history) j["history"].push_back(estimate(e));
  j["trend"] = nlohmann::json::array();
  for (const auto& b : f.trend) {
    j["trend"].push_back({{"start", core::FormatDate(b.start)}, {"end", core::FormatDate(b.end)}, {"best_vdot", Num(b.best_vdot)}});
  }
  j["predictions"] = nlohmann::json::object();
  for (const auto& p : r.predictions) j["predictions"][p.key] = p.time_s;
  return j;
}

}  // namespace stride::views

// --- activity detail with downsampled streams (the dashboard's charts) ---
namespace stride::views {
namespace {

// Half-open sample ranges [begin, end), consecutive, covering all samples.
struct Bucket {
  size_t begin;
  size_t end;
};

std::vector<Bucket> Buckets(size_t samples, size_t max_points) {
  std::vector<Bucket> out;
  const size_t count = std::min(samples, max_points);
  for (size_t b = 0; b < count; ++b) out.push_back({b * samples / count, (b + 1) * samples / count});
  return out;
}

// The NaN-skipping mean of column[begin, end); NaN when none is known.
double BucketMean(const std::vector<double>& column, Bucket b) {
  double sum = 0;
  size_t known = 0;
  for (size_t i = b.begin; i < b.end; ++i) {
    if (std::isnan(column[i])) continue;
    sum += column[i];
    ++known;
  }
  return known == 0 ? core::kNaN : sum / static_cast<double>(known);
}

// Mean speed over a bucket: the speed column when present, else distance advance over time (from the
// sample before the bucket, so a one-sample bucket still has an interval).
double BucketSpeed(const core::Samples& s, Bucket b) {
  if (!s.speed_mps.empty()) return BucketMean(s.speed_mps, b);
  if (s.distance_m.empty()) return core::kNaN;
  const size_t first = b.begin == 0 ? 0 : b.begin - 1;
  const size_t last = b.end - 1;
  const double dt = s.time_s[last] - s.time_s[first];
  const double dd = s.distance_m[last] - s.distance_m[first];
  return dt > 0 && !std::isnan(dd) ? dd / dt : core::kNaN;
}

nlohmann::json Column(const std::vector<double>& column, const std::vector<Bucket>& buckets) {
  nlohmann::json out = nlohmann::json::array();
  if (column.empty()) return out;
  for (const Bucket& b : buckets) out.push_back(Num(BucketMean(column, b)));
  return out;
}

nlohmann::json StreamsJson(const core::Samples& s, size_t max_points) {
  const std::vector<Bucket> buckets = Buckets(s.size(), max_points);
  nlohmann::json j;
  j["source_points"] = s.size();
  j["points"] = buckets.size();
  j["time_s"] = Column(s.time_s, buckets);
  j["distance_m"] = Column(s.distance_m, buckets);
  j["heart_rate_bpm"] = Column(s.heart_rate_bpm, buckets);
  j["altitude_m"] = Column(s.altitude_m, buckets);
  nlohmann::json speed = nlohmann::json::array();
  nlohmann::json pace = nlohmann::json::array();
  if (!s.speed_mps.empty() || !s.distance_m.empty()) {
    for (const Bucket& b : buckets) {
      const double v = BucketSpeed(s, b);
      speed.push_back(Num(v));
      // Standing still has no pace (analysis/activity_metrics.h: kMovingSpeedThresholdMps).
      pace.push_back(v >= analysis::kMovingSpeedThresholdMps ? nlohmann::json(1000.0 / v) : nlohmann::json(nullptr));
    }
  }
  j["speed_mps"] = speed;
  j["pace_s_per_km"] = pace;
  return j;
}

nlohmann::json LapJson(const core::Lap& lap) {
  return {{"start_time", core::FormatTimestamp(lap.start_time)}, {"elapsed_s", Num(lap.elapsed_s)},
          {"timer_s", Num(lap.timer_s)},   {"distance_m", Num(lap.distance_m)},
          {"avg_hr", Num(lap.avg_heart_rate_bpm)}, {"max_hr", Num(lap.max_heart_rate_bpm)}};
}

}  // namespace

nlohmann::json ActivityDetailJson(const store::StoredActivity& activity, size_t max_points) {
  STRIDE_CHECK(max_points >= 2);
  nlohmann::json j = StoredActivityJson(activity);
  j["description"] = activity.activity.description;
  j["lap_list"] = nlohmann::json::array();
  for (const core::Lap& lap : activity.activity.laps) j["lap_list"].push_back(LapJson(lap));
  j["streams"] = StreamsJson(activity.activity.samples, max_points);
  return j;
}

}  // namespace stride::views

namespace stride::views {
namespace {

// DESIGN.md "Item" `when` for a routine's steps, from the routine's phase.
const char* WhenForPhase(care::RoutinePhase phase) {
  switch (phase) {
    case care::RoutinePhase::kPreRun: return "before_run";
    case care::RoutinePhase::kPostRun: return "after_run";
    case care::RoutinePhase::kRecovery: return "after_run";
    case care::RoutinePhase::kStrength: return "strength";
    case care::RoutinePhase::kAny:
    case care::RoutinePhase::kRehab: return "any";
  }
  return "any";
}

void AddDose(nlohmann::json& j, const care::Dose& d) {
  if (d.seconds) j["seconds"] = *d.seconds;
  if (d.reps) j["reps"] = *d.reps;
  if (d.sets) j["sets"] = *d.sets;
  if (d.minutes) j["minutes"] = *d.minutes;
  if (d.temperature_c) j["temperature_c"] = *d.temperature_c;
  j["per_side"] = d.per_side;
}

nlohmann::json PinningJson(nlohmann::json j, const app::RoutinePinning& p) {
  nlohmann::json days = nlohmann::json::array();
  for (core::Weekday d : p.days) days.push_back(core::WeekdayName(d));
  j["days"] = days;
  j["injury_id"] = p.injury_id ? nlohmann::json(*p.injury_id) : nlohmann::json(nullptr);
  j["mode"] = p.replace ? "replace" : "join";
  return j;
}

nlohmann::json NameOrNull(const std::string& name) {
  return name.empty() ? nlohmann::json(nullptr) : nlohmann::json(name);
}

}  // namespace

nlohmann::json RoutineItemJson(const app::ResolvedStep& step, care::RoutinePhase phase) {
  const care::Exercise& e = step.exercise;
  nlohmann::json j{{"id", e.id}, {"name", e.name}, {"kind", care::ItemKindName(e.kind)}};
  nlohmann::json targets = nlohmann::json::array();
  for (care::Region r : e.targets) targets.push_back(care::RegionName(r));
  j["targets"] = targets;
  AddDose(j, step.dose);
  j["when"] = WhenForPhase(phase);
  j["why"] = e.why;
  j["source"] = e.source;
  j["evidence"] = care::EvidenceName(e.evidence);
  j["equipment"] = e.equipment;
  j["instructions"] = e.instructions;
  j["cues"] = e.cues;
  j["easier"] = NameOrNull(step.easier_name);
  j["harder"] = NameOrNull(step.harder_name);
  return j;
}

nlohmann::json RoutineJson(const app::RoutineDetail& d) {
  const care::Routine& r = d.routine;
  nlohmann::json j{{"id", r.id}, {"name", r.name}, {"phase", care::RoutinePhaseName(r.phase)},
                   {"custom", d.custom}, {"source", r.source}, {"evidence", care::EvidenceName(r.evidence)},
                   {"why", r.why}, {"file_name", NameOrNull(d.file_name)}};
  j = PinningJson(std::move(j), d.pinning);
  nlohmann::json items = nlohmann::json::array();
  for (const app::ResolvedStep& s : d.steps) items.push_back(RoutineItemJson(s, r.phase));
  j["items"] = items;
  return j;
}

nlohmann::json RoutineSummaryJson(const app::RoutineSummary& s) {
  nlohmann::json kinds = nlohmann::json::array();
  for (care::ItemKind k : s.kinds) kinds.push_back(care::ItemKindName(k));
  nlohmann::json j{{"id", s.id}, {"name", s.name}, {"phase", care::RoutinePhaseName(s.phase)},
                   {"custom", s.custom}, {"steps", s.step_count}, {"kinds", kinds}};
  return PinningJson(std::move(j), s.pinning);
}

}  // namespace stride::views

#include "store/plan_codec.h"

namespace stride::views {
namespace plan_views {

void AddCareDose(nlohmann::json& j, const care::Dose& d) {
  if (d.seconds) j["seconds"] = *d.seconds;
  if (d.reps) j["reps"] = *d.reps;
  if (d.sets) j["sets"] = *d.sets;
  if (d.minutes) j["minutes"] = *d.minutes;
  if (d.temperature_c) j["temperature_c"] = *d.temperature_c;
  j["per_side"] = d.per_side;
}

nlohmann::json Items(const std::vector<care::Item>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const care::Item& i : items) out.push_back(CareItemJson(i));
  return out;
}

nlohmann::json Notes(const std::vector<care::Note>& notes, const std::vector<std::string>& plan_notes) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& n : plan_notes) out.push_back({{"text", n}, {"source", nullptr}});
  for (const care::Note& n : notes) out.push_back({{"text", n.text}, {"source", n.source}});
  return out;
}

// The session's steps of one part: warm-up, main (work, recovery, repeats) or cool-down.
nlohmann::json StepsOf(const plan::Session& s, bool (*in_part)(plan::StepType)) {
  nlohmann::json out = nlohmann::json::array();
  for (const plan::Step& st : s.steps) {
    if (in_part(st.type)) out.push_back(store::StepToJson(st));
  }
  return out;
}

bool IsWarmup(plan::StepType t) { return t == plan::StepType::kWarmup; }
bool IsCooldown(plan::StepType t) { return t == plan::StepType::kCooldown; }
bool IsMain(plan::StepType t) { return !IsWarmup(t) && !IsCooldown(t); }

// The session that carries the day's care items: the first run, else the first session.
size_t PrimarySession(const std::vector<plan::Session>& sessions) {
  for (size_t i = 0; i < sessions.size(); ++i) {
    if (plan::IsRun(sessions[i].kind)) return i;
  }
  return 0;
}

nlohmann::json TodaySession(const plan::Session& s, const app::TodayReport& r, bool primary) {
  const care::DayPrescription& rx = r.prescription;
  const std::vector<care::Item> none;
  nlohmann::json j{{"kind", plan::SessionKindName(s.kind)}, {"title", s.title}, {"description", s.description},
                   {"distance_m", s.distance_m}, {"duration_s", s.duration_s}};
  j["warmup"] = StepsOf(s, IsWarmup);
  for (const auto& item : Items(primary ? rx.warmup : none)) j["warmup"].push_back(item);
  j["main"] = StepsOf(s, IsMain);
  j["cooldown"] = StepsOf(s, IsCooldown);
  for (const auto& item : Items(primary ? rx.cooldown : none)) j["cooldown"].push_back(item);
  j["mobility"] = Items(primary ? rx.mobility : none);
  j["strength"] = Items(primary ? rx.strength : none);
  j["recovery"] = Items(primary ? rx.recovery : none);
  j["rehab"] = Items(primary ? rx.rehab : none);
  j["notes"] = primary ? Notes(rx.notes, r.notes) : nlohmann::json::array();
  return j;
}

// The injury guard of `stride today`: null when no injury is active.
nlohmann::json TodayInjuryJson(const app::TodayInjuries& in) {
  if (in.active.empty()) return nullptr;
  const app::GuardedDay& g = in.guard;
  nlohmann::json j{{"stop_running", g.stop_running}, {"see_clinician", g.see_clinician}, {"reasons", g.reasons}};
  j["replaced"] = nlohmann::json::array();
  for (const plan::Session& s : g.replaced) {
    j["replaced"].push_back({{"kind", plan::SessionKindName(s.kind)}, {"title", s.title}});
  }
  j["injuries"] = nlohmann::json::array();
  for (const app::InjuryRehab& r : in.active) {
    nlohmann::json i = InjuryStatusJson({r.injury, r.state});
    i["return_phase"] = r.state.return_phase;
    i["no_heat_until"] = r.state.no_heat_until ? nlohmann::json(core::FormatDate(*r.state.no_heat_until))
                                               : nlohmann::json(nullptr);
    i["pinned_routines"] = r.pinned_routines;
    j["injuries"].push_back(std::move(i));
  }
  return j;
}

}  // namespace plan_views

nlohmann::json PlanJson(const app::PlanView& view) {
  const store::PlanVersion& v = view.version;
  nlohmann::json j = store::PlanToJson(v.plan);
  j["version"] = v.version;
  j["reason"] = v.reason;
  j["created_on"] = core::FormatDate(v.created_on);
  j["units"] = core::UnitName(view.units);
  for (size_t w = 0; w < v.plan.weeks.size(); ++w) {
    double done = 0;
    for (const plan::PlanDay& d : v.plan.weeks[w].days) {
      if (auto it = view.done_m.find(d.date); it != view.done_m.end()) done += it->second;
    }
    j["weeks"][w]["done_distance_m"] = done;
  }
  return j;
}

nlohmann::json PlanHistoryJson(const std::vector<store::PlanVersionSummary>& versions) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::PlanVersionSummary& s : versions) {
    out.push_back({{"version", s.version}, {"created_on", core::FormatDate(s.created_on)}, {"reason", s.reason},
                   {"race_date", core::FormatDate(s.race_date)}, {"race_distance_m", s.race_distance_m},
                   {"goal_time_s", s.goal_time_s ? nlohmann::json(*s.goal_time_s) : nlohmann::json(nullptr)}});
  }
  return out;
}

nlohmann::json CareItemJson(const care::Item& item) {
  nlohmann::json j{{"id", item.id}, {"name", item.name}, {"kind", care::ItemKindName(item.kind)}};
  nlohmann::json targets = nlohmann::json::array();
  for (care::Region r : item.targets) targets.push_back(care::RegionName(r));
  j["targets"] = targets;
  plan_views::AddCareDose(j, item.dose);
  j["when"] = item.when;
  j["why"] = item.why;
  j["source"] = item.source;
  j["evidence"] = care::EvidenceName(item.evidence);
  j["routine"] = item.routine.empty() ? nlohmann::json(nullptr) : nlohmann::json(item.routine);
  return j;
}

nlohmann::json TodayJson(const app::TodayReport& r) {
  nlohmann::json j{{"date", core::FormatDate(r.date)}, {"has_plan", r.has_plan}, {"athlete", AthleteJson(r.athlete)}};
  j["days_to_race"] = r.days_to_race ? nlohmann::json(*r.days_to_race) : nlohmann::json(nullptr);
  j["phase"] = r.phase ? nlohmann::json(plan::PhaseName(*r.phase)) : nlohmann::json(nullptr);
  j["week"] = r.week_number ? nlohmann::json(*r.week_number) : nlohmann::json(nullptr);
  const size_t primary = plan_views::PrimarySession(r.sessions);
  j["sessions"] = nlohmann::json::array();
  for (size_t i = 0; i < r.sessions.size(); ++i) {
    j["sessions"].push_back(plan_views::TodaySession(r.sessions[i], r, i == primary));
  }
  j["tomorrow"] = nlohmann::json::array();
  for (const plan::Session& s : r.tomorrow) {
    j["tomorrow"].push_back({{"kind", plan::SessionKindName(s.kind)}, {"title", s.title}, {"distance_m", s.distance_m}});
  }
  j["warmup"] = plan_views::Items(r.prescription.warmup);
  j["cooldown"] = plan_views::Items(r.prescription.cooldown);
  j["mobility"] = plan_views::Items(r.prescription.mobility);
  j["strength"] = plan_views::Items(r.prescription.strength);
  j["recovery"] = plan_views::Items(r.prescription.recovery);
  j["rehab"] = plan_views::Items(r.prescription.rehab);
  j["notes"] = plan_views::Notes(r.prescription.notes, r.notes);
  j["stop_running"] = r.injuries.guard.stop_running;
  j["injury"] = plan_views::TodayInjuryJson(r.injuries);
  j["pinned_routines"] = r.pinned_routines;
  return j;
}

}  // namespace stride::views

// --- Injuries and rehab (`stride injury`, `stride rehab`) ---
namespace stride::views {
namespace rehab_views {

nlohmann::json OptionalDate(const std::optional<core::Date>& date) {
  return date ? nlohmann::json(core::FormatDate(*date)) : nlohmann::json(nullptr);
}

nlohmann::json RedFlagTexts(const std::vector<care::RedFlagHit>& flags) {
  nlohmann::json out = nlohmann::json::array();
  for (const care::RedFlagHit& f : flags) out.push_back(f.text);
  return out;
}

nlohmann::json WalkRunJson(const care::WalkRunPhase& p) {
  return {{"phase", p.phase},
          {"walk_min", p.walk_min},
          {"run_min", p.run_min},
          {"repeats", p.repeats},
          {"distance_m", p.distance_m},
          {"duration_s", p.TotalMinutes() * 60},
          {"rpe", p.rpe},
          {"continuous", p.continuous},
          {"rest_days_between", p.rest_days_between},
          {"min_sessions", p.min_sessions},
          {"description", p.Describe()},
          {"source", p.source}};
}

nlohmann::json OutlookJson(const care::RehabOutlook& o) {
  nlohmann::json sessions = nlohmann::json::array();
  for (const care::ProjectedSession& s : o.sessions) {
    nlohmann::json j = WalkRunJson(s.phase);
    j["date"] = core::FormatDate(s.date);
    sessions.push_back(std::move(j));
  }
  return {{"running_resumes", OptionalDate(o.running_resumes)},
          {"full_training_resumes", OptionalDate(o.full_training_resumes)},
          {"needs_clinician", o.needs_clinician},
          {"sessions", sessions}};
}

nlohmann::json LogJson(const care::PainLog& l) {
  return {{"date", core::FormatDate(l.date)},
          {"pain_during", l.pain_during},
          {"pain_after", l.pain_after},
          {"pain_next_morning", l.pain_next_morning},
          {"walk_min", l.walk_min ? nlohmann::json(*l.walk_min) : nlohmann::json(nullptr)},
          {"hop_test", l.hop_test ? nlohmann::json(care::HopTestName(*l.hop_test)) : nlohmann::json(nullptr)}};
}

// The parts of a rehab state every view shares.
void AddState(nlohmann::json& j, const care::RehabState& s) {
  j["stage"] = care::RehabStageName(s.stage);
  j["stop_running"] = s.stop_running;
  j["red_flags"] = RedFlagTexts(s.red_flags);
  j["why"] = s.why;
}

nlohmann::json CriteriaJson(const std::vector<care::Criterion>& criteria) {
  nlohmann::json out = nlohmann::json::array();
  for (const care::Criterion& c : criteria) out.push_back({{"text", c.text}, {"met", c.met}, {"source", c.source}});
  return out;
}

}  // namespace rehab_views

nlohmann::json InjuryJson(const care::Injury& i) {
  using rehab_views::OptionalDate;
  return {{"id", i.id},
          {"site", care::InjurySiteName(i.site)},
          {"side", i.side ? nlohmann::json(care::SideName(*i.side)) : nlohmann::json(nullptr)},
          {"onset_date", core::FormatDate(i.onset_date)},
          {"pain", i.pain},
          {"pain_at_rest", i.pain_at_rest ? nlohmann::json(*i.pain_at_rest) : nlohmann::json(nullptr)},
          {"pain_night", i.pain_night},
          {"swelling", i.swelling},
          {"bone_tenderness", i.bone_tenderness},
          {"cannot_bear_weight", i.cannot_bear_weight},
          {"numbness", i.numbness},
          {"onset", i.onset ? nlohmann::json(care::OnsetName(*i.onset)) : nlohmann::json(nullptr)},
          {"notes", i.notes},
          {"red_flags_cleared_on", OptionalDate(i.red_flags_cleared_on)},
          {"resolved_on", OptionalDate(i.resolved_on)}};
}

nlohmann::json InjuryStatusJson(const app::InjuryStatus& status) {
  nlohmann::json j{{"injury", InjuryJson(status.injury)}};
  rehab_views::AddState(j, status.state);
  return j;
}

nlohmann::json PlanReactionJson(const app::PlanReaction& reaction) {
  using Outcome = app::PlanReaction::Outcome;
  return {{"outcome", app::PlanOutcomeName(reaction.outcome)},
          {"version", reaction.outcome == Outcome::kReplanned ? nlohmann::json(reaction.version) : nlohmann::json(nullptr)},
          {"why", reaction.outcome == Outcome::kUnchanged ? nlohmann::json(nullptr) : nlohmann::json(reaction.why)}};
}

nlohmann::json InjuryRehabJson(const app::InjuryRehab& r) {
  const care::RehabState& s = r.state;
  nlohmann::json j;
  rehab_views::AddState(j, s);
  j["injury"] = InjuryJson(r.injury);
  j["routine"] = nlohmann::json::array();
  for (const care::Item& item : r.routine.items) j["routine"].push_back(CareItemJson(item));
  j["next_stage_criteria"] = rehab_views::CriteriaJson(s.next_stage_criteria);
  j["regress_if"] = s.regress_if;
  j["stage_since"] = core::FormatDate(s.stage_since);
  j["return_phase"] = s.return_phase == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.return_phase);
  j["walk_run"] = s.walk_run ? rehab_views::WalkRunJson(*s.walk_run) : nlohmann::json(nullptr);
  j["no_heat_until"] = rehab_views::OptionalDate(s.no_heat_until);
  j["notes"] = nlohmann::json::array();
  for (const care::Note& n : r.routine.notes) j["notes"].push_back({{"text", n.text}, {"source", n.source}});
  j["pinned_routines"] = r.pinned_routines;
  j["outlook"] = rehab_views::OutlookJson(r.outlook);
  j["logs"] = nlohmann::json::array();
  for (const care::PainLog& l : r.logs) j["logs"].push_back(rehab_views::LogJson(l));
  return j;
}

nlohmann::json RehabJson(const app::RehabReport& report) {
  nlohmann::json j;
  if (report.primary) {
    j = InjuryRehabJson(*report.primary);
  } else {
    j = {{"stage", "none"}, {"stop_running", false}, {"red_flags", nlohmann::json::array()}, {"injury", nullptr},
         {"routine", nlohmann::json::array()}, {"next_stage_criteria", nlohmann::json::array()},
         {"regress_if", nlohmann::json::array()}, {"why", "no active injury"}};
  }
  j["date"] = core::FormatDate(report.date);
  j["other_injuries"] = nlohmann::json::array();
  for (const app::InjuryRehab& o : report.others) {
    j["other_injuries"].push_back({{"id", o.injury.id},
                                   {"site", care::InjurySiteName(o.injury.site)},
                                   {"stage", care::RehabStageName(o.state.stage)},
                                   {"stop_running", o.state.stop_running}});
  }
  return j;
}

}  // namespace stride::views
