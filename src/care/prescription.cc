// SPDX-License-Identifier: MIT
// PrescribeDay: chooses catalogue routines and items for the day; every candidate passes through the
// rule engine (rules.h), and what is ruled out becomes a note. Selection constants cite SCIENCE.md.
#include "care/prescription.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "care/rules.h"

namespace stride::care {
namespace {

using core::ErrorCode;
using core::Facility;

// Massage every 2-4 weeks in the build: suggest once 14 days have passed. SCIENCE.md D6 [physiodublin]
// [mittelmaier] (practice, not trials).
constexpr int kMassageIntervalDays = 14;

constexpr std::string_view kRunKinds[] = {"easy",          "long",    "recovery", "tempo",   "intervals",
                                           "marathon_pace", "strides", "race",     "walk_run"};
constexpr std::string_view kOtherKinds[] = {"rest", "strength", "cross"};
// Fast sessions get the full RAMP warm-up with drills and strides. SCIENCE.md D5 [jeffreys-2007-ramp].
constexpr std::string_view kFastKinds[] = {"tempo", "intervals", "marathon_pace"};

// Items that load the body by running; none is prescribed while an injury stops running.
bool IsRunning(ItemKind kind) { return kind == ItemKind::kRun || kind == ItemKind::kJog; }

template <std::size_t N>
bool OneOf(std::string_view kind, const std::string_view (&kinds)[N]) {
  return std::find(std::begin(kinds), std::end(kinds), kind) != std::end(kinds);
}

bool AnyOf(const std::vector<DaySession>& sessions, std::string_view kind) {
  return std::any_of(sessions.begin(), sessions.end(), [&](const DaySession& s) { return s.kind == kind; });
}

std::string SessionLabel(std::string_view kind) {
  if (kind == "tempo") return "tempo run";
  if (kind == "intervals") return "interval session";
  if (kind == "marathon_pace") return "marathon-pace run";
  if (kind == "long") return "long run";
  if (kind == "race") return "race";
  return fmt::format("{} session", kind);
}

Status CheckKinds(const std::vector<DaySession>& sessions, const char* day) {
  for (const DaySession& s : sessions) {
    if (!OneOf(s.kind, kRunKinds) && !OneOf(s.kind, kOtherKinds)) {
      return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown session kind '{}'", s.kind), day);
    }
  }
  return Ok();
}

// "none" means the item needs nothing; other entries must all be available, except that listing "none"
// alongside them marks them optional (e.g. a band that makes clamshells harder).
bool HasEquipment(const core::Athlete& athlete, const Exercise& exercise) {
  const auto& eq = exercise.equipment;
  if (std::find(eq.begin(), eq.end(), "none") != eq.end()) return true;
  return std::all_of(eq.begin(), eq.end(), [&](const std::string& name) {
    if (name == "band" || name == "step") return true;
    if (name == "foam-roller") return athlete.Has(Facility::kFoamRoller) || athlete.Has(Facility::kTexturedRoller);
    if (name == "textured-roller") return athlete.Has(Facility::kTexturedRoller);
    if (name == "gym") return athlete.Has(Facility::kGym);
    if (name == "sauna") return athlete.Has(Facility::kSauna);
    if (name == "plunge-pool") return athlete.Has(Facility::kPlungePool);
    if (name == "massage") return athlete.Has(Facility::kMassage);
    return false;
  });
}

// The day's shape, read once from the sessions.
struct DayShape {
  bool runs = false;
  bool fast = false;           // tempo, intervals, marathon pace
  bool long_or_race = false;
  bool hilly = false;
  bool race = false;
  bool walk_run_only = false;  // the only runs are walk-run sessions of a return to running
};

DayShape ShapeOf(const std::vector<DaySession>& today) {
  DayShape shape;
  for (const DaySession& s : today) {
    shape.runs = shape.runs || OneOf(s.kind, kRunKinds);
    shape.fast = shape.fast || OneOf(s.kind, kFastKinds);
    shape.long_or_race = shape.long_or_race || s.kind == "long" || s.kind == "race";
    shape.hilly = shape.hilly || (s.hilly && OneOf(s.kind, kRunKinds));
    shape.race = shape.race || s.kind == "race";
  }
  shape.walk_run_only = shape.runs && std::all_of(today.begin(), today.end(), [](const DaySession& s) {
    return s.kind == "walk_run" || !OneOf(s.kind, kRunKinds);
  });
  return shape;
}

DayFacts FactsOf(const DayContext& ctx, const core::Athlete& athlete, const Catalogue& catalogue) {
  DayFacts facts;
  facts.health = athlete.health;
  facts.hours_since_acute_injury = ctx.hours_since_acute_injury;
  facts.bone_stress_injury = ctx.bone_stress_injury;
  facts.race_today = AnyOf(ctx.today, "race");
  facts.days_to_race = facts.race_today ? std::optional<int>(0) : ctx.days_to_race;
  facts.strength_today = ctx.strength_today || AnyOf(ctx.today, "strength");
  for (const DaySession& s : ctx.tomorrow) {
    const auto& quality = catalogue.quality_session_kinds;
    if (std::find(quality.begin(), quality.end(), s.kind) != quality.end()) {
      facts.quality_tomorrow = SessionLabel(s.kind);
      break;
    }
  }
  return facts;
}

// Builds one DayPrescription; each Add* step appends items or notes.
class Prescriber {
 public:
  Prescriber(const DayContext& ctx, const core::Athlete& athlete, const Catalogue& catalogue)
      : ctx_(ctx), athlete_(athlete), catalogue_(catalogue), facts_(FactsOf(ctx, athlete, catalogue)),
        shape_(ShapeOf(ctx.today)) {
    out_.date = ctx.date;
  }

