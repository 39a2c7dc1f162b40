// SPDX-License-Identifier: MIT
// The entry points: a path (file, gzip, zip or folder) or bytes in memory, dispatched by content; the
// folder walk (sorted, Strava-aware); and the survey for progress totals. Zips: zip_walk.cc.
#include "formats/archive/activity_source.h"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "formats/archive/entry_path.h"
#include "formats/archive/limits_internal.h"
#include "formats/archive/source_walk.h"
#include "formats/archive/strava_csv.h"
#include "formats/sniff.h"

namespace stride::archive {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 4096;
constexpr uint64_t kMaxCsvBytes = 256 * kMiB;

// A Strava export unpacked into a folder: its root, and the index of its activities.csv.
struct FolderStrava {
  fs::path root;
  StravaIndex index;
};

bool IsStravaFolder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "activities.csv", ec) && fs::is_directory(dir / "activities", ec);
}

std::vector<fs::directory_entry> SortedEntries(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  return entries;
}

std::optional<FolderStrava> LoadFolderStrava(WalkContext& ctx, const fs::path& dir, const std::string& display) {
  const std::string csv_name = display + "/activities.csv";
  auto bytes = ReadWholeFile(dir / "activities.csv", kMaxCsvBytes, csv_name);
  auto rows = bytes ? ParseStravaActivities(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()))
                    : Result<std::vector<StravaActivityRow>>(Fail(bytes.error()));
  if (!rows) {
    ctx.summary.skipped.push_back(csv_name + ": unreadable, activities imported without it: " + rows.error().ToString());
    return std::nullopt;
  }
  return FolderStrava{dir, StravaIndex(std::move(*rows))};
}

Status WalkFolder(WalkContext& ctx, const fs::path& dir, const std::string& display, FolderStrava* strava);

Status WalkFolderFile(WalkContext& ctx, const fs::directory_entry& entry, const std::string& name,
                      FolderStrava* strava) {
  const EntryKind kind = ClassifyEntryName(name);
  if (kind == EntryKind::kOther || IsClutterPath(name)) return Ok();
  std::error_code ec;
  const uint64_t size = entry.file_size(ec);
  if (kind == EntryKind::kZip) {
    Status status = WalkZip(ctx, ZipSource{entry.path(), {}, false}, name, 1);
    if (!status && !ctx.visitor_stopped) return VisitError(ctx, name, status.error(), ec ? 0 : size);
    return status;
  }
  auto bytes = ReadWholeFile(entry.path(), ctx.limits.max_entry_bytes, name);
  if (!bytes) return VisitError(ctx, name, bytes.error(), ec ? 0 : size);
  std::optional<StravaMetadata> metadata;
  if (strava != nullptr) {
    const std::string relative = entry.path().lexically_relative(strava->root).generic_string();
    if (const StravaMetadata* found = strava->index.Find(relative)) metadata = *found;
  }
  return VisitBytes(ctx, name, std::move(*bytes), bytes->size(), std::move(metadata));
}

Status WalkFolderEntries(WalkContext& ctx, const fs::path& dir, const std::string& display, FolderStrava* strava) {
  std::error_code ec;
  const std::vector<fs::directory_entry> entries = SortedEntries(dir, ec);
  if (ec) return VisitError(ctx, display, {core::ErrorCode::kIoError, "cannot list folder: " + ec.message(), ""}, 0);
  for (const fs::directory_entry& entry : entries) {
    const std::string name = display + "/" + entry.path().filename().string();
    Status status;
    if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
      if (strava != nullptr && dir == strava->root && entry.path().filename() == "routes") {
        ctx.summary.skipped.push_back(name + ": strava routes (no timestamps)");
        continue;
      }
      status = WalkFolder(ctx, entry.path(), name, strava);
    } else if (entry.is_regular_file(ec)) {
      status = WalkFolderFile(ctx, entry, name, strava);
    }
    if (!status) return status;
  }
  return Ok();
}

