// SPDX-License-Identifier: MIT
#include "cli/terminal_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace stride::cli {
namespace {
// Eighths of a cell, from empty to full.
const char* const kEighths[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
}  // namespace

std::string BarChart(const std::vector<double>& values, const std::vector<std::string>& labels, int height,
                     const std::string& unit) {
  double top = 0;
  for (double v : values) {
    if (!std::isnan(v)) top = std::max(top, v);
  }
  if (top <= 0) top = 1;
  std::string out;
  for (int row = height - 1; row >= 0; --row) {
    std::string axis = (row == height - 1) ? fmt::format("{:>5.0f} ┤", top) : (row == 0 ? fmt::format("{:>5} ┤", 0) : "      │");
    out += axis;
    for (double v : values) {
      double cells = std::isnan(v) ? 0 : v / top * height;
      double fill = std::clamp(cells - row, 0.0, 1.0);
      int eighths = static_cast<int>(std::lround(fill * 8));
      out += std::string(kEighths[eighths]) + kEighths[eighths] + " ";
    }
    out += "\n";
  }
  out += "      └";
  for (size_t i = 0; i < values.size(); ++i) out += "───";
  out += fmt::format(" {}\n       ", unit);
  for (const std::string& l : labels) out += fmt::format("{:<3}", l.substr(0, 2));
  return out + "\n";
}

std::string Sparkline(const std::vector<double>& values, double lo, double hi) {
  std::string out;
  double span = hi > lo ? hi - lo : 1;
  for (double v : values) {
    if (std::isnan(v)) {
      out += "   ";
      continue;
    }
    int level = 1 + static_cast<int>(std::lround(std::clamp((v - lo) / span, 0.0, 1.0) * 7));
    out += std::string(kEighths[level]) + kEighths[level] + " ";
  }
  return out;
}

}  // namespace stride::cli
