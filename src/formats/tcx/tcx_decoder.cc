// SPDX-License-Identifier: MIT
// TCX decoder: walks Activities/Activity/Lap/Track/Trackpoint of an in-place pugixml tree, one activity per
// <Activity>. Extensions are matched by namespace URI + local name. See tcx_decoder.h, docs/formats/tcx.md.
#include "formats/tcx/tcx_decoder.h"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/decode_context.h"
#include "formats/xml/extension_fields.h"
#include "formats/xml/track_builder.h"
#include "formats/xml/xml_document.h"
#include "formats/xml/xml_values.h"

namespace stride::tcx {
namespace {

using xml::Contains;
using xml::ElementNumber;
using xml::IsElement;
using xml::LocalName;

constexpr std::string_view kActivityExtensionV2 = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

/// TCX RunCadence is single-leg strides/min; Stride stores steps/min (both legs). FORMATS.md §5 and §8.3
/// (thomaschampagne/elevate#50, trackerproject/trackeR#21).
constexpr double kStepsPerStride = 2.0;

// The children of the ActivityExtension v2 <TPX> that Stride reads.
constexpr xml::ExtensionField kTpxFields[] = {
    {"Speed", &xml::TrackPoint::speed_mps},
    {"RunCadence", &xml::TrackPoint::cadence_spm, kStepsPerStride},
    {"Watts", &xml::TrackPoint::power_w},
};

constexpr std::string_view kIgnoredRootChildren[] = {"Folders", "Workouts", "Courses", "Author", "Extensions"};
constexpr std::string_view kIgnoredActivityChildren[] = {"Training", "Extensions"};
constexpr std::string_view kIgnoredLapChildren[] = {"MaximumSpeed", "Calories", "Intensity", "Cadence",
                                                     "TriggerMethod", "Notes", "Extensions"};
constexpr std::string_view kIgnoredPointChildren[] = {"SensorState"};

// What one <Activity> accumulates while it is read.
struct ActivityState {
  xml::TrackBuilder builder;
  std::vector<core::Lap> laps;
  std::optional<core::Timestamp> id_time;
  core::Activity activity;
};

core::Sport SportFromAttribute(std::string_view sport) {
  if (sport == "Running") return core::Sport::kRunning;
  if (sport == "Biking") return core::Sport::kCycling;
  return core::Sport::kOther;
}

// Lap totals: sums of distance and timer, time-weighted average HR, maximum HR (NaN when no lap says).
void TotalsFromLaps(const std::vector<core::Lap>& laps, core::Activity* activity) {
  double distance_m = 0, timer_s = 0, weighted_hr = 0, hr_time_s = 0, max_hr = core::kNaN;
  bool any_distance = false, any_timer = false;
  for (const core::Lap& lap : laps) {
    if (!std::isnan(lap.distance_m)) distance_m += lap.distance_m, any_distance = true;
    if (!std::isnan(lap.timer_s)) timer_s += lap.timer_s, any_timer = true;
    if (!std::isnan(lap.avg_heart_rate_bpm) && lap.timer_s > 0) {
      weighted_hr += lap.avg_heart_rate_bpm * lap.timer_s;
      hr_time_s += lap.timer_s;
    }
    if (!(lap.max_heart_rate_bpm <= max_hr)) max_hr = lap.max_heart_rate_bpm;
  }
  activity->distance_m = any_distance ? distance_m : core::kNaN;
  activity->timer_s = any_timer ? timer_s : core::kNaN;
  activity->avg_heart_rate_bpm = hr_time_s > 0 ? weighted_hr / hr_time_s : core::kNaN;
  activity->max_heart_rate_bpm = max_hr;
}

class TcxReader {
 public:
  TcxReader(const xml::XmlDocument& document, const formats::DecodeOptions& options)
      : document_(document), context_(document, options), namespaces_(document.root()) {}
  Result<core::Decoded> Run();

