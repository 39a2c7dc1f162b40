// SPDX-License-Identifier: MIT
// Stores imported activities: a summary row, sessions, laps and the compressed sample columns, keyed
// by a content hash so the same file imported twice is stored once.
#ifndef STRIDE_STORE_ACTIVITY_REPOSITORY_H_
#define STRIDE_STORE_ACTIVITY_REPOSITORY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::store {

class Database;
struct EncodedSamples;

/// An activity as stored: its id, where it came from, and the activity itself (samples only when asked).
struct StoredActivity {
  int64_t id = 0;
  std::string source_name;
  std::string external_id;  // e.g. the Strava activity id
  bool is_race = false;
  core::Activity activity;
};

/// The id of the activity with this content hash, if stored.
Result<std::optional<int64_t>> FindActivityByHash(Database& db, std::string_view content_hash);

/// The id of a stored activity of the same sport family starting within `window_s` seconds of `start`
/// (the same run arriving from two sources, FORMATS.md 8.4), if any.
Result<std::optional<int64_t>> FindActivityNear(Database& db, core::Timestamp start, core::Sport sport, int window_s);

/// Inserts an activity with its sessions, laps and samples; returns its id. Runs in the caller's
/// transaction. Fails with kConflict when the hash is already stored.
Result<int64_t> InsertActivity(Database& db, const core::Activity& activity, std::string_view content_hash,
                               std::string_view source_name, std::string_view external_id = {});

/// The activity writes of an import, with their SQL statements prepared once and reused for every file
/// (preparing them per file cost ~4 % of an import). Each call behaves exactly as the free function of the
/// same name. The writer must not outlive `db`; not thread-safe (one writer per Database and thread).
class ActivityWriter {
 public:
  explicit ActivityWriter(Database& db);
  ActivityWriter(ActivityWriter&&) noexcept;
  ActivityWriter& operator=(ActivityWriter&&) noexcept;
  ~ActivityWriter();

  /// As FindActivityByHash.
  Result<std::optional<int64_t>> FindByHash(std::string_view content_hash);
  /// As FindActivityNear.
  Result<std::optional<int64_t>> FindNear(core::Timestamp start, core::Sport sport, int window_s);
  /// As InsertActivity. `samples`, when given, must be EncodeSamples() of the activity as decoded (made
  /// ahead, e.g. on another thread; `activity.samples` may then be empty) and is stored as it is; when
  /// null, the activity's samples (if any) are encoded here.
  Result<int64_t> Insert(const core::Activity& activity, std::string_view content_hash, std::string_view source_name,
                         std::string_view external_id, const EncodedSamples* samples = nullptr);

 private:
  struct Statements;
  Database* db_;
  std::unique_ptr<Statements> statements_;
};

/// Activities whose local date lies in [from, to] (either bound optional), oldest first, without samples.
Result<std::vector<StoredActivity>> ListActivities(Database& db, std::optional<core::Date> from = std::nullopt,
                                                   std::optional<core::Date> to = std::nullopt);

/// One activity with its laps, sessions and (when `with_samples`) samples. kNotFound when absent.
Result<StoredActivity> LoadActivity(Database& db, int64_t id, bool with_samples);

/// Sets the perceived exertion (CR-10) of an activity. kNotFound when absent.
Status SetPerceivedExertion(Database& db, int64_t id, double rpe);

/// Marks or unmarks an activity as a race. kNotFound when absent.
Status SetRace(Database& db, int64_t id, bool is_race);

}  // namespace stride::store

#endif  // STRIDE_STORE_ACTIVITY_REPOSITORY_H_
