// SPDX-License-Identifier: MIT
// GPX decoder: walks gpx/trk/trkseg/trkpt of an in-place pugixml tree into one activity. Extensions are
// matched by namespace URI + local name. See gpx_decoder.h and docs/formats/gpx.md.
#include "formats/gpx/gpx_decoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "formats/xml/decode_context.h"
#include "formats/xml/track_builder.h"
#include "formats/xml/xml_document.h"
#include "formats/xml/xml_values.h"

namespace stride::gpx {
namespace {

using xml::Contains;
using xml::IsElement;
using xml::LocalName;
using xml::SecondsBetween;
using xml::TrimmedText;

constexpr std::string_view kTrackPointExtensionV1 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
constexpr std::string_view kTrackPointExtensionV2 = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";
constexpr std::string_view kClueTrustGpxData = "http://www.cluetrust.com/XML/GPXDATA/1/0";

// Elements GPX 1.0 / 1.1 define that Stride reads nothing from (no "unknown element" warning).
constexpr std::string_view kIgnoredRootChildren[] = {"metadata", "wpt",   "rte",     "extensions", "name",
                                                     "desc",     "author", "email",  "url",        "urlname",
                                                     "time",     "keywords", "bounds", "copyright", "link"};
constexpr std::string_view kIgnoredTrackChildren[] = {"cmt",    "desc",       "src", "link",
                                                      "number", "extensions", "url", "urlname"};
constexpr std::string_view kIgnoredPointChildren[] = {
    "magvar", "geoidheight", "name", "cmt",  "desc", "src",  "link",          "sym",    "type", "fix",
    "sat",    "hdop",        "vdop", "pdop", "course", "url", "ageofdgpsdata", "dgpsid", "urlname"};

struct SportAlias {
  std::string_view type;
  core::Sport sport;
};
// <trk><type> values seen in the wild, compared case-insensitively. The numbers are Strava's activity
// type codes: 9 (run) is confirmed by the corpus, 1, 4 and 10 are unverified.
constexpr SportAlias kSportAliases[] = {
    {"running", core::Sport::kRunning},       {"run", core::Sport::kRunning},
    {"9", core::Sport::kRunning},             {"trail_running", core::Sport::kTrailRunning},
    {"trail running", core::Sport::kTrailRunning}, {"treadmill_running", core::Sport::kTreadmill},
    {"treadmill", core::Sport::kTreadmill},   {"walking", core::Sport::kWalking},
    {"walk", core::Sport::kWalking},          {"10", core::Sport::kWalking},
    {"hiking", core::Sport::kHiking},         {"hike", core::Sport::kHiking},
    {"4", core::Sport::kHiking},              {"cycling", core::Sport::kCycling},
    {"biking", core::Sport::kCycling},        {"ride", core::Sport::kCycling},
    {"bike", core::Sport::kCycling},          {"road_biking", core::Sport::kCycling},
    {"mountain_biking", core::Sport::kCycling}, {"1", core::Sport::kCycling},
    {"swimming", core::Sport::kSwimming},     {"swim", core::Sport::kSwimming},
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

core::Sport SportFromType(std::string_view type) {
  for (const SportAlias& alias : kSportAliases) {
    if (EqualsIgnoreCase(alias.type, type)) return alias.sport;
  }
  return core::Sport::kOther;
}

size_t CountTrackPoints(pugi::xml_node root) {
  size_t count = 0;
  for (pugi::xml_node track = root.first_child(); track; track = track.next_sibling()) {
    if (!IsElement(track, "trk")) continue;
    for (pugi::xml_node segment = track.first_child(); segment; segment = segment.next_sibling()) {
      if (!IsElement(segment, "trkseg")) continue;
      for (pugi::xml_node point = segment.first_child(); point; point = point.next_sibling()) count += IsElement(point, "trkpt") ? 1 : 0;
    }
  }
  return count;
}

class GpxReader {
 public:
  GpxReader(const xml::XmlDocument& document, const formats::DecodeOptions& options)
      : document_(document), context_(document, options), namespaces_(document.root()) {}
  Result<core::Decoded> Run();

 private:
  void DropPointCutByBreak();
  Status ReadTrack(pugi::xml_node track);
  Status ReadPoint(pugi::xml_node point_element);
  void ReadExtensions(pugi::xml_node extensions, xml::TrackPoint* point);
  void ReadTrackPointExtension(pugi::xml_node extension, std::string_view uri, xml::TrackPoint* point);
  core::Activity BuildActivity();

  const xml::XmlDocument& document_;
  xml::DecodeContext context_;
  xml::NamespaceResolver namespaces_;
  xml::TrackBuilder builder_;
  std::string name_, type_, creator_;
  size_t untimed_points_ = 0;
  uint64_t bytes_lost_ = 0;
};

Result<core::Decoded> GpxReader::Run() {
  pugi::xml_node root = document_.root();
  if (LocalName(root.name()) != "gpx") {
    return Fail(core::ErrorCode::kCorruptData, fmt::format("root element is <{}>, not <gpx>", root.name()),
                document_.Where(root));
  }
  DropPointCutByBreak();
  creator_ = root.attribute("creator").value();
  builder_.Reserve(CountTrackPoints(root));
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (local == "trk") {
      if (Status status = ReadTrack(child); !status) return Fail(status.error());
    } else if (!Contains(kIgnoredRootChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  core::Decoded decoded;
  if (builder_.empty()) {
    if (document_.partial()) return Fail(document_.parse_error());
    context_.Warn(root, untimed_points_ > 0
                            ? "no timed track points (a drawn route): not an activity"
                            : "no track points: a route or empty file, not an activity");
  } else {
    decoded.activities.push_back(BuildActivity());
  }
  decoded.warnings = context_.TakeWarnings();
  return decoded;
}

// Salvage: the point the break cut through is incomplete; drop it and count the bytes from its start.
void GpxReader::DropPointCutByBreak() {
  if (!document_.partial()) return;
  size_t kept_until = document_.error_offset();
  if (pugi::xml_node open = document_.OpenElement("trkpt")) {
    kept_until = document_.OffsetOf(open);
    open.parent().remove_child(open);
  }
  bytes_lost_ = document_.size() - std::min(kept_until, document_.size());
  context_.MarkSalvaged();
}

Status GpxReader::ReadTrack(pugi::xml_node track) {
  for (pugi::xml_node child = track.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (local == "trkseg") {
      builder_.BreakSegment();
      for (pugi::xml_node point = child.first_child(); point; point = point.next_sibling()) {
        if (!IsElement(point, "trkpt")) continue;
        if (Status status = ReadPoint(point); !status) return status;
      }
    } else if (local == "name") {
      if (name_.empty()) name_ = TrimmedText(child);
    } else if (local == "type") {
      if (type_.empty()) type_ = TrimmedText(child);
    } else if (!Contains(kIgnoredTrackChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  return Ok();
}

Status GpxReader::ReadPoint(pugi::xml_node point_element) {
  xml::TrackPoint point;
  for (pugi::xml_attribute attribute = point_element.first_attribute(); attribute; attribute = attribute.next_attribute()) {
    std::string_view name = attribute.name();
    if (name == "lat") point.latitude_deg = xml::ParseNumber(attribute.value());
    if (name == "lon") point.longitude_deg = xml::ParseNumber(attribute.value());
  }
  pugi::xml_node time_element;
  for (pugi::xml_node child = point_element.first_child(); child; child = child.next_sibling()) {
    std::string_view local = LocalName(child.name());
    if (local == "ele") {
      point.altitude_m = xml::ElementNumber(child);
    } else if (local == "time") {
      time_element = child;
    } else if (local == "extensions") {
      ReadExtensions(child, &point);
    } else if (local == "speed") {  // GPX 1.0
      point.speed_mps = xml::ElementNumber(child);
    } else if (child.type() == pugi::node_element && !Contains(kIgnoredPointChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  if (!time_element) {
    ++untimed_points_;
    context_.CountDropped("track points without <time>");
    return Ok();
  }
  xml::XmlTime time;
  Result<bool> read = context_.ReadTime(time_element.child_value(), time_element, &time);
  if (!read) return Fail(read.error());
  if (!*read) return Ok();
  point.time = time.time;
  builder_.Add(point);
  return Ok();
}

void GpxReader::ReadExtensions(pugi::xml_node extensions, xml::TrackPoint* point) {
  for (pugi::xml_node child = extensions.first_child(); child; child = child.next_sibling()) {
    std::string_view uri = namespaces_.Uri(child);
    std::string_view local = LocalName(child.name());
    if ((uri == kTrackPointExtensionV1 || uri == kTrackPointExtensionV2) && local == "TrackPointExtension") {
      ReadTrackPointExtension(child, uri, point);
    } else if (uri == kClueTrustGpxData && local == "hr") {
      point->heart_rate_bpm = xml::ElementNumber(child);
    } else if (uri == kClueTrustGpxData && local == "cadence") {
      point->cadence_raw = xml::ElementNumber(child);
    }
  }
}

void GpxReader::ReadTrackPointExtension(pugi::xml_node extension, std::string_view uri, xml::TrackPoint* point) {
  for (pugi::xml_node child = extension.first_child(); child; child = child.next_sibling()) {
    if (xml::ChildNamespaceUri(child, extension, uri) != uri) continue;  // text nodes resolve to ""
    std::string_view local = LocalName(child.name());
    if (local == "hr") point->heart_rate_bpm = xml::ElementNumber(child);
    if (local == "cad") point->cadence_raw = xml::ElementNumber(child);
    if (local == "speed") point->speed_mps = xml::ElementNumber(child);
  }
}

core::Activity GpxReader::BuildActivity() {
  core::Activity activity;
  activity.format = core::FileFormat::kGpx;
  activity.sport = SportFromType(type_);
  activity.sport_detail = type_;
  activity.start_time = builder_.first_time();
  activity.utc_offset_s = context_.utc_offset_s();
  activity.name = name_;
  activity.device = creator_;
  activity.record_count = builder_.size();
  activity.elapsed_s = SecondsBetween(builder_.first_time(), builder_.last_time());
  activity.timer_s = builder_.SegmentTimeS();
  activity.samples = builder_.Finish(activity.start_time, activity.sport);
  if (!activity.samples.distance_m.empty()) activity.distance_m = activity.samples.distance_m.back();
  xml::ChannelStats heart_rate = xml::StatsOf(activity.samples.heart_rate_bpm);
  activity.avg_heart_rate_bpm = heart_rate.mean;
  activity.max_heart_rate_bpm = heart_rate.max;
  activity.salvaged = context_.salvaged();
  activity.bytes_lost = bytes_lost_;
  if (document_.partial()) {
    context_.Warn(pugi::xml_node(), fmt::format("{} at {}; kept the {} track points before the break",
                                                document_.parse_error().message, document_.parse_error().where,
                                                activity.record_count));
  }
  activity.sessions.push_back(xml::SummaryOf(activity));
  return activity;
}

}  // namespace

Result<core::Decoded> DecodeGpx(std::span<const uint8_t> bytes, const formats::DecodeOptions& options) {
  xml::XmlDocument document;
  if (Status loaded = document.Load(bytes, options.name, options.salvage); !loaded) return Fail(loaded.error());
  return GpxReader(document, options).Run();
}

}  // namespace stride::gpx
