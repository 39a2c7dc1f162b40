// SPDX-License-Identifier: MIT
// A one-line progress bar on stderr for long work (files, MB/s, time left), drawn only on a terminal.
#ifndef STRIDE_CLI_PROGRESS_BAR_H_
#define STRIDE_CLI_PROGRESS_BAR_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace stride::cli {

class ProgressBar {
 public:
  /// `enabled` false makes every call a no-op (not a terminal, or --quiet).
  explicit ProgressBar(bool enabled);
  /// Redraws at most every 100 ms (and always when done == total).
  void Update(uint64_t files_done, uint64_t files_total, uint64_t bytes_done, uint64_t bytes_total,
              const std::string& current);
  /// Clears the line.
  void Finish();
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

/// True when stderr is a terminal.
bool StderrIsTerminal();

/// 1234567 -> "1,234,567".
std::string WithThousands(uint64_t n);

}  // namespace stride::cli

#endif  // STRIDE_CLI_PROGRESS_BAR_H_
