// SPDX-License-Identifier: MIT
// The `stride` command line: parses arguments, runs one command, returns its exit code.
#ifndef STRIDE_CLI_CLI_H_
#define STRIDE_CLI_CLI_H_

namespace stride::cli {

/// Runs `stride` with the given arguments and returns the process exit code (DESIGN.md: 0 ok, 1 user
/// error, 2 bad input data, 3 internal). Never throws.
int Main(int argc, char** argv);

}  // namespace stride::cli

#endif  // STRIDE_CLI_CLI_H_
