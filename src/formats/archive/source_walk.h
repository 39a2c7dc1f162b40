// SPDX-License-Identifier: MIT
// The state shared by one walk (limits, visitor, running totals) and the steps every source shares:
// turning raw bytes into a SourceFile, and walking a zip (Strava-aware, nested zips in memory).
// Internal to src/formats/archive/; activity_source.cc drives files and folders.
#ifndef STRIDE_FORMATS_ARCHIVE_SOURCE_WALK_H_
#define STRIDE_FORMATS_ARCHIVE_SOURCE_WALK_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "formats/archive/activity_source.h"

namespace stride::archive {

/// One walk's state.
struct WalkContext {
  const SourceLimits& limits;
  const SourceVisitor& visit;
  SourceSummary summary;
  uint64_t inflated_total = 0;
  bool visitor_stopped = false;  // the visitor failed: its Status must reach the caller unchanged
  GzipMembers gzip = GzipMembers::kInflate;
};

/// Inflates `raw` if it is gzip (unless ctx.gzip hands it over), checks it is FIT/GPX/TCX and within the
/// total limit, then visits it (with an error instead when a check fails). Returns the visitor's Status.
Status VisitBytes(WalkContext& ctx, std::string name, std::vector<uint8_t> raw, uint64_t compressed_bytes,
                  std::optional<StravaMetadata> strava);

/// Visits `name` with `error` (its where set to `name`). Returns the visitor's Status.
Status VisitError(WalkContext& ctx, std::string name, core::Error error, uint64_t compressed_bytes);

/// Where a zip's bytes come from: a file, or memory that outlives the walk.
struct ZipSource {
  std::filesystem::path file;
  std::span<const uint8_t> memory;
  bool in_memory = false;
};

/// Walks a zip at nesting level `depth` (the outermost zip is 1), `display` being its display name.
/// Fails without visiting anything when the zip cannot be read at all (kIoError, kCorruptData);
/// otherwise problems become per-entry errors and the visitor's Status is returned.
Status WalkZip(WalkContext& ctx, const ZipSource& source, const std::string& display, int depth);

/// Counts a zip's activity entries from headers only (nested zips are not opened). Fails like WalkZip.
Result<uint64_t> CountZipActivities(const ZipSource& source, const std::string& display);

/// Reads a whole file of at most `max_bytes`. kIoError when unreadable, the size refusal when larger.
Result<std::vector<uint8_t>> ReadWholeFile(const std::filesystem::path& path, uint64_t max_bytes,
                                           const std::string& name);

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_SOURCE_WALK_H_
