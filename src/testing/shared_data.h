// SPDX-License-Identifier: MIT
// Locates the shared test corpus (../shared/data beside the repository). A user's clone has no such
// folder: tests that need it call STRIDE_REQUIRE_SHARED_DATA(), which skips with a clear message.
#ifndef STRIDE_TESTING_SHARED_DATA_H_
#define STRIDE_TESTING_SHARED_DATA_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

namespace stride::testing {

/// The shared data folder (`<repo>/../shared/data`), or nullopt when absent. Tests run from the
/// repository root (see stride_add_test), so the path is relative to it.
std::optional<std::filesystem::path> SharedDataDir();

/// The repository's own test fixtures folder, tests/data.
std::filesystem::path TestDataDir();

}  // namespace stride::testing

#define STRIDE_REQUIRE_SHARED_DATA(var)                                                           \
  auto var##_opt = ::stride::testing::SharedDataDir();                                            \
  if (!var##_opt) GTEST_SKIP() << "../shared/data is absent (a user's clone): skipping corpus test"; \
  const std::filesystem::path var = *var##_opt

#endif  // STRIDE_TESTING_SHARED_DATA_H_
