// SPDX-License-Identifier: MIT
#include "store/migrations.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "core/check.h"
#include "store/database.h"

namespace stride::store {
namespace {

using core::ErrorCode;

// kMigrations[i] upgrades version i to version i + 1. Keep SQL portable where it costs nothing.
constexpr std::array<std::string_view, 6> kMigrations = {
    // 1: the athlete profile and their race results.
    R"sql(
CREATE TABLE athlete (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  name              TEXT NOT NULL DEFAULT '',
  sex               TEXT CHECK (sex IN ('female', 'male')),
  birth_year        INTEGER,
  hr_rest_bpm       INTEGER,
  hr_max_bpm        INTEGER,
  units             TEXT NOT NULL DEFAULT 'km' CHECK (units IN ('km', 'mi')),
  weekly_distance_m REAL,
  longest_run_m     REAL,
  training_days     TEXT NOT NULL DEFAULT '',
  long_run_day      TEXT,
  facilities        TEXT NOT NULL DEFAULT '',
  health            TEXT NOT NULL DEFAULT ''
);
CREATE TABLE race_result (
  id         INTEGER PRIMARY KEY,
  athlete_id INTEGER NOT NULL REFERENCES athlete(id) ON DELETE CASCADE,
  distance_m REAL NOT NULL CHECK (distance_m > 0),
  time_s     REAL NOT NULL CHECK (time_s > 0),
  race_date  TEXT
);
)sql",
    // 2: imported activities, their laps, sessions and compressed sample columns.
    R"sql(
CREATE TABLE activity (
  id              INTEGER PRIMARY KEY,
  content_hash    TEXT NOT NULL UNIQUE,
  source_name     TEXT NOT NULL,
  format          TEXT NOT NULL CHECK (format IN ('fit', 'gpx', 'tcx')),
  sport           TEXT NOT NULL,
  sport_detail    TEXT NOT NULL DEFAULT '',
  start_ms        INTEGER NOT NULL,
  utc_offset_s    INTEGER,
  local_date      TEXT NOT NULL,
  name            TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  perceived_exertion REAL,
  is_race         INTEGER NOT NULL DEFAULT 0,
  device          TEXT NOT NULL DEFAULT '',
  distance_m      REAL,
  timer_s         REAL,
  elapsed_s       REAL,
  avg_heart_rate_bpm REAL,
  max_heart_rate_bpm REAL,
  record_count    INTEGER NOT NULL DEFAULT 0,
  salvaged        INTEGER NOT NULL DEFAULT 0,
  bytes_lost      INTEGER NOT NULL DEFAULT 0,
  external_id     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_by_date ON activity (local_date);
CREATE INDEX activity_by_start ON activity (start_ms);
CREATE TABLE activity_session (
  activity_id     INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  sport           TEXT NOT NULL,
  sport_detail    TEXT NOT NULL DEFAULT '',
  start_ms        INTEGER NOT NULL,
  total_distance_m REAL,
  total_timer_time_s REAL,
  total_elapsed_time_s REAL,
  avg_heart_rate_bpm REAL,
  max_heart_rate_bpm REAL,
  total_ascent_m  REAL,
  total_descent_m REAL,
  PRIMARY KEY (activity_id, idx)
);
CREATE TABLE activity_lap (
  activity_id     INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  start_ms        INTEGER NOT NULL,
  elapsed_s       REAL,
  timer_s         REAL,
  distance_m      REAL,
  avg_heart_rate_bpm REAL,
  max_heart_rate_bpm REAL,
  PRIMARY KEY (activity_id, idx)
);
CREATE TABLE activity_samples (
  activity_id     INTEGER PRIMARY KEY REFERENCES activity(id) ON DELETE CASCADE,
  channels        TEXT NOT NULL,
  sample_count    INTEGER NOT NULL,
  data            BLOB NOT NULL
);
)sql",
    // 3: training plans. Every change is a new version with its reason; the plan itself is stored as the
    // JSON document `stride plan show --json` prints, with the request that produced it.
    R"sql(
CREATE TABLE plan_version (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL UNIQUE,
  created_on      TEXT NOT NULL,
  reason          TEXT NOT NULL,
  race_date       TEXT NOT NULL,
  race_distance_m REAL NOT NULL,
  goal_time_s     REAL,
  request_json    TEXT NOT NULL,
  plan_json       TEXT NOT NULL
);
)sql",
    // 4: injuries, daily pain logs, and custom (physio) routines that can be pinned to an injury or to days.
    R"sql(
CREATE TABLE injury (
  id              INTEGER PRIMARY KEY,
  site            TEXT NOT NULL,
  side            TEXT CHECK (side IN ('left', 'right')),
  onset_date      TEXT NOT NULL,
  pain            INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  pain_at_rest    INTEGER CHECK (pain_at_rest BETWEEN 0 AND 10),
  pain_night      INTEGER NOT NULL DEFAULT 0,
  swelling        INTEGER NOT NULL DEFAULT 0,
  bone_tenderness INTEGER NOT NULL DEFAULT 0,
  cannot_bear_weight INTEGER NOT NULL DEFAULT 0,
  numbness        INTEGER NOT NULL DEFAULT 0,
  onset           TEXT CHECK (onset IN ('sudden', 'gradual')),
  notes           TEXT NOT NULL DEFAULT '',
  red_flags_cleared_on TEXT,
  resolved_on     TEXT
);
CREATE TABLE pain_log (
  id              INTEGER PRIMARY KEY,
  injury_id       INTEGER NOT NULL REFERENCES injury(id) ON DELETE CASCADE,
  log_date        TEXT NOT NULL,
  pain_during     INTEGER NOT NULL CHECK (pain_during BETWEEN 0 AND 10),
  pain_after      INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
  pain_next_morning INTEGER NOT NULL CHECK (pain_next_morning BETWEEN 0 AND 10),
  walk_min        REAL,
  hop_test        TEXT CHECK (hop_test IN ('pass', 'fail')),
  UNIQUE (injury_id, log_date)
);
CREATE TABLE custom_routine (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  file_name       TEXT NOT NULL,
  toml_text       TEXT NOT NULL,
  injury_id       INTEGER REFERENCES injury(id) ON DELETE SET NULL,
  mode            TEXT NOT NULL DEFAULT 'join' CHECK (mode IN ('join', 'replace')),
  days            TEXT NOT NULL DEFAULT ''
);
)sql",
    // 5: sessions and laps keyed by (activity_id, idx) alone (WITHOUT ROWID). The rowid tables also kept an
    // index of that key: two more b-tree pages written by every imported file, of ~12 (docs/storage.md).
    R"sql(
