// SPDX-License-Identifier: MIT
// Writes a deterministic Strava-style bulk export for the import benchmark (scripts/bench.sh): COUNT runs,
// six a week (app::ExportHistoryRun: GPS loop with jitter, heart rate with drift, cadence), as
// activities/<id>.fit.gz (fit::EncodeActivity, the default, as Strava's real exports hold mostly FIT) or
// activities/<id>.gpx.gz (formats::WriteGpx), gzip by libdeflate level 6, plus activities.csv in Strava's
// current header layout, zipped by libarchive (deflate).
// Usage: make_export OUT.zip [COUNT=3000] [SAMPLE_INTERVAL_S=5] [--format fit|gpx]. Same arguments, same bytes.
#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "app/sample_history.h"
#include "core/activity.h"
#include "core/date.h"
#include "formats/fit/activity_encoder.h"
#include "formats/gpx_writer.h"

namespace {

using stride::core::Activity;

constexpr int64_t kFirstActivityId = 2000000001;
constexpr double kGpsJitterM = 2.5;
constexpr double kAltitudeNoiseM = 0.3;
constexpr int kGzipLevel = 6;
// The archive's timestamps, fixed so that the zip is byte-for-byte reproducible (2026-01-01).
constexpr time_t kEntryMtime = 1767225600;

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

struct Args {
  std::string out;
  int count = 3000;
  double interval_s = 5;
  bool fit = true;
};

bool ParseArgs(int argc, char** argv, Args* args) {
  std::vector<std::string_view> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--format" && i + 1 < argc) {
      const std::string_view format = argv[++i];
      if (format != "fit" && format != "gpx") return false;
      args->fit = format == "fit";
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty() || positional.size() > 3) return false;
  args->out = std::string(positional[0]);
  if (positional.size() > 1) args->count = std::atoi(std::string(positional[1]).c_str());
  if (positional.size() > 2) args->interval_s = std::atof(std::string(positional[2]).c_str());
  return args->count > 0 && args->interval_s > 0;
}

// The activity file as Strava keeps it, before gzip.
std::string ActivityFile(Activity& run, bool fit) {
  if (!fit) return stride::formats::WriteGpx(run);
  run.format = stride::core::FileFormat::kFit;
  auto bytes = stride::fit::EncodeActivity(run);
  if (!bytes) {
    std::fprintf(stderr, "make_export: %s\n", bytes.error().ToString().c_str());
    std::exit(1);
  }
  return std::move(*bytes);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr, "usage: make_export OUT.zip [COUNT=3000] [SAMPLE_INTERVAL_S=5] [--format fit|gpx]\n");
    return 1;
  }
  struct archive* zip = archive_write_new();
  archive_write_set_format_zip(zip);
  archive_write_set_options(zip, "zip:compression=deflate");
  if (archive_write_open_filename(zip, args.out.c_str()) != ARCHIVE_OK) {
    std::fprintf(stderr, "make_export: %s: %s\n", args.out.c_str(), archive_error_string(zip));
    return 1;
  }
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(kGzipLevel);
  const stride::app::SampleRunOptions options{args.interval_s, kGpsJitterM, kAltitudeNoiseM};
  const char* extension = args.fit ? "fit" : "gpx";
  std::string csv = kCsvHeader;
  uint64_t raw_bytes = 0, gz_bytes = 0;
  bool ok = true;
  for (int k = 0; k < args.count && ok; ++k) {
    Activity run = stride::app::ExportHistoryRun(k, options);
    const std::string filename = fmt::format("activities/{}.{}.gz", kFirstActivityId + k, extension);
    const std::string file = ActivityFile(run, args.fit);
    const std::vector<uint8_t> gz = Gzip(file, compressor);
    raw_bytes += file.size();
    gz_bytes += gz.size();
    ok = WriteEntry(zip, filename, gz.data(), gz.size());
    csv += CsvRow(kFirstActivityId + k, run, filename);
  }
  ok = ok && WriteEntry(zip, "activities.csv", csv.data(), csv.size());
  libdeflate_free_compressor(compressor);
  ok = archive_write_close(zip) == ARCHIVE_OK && ok;
  archive_write_free(zip);
  if (!ok) return 1;
  std::printf("%s: %d activities, %.1f MB of %s, %.1f MB gzipped (%.1f:1)\n", args.out.c_str(), args.count,
              static_cast<double>(raw_bytes) / 1e6, args.fit ? "FIT" : "GPX", static_cast<double>(gz_bytes) / 1e6,
              static_cast<double>(raw_bytes) / static_cast<double>(gz_bytes));
  return 0;
}
