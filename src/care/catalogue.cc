// SPDX-License-Identifier: MIT
// Names of the catalogue's enums, lookups, merging, and the built-in catalogue parsed from the embedded
// TOML (internal/embedded_catalogue.h). Parsing is in catalogue_toml.cc, checks in catalogue_validate.cc.
#include "care/catalogue.h"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <string>
#include <utility>

#include "care/internal/embedded_catalogue.h"
#include "core/check.h"

namespace stride::care {
namespace {

using core::ErrorCode;

constexpr std::array<const char*, 14> kKindNames = {
    "jog",      "walk",  "run",        "dynamic", "static_stretch", "foam_rolling", "strength",
    "mobility", "sauna", "plunge_pool", "contrast", "massage",      "rub",          "cross_training"};
constexpr std::array<const char*, 15> kRegionNames = {
    "it_band", "hip_flexors", "quads",          "hamstrings", "glutes",     "hip_abductors", "adductors", "calves",
    "soleus",  "achilles",    "plantar_fascia", "shins",      "lower_back", "core",          "thoracic"};
constexpr std::array<const char*, 3> kEvidenceNames = {"H", "M", "U"};
constexpr std::array<const char*, 6> kPhaseNames = {"pre_run", "post_run", "any", "strength", "recovery", "rehab"};

constexpr const char* kSourcesFile = "sources.toml";

template <class Enum, std::size_t N>
std::optional<Enum> ParseName(std::string_view name, const std::array<const char*, N>& names) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template <class T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

template <class T>
Status AppendUnique(std::vector<T>& into, std::vector<T>& more, const char* what) {
  for (T& item : more) {
    if (const T* existing = FindById(into, item.id)) {
      return Fail(ErrorCode::kCorruptData,
                  fmt::format("duplicate {} id '{}' (first defined at {})", what, item.id, existing->origin),
                  item.origin);
    }
    into.push_back(std::move(item));
  }
  return Ok();
}

}  // namespace

const char* ItemKindName(ItemKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::optional<ItemKind> ParseItemKind(std::string_view name) { return ParseName<ItemKind>(name, kKindNames); }
const char* RegionName(Region region) { return kRegionNames[static_cast<std::size_t>(region)]; }
std::optional<Region> ParseRegion(std::string_view name) { return ParseName<Region>(name, kRegionNames); }
const char* EvidenceName(Evidence evidence) { return kEvidenceNames[static_cast<std::size_t>(evidence)]; }
std::optional<Evidence> ParseEvidence(std::string_view name) { return ParseName<Evidence>(name, kEvidenceNames); }
const char* RoutinePhaseName(RoutinePhase phase) { return kPhaseNames[static_cast<std::size_t>(phase)]; }
std::optional<RoutinePhase> ParseRoutinePhase(std::string_view name) {
  return ParseName<RoutinePhase>(name, kPhaseNames);
}

const std::set<std::string>& KnownEquipment() {
  static const std::set<std::string> kEquipment = {"none", "foam-roller", "textured-roller", "band",   "step",
                                                   "gym",  "sauna",       "plunge-pool",     "massage"};
  return kEquipment;
}

const Exercise* Catalogue::FindExercise(std::string_view id) const { return FindById(exercises, id); }
const Routine* Catalogue::FindRoutine(std::string_view id) const { return FindById(routines, id); }
const Rule* Catalogue::FindRule(std::string_view id) const { return FindById(rules, id); }

const Exercise* Routine::FindStepExercise(std::string_view exercise_id, const Catalogue& catalogue) const {
  if (const Exercise* own = FindById(own_exercises, exercise_id)) return own;
  return catalogue.FindExercise(exercise_id);
}

Status MergeCatalogue(Catalogue& into, Catalogue more) {
  if (auto s = AppendUnique(into.exercises, more.exercises, "exercise"); !s) return s;
  if (auto s = AppendUnique(into.routines, more.routines, "routine"); !s) return s;
  if (auto s = AppendUnique(into.rules, more.rules, "rule"); !s) return s;
  for (std::string& kind : more.quality_session_kinds) into.quality_session_kinds.push_back(std::move(kind));
  return Ok();
}

const std::set<std::string>& BuiltinSourceIds() {
  static const std::set<std::string> kIds = [] {
    for (std::size_t i = 0; i < internal::kEmbeddedCatalogueFileCount; ++i) {
      const internal::EmbeddedFile& file = internal::kEmbeddedCatalogueFiles[i];
      if (std::string_view(file.name) != kSourcesFile) continue;
      auto ids = LoadSourceIds(file.text(), file.name);
      STRIDE_CHECK(ids.has_value());
      return *ids;
    }
    return std::set<std::string>{};
  }();
  return kIds;
}

Result<Catalogue> LoadBuiltinCatalogue() {
  Catalogue catalogue;
  for (std::size_t i = 0; i < internal::kEmbeddedCatalogueFileCount; ++i) {
    const internal::EmbeddedFile& file = internal::kEmbeddedCatalogueFiles[i];
    if (std::string_view(file.name) == kSourcesFile) continue;
    auto part = LoadCatalogue(file.text(), file.name);
    if (!part) return Fail(part.error());
    if (auto merged = MergeCatalogue(catalogue, std::move(*part)); !merged) return Fail(merged.error());
  }
  if (auto valid = ValidateCatalogue(catalogue, BuiltinSourceIds()); !valid) return Fail(valid.error());
  return catalogue;
}

const Catalogue& BuiltinCatalogue() {
  static const Catalogue kCatalogue = [] {
    auto loaded = LoadBuiltinCatalogue();
    if (!loaded) std::fprintf(stderr, "built-in catalogue: %s\n", loaded.error().ToString().c_str());
    STRIDE_CHECK(loaded.has_value());
    return std::move(*loaded);
  }();
  return kCatalogue;
}

}  // namespace stride::care
