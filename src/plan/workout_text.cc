// SPDX-License-Identifier: MIT
// intervals.icu workout text (workout_text.h, FORMATS.md 7.2).
#include "plan/workout_text.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

namespace stride::plan {
namespace {

// `1h30m`, `15m`, `20s`, `2m30s` (intervals.icu: `m` is minutes).
std::string Duration(double seconds) {
  const long total = std::lround(seconds);
  const long h = total / 3600, m = total % 3600 / 60, s = total % 60;
  std::string out;
  if (h > 0) out += fmt::format("{}h", h);
  if (m > 0) out += fmt::format("{}m", m);
  if (s > 0 || out.empty()) out += fmt::format("{}s", s);
  return out;
}

// `8km`, `1.5km`, `800mtr`, `5mi`, `0.5mi`: at most 2 decimals, trailing zeros dropped.
std::string Distance(double metres, core::UnitSystem units) {
  if (units == core::UnitSystem::kMiles)
    return fmt::format("{:g}mi", std::round(metres / core::kMetresPerMile * 100) / 100);
  if (metres < core::kMetresPerKm) return fmt::format("{}mtr", std::lround(metres));
  return fmt::format("{:g}km", std::round(metres / 10) / 100);
}

std::string PaceText(double s_per_km, core::UnitSystem units) {
  const long s = std::lround(s_per_km * core::MetresPerUnit(units) / core::kMetresPerKm);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string Target(const Step& step, core::UnitSystem units) {
  if (step.pace) {
    const std::string fast = PaceText(step.pace->fast_s_per_km, units);
    const std::string slow = PaceText(step.pace->slow_s_per_km, units);
    const std::string range = fast == slow ? fast : fast + "-" + slow;
    return fmt::format(" {}/{} Pace", range, units == core::UnitSystem::kMiles ? "mi" : "km");
  }
  if (step.heart_rate) return fmt::format(" {}-{}bpm HR", step.heart_rate->low_bpm, step.heart_rate->high_bpm);
  return "";
}

std::string Line(const Step& step, core::UnitSystem units) {
  const std::string amount =
      step.distance_m ? Distance(*step.distance_m, units) : Duration(step.duration_s.value_or(0));
  return "- " + amount + Target(step, units);
}

const char* SectionName(StepType type) {
  switch (type) {
    case StepType::kWarmup:
      return "Warmup";
    case StepType::kCooldown:
      return "Cooldown";
    default:
      return "Main Set";
  }
}

}  // namespace

std::string IntervalsIcuText(const Session& session, core::UnitSystem units) {
  std::vector<std::string> sections;
  std::string current;
  const char* current_name = nullptr;
  for (const Step& step : session.steps) {
    if (step.type == StepType::kRepeat) {
      if (!current.empty()) sections.push_back(current);
      current.clear();
      current_name = nullptr;
      std::string block = fmt::format("Main Set {}x", step.count);
      for (const Step& child : step.steps) block += "\n" + Line(child, units);
      sections.push_back(block);
      continue;
    }
    const char* name = SectionName(step.type);
    if (current_name != name) {
      if (!current.empty()) sections.push_back(current);
      current = name;
      current_name = name;
    }
    current += "\n" + Line(step, units);
  }
  if (!current.empty()) sections.push_back(current);
  std::string out;
  for (const std::string& s : sections) out += (out.empty() ? "" : "\n\n") + s;
  return out;
}

}  // namespace stride::plan