CREATE TABLE activity_session_v5 (
  activity_id     INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  sport           TEXT NOT NULL,
  sport_detail    TEXT NOT NULL DEFAULT '',
  start_ms        INTEGER NOT NULL,
  total_distance_m REAL,
  total_timer_time_s REAL,
  total_elapsed_time_s REAL,
  avg_heart_rate_bpm REAL,
  max_heart_rate_bpm REAL,
  total_ascent_m  REAL,
  total_descent_m REAL,
  PRIMARY KEY (activity_id, idx)
) WITHOUT ROWID;
INSERT INTO activity_session_v5 SELECT activity_id, idx, sport, sport_detail, start_ms, total_distance_m,
  total_timer_time_s, total_elapsed_time_s, avg_heart_rate_bpm, max_heart_rate_bpm, total_ascent_m,
  total_descent_m FROM activity_session;
DROP TABLE activity_session;
ALTER TABLE activity_session_v5 RENAME TO activity_session;
CREATE TABLE activity_lap_v5 (
  activity_id     INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
  idx             INTEGER NOT NULL,
  start_ms        INTEGER NOT NULL,
  elapsed_s       REAL,
  timer_s         REAL,
  distance_m      REAL,
  avg_heart_rate_bpm REAL,
  max_heart_rate_bpm REAL,
  PRIMARY KEY (activity_id, idx)
) WITHOUT ROWID;
INSERT INTO activity_lap_v5 SELECT activity_id, idx, start_ms, elapsed_s, timer_s, distance_m,
  avg_heart_rate_bpm, max_heart_rate_bpm FROM activity_lap;
DROP TABLE activity_lap;
ALTER TABLE activity_lap_v5 RENAME TO activity_lap;
)sql",
    // 6: no index by local date. No query used it (listing by date walks activity_by_start, bounded by start
    // time), yet every imported file wrote one of its pages (docs/storage.md).
    R"sql(
DROP INDEX activity_by_date;
)sql",
};

Status SetVersion(Database& db, int version) {
  auto stmt = db.Prepare("UPDATE schema_version SET version = ?1");
  if (!stmt) return Fail(stmt.error());
  return stmt->Bind(1, version).Run();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Result<int> SchemaVersion(Database& db) {
  auto exists = db.Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (!exists) return Fail(exists.error());
  auto row = exists->Step();
  if (!row) return Fail(row.error());
  if (exists->ColumnInt(0) == 0) {
    auto any = db.Prepare("SELECT count(*) FROM sqlite_master");
    if (!any) return Fail(any.error());
    if (auto r = any->Step(); !r) return Fail(r.error());
    if (any->ColumnInt(0) != 0) {
      return Fail(ErrorCode::kCorruptData, "this SQLite file is not a Stride database (no schema_version table)");
    }
    return 0;
  }
  auto stmt = db.Prepare("SELECT version FROM schema_version");
  if (!stmt) return Fail(stmt.error());
  auto has = stmt->Step();
  if (!has) return Fail(has.error());
  if (!*has) return Fail(ErrorCode::kCorruptData, "schema_version table is empty");
  return static_cast<int>(stmt->ColumnInt(0));
}

Status MigrateTo(Database& db, int target) {
  STRIDE_CHECK(target <= LatestSchemaVersion());
  auto current = SchemaVersion(db);
  if (!current) return Fail(current.error());
  if (*current > LatestSchemaVersion()) {
    return Fail(ErrorCode::kCorruptData,
                fmt::format("database schema version {} is newer than this stride knows ({}); upgrade stride",
                            *current, LatestSchemaVersion()));
  }
  for (int v = *current; v < target; ++v) {
    auto tx = Transaction::Begin(db);
    if (!tx) return Fail(tx.error());
    if (v == 0) {
      if (auto s = db.Exec("CREATE TABLE schema_version (version INTEGER NOT NULL);"
                           "INSERT INTO schema_version VALUES (0);");
          !s) {
        return s;
      }
    }
    if (auto s = db.Exec(kMigrations[static_cast<size_t>(v)]); !s) {
      return Fail(ErrorCode::kInternal, fmt::format("migration to version {} failed: {}", v + 1, s.error().message));
    }
    if (auto s = SetVersion(db, v + 1); !s) return s;
    if (auto s = tx->Commit(); !s) return s;
  }
  return Ok();
}

Status Migrate(Database& db) { return MigrateTo(db, LatestSchemaVersion()); }

}  // namespace stride::store
