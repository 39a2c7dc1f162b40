// SPDX-License-Identifier: MIT
// Reading catalogue fields from toml++ tables with located errors ("file:line"). Shared by the catalogue
// loader (catalogue_toml.cc) and the custom-routine parser (custom_routine.cc). toml++ exceptions never
// leave these functions.
#ifndef STRIDE_CARE_INTERNAL_TOML_FIELDS_H_
#define STRIDE_CARE_INTERNAL_TOML_FIELDS_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "care/catalogue.h"
#include "core/result.h"

namespace stride::care::internal {

/// "file:line" of a node (line 0 is omitted when toml++ has no position).
std::string Where(std::string_view file, const toml::node& node);

/// Parses a TOML document. Fails with kCorruptData, where = "file:line:column", on a syntax error.
Result<toml::table> ParseToml(std::string_view text, std::string_view file);

/// Fails when `table` has a key not in `allowed`: "<what>: unknown key 'x'".
Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view file,
                 std::string_view what);

/// A string field. Fails when present with another type; nullopt when absent.
Result<std::optional<std::string>> OptionalString(const toml::table& table, std::string_view key,
                                                  std::string_view file, std::string_view what);
/// A string field that must be present and non-empty: "<what>: missing <key>".
Result<std::string> RequiredString(const toml::table& table, std::string_view key, std::string_view file,
                                   std::string_view what);
/// An array of strings; empty when absent.
Result<std::vector<std::string>> StringArray(const toml::table& table, std::string_view key,
                                             std::string_view file, std::string_view what);
/// An integer field; nullopt when absent.
Result<std::optional<int>> OptionalInt(const toml::table& table, std::string_view key, std::string_view file,
                                       std::string_view what);

/// The `dose` inline table of `table`; an empty Dose when absent.
Result<Dose> ReadDose(const toml::table& table, std::string_view file, std::string_view what);

/// "exercise 'id'" or, when the id is missing, "exercise at line N".
std::string Describe(std::string_view noun, const toml::table& table);

/// An `[[exercise]]` table. `default_source` fills a missing source (empty: leave it missing).
Result<Exercise> ReadExercise(const toml::table& table, std::string_view file, std::string_view default_source);
/// One entry of a routine's `steps` array: `{ exercise = "id", dose = {...} }`.
Result<RoutineStep> ReadRoutineStep(const toml::node& node, std::string_view file, std::string_view what);
/// A `[[routine]]` (or custom `[routine]`) table, steps included.
Result<Routine> ReadRoutine(const toml::table& table, std::string_view file);

}  // namespace stride::care::internal

#endif  // STRIDE_CARE_INTERNAL_TOML_FIELDS_H_