 private:
  Status ReadActivities(pugi::xml_node activities);
  Status ReadActivity(pugi::xml_node element);
  Status ReadActivityChild(pugi::xml_node child, ActivityState* state);
  Status ReadLap(pugi::xml_node element, ActivityState* state);
  Status ReadTrackpoint(pugi::xml_node element, xml::TrackBuilder* builder);
  void ReadTrackpointChild(pugi::xml_node child, xml::TrackPoint* point);
  void FinishActivity(ActivityState* state);

  const xml::XmlDocument& document_;
  xml::DecodeContext context_;
  xml::NamespaceResolver namespaces_;
  std::vector<core::Activity> activities_;
};

Result<core::Decoded> TcxReader::Run() {
  if (Status status = context_.ExpectRoot("TrainingCenterDatabase"); !status) return Fail(status.error());
  context_.DropElementCutByBreak("Trackpoint");
  pugi::xml_node root = document_.root();
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (local == "Activities") {
      if (Status status = ReadActivities(child); !status) return Fail(status.error());
    } else if (!Contains(kIgnoredRootChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  return context_.Finish(std::move(activities_), "no activities: a course, workout or empty file, not an activity",
                         "kept what was parsed before the break");
}

// <Activity> elements sit directly under <Activities> or inside MultiSportSession/FirstSport|NextSport.
Status TcxReader::ReadActivities(pugi::xml_node activities) {
  for (pugi::xml_node child = activities.first_child(); child; child = child.next_sibling()) {
    if (IsElement(child, "Activity")) {
      if (Status status = ReadActivity(child); !status) return status;
    } else if (IsElement(child, "MultiSportSession")) {
      for (pugi::xml_node sport = child.first_child(); sport; sport = sport.next_sibling()) {
        for (pugi::xml_node activity = sport.first_child(); activity; activity = activity.next_sibling()) {
          if (!IsElement(activity, "Activity")) continue;
          if (Status status = ReadActivity(activity); !status) return status;
        }
      }
    } else if (child.type() == pugi::node_element) {
      context_.WarnUnknown(child);
    }
  }
  return Ok();
}

Status TcxReader::ReadActivity(pugi::xml_node element) {
  ActivityState state;
  std::string_view sport = element.attribute("Sport").value();
  state.activity.format = core::FileFormat::kTcx;
  state.activity.sport = SportFromAttribute(sport);
  state.activity.sport_detail = sport;
  state.builder.Reserve(xml::CountNested(element, "Lap", "Track", "Trackpoint"));
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (Status status = ReadActivityChild(child, &state); !status) return status;
  }
  if (state.laps.empty() && state.builder.empty()) {
    context_.Warn(element, "activity without laps or trackpoints skipped");
    return Ok();
  }
  FinishActivity(&state);
  activities_.push_back(std::move(state.activity));
  return Ok();
}

Status TcxReader::ReadActivityChild(pugi::xml_node child, ActivityState* state) {
  std::string_view local = LocalName(child.name());
  if (local == "Lap") return ReadLap(child, state);
  if (local == "Id") {
    xml::XmlTime time;
    Result<bool> read = context_.ReadTime(child.child_value(), child, &time);
    if (!read) return Fail(read.error());
    if (*read) state->id_time = time.time;
  } else if (local == "Notes") {
    state->activity.description = xml::TrimmedText(child);
  } else if (local == "Creator") {
    state->activity.device = xml::TrimmedText(child.child("Name"));
  } else if (!Contains(kIgnoredActivityChildren, local)) {
    context_.WarnUnknown(child);
  }
  return Ok();
}

Status TcxReader::ReadLap(pugi::xml_node element, ActivityState* state) {
  core::Lap lap;
  if (pugi::xml_attribute start = element.attribute("StartTime")) {
    xml::XmlTime time;
    Result<bool> read = context_.ReadTime(start.value(), element, &time);
    if (!read) return Fail(read.error());
    if (*read) lap.start_time = time.time;
  }
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (local == "TotalTimeSeconds") {
      lap.timer_s = ElementNumber(child);
    } else if (local == "DistanceMeters") {
      lap.distance_m = ElementNumber(child);
    } else if (local == "AverageHeartRateBpm") {
      lap.avg_heart_rate_bpm = ElementNumber(child.child("Value"));
    } else if (local == "MaximumHeartRateBpm") {
      lap.max_heart_rate_bpm = ElementNumber(child.child("Value"));
    } else if (local == "Track") {
      state->builder.BreakSegment();
      for (pugi::xml_node point = child.first_child(); point; point = point.next_sibling()) {
        if (!IsElement(point, "Trackpoint")) continue;
        if (Status status = ReadTrackpoint(point, &state->builder); !status) return status;
      }
    } else if (!Contains(kIgnoredLapChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  state->laps.push_back(lap);
  return Ok();
}

Status TcxReader::ReadTrackpoint(pugi::xml_node element, xml::TrackBuilder* builder) {
  xml::TrackPoint point;
  pugi::xml_node time_element;
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
    if (LocalName(child.name()) == "Time") {
      time_element = child;
    } else {
      ReadTrackpointChild(child, &point);
    }
  }
  return context_.AddTimedPoint(time_element, "trackpoints without <Time>", &point, builder);
}

void TcxReader::ReadTrackpointChild(pugi::xml_node child, xml::TrackPoint* point) {
  std::string_view local = LocalName(child.name());
  if (local == "Position") {
    for (pugi::xml_node coordinate = child.first_child(); coordinate; coordinate = coordinate.next_sibling()) {
      std::string_view name = LocalName(coordinate.name());
      if (name == "LatitudeDegrees") point->latitude_deg = ElementNumber(coordinate);
      if (name == "LongitudeDegrees") point->longitude_deg = ElementNumber(coordinate);
    }
  } else if (local == "AltitudeMeters") {
    point->altitude_m = ElementNumber(child);
  } else if (local == "DistanceMeters") {
    point->distance_m = ElementNumber(child);
  } else if (local == "HeartRateBpm") {
    point->heart_rate_bpm = ElementNumber(child.child("Value"));
  } else if (local == "Cadence") {
    point->cadence_raw = ElementNumber(child);
  } else if (local == "Extensions") {
    for (pugi::xml_node extension = child.first_child(); extension; extension = extension.next_sibling()) {
      if (!IsElement(extension, "TPX")) continue;
      std::string_view uri = namespaces_.Uri(extension);
      if (uri == kActivityExtensionV2) xml::ReadExtensionFields(extension, uri, kTpxFields, point);
    }
  } else if (child.type() == pugi::node_element && !Contains(kIgnoredPointChildren, local)) {
    context_.WarnUnknown(child);
  }
}

void TcxReader::FinishActivity(ActivityState* state) {
  core::Activity& activity = state->activity;
  xml::TrackBuilder& builder = state->builder;
  if (!state->laps.empty() && state->laps.front().start_time != core::Timestamp{}) {
    activity.start_time = state->laps.front().start_time;
  } else if (state->id_time) {
    activity.start_time = *state->id_time;
  } else if (!builder.empty()) {
    activity.start_time = builder.first_time();
  }
  activity.utc_offset_s = context_.utc_offset_s();
  TotalsFromLaps(state->laps, &activity);
  xml::FinishActivity(&builder, &activity);
  activity.laps = std::move(state->laps);
}

}  // namespace

Result<core::Decoded> DecodeTcx(std::span<const uint8_t> bytes, const formats::DecodeOptions& options) {
  xml::XmlDocument document;
  if (Status loaded = document.Load(bytes, options.name, options.salvage); !loaded) return Fail(loaded.error());
  return TcxReader(document, options).Run();
}

}  // namespace stride::tcx
