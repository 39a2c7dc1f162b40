// SPDX-License-Identifier: MIT
// Writes a deterministic Strava-style bulk export for the import benchmark (scripts/bench.sh): COUNT runs,
// six a week, as activities/<id>.gpx.gz (formats::WriteGpx, gzip by libdeflate level 6, as Strava ships
// them) plus activities.csv in Strava's current header layout, zipped by libarchive (deflate). The runs
// follow app::SampleHistory's model (GPS loop, heart rate with drift, cadence) with GPS jitter added.
// Usage: make_export OUT.zip [COUNT=3000] [SAMPLE_INTERVAL_S=5]. Same arguments, same bytes.
#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/date.h"
#include "formats/gpx_writer.h"

namespace {

using stride::core::Activity;

// splitmix64, as in app/sample_history.cc: std distributions differ between standard libraries.
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

constexpr int64_t kFirstActivityId = 2000000001;
constexpr double kHrRest = 52, kHrMax = 188;
constexpr double kParkLatitude = 51.5390, kParkLongitude = -0.1426;
constexpr double kLoopMetres = 3100;
constexpr double kMetresPerDegree = 111320.0;
constexpr double kGpsJitterM = 2.5;
// The archive's timestamps, fixed so that the zip is byte-for-byte reproducible (2026-01-01).
constexpr time_t kEntryMtime = 1767225600;

struct RunSpec {
  const char* name;
  double distance_m;
  double pace_s_per_km;
  int start_hour;
  int weekday;  // days after Monday
};

// Six runs a week; Friday is the rest day.
constexpr RunSpec kWeek[] = {
    {"Easy run", 8000, 340, 7, 0},   {"Intervals", 10000, 300, 18, 1}, {"Easy run", 7000, 345, 7, 2},
    {"Tempo run", 12000, 290, 18, 3}, {"Recovery run", 6000, 360, 9, 5}, {"Long run", 24000, 335, 8, 6},
};

double HeartRateFor(double pace_s_per_km, double minutes_in, Random& rng) {
  double intensity = std::clamp((400.0 - pace_s_per_km) / 130.0, 0.0, 1.0);
  double reserve = 0.55 + 0.35 * intensity + std::min(minutes_in, 120.0) * 0.0008;
  return std::round(kHrRest + (kHrMax - kHrRest) * std::min(reserve, 0.97) + rng.Uniform(-2, 2));
}

// The k-th run of the history: week k / 6, starting on Monday 2016-12-05.
Activity MakeRun(int k, double interval_s, Random& rng) {
  const RunSpec& spec = kWeek[k % 6];
  const stride::core::Date day = stride::core::Date::FromYmd(2016, 12, 5).AddDays(7 * (k / 6) + spec.weekday);
  Activity a;
  a.format = stride::core::FileFormat::kGpx;
  a.sport = stride::core::Sport::kRunning;
  a.name = spec.name;
  a.start_time = stride::core::StartOfDay(day) + std::chrono::hours(spec.start_hour) +
                 std::chrono::seconds(static_cast<int>(rng.Uniform(0, 1800)));
  const double target_m = spec.distance_m * rng.Uniform(0.85, 1.15);
  const double radius_deg = kLoopMetres / (2 * std::numbers::pi) / kMetresPerDegree;
  const double lon_scale = std::cos(kParkLatitude * std::numbers::pi / 180);
  stride::core::Samples& s = a.samples;
  for (double distance = 0, t = 0; distance < target_m; t += interval_s) {
    double pace = spec.pace_s_per_km * (1 + rng.Uniform(-0.04, 0.04));
    double angle = 2 * std::numbers::pi * std::fmod(distance, kLoopMetres) / kLoopMetres;
    s.time_s.push_back(t);
    s.distance_m.push_back(distance);
    s.latitude_deg.push_back(kParkLatitude + radius_deg * std::sin(angle) +
                             rng.Uniform(-kGpsJitterM, kGpsJitterM) / kMetresPerDegree);
    s.longitude_deg.push_back(kParkLongitude + radius_deg * std::cos(angle) / lon_scale +
                              rng.Uniform(-kGpsJitterM, kGpsJitterM) / kMetresPerDegree / lon_scale);
    s.altitude_m.push_back(35 + 8 * std::sin(angle * 3) + rng.Uniform(-0.3, 0.3));
    s.heart_rate_bpm.push_back(HeartRateFor(pace, t / 60, rng));
    s.cadence_spm.push_back(std::round(168 + (360 - pace) / 10 + rng.Uniform(-3, 3)));
    distance += 1000.0 / pace * interval_s;
  }
  a.record_count = s.size();
  return a;
}

std::vector<uint8_t> Gzip(const std::string& text, libdeflate_compressor* compressor) {
  std::vector<uint8_t> out(libdeflate_gzip_compress_bound(compressor, text.size()));
  out.resize(libdeflate_gzip_compress(compressor, text.data(), text.size(), out.data(), out.size()));
  return out;
}

// Strava's date column, e.g. "Mar 16, 2014, 10:51:20 AM" (UTC).
std::string StravaDate(stride::core::Timestamp t) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss hms(std::chrono::floor<std::chrono::seconds>(t - day));
  const int hour = static_cast<int>(hms.hours().count());
  return fmt::format("{} {}, {}, {}:{:02}:{:02} {}", kMonths[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()), hour % 12 == 0 ? 12 : hour % 12,
                     hms.minutes().count(), hms.seconds().count(), hour < 12 ? "AM" : "PM");
}