  Status Run() {
    for (Status (Prescriber::*step)() : {&Prescriber::AddWarmup, &Prescriber::AddCooldown, &Prescriber::AddMobility,
                                         &Prescriber::AddStrength, &Prescriber::AddRecovery, &Prescriber::AddRehab,
                                         &Prescriber::AddPinned}) {
      if (auto s = (this->*step)(); !s) return s;
    }
    return Ok();
  }
  DayPrescription Take() { return std::move(out_); }

 private:
  Status AddWarmup();
  Status AddWalkingWarmup();
  Status AddCooldown();
  Status AddMobility();
  Status AddFoamRolling();
  Status AddStrength();
  Status AddRecovery();
  Result<bool> AddPlunge();
  Status AddSauna();
  Status AddMassage();
  Status AddRehab();
  Status AddPinned();
  Status AddPinnedRoutine(const DayRoutine& pinned);

  void AddNote(std::string text, std::string source) {
    for (const Note& n : out_.notes) {
      if (n.text == text) return;
    }
    out_.notes.push_back(Note{std::move(text), std::move(source)});
  }

  // Adds an exercise unless its equipment is missing (silently) or a rule rules it out (with a note).
  bool Add(std::vector<Item>& list, const Exercise& e, const Dose& dose, const char* when, std::string_view routine) {
    if (!HasEquipment(athlete_, e)) return false;
    if (ctx_.stop_running && IsRunning(e.kind)) {
      AddNote(fmt::format("no {}: running is stopped; it starts again with the walk-run phases", e.name),
              "trials-2023-rtr");
      return false;
    }
    if (auto hit = RuleOut(e, facts_, catalogue_)) {
      AddNote(hit->note, hit->rule->source);
      return false;
    }
    list.push_back(Item{e.id, e.name, e.kind, e.targets, dose, when, e.why, e.source, e.evidence, std::string(routine)});
    return true;
  }

  bool HasRoutine(std::string_view id) const {
    for (const std::vector<Item>* list : {&out_.warmup, &out_.cooldown, &out_.mobility, &out_.strength,
                                          &out_.recovery, &out_.rehab}) {
      if (std::any_of(list->begin(), list->end(), [&](const Item& i) { return i.routine == id; })) return true;
    }
    return false;
  }

  Result<const Exercise*> FindOrFail(std::string_view id) const {
    const Exercise* e = catalogue_.FindExercise(id);
    if (e == nullptr) return Fail(ErrorCode::kNotFound, fmt::format("catalogue has no exercise '{}'", id));
    return e;
  }

