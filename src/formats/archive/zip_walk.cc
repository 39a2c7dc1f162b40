// SPDX-License-Identifier: MIT
// The zip walk: a header-only pass finds a Strava export's activities.csv (from the central directory, or
// with libarchive when that cannot be read), then a second pass visits each activity entry with libarchive
// (nested zips are read into memory, bounded, and walked recursively).
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "formats/archive/entry_path.h"
#include "formats/archive/source_walk.h"
#include "formats/archive/strava_csv.h"
#include "formats/archive/zip_directory.h"
#include "formats/archive/zip_reader.h"

namespace stride::archive {
namespace {

constexpr std::string_view kActivitiesDir = "activities/";
constexpr std::string_view kRoutesDir = "routes/";
constexpr uint64_t kMaxCsvBytes = 256 * kMiB;

// What the header-only pass learns.
struct ZipLayout {
  std::optional<std::string> strava_root;  // "" or "folder/": where activities.csv and activities/ sit
  std::string activities_csv;
  std::vector<std::string> activity_paths;
};

std::string DirectoryOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::string BaseName(std::string_view path) { return std::string(path.substr(path.rfind('/') + 1)); }

Status OpenReader(ZipReader& reader, const ZipSource& source, const std::string& display) {
  Status status = source.in_memory ? reader.OpenMemory(source.memory) : reader.OpenFile(source.file);
  if (!status) return Fail(status.error().code, status.error().message, display);
  return Ok();
}

// Notes what one entry says about the layout; reads activities.csv (through `read_csv_text`) when
// `read_csv`. Returns false when activities.csv could not be read that way.
template <typename ReadCsvText>
bool NoteEntry(const std::string& path, bool is_regular_file, bool read_csv, const ReadCsvText& read_csv_text,
               std::map<std::string, std::string>& csvs, std::vector<std::string>& activity_dirs, ZipLayout& layout) {
  if (!is_regular_file || IsUnsafeEntryPath(path) || IsClutterPath(path)) return true;
  if (size_t at = path.find(kActivitiesDir); at != std::string::npos && (at == 0 || path[at - 1] == '/')) {
    activity_dirs.push_back(path.substr(0, at));
  }
  if (ClassifyEntryName(path) == EntryKind::kActivity) layout.activity_paths.push_back(path);
  if (AsciiLower(BaseName(path)) != "activities.csv") return true;
  if (!read_csv) {
    csvs.emplace(DirectoryOf(path), std::string());
    return true;
  }
  auto text = read_csv_text();
  if (!text) return false;
  csvs.emplace(DirectoryOf(path), std::string(text->begin(), text->end()));
  return true;
}

// The Strava root: the first folder holding both activities.csv and activities/.
void SettleLayout(std::map<std::string, std::string>& csvs, const std::vector<std::string>& activity_dirs,
                  ZipLayout& layout) {
  for (auto& [root, text] : csvs) {
    if (std::find(activity_dirs.begin(), activity_dirs.end(), root) == activity_dirs.end()) continue;
    layout.strava_root = root;
    layout.activities_csv = std::move(text);
    break;
  }
}

// The header-only pass from the central directory alone (zip_directory.h); nullopt when that cannot be
// read or activities.csv cannot be read from it, and libarchive must do it.
std::optional<ZipLayout> ScanZipDirectory(const ZipSource& source, bool read_csv) {
  auto entries = ReadZipDirectory(source);
  if (!entries) return std::nullopt;
  ZipLayout layout;
  std::map<std::string, std::string> csvs;
  std::vector<std::string> activity_dirs;
  for (const ZipDirectoryEntry& entry : *entries) {
    auto read = [&] { return ReadZipDirectoryEntry(source, entry, kMaxCsvBytes); };
    if (!NoteEntry(entry.path, entry.is_regular_file, read_csv, read, csvs, activity_dirs, layout)) return std::nullopt;
  }
  SettleLayout(csvs, activity_dirs, layout);
  return layout;
}

// The header-only pass: from the central directory when it reads cleanly, else entry by entry with
// libarchive (which reads each entry's local header too, ~11 us each).
Result<ZipLayout> ScanZipLayout(const ZipSource& source, const std::string& display, bool read_csv) {
  if (auto layout = ScanZipDirectory(source, read_csv)) return std::move(*layout);
  ZipReader reader;
  if (auto status = OpenReader(reader, source, display); !status) return Fail(status.error());
  ZipLayout layout;
  std::map<std::string, std::string> csvs;
  std::vector<std::string> activity_dirs;
  for (bool first = true;; first = false) {
    auto header = reader.Next();
    if (!header && first) return Fail(header.error().code, header.error().message, display);
    if (!header || !*header) break;  // a later error is reported by the walk itself
    const ZipEntryHeader& h = **header;
    auto read = [&] {
      SourceLimits csv_limits;
      csv_limits.max_entry_bytes = kMaxCsvBytes;
      csv_limits.ratio_floor_bytes = kMaxCsvBytes;
      return reader.ReadData(h, csv_limits, h.path);
    };
    (void)NoteEntry(h.path, h.is_regular_file, read_csv, read, csvs, activity_dirs, layout);
  }
  SettleLayout(csvs, activity_dirs, layout);
  return layout;
}

// One zip being walked.
struct ZipWalk {
  WalkContext& ctx;
  ZipReader& reader;
  const std::string& display;
  int depth;
  double scale;  // input bytes of the outermost source per byte of this zip
  const std::optional<std::string>& strava_root;
  StravaIndex* strava;
  uint64_t baseline = 0;

