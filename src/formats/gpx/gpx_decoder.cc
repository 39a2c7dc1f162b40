// SPDX-License-Identifier: MIT
// GPX decoder: walks gpx/trk/trkseg/trkpt of an in-place pugixml tree into one activity. Extensions are
// matched by namespace URI + local name. See gpx_decoder.h and docs/formats/gpx.md.
#include "formats/gpx/gpx_decoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/decode_context.h"
#include "formats/xml/extension_fields.h"
#include "formats/xml/track_builder.h"
#include "formats/xml/xml_document.h"
#include "formats/xml/xml_values.h"

namespace stride::gpx {
namespace {

using xml::Contains;
using xml::IsElement;
using xml::LocalName;
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

// The children of TrackPointExtension v1/v2 that Stride reads.
constexpr xml::ExtensionField kTrackPointExtensionFields[] = {
    {"hr", &xml::TrackPoint::heart_rate_bpm},
    {"cad", &xml::TrackPoint::cadence_raw},
    {"speed", &xml::TrackPoint::speed_mps},
};

class GpxReader {
 public:
  GpxReader(const xml::XmlDocument& document, const formats::DecodeOptions& options)
      : document_(document), context_(document, options), namespaces_(document.root()) {}
  Result<core::Decoded> Run();

 private:
  Status ReadTrack(pugi::xml_node track);
  Status ReadPoint(pugi::xml_node point_element);
  void ReadExtensions(pugi::xml_node extensions, xml::TrackPoint* point);
  core::Activity BuildActivity();

  const xml::XmlDocument& document_;
  xml::DecodeContext context_;
  xml::NamespaceResolver namespaces_;
  xml::TrackBuilder builder_;
  std::string name_, type_, creator_;
  size_t untimed_points_ = 0;
};

Result<core::Decoded> GpxReader::Run() {
  if (Status status = context_.ExpectRoot("gpx"); !status) return Fail(status.error());
  context_.DropElementCutByBreak("trkpt");
  pugi::xml_node root = document_.root();
  creator_ = root.attribute("creator").value();
  builder_.Reserve(xml::CountNested(root, "trk", "trkseg", "trkpt"));
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (local == "trk") {
      if (Status status = ReadTrack(child); !status) return Fail(status.error());
    } else if (!Contains(kIgnoredRootChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  std::string kept;
  if (document_.partial()) kept = fmt::format("kept the {} track points before the break", builder_.size());
  std::vector<core::Activity> activities;
  if (!builder_.empty()) activities.push_back(BuildActivity());
  return context_.Finish(std::move(activities),
                         untimed_points_ > 0 ? "no timed track points (a drawn route): not an activity"
                                             : "no track points: a route or empty file, not an activity",
                         kept);
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
  bool has_time = false;
  for (pugi::xml_node child = point_element.first_child(); child; child = child.next_sibling()) {
    std::string_view local = LocalName(child.name());
    if (local == "ele") {
      point.altitude_m = xml::ElementNumber(child);
    } else if (local == "time") {
      time_element = child;
      has_time = true;  // a flag: testing the node again would be a call into pugixml, once per point
    } else if (local == "extensions") {
      ReadExtensions(child, &point);
    } else if (local == "speed") {  // GPX 1.0
      point.speed_mps = xml::ElementNumber(child);
    } else if (child.type() == pugi::node_element && !Contains(kIgnoredPointChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  if (!has_time) ++untimed_points_;
  return context_.AddTimedPoint(time_element, "track points without <time>", &point, &builder_);
}

void GpxReader::ReadExtensions(pugi::xml_node extensions, xml::TrackPoint* point) {
  for (pugi::xml_node child = extensions.first_child(); child; child = child.next_sibling()) {
    std::string_view uri = namespaces_.Uri(child);
    std::string_view local = LocalName(child.name());
    if ((uri == kTrackPointExtensionV1 || uri == kTrackPointExtensionV2) && local == "TrackPointExtension") {
      xml::ReadExtensionFields(child, uri, kTrackPointExtensionFields, point);
    } else if (uri == kClueTrustGpxData && local == "hr") {
      point->heart_rate_bpm = xml::ElementNumber(child);
    } else if (uri == kClueTrustGpxData && local == "cadence") {
      point->cadence_raw = xml::ElementNumber(child);
    }
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
  xml::FinishActivity(&builder_, &activity);
  return activity;
}

}  // namespace

Result<core::Decoded> DecodeGpx(std::span<const uint8_t> bytes, const formats::DecodeOptions& options) {
  xml::XmlDocument document;
  if (Status loaded = document.Load(bytes, options.name, options.salvage); !loaded) return Fail(loaded.error());
  return GpxReader(document, options).Run();
}

}  // namespace stride::gpx
