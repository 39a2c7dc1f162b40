// SPDX-License-Identifier: MIT
// Runs the real `stride` binary (path from $STRIDE_BINARY, set by ctest) and captures what it prints.
#ifndef STRIDE_TESTS_CLI_RUN_STRIDE_H_
#define STRIDE_TESTS_CLI_RUN_STRIDE_H_

#include <filesystem>
#include <string>
#include <vector>

namespace stride::testing {

struct StrideRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `stride ARGS...` with a clean environment whose STRIDE_DB points at `db` (unless empty).
StrideRun RunStride(const std::vector<std::string>& args, const std::filesystem::path& db = {});

/// A fresh temporary folder for one test.
std::filesystem::path FreshTempDir(const std::string& name);

}  // namespace stride::testing

#endif  // STRIDE_TESTS_CLI_RUN_STRIDE_H_