  // Input consumed since the previous call, in outermost-source bytes.
  uint64_t TakeConsumed() {
    const uint64_t now = reader.bytes_read();
    const uint64_t delta = now - baseline;
    baseline = now;
    return static_cast<uint64_t>(std::llround(static_cast<double>(delta) * scale));
  }
};

Status WalkZipAt(WalkContext& ctx, const ZipSource& source, const std::string& display, int depth, double scale);

Status WalkNested(ZipWalk& w, const ZipEntryHeader& header, const std::string& name) {
  const SourceLimits& limits = w.ctx.limits;
  if (w.depth + 1 > limits.max_nesting) {
    core::Error error{core::ErrorCode::kUnsupported,
                      fmt::format("refused: zips nested deeper than {} levels", limits.max_nesting), name};
    return VisitError(w.ctx, name, std::move(error), w.TakeConsumed());
  }
  auto bytes = w.reader.ReadData(header, limits, name);
  if (!bytes) return VisitError(w.ctx, name, bytes.error(), w.TakeConsumed());
  const double outer = static_cast<double>(w.TakeConsumed());
  const double scale = outer / static_cast<double>(std::max<size_t>(bytes->size(), 1));
  ZipSource inner{{}, *bytes, true};
  Status status = WalkZipAt(w.ctx, inner, name, w.depth + 1, scale);
  if (!status && !w.ctx.visitor_stopped) return VisitError(w.ctx, name, status.error(), 0);
  return status;
}

Status WalkEntry(ZipWalk& w, const ZipEntryHeader& header) {
  if (!header.is_regular_file || IsClutterPath(header.path)) return Ok();
  const EntryKind kind = ClassifyEntryName(header.path);
  if (kind == EntryKind::kOther) return Ok();
  std::string name = w.display + "!" + header.path;
  if (IsUnsafeEntryPath(header.path)) {
    core::Error error{core::ErrorCode::kUnsupported, "unsafe path in archive: " + header.path, name};
    return VisitError(w.ctx, std::move(name), std::move(error), w.TakeConsumed());
  }
  std::optional<StravaMetadata> metadata;
  if (w.strava_root && header.path.starts_with(*w.strava_root)) {
    const std::string_view relative = std::string_view(header.path).substr(w.strava_root->size());
    if (relative.starts_with(kRoutesDir)) {
      w.ctx.summary.skipped.push_back(name + ": strava route (no timestamps)");
      return Ok();
    }
    if (const StravaMetadata* found = w.strava != nullptr ? w.strava->Find(relative) : nullptr) metadata = *found;
  }
  if (kind == EntryKind::kZip) return WalkNested(w, header, name);
  auto bytes = w.reader.ReadData(header, w.ctx.limits, name);
  if (!bytes) return VisitError(w.ctx, std::move(name), bytes.error(), w.TakeConsumed());
  return VisitBytes(w.ctx, std::move(name), std::move(*bytes), w.TakeConsumed(), std::move(metadata));
}

std::optional<StravaIndex> LoadStravaIndex(WalkContext& ctx, const ZipLayout& layout, const std::string& display) {
  if (!layout.strava_root) return std::nullopt;
  auto rows = ParseStravaActivities(layout.activities_csv);
  if (!rows) {
    ctx.summary.skipped.push_back(fmt::format("{}!{}activities.csv: unreadable, activities imported without it: {}",
                                              display, *layout.strava_root, rows.error().ToString()));
    return std::nullopt;
  }
  return StravaIndex(std::move(*rows));
}

Status WalkZipAt(WalkContext& ctx, const ZipSource& source, const std::string& display, int depth, double scale) {
  auto layout = ScanZipLayout(source, display, /*read_csv=*/true);
  if (!layout) return Fail(layout.error());
  std::optional<StravaIndex> strava = LoadStravaIndex(ctx, *layout, display);
  ZipReader reader;
  if (auto status = OpenReader(reader, source, display); !status) return status;
  ZipWalk walk{ctx, reader, display, depth, scale, layout->strava_root, strava ? &*strava : nullptr};
  for (bool first = true; !reader.fatal(); first = false) {
    auto header = reader.Next();
    // A zip whose first entry cannot be read fails as a whole, as when libarchive made the header pass.
    if (!header && first) return Fail(header.error().code, header.error().message, display);
    if (!header) {
      Status status = VisitError(ctx, display, header.error(), walk.TakeConsumed());
      if (!status) return status;
      break;
    }
    if (!*header) break;
    if (Status status = WalkEntry(walk, **header); !status) return status;
  }
  if (strava) {
    for (std::string& reason : strava->UnmatchedRows()) ctx.summary.skipped.push_back(display + "!" + reason);
  }
  return Ok();
}

}  // namespace

Status WalkZip(WalkContext& ctx, const ZipSource& source, const std::string& display, int depth) {
  return WalkZipAt(ctx, source, display, depth, 1.0);
}

Result<uint64_t> CountZipActivities(const ZipSource& source, const std::string& display) {
  auto layout = ScanZipLayout(source, display, /*read_csv=*/false);
  if (!layout) return Fail(layout.error());
  const std::string routes = layout->strava_root ? *layout->strava_root + std::string(kRoutesDir) : std::string();
  return static_cast<uint64_t>(std::count_if(layout->activity_paths.begin(), layout->activity_paths.end(),
                                             [&](const std::string& path) {
                                               return routes.empty() || !path.starts_with(routes);
                                             }));
}

}  // namespace stride::archive
