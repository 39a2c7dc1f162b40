// SPDX-License-Identifier: MIT
#include "app/database_path.h"

namespace stride::app {

std::filesystem::path ResolveDatabasePath(const std::optional<std::string>& explicit_path,
                                          const char* (*getenv_fn)(const char*)) {
  if (explicit_path && !explicit_path->empty()) return *explicit_path;
  auto env = [&](const char* name) -> std::string {
    const char* v = getenv_fn(name);
    return v ? std::string(v) : std::string();
  };
  if (std::string db = env("STRIDE_DB"); !db.empty()) return db;
  if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "stride" / "stride.db";
  std::string home = env("HOME");
  if (home.empty()) home = ".";
  return std::filesystem::path(home) / ".local" / "share" / "stride" / "stride.db";
}

}  // namespace stride::app
