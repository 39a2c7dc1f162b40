// SPDX-License-Identifier: MIT
#include "app/import.h"

#include <fmt/format.h>

#include <cctype>

#include "formats/registry.h"
#include "store/activity_repository.h"
#include "store/database.h"

namespace stride::app {
namespace {

// Strava activity types that name a sport more precisely than the file does.
std::optional<core::Sport> SportFromStravaType(const std::string& type) {
  std::string t;
  for (char c : type) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (t == "run") return core::Sport::kRunning;
  if (t == "trail run") return core::Sport::kTrailRunning;
  if (t == "virtual run") return core::Sport::kTreadmill;
  if (t == "walk") return core::Sport::kWalking;
  if (t == "hike") return core::Sport::kHiking;
  if (t == "ride" || t == "virtual ride" || t == "e-bike ride" || t == "gravel ride" || t == "mountain bike ride") {
    return core::Sport::kCycling;
  }
  if (t == "swim") return core::Sport::kSwimming;
  if (t == "weight training" || t == "workout" || t == "crossfit") return core::Sport::kStrength;
  return std::nullopt;
}

void ApplyStravaMetadata(const archive::StravaMetadata& meta, core::Activity* a) {
  if (!meta.name.empty()) a->name = meta.name;
  if (!meta.description.empty()) a->description = meta.description;
  if (meta.perceived_exertion) a->perceived_exertion = meta.perceived_exertion;
  if (auto sport = SportFromStravaType(meta.type)) a->sport = *sport;
}

// A decoded file with neither samples nor session summaries is not an activity (monitoring, settings).
bool HoldsActivity(const core::Activity& a) { return a.record_count > 0 || !a.sessions.empty() || !a.samples.empty(); }

// Stores one decoded activity in its own transaction; returns false when it was a duplicate.
Result<std::optional<int64_t>> StoreOne(store::Database& db, const core::Activity& a, const std::string& hash,
                                        const std::string& file, const std::string& external_id) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto same = store::FindActivityByHash(db, hash);
  if (!same) return Fail(same.error());
  if (*same) return std::optional<int64_t>();
  // FORMATS.md 8.4: the same run from two sources starts within a minute, in the same sport family.
  constexpr int kDuplicateWindowS = 60;
  auto near = store::FindActivityNear(db, a.start_time, a.sport, kDuplicateWindowS);
  if (!near) return Fail(near.error());
  if (*near) return std::optional<int64_t>();
  auto id = store::InsertActivity(db, a, hash, file, external_id);
  if (!id) return Fail(id.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  return std::optional<int64_t>(*id);
}

}  // namespace

Result<ImportReport> ImportPaths(store::Database& db, const std::vector<std::filesystem::path>& paths,
                                 const ImportOptions& options) {
  ImportReport report;
  ImportProgress progress;
  if (options.on_progress) {
    auto survey = archive::SurveySources(paths, options.limits);
    if (survey) {
      progress.files_total = survey->files;
      progress.bytes_total = survey->input_bytes;
    }
  }
  for (const auto& path : paths) {
    auto walked = archive::ForEachSourceFile(path, options.limits, [&](archive::SourceFile&& file) -> Status {
      ++report.files;
      report.input_bytes += file.compressed_bytes;
      progress.files_done++;
      progress.bytes_done += file.compressed_bytes;
      progress.current = file.name;
      auto finish = [&] {
        if (options.on_progress) options.on_progress(progress);
        return Ok();
      };
      if (file.error) {
        report.failed.push_back({file.name, *file.error});
        return finish();
      }
      formats::DecodeOptions decode{file.name, options.salvage};
      auto decoded = formats::DecodeActivityFile(file.bytes, decode);
      if (!decoded) {
        report.failed.push_back({file.name, decoded.error()});
        return finish();
      }
      const std::string hash = formats::ContentHash(file.bytes);
      for (size_t i = 0; i < decoded->activities.size(); ++i) {
        core::Activity& a = decoded->activities[i];
        if (!HoldsActivity(a)) {
          report.skipped.push_back(fmt::format("{}: no activity data (e.g. a monitoring or settings file)", file.name));
          continue;
        }
        if (file.strava) ApplyStravaMetadata(*file.strava, &a);
        std::string key = decoded->activities.size() == 1 ? hash : fmt::format("{}#{}", hash, i);
        std::string external = file.strava ? file.strava->activity_id : std::string();
        auto stored = StoreOne(db, a, key, file.name, external);
        if (!stored) return Fail(stored.error());  // a database failure stops the import
        if (!*stored) {
          report.duplicates.push_back(file.name);
          continue;
        }
        core::Activity summary = a;
        summary.samples = {};
        summary.developer_channels.clear();
        report.imported.push_back({file.name, **stored, std::move(summary)});
      }
      return finish();
    });
    if (!walked) {
      if (walked.error().code == core::ErrorCode::kIoError && walked.error().where == "database") return Fail(walked.error());
      report.failed.push_back({path.string(), walked.error()});
    }
  }
  return report;
}

std::vector<InspectedFile> InspectPaths(const std::vector<std::filesystem::path>& paths, bool salvage,
                                        const archive::SourceLimits& limits) {
  std::vector<InspectedFile> out;
  for (const auto& path : paths) {
    auto walked = archive::ForEachSourceFile(path, limits, [&](archive::SourceFile&& file) -> Status {
      InspectedFile item;
      item.file = file.name;
      if (file.error) {
        item.error = file.error;
      } else {
        auto decoded = formats::DecodeActivityFile(file.bytes, {file.name, salvage});
        if (decoded) {
          item.activities = std::move(decoded->activities);
          item.warnings = std::move(decoded->warnings);
          if (file.strava) {
            for (auto& a : item.activities) ApplyStravaMetadata(*file.strava, &a);
          }
        } else {
          item.error = decoded.error();
        }
      }
      out.push_back(std::move(item));
      return Ok();
    });
    if (!walked) out.push_back({path.string(), walked.error(), {}, {}});
  }
  return out;
}

}  // namespace stride::app
