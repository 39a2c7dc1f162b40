// SPDX-License-Identifier: MIT
// ExportFitWorkouts (fit_workout_export.h): files written atomically, and the manifest that lets a later
// export remove what the plan no longer holds.
#include "app/fit_workout_export.h"

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <system_error>

#include "formats/fit/workout_encoder.h"
#include "plan/fit_workout.h"

namespace stride::app {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;

Status WriteAtomically(const fs::path& path, const void* data, size_t size) {
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  std::error_code ec;
  if (out) fs::rename(temp, path, ec);
  if (!out || ec) {
    fs::remove(temp, ec);
    return Fail(ErrorCode::kInvalidArgument, "cannot write " + path.string() + ": is the folder writable?",
                "--fit-workouts");
  }
  return Ok();
}

std::set<std::string> ReadManifest(const fs::path& dir) {
  std::set<std::string> names;
  std::ifstream in(dir / kFitExportManifest);
  for (std::string line; std::getline(in, line);) {
    // Only plain names: a manifest edited by hand must not make Stride delete outside the folder.
    if (!line.empty() && line.find('/') == std::string::npos && line.find('\\') == std::string::npos &&
        line != "." && line != "..") {
      names.insert(line);
    }
  }
  return names;
}

// "2027-01-14" from "2027-01-14-tempo-2x8min.fit"; an undated name counts as due (never before `from`).
bool DatedBefore(const std::string& name, core::Date from) {
  auto date = core::ParseDate(name.substr(0, 10));
  return date && *date < from;
}

}  // namespace

Result<FitWorkoutExport> ExportFitWorkouts(const PlanView& view, const fs::path& dir, core::Date from) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    return Fail(ErrorCode::kInvalidArgument, "cannot create the folder " + dir.string(), "--fit-workouts");
  }
  const plan::Plan& p = view.version.plan;
  FitWorkoutExport out;
  std::set<std::string> names;
  for (const plan::PlanWeek& w : p.weeks) {
    for (const plan::PlanDay& d : w.days) {
      for (size_t n = 0; n < d.sessions.size() && d.date >= from; ++n) {
        const plan::Session& s = d.sessions[n];
        if (!plan::IsRun(s.kind)) continue;
        const std::string base = plan::FitWorkoutFileName(d.date, s);
        std::string name = base;
        for (int k = 2; !names.insert(name).second; ++k) name = fmt::format("{}-{}.fit", base.substr(0, base.size() - 4), k);
        const std::string key = fmt::format("stride-{}-{}-{}", core::FormatDate(p.race_date), core::FormatDate(d.date), n);
        const auto bytes = fit::EncodeWorkout(plan::ToFitWorkout(s, d.date, plan::StableSerialNumber(key)));
        if (auto st = WriteAtomically(dir / name, bytes.data(), bytes.size()); !st) return Fail(st.error());
        out.written.push_back({name, d.date, &s});
      }
    }
  }
  std::set<std::string> manifest = names;
  for (const std::string& old : ReadManifest(dir)) {
    if (names.count(old)) continue;
    if (DatedBefore(old, from)) {
      if (fs::exists(dir / old, ec)) manifest.insert(old);  // an earlier day's workout: not this export's business
      continue;
    }
    if (fs::remove(dir / old, ec)) out.removed.push_back(old);
  }
  std::string text;
  for (const std::string& name : manifest) text += name + "\n";
  if (auto st = WriteAtomically(dir / kFitExportManifest, text.data(), text.size()); !st) return Fail(st.error());
  return out;
}

}  // namespace stride::app