constexpr const char* kCsvHeader =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,"
    "Elevation Low,Elevation High,Max Grade,Average Grade\n";

std::string CsvRow(int64_t id, const Activity& a, const std::string& filename) {
  const stride::core::Samples& s = a.samples;
  const double elapsed_s = s.time_s.back();
  const double distance_m = s.distance_m.back();
  const double max_hr = *std::max_element(s.heart_rate_bpm.begin(), s.heart_rate_bpm.end());
  return fmt::format("{},\"{}\",{},Run,\"\",{:.0f},{:.2f},{:.0f},,false,,,{},,,{:.1f},{:.1f},{:.1f},,,,,,,,\n", id,
                     StravaDate(a.start_time), a.name, elapsed_s, distance_m / 1000, max_hr, filename, elapsed_s,
                     elapsed_s, distance_m);
}

bool WriteEntry(struct archive* zip, const std::string& path, const void* data, size_t size) {
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, path.c_str());
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_entry_set_mtime(entry, kEntryMtime, 0);
  archive_entry_set_size(entry, static_cast<la_int64_t>(size));
  bool ok = archive_write_header(zip, entry) == ARCHIVE_OK &&
            archive_write_data(zip, data, size) == static_cast<la_ssize_t>(size);
  archive_entry_free(entry);
  if (!ok) std::fprintf(stderr, "make_export: %s: %s\n", path.c_str(), archive_error_string(zip));
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr, "usage: make_export OUT.zip [COUNT=3000] [SAMPLE_INTERVAL_S=5]\n");
    return 1;
  }
  const int count = argc > 2 ? std::atoi(argv[2]) : 3000;
  const double interval_s = argc > 3 ? std::atof(argv[3]) : 5.0;
  if (count <= 0 || !(interval_s > 0)) {
    std::fprintf(stderr, "make_export: COUNT and SAMPLE_INTERVAL_S must be positive\n");
    return 1;
  }
  struct archive* zip = archive_write_new();
  archive_write_set_format_zip(zip);
  archive_write_set_options(zip, "zip:compression=deflate");
  if (archive_write_open_filename(zip, argv[1]) != ARCHIVE_OK) {
    std::fprintf(stderr, "make_export: %s: %s\n", argv[1], archive_error_string(zip));
    return 1;
  }
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
  Random rng(0x3000e2026);
  std::string csv = kCsvHeader;
  uint64_t gpx_bytes = 0, gz_bytes = 0;
  bool ok = true;
  for (int k = 0; k < count && ok; ++k) {
    const Activity run = MakeRun(k, interval_s, rng);
    const std::string filename = fmt::format("activities/{}.gpx.gz", kFirstActivityId + k);
    const std::string gpx = stride::formats::WriteGpx(run);
    const std::vector<uint8_t> gz = Gzip(gpx, compressor);
    gpx_bytes += gpx.size();
    gz_bytes += gz.size();
    ok = WriteEntry(zip, filename, gz.data(), gz.size());
    csv += CsvRow(kFirstActivityId + k, run, filename);
  }
  ok = ok && WriteEntry(zip, "activities.csv", csv.data(), csv.size());
  libdeflate_free_compressor(compressor);
  ok = archive_write_close(zip) == ARCHIVE_OK && ok;
  archive_write_free(zip);
  if (!ok) return 1;
  std::printf("%s: %d activities, %.1f MB of GPX, %.1f MB gzipped (%.1f:1)\n", argv[1], count,
              static_cast<double>(gpx_bytes) / 1e6, static_cast<double>(gz_bytes) / 1e6,
              static_cast<double>(gpx_bytes) / static_cast<double>(gz_bytes));
  return 0;
}
