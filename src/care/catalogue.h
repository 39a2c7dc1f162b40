// SPDX-License-Identifier: MIT
// The care catalogue: exercises, routines and safety rules, loaded from TOML (data/catalogue/*.toml,
// compiled into the binary) and checked against SCIENCE.md's rules. The day prescription
// (prescription.h) and custom routines (custom_routine.h) build on these values. Format: docs/care.md.
// Thread safety: BuiltinCatalogue() is safe to call from any thread; the values are immutable.
#ifndef STRIDE_CARE_CATALOGUE_H_
#define STRIDE_CARE_CATALOGUE_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace stride::care {

/// What an item is (DESIGN.md "Item" kinds). Written to JSON by name (ItemKindName): do not rename.
enum class ItemKind {
  kJog, kWalk, kRun, kDynamic, kStaticStretch, kFoamRolling, kStrength, kMobility,
  kSauna, kPlungePool, kContrast, kMassage, kRub, kCrossTraining,
};

/// Body regions an item targets (DESIGN.md region ids). Written by name (RegionName): do not rename.
enum class Region {
  kItBand, kHipFlexors, kQuads, kHamstrings, kGlutes, kHipAbductors, kAdductors, kCalves, kSoleus,
  kAchilles, kPlantarFascia, kShins, kLowerBack, kCore, kThoracic,
};

/// SCIENCE.md confidence marks: H (primary source), M (secondary), U (unconfirmed).
enum class Evidence { kHigh, kMedium, kUnconfirmed };

/// Where a routine may be used. kPreRun routines are warm-ups: their static holds stay under 60 s.
enum class RoutinePhase { kPreRun, kPostRun, kAny, kStrength, kRecovery, kRehab };

/// "jog", "static_stretch", ... and back. Parse functions return nullopt for unknown names.
const char* ItemKindName(ItemKind kind);
std::optional<ItemKind> ParseItemKind(std::string_view name);
const char* RegionName(Region region);
std::optional<Region> ParseRegion(std::string_view name);
const char* EvidenceName(Evidence evidence);  // "H", "M", "U"
std::optional<Evidence> ParseEvidence(std::string_view name);
const char* RoutinePhaseName(RoutinePhase phase);
std::optional<RoutinePhase> ParseRoutinePhase(std::string_view name);
/// The equipment ids the catalogue accepts: none, foam-roller, textured-roller, band, step, gym, sauna,
/// plunge-pool, massage.
const std::set<std::string>& KnownEquipment();

/// How much of an item: a hold (`seconds`, per set), reps x sets, or `minutes`; `temperature_c` for heat
/// and cold. `per_side` means the dose is for each side. Empty() when nothing is set.
struct Dose {
  std::optional<int> seconds;
  std::optional<int> reps;
  std::optional<int> sets;
  std::optional<double> minutes;
  std::optional<double> temperature_c;
  bool per_side = false;

  bool Empty() const { return !seconds && !reps && !minutes; }
  /// Seconds per muscle (per side): seconds x sets (sets default 1); 0 when the dose is not a hold.
  int HoldSecondsPerMuscle() const { return seconds ? *seconds * sets.value_or(1) : 0; }
};

/// One catalogue exercise. `origin` is "file:line" of its definition, for error messages.
struct Exercise {
  std::string id;
  std::string name;
  ItemKind kind = ItemKind::kDynamic;
  std::vector<Region> targets;
  std::vector<std::string> instructions;
  std::vector<std::string> cues;
  Dose dose;
  std::vector<std::string> equipment;          // KnownEquipment() ids; "none" when nothing is needed
  std::vector<std::string> contraindications;  // rule ids (rules.toml)
  std::string easier;                          // exercise id or empty
  std::string harder;                          // exercise id or empty
  std::string source;                          // SCIENCE.md source id, or "physio" for custom items
  Evidence evidence = Evidence::kUnconfirmed;
  std::string why;
  std::string origin;
};

/// One step of a routine: a catalogue exercise and, when non-empty, a dose that replaces its default.
struct RoutineStep {
  std::string exercise_id;
  Dose dose;
  std::string origin;
};

