// SPDX-License-Identifier: MIT
// `stride plan export --fit-workouts DIR`: the plan's run sessions as FIT workout files in a folder (a
// watch's NewFiles folder, typically). Stride keeps a list of the files it wrote there, so that when the
// plan changes (an injury, illness, a new race date) the workouts that are no longer in it are removed
// rather than left on the watch. Files Stride did not write are never touched.
#ifndef STRIDE_APP_FIT_WORKOUT_EXPORT_H_
#define STRIDE_APP_FIT_WORKOUT_EXPORT_H_

#include <filesystem>
#include <string>
#include <vector>

#include "app/plan.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::app {

/// The list of files Stride wrote into an export folder, one name per line.
inline constexpr const char* kFitExportManifest = ".stride-workouts";

struct FitWorkoutFile {
  std::string name;  // e.g. "2027-01-14-tempo-2x8min.fit"
  core::Date date;
  const plan::Session* session = nullptr;  // into the PlanView passed in
};

struct FitWorkoutExport {
  std::vector<FitWorkoutFile> written;  // in date order
  std::vector<std::string> removed;     // files of an earlier export, dated from `from` on, no longer planned
};

/// Writes one FIT workout per run session of `view` dated `from` or later into `dir` (created as needed),
/// each file atomically, named by plan::FitWorkoutFileName (a number added when two runs of a day share a
/// name), with a serial number stable per race date, day and place in the day, so that a re-export gives
/// the same bytes. Then removes the files the manifest lists from an earlier export that are dated `from`
/// or later and were not written now, and rewrites the manifest. Fails with kInvalidArgument (where
/// "--fit-workouts") when the folder cannot be created or a file cannot be written.
Result<FitWorkoutExport> ExportFitWorkouts(const PlanView& view, const std::filesystem::path& dir, core::Date from);

}  // namespace stride::app

#endif  // STRIDE_APP_FIT_WORKOUT_EXPORT_H_
