// SPDX-License-Identifier: MIT
#include "app/sample_history.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <numbers>

#include "formats/gpx_writer.h"

namespace stride::app {
namespace {

// A tiny portable PRNG (splitmix64): std distributions differ between standard libraries.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  double Uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

constexpr double kSampleIntervalS = 5;
constexpr double kHrRest = 54, kHrMax = 186;  // the demo athlete's profile values
constexpr double kParkLatitude = 51.5390, kParkLongitude = -0.1426;
constexpr double kLoopMetres = 2500;

struct RunSpec {
  const char* kind;
  double distance_m;
  double pace_s_per_km;
  int start_hour;
  bool race = false;
};

// Heart rate rises with speed: a simple steady-state model around the athlete's reserve.
double HeartRateFor(double pace_s_per_km, double minutes_in, Random& rng) {
  double intensity = std::clamp((420.0 - pace_s_per_km) / 140.0, 0.0, 1.0);  // 7:00/km easy .. 4:40/km hard
  double reserve = 0.55 + 0.35 * intensity + std::min(minutes_in, 90.0) * 0.0008;  // cardiac drift
  return std::round(kHrRest + (kHrMax - kHrRest) * std::min(reserve, 0.97) + rng.Uniform(-2, 2));
}

core::Activity MakeRun(core::Date day, const RunSpec& spec, Random& rng) {
  core::Activity a;
  a.format = core::FileFormat::kGpx;
  a.sport = core::Sport::kRunning;
  a.name = spec.race ? "Parkrun 10k" : fmt::format("{} run", spec.kind);
  a.start_time = core::StartOfDay(day) + std::chrono::hours(spec.start_hour) +
                 std::chrono::minutes(static_cast<int>(rng.Uniform(0, 30)));
  core::Samples& s = a.samples;
  double distance = 0, t = 0;
  while (distance < spec.distance_m) {
    double pace = spec.pace_s_per_km * (1 + rng.Uniform(-0.03, 0.03));
    double angle = 2 * std::numbers::pi * std::fmod(distance, kLoopMetres) / kLoopMetres;
    double radius_deg = kLoopMetres / (2 * std::numbers::pi) / 111320.0;
    s.time_s.push_back(t);
    s.distance_m.push_back(distance);
    s.latitude_deg.push_back(kParkLatitude + radius_deg * std::sin(angle));
    s.longitude_deg.push_back(kParkLongitude + radius_deg * std::cos(angle) / std::cos(kParkLatitude * std::numbers::pi / 180));
    s.altitude_m.push_back(35 + 6 * std::sin(angle * 2));
    s.heart_rate_bpm.push_back(HeartRateFor(pace, t / 60, rng));
    s.cadence_spm.push_back(std::round(166 + (360 - pace) / 12 + rng.Uniform(-2, 2)));
    t += kSampleIntervalS;
    distance += 1000.0 / pace * kSampleIntervalS;
  }
  a.record_count = s.size();
  return a;
}

}  // namespace

std::vector<core::Activity> SampleHistory(core::Date end, int weeks) {
  Random rng(0x5a3d2026);
  std::vector<core::Activity> runs;
  core::Date first_monday = end.WeekStart().AddDays(-7 * (weeks - 1));
  for (int w = 0; w < weeks; ++w) {
    // Build slowly toward the profile's ~25 km a week, with every third week easier.
    double scale = (w % 3 == 2) ? 0.8 : 0.9 + 0.1 * std::min(1.0, w / 8.0);
    double long_km = std::min(12.0, 8.0 + 0.5 * w) * (w % 3 == 2 ? 0.8 : 1.0);
    const RunSpec week[] = {
        {"easy", 5500 * scale, 400, 7},    // Tuesday
        {"steady", 5000 * scale, 372, 18},  // Thursday
        {"easy", 4000 * scale, 405, 9},    // Saturday
        {"long", long_km * 1000, 415, 8},  // Sunday
    };
    const int offsets[] = {1, 3, 5, 6};
    for (int k = 0; k < 4; ++k) {
      core::Date day = first_monday.AddDays(7 * w + offsets[k]);
      if (day > end) continue;
      RunSpec spec = week[k];
      if (day == core::Date::FromYmd(2026, 10, 18)) spec = {"race", 10000, 315, 9, true};  // 10 km in 52:30
      runs.push_back(MakeRun(day, spec, rng));
    }
  }
  return runs;
}

Result<std::vector<std::filesystem::path>> WriteSampleHistory(const std::filesystem::path& dir, core::Date end, int weeks) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail(core::ErrorCode::kIoError, "cannot create folder: " + ec.message(), dir.string());
  std::vector<std::filesystem::path> written;
  for (const core::Activity& a : SampleHistory(end, weeks)) {
    std::string kind = a.name.substr(0, a.name.find(' '));
    for (char& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto path = dir / fmt::format("{}-{}.gpx", core::FormatDate(a.LocalStartDate()), kind);
    std::ofstream out(path, std::ios::binary);
    out << formats::WriteGpx(a);
    if (!out) return Fail(core::ErrorCode::kIoError, "cannot write file", path.string());
    written.push_back(path);
  }
  return written;
}

}  // namespace stride::app