Status WalkFolder(WalkContext& ctx, const fs::path& dir, const std::string& display, FolderStrava* strava) {
  if (!IsStravaFolder(dir)) return WalkFolderEntries(ctx, dir, display, strava);
  std::optional<FolderStrava> own = LoadFolderStrava(ctx, dir, display);
  FolderStrava fallback{dir, StravaIndex({})};  // still skips routes/ when activities.csv is unreadable
  Status status = WalkFolderEntries(ctx, dir, display, own ? &*own : &fallback);
  if (status && own) {
    for (std::string& reason : own->index.UnmatchedRows()) ctx.summary.skipped.push_back(display + "/" + reason);
  }
  return status;
}

Result<std::vector<uint8_t>> ReadHead(const fs::path& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(core::ErrorCode::kIoError, "cannot open file", name);
  std::vector<uint8_t> head(kSniffBytes);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

bool IsActivityContent(formats::ContentKind kind) {
  return kind == formats::ContentKind::kFit || kind == formats::ContentKind::kGpx ||
         kind == formats::ContentKind::kTcx || kind == formats::ContentKind::kGzip;
}

core::Error NotRecognised(formats::ContentKind kind, const std::string& name) {
  return core::Error{core::ErrorCode::kUnsupported,
                     fmt::format("not an activity file, gzip, zip or folder (content: {})",
                                 formats::ContentKindName(kind)),
                     name};
}

Status WalkTopFile(WalkContext& ctx, const fs::path& path) {
  const std::string name = path.generic_string();
  auto head = ReadHead(path, name);
  if (!head) return Fail(head.error());
  const formats::ContentKind kind = formats::SniffContent(*head);
  const EntryKind named = ClassifyEntryName(name);
  if (kind == formats::ContentKind::kZip || named == EntryKind::kZip) {
    return WalkZip(ctx, ZipSource{path, {}, false}, name, 1);
  }
  if (!IsActivityContent(kind) && named != EntryKind::kActivity) return Fail(NotRecognised(kind, name));
  auto bytes = ReadWholeFile(path, ctx.limits.max_entry_bytes, name);
  if (!bytes) return VisitError(ctx, name, bytes.error(), 0);
  const uint64_t size = bytes->size();
  return VisitBytes(ctx, name, std::move(*bytes), size, std::nullopt);
}

}  // namespace

Result<SourceSummary> ForEachSourceFile(const fs::path& path, const SourceLimits& limits, const SourceVisitor& visit,
                                        GzipMembers gzip) {
  WalkContext ctx{limits, visit, {}, 0, false, gzip};
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Fail(core::ErrorCode::kNotFound, "no such file or folder", path.string());
  Status walked = fs::is_directory(status) ? WalkFolder(ctx, path, path.generic_string(), nullptr)
                                           : WalkTopFile(ctx, path);
  if (!walked) return Fail(walked.error());
  return std::move(ctx.summary);
}

Result<SourceSummary> ForEachSourceFileInMemory(std::span<const uint8_t> bytes, const std::string& name,
                                                const SourceLimits& limits, const SourceVisitor& visit) {
  WalkContext ctx{limits, visit, {}, 0, false, GzipMembers::kInflate};
  const formats::ContentKind kind = formats::SniffContent(bytes.first(std::min(bytes.size(), kSniffBytes)));
  const EntryKind named = ClassifyEntryName(name);
  Status walked;
  if (kind == formats::ContentKind::kZip || named == EntryKind::kZip) {
    walked = WalkZip(ctx, ZipSource{{}, bytes, true}, name, 1);
  } else if (IsActivityContent(kind) || named == EntryKind::kActivity) {
    if (bytes.size() > limits.max_entry_bytes) {
      walked = VisitError(ctx, name, SizeRefusal(limits.max_entry_bytes, name), bytes.size());
    } else {
      walked = VisitBytes(ctx, name, {bytes.begin(), bytes.end()}, bytes.size(), std::nullopt);
    }
  } else {
    return Fail(NotRecognised(kind, name));
  }
  if (!walked) return Fail(walked.error());
  return std::move(ctx.summary);
}

}  // namespace stride::archive
