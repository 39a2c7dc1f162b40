// SPDX-License-Identifier: MIT
#include "cli/common.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "app/database_path.h"

namespace stride::cli {

void AddGlobalOptions(CLI::App& app, Globals& g) {
  app.add_option("--db", g.db_path, "database file (default: $STRIDE_DB, else $XDG_DATA_HOME/stride/stride.db)")
      ->type_name("PATH");
  app.add_flag("--json", g.json, "machine-readable output: one JSON document on stdout");
  app.add_option("--date", g.date, "the day that counts as today, YYYY-MM-DD (default: today)")->type_name("DATE");
}

int ExitCodeFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument:
    case core::ErrorCode::kNotFound:
    case core::ErrorCode::kConflict:
      return kExitUserError;
    case core::ErrorCode::kCorruptData:
    case core::ErrorCode::kUnsupported:
      return kExitBadData;
    case core::ErrorCode::kIoError:
    case core::ErrorCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int ReportError(const core::Error& error) {
  std::cerr << "stride: error: " << error.ToString() << "\n";
  return ExitCodeFor(error.code);
}

Result<store::Database> OpenDatabase(const Globals& g) {
  return store::Database::Open(app::ResolveDatabasePath(g.db_path, [](const char* n) -> const char* { return std::getenv(n); }));
}

Result<core::Date> Today(const Globals& g) {
  if (g.date) {
    auto d = core::ParseDate(*g.date);
    if (!d) return Fail(d.error().code, d.error().message, "--date");
    return d;
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return core::Date::FromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
}

void PrintJson(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text + ",") {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item.push_back(c);
    }
  }
  return out;
}

void SetExamples(CLI::App* cmd, const std::string& examples) { cmd->footer("\nExamples:\n" + examples); }

}  // namespace stride::cli