  Result<bool> AddSingle(std::vector<Item>& list, std::string_view id, const char* when) {
    auto e = FindOrFail(id);
    if (!e) return Fail(e.error());
    return Add(list, **e, (*e)->dose, when, "");
  }

  // Adds a routine's steps. When `anchored`, the first step is the point of the routine (the sauna in
  // sauna-stretching): if it cannot be done, nothing is added. Returns whether anything was added.
  Result<bool> AddRoutine(std::vector<Item>& list, std::string_view id, const char* when, bool anchored) {
    const Routine* r = catalogue_.FindRoutine(id);
    if (r == nullptr) return Fail(ErrorCode::kNotFound, fmt::format("catalogue has no routine '{}'", id));
    return AddRoutineSteps(list, *r, when, anchored);
  }

  Result<bool> AddRoutineSteps(std::vector<Item>& list, const Routine& r, const char* when, bool anchored) {
    bool added = false;
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      const Exercise* e = r.FindStepExercise(r.steps[i].exercise_id, catalogue_);
      if (e == nullptr) {
        return Fail(ErrorCode::kNotFound, fmt::format("routine '{}' names an unknown exercise", r.id), r.origin);
      }
      const Dose& dose = r.steps[i].dose.Empty() ? e->dose : r.steps[i].dose;
      bool ok = Add(list, *e, dose, when, r.id);
      if (anchored && i == 0 && !ok) return false;
      added = added || ok;
    }
    return added;
  }

