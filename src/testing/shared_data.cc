// SPDX-License-Identifier: MIT
#include "testing/shared_data.h"

#include <cstdlib>

namespace stride::testing {

std::optional<std::filesystem::path> SharedDataDir() {
  if (const char* env = std::getenv("STRIDE_SHARED_DATA")) {
    if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
  }
  std::filesystem::path dir = std::filesystem::current_path().parent_path() / "shared" / "data";
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

std::filesystem::path TestDataDir() { return std::filesystem::current_path() / "tests" / "data"; }

}  // namespace stride::testing
