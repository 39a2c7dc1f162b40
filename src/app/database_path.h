// SPDX-License-Identifier: MIT
// Where the database lives: --db, else $STRIDE_DB, else $XDG_DATA_HOME/stride/stride.db, else
// ~/.local/share/stride/stride.db.
#ifndef STRIDE_APP_DATABASE_PATH_H_
#define STRIDE_APP_DATABASE_PATH_H_

#include <filesystem>
#include <optional>
#include <string>

namespace stride::app {

/// Resolves the database path. `explicit_path` is the --db value when given. The environment is passed
/// in (a lookup function) so tests need not touch the real one.
std::filesystem::path ResolveDatabasePath(const std::optional<std::string>& explicit_path,
                                          const char* (*getenv_fn)(const char*));

}  // namespace stride::app

#endif  // STRIDE_APP_DATABASE_PATH_H_
