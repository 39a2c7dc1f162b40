// SPDX-License-Identifier: MIT
#include "core/activity.h"

#include <fmt/format.h>

namespace stride::core {
namespace {
constexpr const char* kSportNames[] = {"running", "trail_running", "treadmill", "walking", "hiking",
                                       "cycling", "swimming",      "strength",  "other"};
constexpr const char* kFormatNames[] = {"fit", "gpx", "tcx"};
}  // namespace

const char* SportName(Sport sport) { return kSportNames[static_cast<int>(sport)]; }

Result<Sport> ParseSport(std::string_view text) {
  for (size_t i = 0; i < std::size(kSportNames); ++i) {
    if (text == kSportNames[i]) return static_cast<Sport>(i);
  }
  return Fail(ErrorCode::kInvalidArgument,
              fmt::format("unknown sport '{}'; use running, trail_running, treadmill, walking, hiking, cycling, "
                          "swimming, strength or other",
                          text));
}

bool IsRun(Sport sport) {
  return sport == Sport::kRunning || sport == Sport::kTrailRunning || sport == Sport::kTreadmill;
}

const char* FileFormatName(FileFormat f) { return kFormatNames[static_cast<int>(f)]; }

}  // namespace stride::core
