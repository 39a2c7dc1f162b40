// SPDX-License-Identifier: MIT
// SurveySources: counts activity files and input bytes from names and zip headers only, so that a
// progress bar has a total before the real walk inflates anything.
#include "formats/archive/activity_source.h"
#include "formats/archive/entry_path.h"
#include "formats/archive/source_walk.h"

namespace stride::archive {
namespace {

namespace fs = std::filesystem;

void SurveyFile(const fs::path& path, uint64_t size, SourceSummary& summary) {
  const std::string name = path.generic_string();
  if (IsClutterPath(name)) return;
  const EntryKind kind = ClassifyEntryName(name);
  if (kind == EntryKind::kOther) return;
  summary.input_bytes += size;
  if (kind == EntryKind::kActivity) {
    ++summary.files;
    return;
  }
  if (auto count = CountZipActivities(ZipSource{path, {}, false}, name)) summary.files += *count;
}

bool IsStravaRoutes(const fs::path& dir) {
  std::error_code ec;
  return dir.filename() == "routes" && fs::is_regular_file(dir.parent_path() / "activities.csv", ec);
}

void SurveyFolder(const fs::path& dir, SourceSummary& summary) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) {
      if (IsStravaRoutes(it->path())) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) SurveyFile(it->path(), it->file_size(ec), summary);
  }
}

}  // namespace

Result<SourceSummary> SurveySources(const std::vector<fs::path>& paths, const SourceLimits& limits) {
  (void)limits;  // the survey reads no entry data, so no limit applies yet
  SourceSummary summary;
  for (const fs::path& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return Fail(core::ErrorCode::kNotFound, "no such file or folder", path.string());
    if (fs::is_directory(status)) {
      SurveyFolder(path, summary);
      continue;
    }
    const uint64_t size = fs::file_size(path, ec);
    if (ClassifyEntryName(path.generic_string()) != EntryKind::kOther) {
      SurveyFile(path, ec ? 0 : size, summary);
    } else {  // a single file named oddly is still walked by content: count it
      ++summary.files;
      summary.input_bytes += ec ? 0 : size;
    }
  }
  return summary;
}

}  // namespace stride::archive