  const DayContext& ctx_;
  const core::Athlete& athlete_;
  const Catalogue& catalogue_;
  DayFacts facts_;
  DayShape shape_;
  DayPrescription out_;
};

Status Prescriber::AddWarmup() {
  if (!shape_.runs) return Ok();
  if (shape_.walk_run_only) return AddWalkingWarmup();
  const char* id = shape_.race ? "race-morning-warmup" : shape_.fast ? "quality-warmup" : "dynamic-warmup";
  auto added = AddRoutine(out_.warmup, id, "before_run", false);
  return added ? Ok() : Status(Fail(added.error()));
}

// Before a walk-run the dynamic warm-up starts with a brisk walk instead of its jog: the session's running
// minutes are the phase's, no more [trials-2023-rtr].
Status Prescriber::AddWalkingWarmup() {
  const Routine* r = catalogue_.FindRoutine("dynamic-warmup");
  auto walk = FindOrFail("walk-brisk");
  if (r == nullptr || !walk) return Fail(ErrorCode::kNotFound, "catalogue lacks dynamic-warmup or walk-brisk");
  for (const RoutineStep& step : r->steps) {
    const Exercise* e = r->FindStepExercise(step.exercise_id, catalogue_);
    if (e == nullptr) return Fail(ErrorCode::kNotFound, "routine 'dynamic-warmup' names an unknown exercise");
    if (IsRunning(e->kind)) e = *walk;
    Add(out_.warmup, *e, step.dose.Empty() ? e->dose : step.dose, "before_run", r->id);
  }
  return Ok();
}

Status Prescriber::AddCooldown() {
  if (!shape_.runs) return Ok();
  // Fast sessions end with 10 min easy running; otherwise a walk. A comfort item (SCIENCE.md D5, [U]).
  auto added = shape_.fast && !shape_.race ? AddRoutine(out_.cooldown, "easy-cooldown", "after_run", false)
                                           : AddSingle(out_.cooldown, "walk-cooldown", "after_run");
  return added ? Ok() : Status(Fail(added.error()));
}

Status Prescriber::AddMobility() {
  if (!shape_.runs) return Ok();
  const char* id = shape_.long_or_race ? "post-long-run" : "post-run-stretch";
  if (auto added = AddRoutine(out_.mobility, id, "after_run", false); !added) return Fail(added.error());
  return AddFoamRolling();
}

// Regions to roll: the IT band/lateral thigh and hip flexors after every run (JOURNEY.md; comfort, not
// lengthening [falvey-2010-itb]), plus what the session loaded. Rolling lowers perceived soreness
// (SCIENCE.md D1 [wiewelhove-2019-fr]); doses come from the catalogue (30-120 s [nakamura-2021-fr]).
Status Prescriber::AddFoamRolling() {
  if (!athlete_.Has(Facility::kFoamRoller) && !athlete_.Has(Facility::kTexturedRoller)) {
    AddNote("no foam rolling: add a foam roller to your facilities to get it after runs", "wiewelhove-2019-fr");
    return Ok();
  }
  std::vector<Region> regions = {Region::kItBand, Region::kHipFlexors};
  if (shape_.long_or_race || shape_.hilly) {
    regions.insert(regions.end(), {Region::kCalves, Region::kQuads, Region::kGlutes});
  } else if (shape_.fast) {
    regions.insert(regions.end(), {Region::kCalves, Region::kQuads});
  }
  const bool textured = athlete_.Has(Facility::kTexturedRoller);
  for (Region region : regions) {
    const Exercise* best = nullptr;
    for (const Exercise& e : catalogue_.exercises) {
      if (e.kind != ItemKind::kFoamRolling || e.targets.empty() || e.targets[0] != region) continue;
      if (!HasEquipment(athlete_, e)) continue;
      const bool is_textured = std::find(e.equipment.begin(), e.equipment.end(), "textured-roller") != e.equipment.end();
      if (best == nullptr || (textured && is_textured)) best = &e;
    }
    if (best != nullptr) Add(out_.mobility, *best, best->dose, "after_run", "");
  }
  return Ok();
}

Status Prescriber::AddStrength() {
  if (!facts_.strength_today) return Ok();
  const char* id = IsoWeekNumber(ctx_.date) % 2 == 0 ? "runner-strength-a" : "runner-strength-b";
  auto added = AddRoutine(out_.strength, id, "strength", false);
  return added ? Ok() : Status(Fail(added.error()));
}

// Cold water after long runs and races, or when the next hard session is < 24 h away; 10-15 C for
// 10-15 min (SCIENCE.md D8 [machado-2016-cwi]). Never after strength work: a rule [roberts-2015-cwi-strength].
Result<bool> Prescriber::AddPlunge() {
  if (!athlete_.Has(Facility::kPlungePool)) return false;
  const bool indicated = shape_.runs && (shape_.long_or_race || facts_.quality_tomorrow.has_value());
  if (!indicated) {
    AddNote("no plunge pool today: cold water earns its place after long runs and races, or when the next hard "
            "session is less than 24 h away",
            "machado-2016-cwi");
    return false;
  }
  auto added = AddSingle(out_.recovery, "plunge-pool", "after_run");
  if (!added || !*added) return added;
  // Contrast is an option only with both facilities; it is no better than cold water alone [bieuzen-2013-cwt].
  if (athlete_.Has(Facility::kSauna)) {
    if (auto contrast = AddRoutine(out_.recovery, "contrast-sauna-plunge", "instead_of_plunge", true); !contrast) {
      return Fail(contrast.error());
    }
  }
  return true;
}

Status Prescriber::AddSauna() {
  if (!athlete_.Has(Facility::kSauna)) return Ok();
  auto added = AddRoutine(out_.recovery, "sauna-stretching", shape_.runs ? "after_run" : "evening", true);
  return added ? Ok() : Status(Fail(added.error()));
}

Status Prescriber::AddMassage() {
  if (!athlete_.Has(Facility::kMassage) || !ctx_.in_build_phase) return Ok();
  if (ctx_.last_massage && ctx_.last_massage->DaysUntil(ctx_.date) < kMassageIntervalDays) return Ok();
  auto added = AddSingle(out_.recovery, "sports-massage", "book");
  return added ? Ok() : Status(Fail(added.error()));
}

Status Prescriber::AddRecovery() {
  auto plunge = AddPlunge();
  if (!plunge) return Fail(plunge.error());
  // One heat or cold session a day: the sauna when the plunge pool is not on.
  if (!*plunge) {
    if (auto s = AddSauna(); !s) return s;
  }
  if (auto s = AddMassage(); !s) return s;
  if (!shape_.long_or_race) return Ok();
  auto rub = AddSingle(out_.recovery, "muscle-rub", "after_shower");
  return rub ? Ok() : Status(Fail(rub.error()));
}

// The injury's rehab routine, already built for the stage (rehab_routine.h), passes the equipment check
// and the day's rules once more: as its catalogue exercise when the item is one, else by its kind.
Status Prescriber::AddRehab() {
  for (const Item& item : ctx_.rehab) {
    Exercise e;
    if (const Exercise* known = catalogue_.FindExercise(item.id)) {
      if (!HasEquipment(athlete_, *known)) continue;
      e = *known;
    }
    e.id = item.id;
    e.name = item.name;
    e.kind = item.kind;
    if (ctx_.stop_running && IsRunning(e.kind)) continue;  // rehab_routine.h leaves a note already
    if (auto hit = RuleOut(e, facts_, catalogue_)) {
      AddNote(hit->note, hit->rule->source);
      continue;
    }
    const bool seen = std::any_of(out_.rehab.begin(), out_.rehab.end(), [&](const Item& i) {
      return i.id == item.id && i.routine == item.routine;
    });
    if (!seen) out_.rehab.push_back(item);
  }
  return Ok();
}

Status Prescriber::AddPinned() {
  for (const DayRoutine& pinned : ctx_.pinned) {
    if (auto s = AddPinnedRoutine(pinned); !s) return s;
  }
  return Ok();
}

// A pinned routine goes where its phase says; `replace` first drops the catalogue routines' items there.
Status Prescriber::AddPinnedRoutine(const DayRoutine& pinned) {
  const Routine& r = pinned.routine;
  const bool around_run = r.phase == RoutinePhase::kPreRun || r.phase == RoutinePhase::kPostRun;
  if (around_run && !shape_.runs) {
    AddNote(fmt::format("your routine '{}' is for {} a run and today has none: keep it for your next run day", r.name,
                        r.phase == RoutinePhase::kPreRun ? "before" : "after"),
            r.source);
    return Ok();
  }
  std::vector<Item>* list = &out_.mobility;
  const char* when = "any";
  switch (r.phase) {
    case RoutinePhase::kPreRun: list = &out_.warmup; when = "before_run"; break;
    case RoutinePhase::kPostRun: list = &out_.mobility; when = "after_run"; break;
    case RoutinePhase::kStrength: list = &out_.strength; when = "strength"; break;
    case RoutinePhase::kRecovery: list = &out_.recovery; when = shape_.runs ? "after_run" : "evening"; break;
    case RoutinePhase::kRehab: list = &out_.rehab; when = "rehab"; break;
    case RoutinePhase::kAny: break;
  }
  if (HasRoutine(r.id)) return Ok();  // also pinned to an injury: already in the rehab list
  if (pinned.replace) {
    std::erase_if(*list, [&](const Item& i) { return catalogue_.FindRoutine(i.routine) != nullptr; });
  }
  auto added = AddRoutineSteps(*list, r, when, false);
  return added ? Ok() : Status(Fail(added.error()));
}

}  // namespace

int IsoWeekNumber(core::Date date) {
  // The ISO week belongs to the year of its Thursday; count Thursdays from that year's first one.
  const auto weekday = static_cast<int>(date.weekday());  // Monday = 0
  const core::Date thursday = date.AddDays(3 - weekday);
  const core::Date new_year = core::Date::FromYmd(thursday.year(), 1, 1);
  return static_cast<int>(new_year.DaysUntil(thursday) / 7) + 1;
}

Result<DayPrescription> PrescribeDay(const DayContext& context, const core::Athlete& athlete,
                                     const Catalogue& catalogue) {
  if (auto s = CheckKinds(context.today, "today"); !s) return Fail(s.error());
  if (auto s = CheckKinds(context.tomorrow, "tomorrow"); !s) return Fail(s.error());
  Prescriber prescriber(context, athlete, catalogue);
  if (auto s = prescriber.Run(); !s) return Fail(s.error());
  return prescriber.Take();
}

}  // namespace stride::care
