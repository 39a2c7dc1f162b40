// SPDX-License-Identifier: MIT
#include "app/sample_history.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <numbers>
#include <string>

#include "core/check.h"
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

// One run of `distance_m` at about `pace_s_per_km`, starting at `start`.
core::Activity MakeRun(core::Timestamp start, std::string name, double distance_m, double pace_s_per_km,
                       const SampleRunOptions& options, Random& rng) {
  constexpr double kMetresPerDegree = 111320.0;
  core::Activity a;
  a.format = core::FileFormat::kGpx;
  a.sport = core::Sport::kRunning;
  a.name = std::move(name);
  a.start_time = start;
  const double radius_deg = kLoopMetres / (2 * std::numbers::pi) / kMetresPerDegree;
  const double lon_scale = std::cos(kParkLatitude * std::numbers::pi / 180);
  const double jitter_deg = options.gps_jitter_m / kMetresPerDegree;
  core::Samples& s = a.samples;
  double distance = 0, t = 0, lat_error = 0, lon_error = 0;
  while (distance < distance_m) {
    double pace = pace_s_per_km * (1 + rng.Uniform(-0.03, 0.03));
    double angle = 2 * std::numbers::pi * std::fmod(distance, kLoopMetres) / kLoopMetres;
    double lat = kParkLatitude + radius_deg * std::sin(angle);
    double lon = kParkLongitude + radius_deg * std::cos(angle) / lon_scale;
    if (jitter_deg > 0) {  // GPS error wanders: a bounded random walk, not white noise
      lat_error = std::clamp(lat_error + rng.Uniform(-jitter_deg, jitter_deg) / 4, -jitter_deg, jitter_deg);
      lon_error = std::clamp(lon_error + rng.Uniform(-jitter_deg, jitter_deg) / 4, -jitter_deg, jitter_deg);
      lat += lat_error;
      lon += lon_error / lon_scale;
    }
    double altitude = 35 + 6 * std::sin(angle * 2);
    if (options.altitude_noise_m > 0) altitude += rng.Uniform(-options.altitude_noise_m, options.altitude_noise_m);
    s.time_s.push_back(t);
    s.distance_m.push_back(distance);
    s.latitude_deg.push_back(lat);
    s.longitude_deg.push_back(lon);
    s.altitude_m.push_back(altitude);
    s.heart_rate_bpm.push_back(HeartRateFor(pace, t / 60, rng));
    s.cadence_spm.push_back(std::round(166 + (360 - pace) / 12 + rng.Uniform(-2, 2)));
    t += options.sample_interval_s;
    distance += 1000.0 / pace * options.sample_interval_s;
  }
  a.record_count = s.size();
  return a;
}

// The demo history's run on `day`.
core::Activity MakeDemoRun(core::Date day, const RunSpec& spec, Random& rng) {
  const core::Timestamp start = core::StartOfDay(day) + std::chrono::hours(spec.start_hour) +
                                std::chrono::minutes(static_cast<int>(rng.Uniform(0, 30)));
  std::string name = spec.race ? "Parkrun 10k" : fmt::format("{} run", spec.kind);
  return MakeRun(start, std::move(name), spec.distance_m, spec.pace_s_per_km, SampleRunOptions{}, rng);
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
      runs.push_back(MakeDemoRun(day, spec, rng));
    }
  }
  return runs;
}

core::Activity ExportHistoryRun(int k, const SampleRunOptions& options) {
  STRIDE_CHECK(options.sample_interval_s > 0);
  // Six runs a week; Friday is the rest day. {name, distance, pace, start hour, days after Monday}.
  struct ExportSpec {
    const char* name;
    double distance_m;
    double pace_s_per_km;
    int start_hour;
    int weekday;
  };
  static constexpr ExportSpec kWeek[] = {
      {"Easy run", 8000, 380, 7, 0},   {"Intervals", 10000, 330, 18, 1}, {"Easy run", 7000, 385, 7, 2},
      {"Tempo run", 12000, 320, 18, 3}, {"Recovery run", 6000, 400, 9, 5}, {"Long run", 24000, 375, 8, 6},
  };
  constexpr uint64_t kSeed = 0x3000e2026;
  const ExportSpec& spec = kWeek[k % 6];
  Random rng(kSeed ^ (static_cast<uint64_t>(k) * 0x9e3779b97f4a7c15ULL));
  const core::Date day = core::Date::FromYmd(2016, 12, 5).AddDays(7 * (k / 6) + spec.weekday);
  const core::Timestamp start = core::StartOfDay(day) + std::chrono::hours(spec.start_hour) +
                                std::chrono::seconds(static_cast<int>(rng.Uniform(0, 1800)));
  const double distance_m = spec.distance_m * rng.Uniform(0.85, 1.15);
  return MakeRun(start, spec.name, distance_m, spec.pace_s_per_km, options, rng);
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
