// SPDX-License-Identifier: MIT
// ImportPaths as a two-stage pipeline: a reading thread walks the sources (zip entries, inflation) while
// the calling thread decodes, hashes, compresses and stores each file in walk order, one transaction per
// file. A bounded queue between the stages keeps at most `files_in_flight` inflated files in memory.
#include "app/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "formats/registry.h"
#include "store/activity_repository.h"
#include "store/database.h"
#include "store/sample_codec.h"

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

// A fixed-capacity FIFO between one producer and one consumer. Close() ends the stream (Pop drains what is
// queued, then returns nullopt); Cancel() makes every later Push fail so the producer stops early.
template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

  /// Blocks while full; false once cancelled (the item is dropped).
  bool Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  /// Blocks while empty and open; nullopt once closed and drained.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }
  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    items_.clear();
    not_full_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
  bool cancelled_ = false;
};

// One activity of a file, ready to store: its summary (samples already compressed and dropped).
struct ReadyActivity {
  core::Activity activity;
  std::optional<store::EncodedSamples> samples;  // set when the activity has samples
  std::string key;                               // content hash, "#i" appended in multi-activity files
  bool holds_activity = true;
};

// One walked file made ready on the reading thread, or a top-level path the walk could not read.
struct ReadyFile {
  std::string name;
  uint64_t compressed_bytes = 0;
  std::string external_id;  // the Strava activity id, when known
  std::optional<core::Error> error;
  std::vector<ReadyActivity> activities;
  bool path_failed = false;  // `error` stopped the walk of a whole path (not counted as a file)
};

// Decodes, hashes and compresses one walked file.
ReadyFile MakeReady(archive::SourceFile&& file, bool salvage) {
  ReadyFile ready{std::move(file.name), file.compressed_bytes, {}, std::move(file.error), {}, false};
  if (file.strava) ready.external_id = file.strava->activity_id;
  if (ready.error) return ready;
  auto decoded = formats::DecodeActivityFile(file.bytes, formats::DecodeOptions{ready.name, salvage});
  if (!decoded) {
    ready.error = decoded.error();
    return ready;
  }
  const std::string hash = formats::ContentHash(file.bytes);
  const size_t n = decoded->activities.size();
  for (size_t i = 0; i < n; ++i) {
    ReadyActivity item;
    item.activity = std::move(decoded->activities[i]);
    item.key = n == 1 ? hash : fmt::format("{}#{}", hash, i);
    item.holds_activity = HoldsActivity(item.activity);
    if (item.holds_activity && file.strava) ApplyStravaMetadata(*file.strava, &item.activity);
    if (item.holds_activity && !item.activity.samples.empty()) item.samples = store::EncodeSamples(item.activity);
    item.activity.samples = {};
    item.activity.developer_channels.clear();
    ready.activities.push_back(std::move(item));
  }
  return ready;
}

