// SPDX-License-Identifier: MIT
// The GPX run the CLI tests import (import/load, status): a straight line northwards at a steady 3 m/s,
// optionally at a constant heart rate, so distance, duration and training load have known values.
#ifndef STRIDE_TESTS_CLI_GPX_FIXTURE_H_
#define STRIDE_TESTS_CLI_GPX_FIXTURE_H_

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace stride::testing {

/// Metres per degree of latitude, near enough for a test run's distance (180 m per minute at 3 m/s).
inline constexpr double kTestMetresPerDegreeLatitude = 111320.0;

/// The GPX text of a run on `date` ("YYYY-MM-DD") from 07:00 UTC: `minutes` at 3 m/s northwards from
/// 51.5 N, one point every 10 s (minutes * 6 + 1 points), with a TrackPointExtension v1 heart rate on
/// every point when `heart_rate_bpm` is given. REQUIRES: 0 <= minutes <= 59.
inline std::string GpxRun(const std::string& date, int minutes, std::optional<int> heart_rate_bpm = std::nullopt) {
  std::string out =
      "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
      "xmlns:tpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><type>running</type><trkseg>\n";
  for (int s = 0; s <= minutes * 60; s += 10) {
    out += fmt::format("<trkpt lat=\"{:.7f}\" lon=\"-0.1\"><time>{}T07:{:02d}:{:02d}Z</time>",
                       51.5 + s * 3.0 / kTestMetresPerDegreeLatitude, date, s / 60, s % 60);
    if (heart_rate_bpm) {
      out += fmt::format("<extensions><tpx:TrackPointExtension><tpx:hr>{}</tpx:hr></tpx:TrackPointExtension>"
                         "</extensions>",
                         *heart_rate_bpm);
    }
    out += "</trkpt>\n";
  }
  return out + "</trkseg></trk></gpx>\n";
}

/// Writes `text` to `path` as it is (binary mode), replacing the file.
inline void WriteTextFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace stride::testing

#endif  // STRIDE_TESTS_CLI_GPX_FIXTURE_H_
