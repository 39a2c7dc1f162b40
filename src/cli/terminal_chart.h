// SPDX-License-Identifier: MIT
// Small charts drawn with Unicode block characters for the terminal: vertical bars and sparklines.
#ifndef STRIDE_CLI_TERMINAL_CHART_H_
#define STRIDE_CLI_TERMINAL_CHART_H_

#include <string>
#include <vector>

namespace stride::cli {

/// A vertical bar chart, `height` rows tall, one bar (two columns wide) per value, with a y-axis
/// labelled in the values' unit and one label per bar underneath. NaN values draw nothing.
std::string BarChart(const std::vector<double>& values, const std::vector<std::string>& labels, int height,
                     const std::string& unit);

/// One line of ▁▂▃▄▅▆▇█ scaled between `lo` and `hi`, two columns per value (to sit under BarChart's bars).
std::string Sparkline(const std::vector<double>& values, double lo, double hi);

}  // namespace stride::cli

#endif  // STRIDE_CLI_TERMINAL_CHART_H_