struct Routine {
  std::string id;
  std::string name;
  RoutinePhase phase = RoutinePhase::kAny;
  std::vector<RoutineStep> steps;
  std::string source;
  Evidence evidence = Evidence::kUnconfirmed;
  std::string why;
  std::string origin;
  /// Exercises a custom routine defines inline (ParseCustomRoutine); empty for catalogue routines.
  std::vector<Exercise> own_exercises;

  /// The exercise a step names: one of own_exercises, else the catalogue's; nullptr when neither has it.
  const Exercise* FindStepExercise(std::string_view exercise_id, const struct Catalogue& catalogue) const;
};

/// What a safety rule tests (rules.toml `condition`).
enum class RuleCondition {
  kHealthFlag,               // the athlete has `flag`
  kAcuteInjuryWithinHours,   // an acute injury is less than `hours` old
  kBoneStressInjury,         // a bone stress injury is current
  kQualityTomorrow,          // tomorrow holds a quality session (Catalogue::quality_session_kinds)
  kRaceToday,                // today holds a race
  kRaceWithinDays,           // the race is 0..`days` days away
  kStrengthToday,            // strength work today
};

/// A safety rule: when `condition` holds, items of `kinds` (or exercises naming `id` in their
/// contraindications) are ruled out, and `note` tells the runner why.
struct Rule {
  std::string id;
  std::vector<ItemKind> kinds;
  RuleCondition condition = RuleCondition::kHealthFlag;
  std::string flag;  // core::HealthFlagName value, for kHealthFlag
  int hours = 0;
  int days = 0;
  std::string note;
  std::string source;
  Evidence evidence = Evidence::kUnconfirmed;
  std::string origin;
};

struct Catalogue {
  std::vector<Exercise> exercises;
  std::vector<Routine> routines;
  std::vector<Rule> rules;
  std::vector<std::string> quality_session_kinds;  // session kinds, e.g. "tempo"

  /// nullptr when absent. Pointers stay valid while the catalogue is not modified.
  const Exercise* FindExercise(std::string_view id) const;
  const Routine* FindRoutine(std::string_view id) const;
  const Rule* FindRule(std::string_view id) const;
};

/// Parses one catalogue TOML document: `[[exercise]]`, `[[routine]]`, `[[rule]]` tables and an optional
/// `quality_session_kinds` array. Checks syntax, types, required fields (id, name, kind), unknown keys
/// and the names of kinds, regions, phases and evidence marks; cross-references are ValidateCatalogue's.
/// Fails with kCorruptData; `where` is "file_name:line".
Result<Catalogue> LoadCatalogue(std::string_view toml_text, std::string_view file_name);

/// Appends `more` to `into`. Fails with kCorruptData on a duplicate id (where = the duplicate's origin).
Status MergeCatalogue(Catalogue& into, Catalogue more);

/// Checks a whole catalogue: ids unique; routine steps and easier/harder variants name known exercises;
/// every exercise has a dose, a known source, known equipment and known contraindication rule ids;
/// routines and rules cite known sources; pre-run routines hold no static stretch for 60 s or more per
/// muscle [kay-blazevich-2012]; every foam-rolling dose is 30-120 s per muscle [nakamura-2021-fr].
/// Fails with kCorruptData on the first problem: `where` is "file:line", the message names the item.
Status ValidateCatalogue(const Catalogue& catalogue, const std::set<std::string>& known_sources);

/// Reads `[source]` ids from a sources TOML document (data/catalogue/sources.toml). kCorruptData on error.
Result<std::set<std::string>> LoadSourceIds(std::string_view toml_text, std::string_view file_name);

/// The catalogue compiled into the binary, parsed and validated once on first use. A defect in the
/// embedded data is a build bug: STRIDE_CHECK aborts with the message (the tests catch it first).
const Catalogue& BuiltinCatalogue();
/// The source ids of the embedded sources.toml.
const std::set<std::string>& BuiltinSourceIds();

/// Loads and merges the embedded catalogue files without aborting, then validates them.
Result<Catalogue> LoadBuiltinCatalogue();

}  // namespace stride::care

#endif  // STRIDE_CARE_CATALOGUE_H_
