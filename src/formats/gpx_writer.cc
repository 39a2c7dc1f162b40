// SPDX-License-Identifier: MIT
#include "formats/gpx_writer.h"

#include <fmt/format.h>

#include <cmath>

#include "core/check.h"

namespace stride::formats {
namespace {

std::string EscapeXml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* GpxType(core::Sport sport) {
  switch (sport) {
    case core::Sport::kRunning:
    case core::Sport::kTreadmill: return "running";
    case core::Sport::kTrailRunning: return "trail_running";
    case core::Sport::kWalking: return "walking";
    case core::Sport::kHiking: return "hiking";
    case core::Sport::kCycling: return "cycling";
    default: return "other";
  }
}

}  // namespace

std::string WriteGpx(const core::Activity& a) {
  const core::Samples& s = a.samples;
  STRIDE_CHECK(s.latitude_deg.size() == s.size() && s.longitude_deg.size() == s.size());
  std::string out;
  out.reserve(s.size() * 200 + 1024);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<gpx version=\"1.1\" creator=\"Stride\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
         "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">\n";
  out += fmt::format(" <metadata><time>{}</time></metadata>\n", core::FormatTimestamp(a.start_time));
  out += fmt::format(" <trk>\n  <name>{}</name>\n  <type>{}</type>\n  <trkseg>\n", EscapeXml(a.name), GpxType(a.sport));
  const bool has_ele = s.altitude_m.size() == s.size();
  const bool has_hr = s.heart_rate_bpm.size() == s.size();
  const bool has_cad = s.cadence_spm.size() == s.size();
  for (size_t i = 0; i < s.size(); ++i) {
    core::Timestamp t = a.start_time + std::chrono::milliseconds(std::llround(s.time_s[i] * 1000));
    out += fmt::format("   <trkpt lat=\"{:.7f}\" lon=\"{:.7f}\">", s.latitude_deg[i], s.longitude_deg[i]);
    if (has_ele && !std::isnan(s.altitude_m[i])) out += fmt::format("<ele>{:.1f}</ele>", s.altitude_m[i]);
    out += fmt::format("<time>{}</time>", core::FormatTimestamp(t));
    bool hr = has_hr && !std::isnan(s.heart_rate_bpm[i]);
    bool cad = has_cad && !std::isnan(s.cadence_spm[i]);
    if (hr || cad) {
      out += "<extensions><gpxtpx:TrackPointExtension>";
      if (hr) out += fmt::format("<gpxtpx:hr>{:.0f}</gpxtpx:hr>", s.heart_rate_bpm[i]);
      if (cad) out += fmt::format("<gpxtpx:cad>{:.0f}</gpxtpx:cad>", s.cadence_spm[i] / 2);
      out += "</gpxtpx:TrackPointExtension></extensions>";
    }
    out += "</trkpt>\n";
  }
  out += "  </trkseg>\n </trk>\n</gpx>\n";
  return out;
}

}  // namespace stride::formats
