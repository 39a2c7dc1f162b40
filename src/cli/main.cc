// SPDX-License-Identifier: MIT
// The `stride` executable: everything else lives in the libraries.
#include "cli/cli.h"

int main(int argc, char** argv) { return stride::cli::Main(argc, argv); }
