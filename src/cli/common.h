// SPDX-License-Identifier: MIT
// What every command shares: the global options (--db, --json, --date), opening the database, the
// error-to-exit-code table, and output helpers. Results go to stdout; messages to stderr.
#ifndef STRIDE_CLI_COMMON_H_
#define STRIDE_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "core/result.h"
#include "store/database.h"

namespace stride::cli {

/// Exit codes (DESIGN.md "Principles"): 0 ok, 1 user error, 2 bad input file or data, 3 internal.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUserError = 1;
inline constexpr int kExitBadData = 2;
inline constexpr int kExitInternal = 3;

struct Globals {
  std::optional<std::string> db_path;
  bool json = false;
  std::optional<std::string> date;
};

/// A parsed command ready to run: set by the subcommand's callback, run after parsing.
using Runner = std::function<int(const Globals&)>;

/// Adds --db, --json and --date to `app`, bound to `g`. Subcommands fall through to these.
void AddGlobalOptions(CLI::App& app, Globals& g);

/// Exit code for an error code (the one table).
int ExitCodeFor(core::ErrorCode code);
/// Prints "stride: error: <where>: <message>" to stderr and returns its exit code.
int ReportError(const core::Error& error);

/// Opens (creating and migrating) the database the globals point at.
Result<store::Database> OpenDatabase(const Globals& g);
/// --date, else today's local date from the system clock.
Result<core::Date> Today(const Globals& g);

/// Writes one JSON document to stdout.
void PrintJson(const nlohmann::json& j);

/// Splits "a,b,c" (spaces ignored, empty items dropped).
std::vector<std::string> SplitList(const std::string& text);

/// Adds a footer of examples to a command's --help.
void SetExamples(CLI::App* cmd, const std::string& examples);

}  // namespace stride::cli

#endif  // STRIDE_CLI_COMMON_H_
