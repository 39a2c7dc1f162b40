// SPDX-License-Identifier: MIT
// Finds activity files wherever the runner keeps them: a single file, a .gz, a .zip (Strava or Garmin
// export, zips in zips) or a folder, and hands over each file's inflated bytes one at a time. The FIT,
// GPX and TCX decoders then read those bytes; nothing here decodes them. Spec: docs/formats/archives.md.
#ifndef STRIDE_FORMATS_ARCHIVE_ACTIVITY_SOURCE_H_
#define STRIDE_FORMATS_ARCHIVE_ACTIVITY_SOURCE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace stride::archive {

inline constexpr uint64_t kMiB = uint64_t{1} << 20;
inline constexpr uint64_t kGiB = uint64_t{1} << 30;

/// What a Strava export's activities.csv says about one activity (raw text, as Strava wrote it).
struct StravaMetadata {
  std::string activity_id;
  std::string name;
  std::string type;         // "Run", "Ride", "Hike" ...
  std::string description;
  std::string date_text;    // e.g. "Mar 16, 2014, 10:51:20 AM" (new) or "2018-09-12 15:02:23" (pre-2019)
  std::optional<double> perceived_exertion;  // 1-10 when the athlete entered it
};

/// One activity file found by the walk.
struct SourceFile {
  /// Display path: "run.fit", "runs/a.gpx", "export.zip!activities/123.fit.gz" ('!' enters an archive).
  std::string name;
  /// Inflated content, a FIT, GPX or TCX file. Empty when `error` is set.
  std::vector<uint8_t> bytes;
  /// Set when the file came from a Strava export and activities.csv has a row for it.
  std::optional<StravaMetadata> strava;
  /// Set when this entry could not be read: corrupt gzip, zip bomb, unsafe path, too large, not an
  /// activity file. `error->where` is `name`.
  std::optional<core::Error> error;
  /// Bytes of input consumed since the previous file was visited (best effort, for a progress rate).
  uint64_t compressed_bytes = 0;
  /// True when `bytes` is still the gzip stream of a ".gz" file or entry, as a walk with
  /// GzipMembers::kHandOver leaves it; FinishHandedOver inflates and checks it.
  bool gzipped = false;
};

/// Bounds that keep memory and time in check on hostile or huge inputs.
struct SourceLimits {
  /// Largest inflated entry (and largest nested zip, which is held in memory). Default 512 MiB.
  uint64_t max_entry_bytes = 512 * kMiB;
  /// Largest inflated/compressed ratio, checked only once an entry is larger than ratio_floor_bytes
  /// (deflate cannot exceed ~1032:1; real FIT/GPX files compress 3-20:1). Default 200.
  uint64_t max_ratio = 200;
  uint64_t ratio_floor_bytes = 8 * kMiB;
  /// Largest sum of inflated bytes over the whole walk; later entries get an error. Default 64 GiB.
  uint64_t max_total_bytes = 64 * kGiB;
  /// Deepest zip nesting: the outer zip is level 1. Default 3.
  int max_nesting = 3;
};

/// What a walk or a survey saw.
struct SourceSummary {
  /// Files visited (including those visited with an error); for a survey, activity files counted.
  uint64_t files = 0;
  /// Sum of SourceFile::compressed_bytes; for a survey, input bytes on disk.
  uint64_t input_bytes = 0;
  /// Things deliberately not visited, each with a reason: Strava rows without a file, Strava routes.
  /// Ordinary non-activity entries (photos, other CSVs) are not listed.
  std::vector<std::string> skipped;
};

/// Called once per activity file. Returning a failed Status stops the walk with that Status.
using SourceVisitor = std::function<Status(SourceFile&&)>;

/// What a walk does with gzip-compressed files (Strava's "activities/123.fit.gz").
enum class GzipMembers {
  kInflate,   ///< inflates and checks them before visiting: every SourceFile holds its content
  kHandOver,  ///< visits them still compressed (SourceFile::gzipped), for FinishHandedOver on another
              ///< thread: the walk then only reads, and the inflating is shared out (app::ImportPaths)
};

/// Finishes a file from a GzipMembers::kHandOver walk as the walk would have: inflates it (Gunzip, with
/// `limits`) and checks that it is not empty and is FIT, GPX or TCX (or is named as one). On failure
/// `file.error` is set (where = `file.name`), with the same error the walk would have given, and `bytes`
/// is cleared. Does nothing to a file with an error. Thread-safe.
void FinishHandedOver(SourceFile& file, const SourceLimits& limits);

/// Walks `path` (an activity file, a .gz, a .zip, or a folder, recursively) and calls `visit` once per
/// activity file found. Order is deterministic: archive order inside zips, byte-wise name order in folders.
/// Memory is bounded per entry: each file's bytes are dropped once `visit` returns.
/// Fails (whole walk) only when `path` does not exist (kNotFound), cannot be read (kIoError), is not an
/// activity file, gzip, zip or folder (kUnsupported), or is a zip with no readable entry (kCorruptData);
/// per-entry problems arrive as SourceFile::error. A failed `visit` is returned unchanged.
/// With GzipMembers::kHandOver, gzip files arrive still compressed; max_total_bytes then counts each by
/// the inflated size its gzip trailer states (Gunzip still caps each at max_entry_bytes).
Result<SourceSummary> ForEachSourceFile(const std::filesystem::path& path, const SourceLimits& limits,
                                        const SourceVisitor& visit, GzipMembers gzip = GzipMembers::kInflate);

/// The same walk over bytes already in memory (an upload): `name` is the display name ("upload.zip").
/// `bytes` must stay valid until the call returns.
Result<SourceSummary> ForEachSourceFileInMemory(std::span<const uint8_t> bytes, const std::string& name,
                                                const SourceLimits& limits, const SourceVisitor& visit);

/// Counts activity files and their input bytes without inflating anything, for a progress bar's total.
/// Best effort: files inside nested zips are not counted; a zip's input bytes are its size on disk.
/// Fails with kNotFound when a path does not exist.
Result<SourceSummary> SurveySources(const std::vector<std::filesystem::path>& paths, const SourceLimits& limits);

/// Inflates a gzip stream (all members, RFC 1952) with libdeflate. Output is capped at
/// min(max_entry_bytes, max(ratio_floor_bytes, compressed.size() * max_ratio)); inflation stops as soon
/// as the cap is crossed. Errors (where = `name`): kCorruptData "corrupt gzip stream" on a bad or
/// truncated stream; kUnsupported "refused: entry inflates beyond N MiB (possible zip bomb)" or
/// "refused: entry inflates over Rx its compressed size (possible zip bomb)".
Result<std::vector<uint8_t>> Gunzip(std::span<const uint8_t> compressed, const std::string& name,
                                    const SourceLimits& limits);

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_ACTIVITY_SOURCE_H_
