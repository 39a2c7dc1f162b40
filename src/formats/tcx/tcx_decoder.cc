// SPDX-License-Identifier: MIT
// TCX decoder: walks Activities/Activity/Lap/Track/Trackpoint of an in-place pugixml tree, one activity per
// <Activity>. Extensions are matched by namespace URI + local name. See tcx_decoder.h, docs/formats/tcx.md.
#include "formats/tcx/tcx_decoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xml/decode_context.h"
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

// Count of Trackpoints under an Activity, for TrackBuilder::Reserve.
size_t CountTrackpoints(pugi::xml_node activity) {
  size_t count = 0;
  for (pugi::xml_node lap = activity.first_child(); lap; lap = lap.next_sibling()) {
    if (!IsElement(lap, "Lap")) continue;
    for (pugi::xml_node track = lap.first_child(); track; track = track.next_sibling()) {
      if (!IsElement(track, "Track")) continue;
      for (pugi::xml_node point = track.first_child(); point; point = point.next_sibling()) count += IsElement(point, "Trackpoint") ? 1 : 0;
    }
  }
  return count;
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

// Fills what the laps did not give from the samples.
void TotalsFromSamples(core::Activity* activity) {
  const core::Samples& samples = activity->samples;
  if (std::isnan(activity->distance_m)) {
    auto last = std::find_if(samples.distance_m.rbegin(), samples.distance_m.rend(),
                             [](double d) { return !std::isnan(d); });
    if (last != samples.distance_m.rend()) activity->distance_m = *last;
  }
  xml::ChannelStats heart_rate = xml::StatsOf(samples.heart_rate_bpm);
  if (std::isnan(activity->avg_heart_rate_bpm)) activity->avg_heart_rate_bpm = heart_rate.mean;
  if (std::isnan(activity->max_heart_rate_bpm)) activity->max_heart_rate_bpm = heart_rate.max;
}

class TcxReader {
 public:
  TcxReader(const xml::XmlDocument& document, const formats::DecodeOptions& options)
      : document_(document), context_(document, options), namespaces_(document.root()) {}
  Result<core::Decoded> Run();

 private:
  void DropPointCutByBreak();
  Status ReadActivities(pugi::xml_node activities);
  Status ReadActivity(pugi::xml_node element);
  Status ReadActivityChild(pugi::xml_node child, ActivityState* state);
  Status ReadLap(pugi::xml_node element, ActivityState* state);
  Status ReadTrackpoint(pugi::xml_node element, xml::TrackBuilder* builder);
  void ReadTrackpointChild(pugi::xml_node child, xml::TrackPoint* point);
  void ReadTpx(pugi::xml_node tpx, std::string_view uri, xml::TrackPoint* point);
  void FinishActivity(ActivityState* state);

  const xml::XmlDocument& document_;
  xml::DecodeContext context_;
  xml::NamespaceResolver namespaces_;
  std::vector<core::Activity> activities_;
  uint64_t bytes_lost_ = 0;
};

Result<core::Decoded> TcxReader::Run() {
  pugi::xml_node root = document_.root();
  if (LocalName(root.name()) != "TrainingCenterDatabase") {
    return Fail(core::ErrorCode::kCorruptData,
                fmt::format("root element is <{}>, not <TrainingCenterDatabase>", root.name()),
                document_.Where(root));
  }
  DropPointCutByBreak();
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    std::string_view local = LocalName(child.name());
    if (local == "Activities") {
      if (Status status = ReadActivities(child); !status) return Fail(status.error());
    } else if (!Contains(kIgnoredRootChildren, local)) {
      context_.WarnUnknown(child);
    }
  }
  if (activities_.empty()) {
    if (document_.partial()) return Fail(document_.parse_error());
    context_.Warn(root, "no activities: a course, workout or empty file, not an activity");
  }
  if (document_.partial()) {
    context_.Warn(pugi::xml_node(), fmt::format("{} at {}; kept what was parsed before the break",
                                                document_.parse_error().message, document_.parse_error().where));
  }
  core::Decoded decoded;
  decoded.activities = std::move(activities_);
  for (core::Activity& activity : decoded.activities) {
    activity.salvaged = context_.salvaged();
    activity.bytes_lost = bytes_lost_;
  }
  decoded.warnings = context_.TakeWarnings();
  return decoded;
}

// Salvage: the trackpoint the break cut through is incomplete; drop it and count the bytes from its start.
void TcxReader::DropPointCutByBreak() {
  if (!document_.partial()) return;
  size_t kept_until = document_.error_offset();
  if (pugi::xml_node open = document_.OpenElement("Trackpoint")) {
    kept_until = document_.OffsetOf(open);
    open.parent().remove_child(open);
  }
  bytes_lost_ = document_.size() - std::min(kept_until, document_.size());
  context_.MarkSalvaged();
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
  state.builder.Reserve(CountTrackpoints(element));
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
  if (!time_element) {
    context_.CountDropped("trackpoints without <Time>");
    return Ok();
  }
  xml::XmlTime time;
  Result<bool> read = context_.ReadTime(time_element.child_value(), time_element, &time);
  if (!read) return Fail(read.error());
  if (!*read) return Ok();
  point.time = time.time;
  builder->Add(point);
  return Ok();
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
      if (uri == kActivityExtensionV2) ReadTpx(extension, uri, point);
    }
  } else if (child.type() == pugi::node_element && !Contains(kIgnoredPointChildren, local)) {
    context_.WarnUnknown(child);
  }
}

void TcxReader::ReadTpx(pugi::xml_node tpx, std::string_view uri, xml::TrackPoint* point) {
  for (pugi::xml_node child = tpx.first_child(); child; child = child.next_sibling()) {
    if (xml::ChildNamespaceUri(child, tpx, uri) != uri) continue;  // text nodes resolve to ""
    std::string_view local = LocalName(child.name());
    if (local == "Speed") point->speed_mps = ElementNumber(child);
    if (local == "RunCadence") point->cadence_spm = ElementNumber(child) * kStepsPerStride;
    if (local == "Watts") point->power_w = ElementNumber(child);
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
  activity.record_count = builder.size();
  TotalsFromLaps(state->laps, &activity);
  activity.elapsed_s = builder.empty() ? activity.timer_s : xml::SecondsBetween(builder.first_time(), builder.last_time());
  double segment_time_s = builder.empty() ? core::kNaN : builder.SegmentTimeS();
  activity.samples = builder.Finish(activity.start_time, activity.sport);
  if (std::isnan(activity.timer_s)) activity.timer_s = segment_time_s;
  TotalsFromSamples(&activity);
  activity.laps = std::move(state->laps);
  activity.sessions.push_back(xml::SummaryOf(activity));
}

}  // namespace

Result<core::Decoded> DecodeTcx(std::span<const uint8_t> bytes, const formats::DecodeOptions& options) {
  xml::XmlDocument document;
  if (Status loaded = document.Load(bytes, options.name, options.salvage); !loaded) return Fail(loaded.error());
  return TcxReader(document, options).Run();
}

}  // namespace stride::tcx
