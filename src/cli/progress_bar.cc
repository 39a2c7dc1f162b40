// SPDX-License-Identifier: MIT
#include "cli/progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace stride::cli {

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void ProgressBar::Update(uint64_t files_done, uint64_t files_total, uint64_t bytes_done, uint64_t bytes_total,
                         const std::string& current) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  bool last = files_total > 0 && files_done >= files_total;
  if (drawn_ && !last && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb_per_s = seconds > 0 ? static_cast<double>(bytes_done) / 1e6 / seconds : 0;
  double fraction = bytes_total > 0 ? static_cast<double>(bytes_done) / static_cast<double>(bytes_total)
                    : files_total > 0 ? static_cast<double>(files_done) / static_cast<double>(files_total)
                                      : 0;
  if (fraction > 1) fraction = 1;
  constexpr int kWidth = 24;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar = std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(kWidth - filled), '.');
  std::string left = "";
  if (fraction > 0.01 && seconds > 0.5) {
    long remaining = static_cast<long>(seconds / fraction - seconds);
    left = fmt::format("  {}:{:02} left", remaining / 60, remaining % 60);
  }
  std::string total = files_total ? "/" + WithThousands(files_total) : "";
  std::string name = current.size() > 30 ? "..." + current.substr(current.size() - 27) : current;
  std::fprintf(stderr, "\r[%s] %s%s files  %.1f MB/s%s  %-30s", bar.c_str(), WithThousands(files_done).c_str(),
               total.c_str(), mb_per_s, left.c_str(), name.c_str());
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r%100s\r", "");
  std::fflush(stderr);
}

}  // namespace stride::cli