// Stores one activity in its own transaction; returns nullopt when it was a duplicate.
Result<std::optional<int64_t>> StoreOne(store::Database& db, store::ActivityWriter& writer, const ReadyActivity& item,
                                        const std::string& file, const std::string& external_id) {
  const core::Activity& a = item.activity;
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto same = writer.FindByHash(item.key);
  if (!same) return Fail(same.error());
  if (*same) return std::optional<int64_t>();
  // FORMATS.md 8.4: the same run from two sources starts within a minute, in the same sport family.
  constexpr int kDuplicateWindowS = 60;
  auto near = writer.FindNear(a.start_time, a.sport, kDuplicateWindowS);
  if (!near) return Fail(near.error());
  if (*near) return std::optional<int64_t>();
  auto id = writer.Insert(a, item.key, file, external_id, item.samples ? &*item.samples : nullptr);
  if (!id) return Fail(id.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  return std::optional<int64_t>(*id);
}

// The storing stage: files in walk order, each activity in its own transaction, the report and progress.
class Storer {
 public:
  Storer(store::Database& db, const ImportOptions& options, ImportReport& report, ImportProgress& progress)
      : db_(db), writer_(db), options_(options), report_(report), progress_(progress) {}

  /// Fails only on a database error, which stops the import.
  Status Store(ReadyFile&& file) {
    if (file.path_failed) {
      report_.failed.push_back({std::move(file.name), std::move(*file.error)});
      return Ok();
    }
    ++report_.files;
    report_.input_bytes += file.compressed_bytes;
    progress_.files_done++;
    progress_.bytes_done += file.compressed_bytes;
    progress_.current = file.name;
    if (file.error) {
      report_.failed.push_back({file.name, *file.error});
    } else {
      for (ReadyActivity& item : file.activities) {
        if (auto s = StoreActivity(file, item); !s) return s;
      }
    }
    if (options_.on_progress) options_.on_progress(progress_);
    return Ok();
  }

 private:
  Status StoreActivity(const ReadyFile& file, ReadyActivity& item) {
    if (!item.holds_activity) {
      report_.skipped.push_back(fmt::format("{}: no activity data (e.g. a monitoring or settings file)", file.name));
      return Ok();
    }
    auto stored = StoreOne(db_, writer_, item, file.name, file.external_id);
    if (!stored) return Fail(stored.error());
    if (!*stored) {
      report_.duplicates.push_back(file.name);
      return Ok();
    }
    report_.imported.push_back({file.name, **stored, std::move(item.activity)});
    return Ok();
  }

  store::Database& db_;
  store::ActivityWriter writer_;
  const ImportOptions& options_;
  ImportReport& report_;
  ImportProgress& progress_;
};

// What the walk hands over: a file found, or a top-level path whose walk failed as a whole.
struct Walked {
  archive::SourceFile file;
  std::optional<core::Error> path_error;
};

// Walks every path in order, handing each item to `deliver`. Stops as soon as `deliver` fails.
Status WalkAll(const std::vector<std::filesystem::path>& paths, const ImportOptions& options,
               const std::function<Status(Walked&&)>& deliver) {
  for (const auto& path : paths) {
    bool stopped = false;
    auto walked = archive::ForEachSourceFile(path, options.limits, [&](archive::SourceFile&& file) -> Status {
      Status s = deliver(Walked{std::move(file), std::nullopt});
      stopped = !s;
      return s;
    });
    if (stopped) return Fail(walked.error());
    if (!walked) {
      archive::SourceFile named;
      named.name = path.string();
      if (auto s = deliver(Walked{std::move(named), walked.error()}); !s) return s;
    }
  }
  return Ok();
}

// Decodes, hashes, compresses and stores one walked item.
Status Consume(Walked&& item, const ImportOptions& options, Storer& storer) {
  if (item.path_error) return storer.Store(ReadyFile{std::move(item.file.name), 0, {}, item.path_error, {}, true});
  return storer.Store(MakeReady(std::move(item.file), options.salvage));
}

// Everything on the calling thread.
Status ImportSequential(const std::vector<std::filesystem::path>& paths, const ImportOptions& options, Storer& storer) {
  return WalkAll(paths, options, [&](Walked&& item) { return Consume(std::move(item), options, storer); });
}

// The walk (reading and inflating, the work bench/inflate_export measures) on its own thread, at most
// options.files_in_flight files ahead; decoding, hashing, compressing and storing on the calling thread.
Status ImportPipelined(const std::vector<std::filesystem::path>& paths, const ImportOptions& options, Storer& storer) {
  BoundedQueue<Walked> queue(options.files_in_flight);
  std::thread reader([&] {
    (void)WalkAll(paths, options, [&](Walked&& item) -> Status {
      if (queue.Push(std::move(item))) return Ok();
      return Fail(core::ErrorCode::kInternal, "import stopped", "import");
    });
    queue.Close();
  });
  Status status = Ok();
  while (std::optional<Walked> item = queue.Pop()) {
    status = Consume(std::move(*item), options, storer);
    if (!status) break;
  }
  queue.Cancel();  // after a database failure the reader stops at its next file
  reader.join();
  return status;
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
  Storer storer(db, options, report, progress);
  Status status = options.files_in_flight == 0 ? ImportSequential(paths, options, storer)
                                               : ImportPipelined(paths, options, storer);
  if (!status) return Fail(status.error());
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
