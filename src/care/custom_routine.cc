// SPDX-License-Identifier: MIT
// ParseCustomRoutine: reads the file with the catalogue's field readers, then validates the routine and
// its inline exercises together with the catalogue, so a physio's file meets the same rules.
#include "care/custom_routine.h"

#include <fmt/format.h>

#include <set>
#include <string>
#include <utility>

#include "care/internal/toml_fields.h"

namespace stride::care {
namespace {

using core::ErrorCode;

// Sources a custom routine may cite: the built-in ones, those the given catalogue uses, and "physio".
std::set<std::string> CustomSources(const Catalogue& catalogue) {
  std::set<std::string> sources = BuiltinSourceIds();
  sources.insert(std::string(kPhysioSource));
  for (const Exercise& e : catalogue.exercises) sources.insert(e.source);
  for (const Routine& r : catalogue.routines) sources.insert(r.source);
  for (const Rule& r : catalogue.rules) sources.insert(r.source);
  return sources;
}

Result<std::vector<Exercise>> ReadOwnExercises(const toml::table& root, std::string_view file) {
  std::vector<Exercise> out;
  const toml::node* node = root.get("exercise");
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    return Fail(ErrorCode::kCorruptData, "exercise must be written as [[exercise]] tables",
                internal::Where(file, *node));
  }
  for (const toml::node& element : *array) {
    auto exercise = internal::ReadExercise(*element.as_table(), file, kPhysioSource);
    if (!exercise) return Fail(exercise.error());
    out.push_back(std::move(*exercise));
  }
  return out;
}

Result<Routine> ReadRoutineTable(const toml::table& root, std::string_view file) {
  const toml::node* node = root.get("routine");
  if (node == nullptr || !node->is_table()) {
    return Fail(ErrorCode::kCorruptData, "missing [routine] table", std::string(file));
  }
  const toml::table& table = *node->as_table();
  auto routine = internal::ReadRoutine(table, file);
  if (!routine) return Fail(routine.error());
  if (table.get("phase") == nullptr) routine->phase = RoutinePhase::kRehab;
  if (routine->source.empty()) routine->source = std::string(kPhysioSource);
  return routine;
}

}  // namespace

Result<Routine> ParseCustomRoutine(std::string_view toml_text, std::string_view file_name, const Catalogue& catalogue) {
  auto root = internal::ParseToml(toml_text, file_name);
  if (!root) return Fail(root.error());
  if (auto s = internal::CheckKeys(*root, {"routine", "exercise"}, file_name, "custom routine"); !s) {
    return Fail(s.error());
  }
  auto routine = ReadRoutineTable(*root, file_name);
  if (!routine) return Fail(routine.error());
  auto own = ReadOwnExercises(*root, file_name);
  if (!own) return Fail(own.error());
  // Check the routine and its exercises in the company of the catalogue they reference.
  Catalogue combined = catalogue;
  combined.routines.assign(1, *routine);
  combined.exercises.insert(combined.exercises.end(), own->begin(), own->end());
  if (auto valid = ValidateCatalogue(combined, CustomSources(catalogue)); !valid) return Fail(valid.error());
  routine->own_exercises = std::move(*own);
  return routine;
}

}  // namespace stride::care
