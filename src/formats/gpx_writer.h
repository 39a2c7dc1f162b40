// SPDX-License-Identifier: MIT
// Writes an activity as GPX 1.1 with Garmin's TrackPointExtension v2 (heart rate, cadence): for the
// demo's sample files and for exporting activities. Times are UTC with `Z`; cadence is written as
// Garmin does for running (strides per minute = steps / 2).
#ifndef STRIDE_FORMATS_GPX_WRITER_H_
#define STRIDE_FORMATS_GPX_WRITER_H_

#include <string>

#include "core/activity.h"

namespace stride::formats {

/// The GPX text of `activity`. REQUIRES: latitude and longitude columns present with samples.size() rows.
std::string WriteGpx(const core::Activity& activity);

}  // namespace stride::formats

#endif  // STRIDE_FORMATS_GPX_WRITER_H_
