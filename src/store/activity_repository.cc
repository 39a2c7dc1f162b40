// SPDX-License-Identifier: MIT
#include "store/activity_repository.h"

#include <fmt/format.h>

#include <cmath>

#include "store/database.h"
#include "store/sample_codec.h"

namespace stride::store {
namespace {

using core::ErrorCode;

int64_t Millis(core::Timestamp t) { return t.time_since_epoch().count(); }
core::Timestamp FromMillis(int64_t ms) { return core::Timestamp(std::chrono::milliseconds(ms)); }

// NaN is stored as NULL.
Statement& BindNumber(Statement& s, int index, double v) { return std::isnan(v) ? s.BindNull(index) : s.Bind(index, v); }
double ColumnNumber(const Statement& s, int column) { return s.IsNull(column) ? core::kNaN : s.ColumnDouble(column); }

// Sport families for duplicate detection: runs match runs, rides match rides.
int SportFamily(core::Sport s) {
  if (core::IsRun(s)) return 0;
  if (s == core::Sport::kWalking || s == core::Sport::kHiking) return 1;
  return 2 + static_cast<int>(s);
}

constexpr const char* kInsertSessionSql =
    "INSERT INTO activity_session (activity_id, idx, sport, sport_detail, start_ms, total_distance_m, "
    "total_timer_time_s, total_elapsed_time_s, avg_heart_rate_bpm, max_heart_rate_bpm, total_ascent_m, "
    "total_descent_m) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr const char* kInsertLapSql =
    "INSERT INTO activity_lap (activity_id, idx, start_ms, elapsed_s, timer_s, distance_m, avg_heart_rate_bpm, "
    "max_heart_rate_bpm) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kInsertSamplesSql =
    "INSERT INTO activity_samples (activity_id, channels, sample_count, data) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertActivitySql =
    "INSERT INTO activity (content_hash, source_name, format, sport, sport_detail, start_ms, utc_offset_s, "
    "local_date, name, description, perceived_exertion, device, distance_m, timer_s, elapsed_s, "
    "avg_heart_rate_bpm, max_heart_rate_bpm, record_count, salvaged, bytes_lost, external_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
constexpr const char* kFindByHashSql = "SELECT id FROM activity WHERE content_hash = ?1";
constexpr const char* kFindNearSql =
    "SELECT id, sport FROM activity WHERE start_ms BETWEEN ?1 AND ?2 ORDER BY abs(start_ms - ?3)";

// `slot`, prepared on first use and reset (bindings cleared) on every later use.
Result<Statement*> Reuse(Database& db, std::optional<Statement>& slot, const char* sql) {
  if (slot) {
    slot->Reset();
    return &*slot;
  }
  auto prepared = db.Prepare(sql);
  if (!prepared) return Fail(prepared.error());
  slot.emplace(std::move(*prepared));
  return &*slot;
}

Status InsertSession(Statement& st, int64_t id, size_t i, const core::SessionSummary& s) {
  st.Reset();
  st.Bind(1, id).Bind(2, static_cast<int64_t>(i)).Bind(3, std::string_view(core::SportName(s.sport)));
  st.Bind(4, s.sport_detail).Bind(5, Millis(s.start_time));
  BindNumber(st, 6, s.total_distance_m);
  BindNumber(st, 7, s.total_timer_time_s);
  BindNumber(st, 8, s.total_elapsed_time_s);
  BindNumber(st, 9, s.avg_heart_rate_bpm);
  BindNumber(st, 10, s.max_heart_rate_bpm);
  BindNumber(st, 11, s.total_ascent_m);
  BindNumber(st, 12, s.total_descent_m);
  return st.Run();
}

Status InsertLap(Statement& st, int64_t id, size_t i, const core::Lap& l) {
  st.Reset();
  st.Bind(1, id).Bind(2, static_cast<int64_t>(i)).Bind(3, Millis(l.start_time));
  BindNumber(st, 4, l.elapsed_s);
  BindNumber(st, 5, l.timer_s);
  BindNumber(st, 6, l.distance_m);
  BindNumber(st, 7, l.avg_heart_rate_bpm);
  BindNumber(st, 8, l.max_heart_rate_bpm);
  return st.Run();
}

void BindSummary(Statement& s, const core::Activity& a, std::string_view content_hash, std::string_view source_name,
                 std::string_view external_id) {
  s.Bind(1, content_hash).Bind(2, source_name).Bind(3, std::string_view(core::FileFormatName(a.format)));
  s.Bind(4, std::string_view(core::SportName(a.sport))).Bind(5, a.sport_detail).Bind(6, Millis(a.start_time));
  if (a.utc_offset_s) s.Bind(7, static_cast<int64_t>(*a.utc_offset_s));
  else s.BindNull(7);
  s.Bind(8, core::FormatDate(a.LocalStartDate())).Bind(9, a.name).Bind(10, a.description);
  s.Bind(11, a.perceived_exertion).Bind(12, a.device);
  BindNumber(s, 13, a.distance_m);
  BindNumber(s, 14, a.timer_s);
  BindNumber(s, 15, a.elapsed_s);
  BindNumber(s, 16, a.avg_heart_rate_bpm);
  BindNumber(s, 17, a.max_heart_rate_bpm);
  s.Bind(18, static_cast<int64_t>(a.record_count)).Bind(19, a.salvaged ? 1 : 0);
  s.Bind(20, static_cast<int64_t>(a.bytes_lost)).Bind(21, external_id);
}

constexpr const char* kSummaryColumns =
    "id, source_name, format, sport, sport_detail, start_ms, utc_offset_s, name, description, perceived_exertion, "
    "is_race, device, distance_m, timer_s, elapsed_s, avg_heart_rate_bpm, max_heart_rate_bpm, record_count, "
    "salvaged, bytes_lost, external_id";

Result<StoredActivity> ReadSummary(const Statement& s) {
  StoredActivity out;
  out.id = s.ColumnInt(0);
  out.source_name = s.ColumnText(1);
  core::Activity& a = out.activity;
  std::string format = s.ColumnText(2);
  a.format = format == "gpx" ? core::FileFormat::kGpx : format == "tcx" ? core::FileFormat::kTcx : core::FileFormat::kFit;
  auto sport = core::ParseSport(s.ColumnText(3));
  if (!sport) return Fail(ErrorCode::kCorruptData, "stored sport is unknown", fmt::format("activities/{}", out.id));
  a.sport = *sport;
  a.sport_detail = s.ColumnText(4);
  a.start_time = FromMillis(s.ColumnInt(5));
  if (!s.IsNull(6)) a.utc_offset_s = static_cast<int32_t>(s.ColumnInt(6));
  a.name = s.ColumnText(7);
  a.description = s.ColumnText(8);
  a.perceived_exertion = s.ColumnOptionalDouble(9);
  out.is_race = s.ColumnInt(10) != 0;
  a.device = s.ColumnText(11);
  a.distance_m = ColumnNumber(s, 12);
  a.timer_s = ColumnNumber(s, 13);
  a.elapsed_s = ColumnNumber(s, 14);
  a.avg_heart_rate_bpm = ColumnNumber(s, 15);
  a.max_heart_rate_bpm = ColumnNumber(s, 16);
  a.record_count = static_cast<uint64_t>(s.ColumnInt(17));
  a.salvaged = s.ColumnInt(18) != 0;
  a.bytes_lost = static_cast<uint64_t>(s.ColumnInt(19));
  out.external_id = s.ColumnText(20);
  return out;
}

Status LoadChildren(Database& db, StoredActivity* out, bool with_samples) {
  core::Activity& a = out->activity;
  auto sessions = db.Prepare(
      "SELECT sport, sport_detail, start_ms, total_distance_m, total_timer_time_s, total_elapsed_time_s, "
      "avg_heart_rate_bpm, max_heart_rate_bpm, total_ascent_m, total_descent_m FROM activity_session "
      "WHERE activity_id = ?1 ORDER BY idx");
  if (!sessions) return Fail(sessions.error());
  sessions->Bind(1, out->id);
  while (true) {
    auto row = sessions->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    core::SessionSummary s;
    s.sport = core::ParseSport(sessions->ColumnText(0)).value_or(core::Sport::kOther);
    s.sport_detail = sessions->ColumnText(1);
    s.start_time = FromMillis(sessions->ColumnInt(2));
    s.total_distance_m = ColumnNumber(*sessions, 3);
    s.total_timer_time_s = ColumnNumber(*sessions, 4);
    s.total_elapsed_time_s = ColumnNumber(*sessions, 5);
    s.avg_heart_rate_bpm = ColumnNumber(*sessions, 6);
    s.max_heart_rate_bpm = ColumnNumber(*sessions, 7);
    s.total_ascent_m = ColumnNumber(*sessions, 8);
    s.total_descent_m = ColumnNumber(*sessions, 9);
    a.sessions.push_back(s);
  }
  auto laps = db.Prepare(
      "SELECT start_ms, elapsed_s, timer_s, distance_m, avg_heart_rate_bpm, max_heart_rate_bpm FROM activity_lap "
      "WHERE activity_id = ?1 ORDER BY idx");
  if (!laps) return Fail(laps.error());
  laps->Bind(1, out->id);
  while (true) {
    auto row = laps->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    a.laps.push_back({FromMillis(laps->ColumnInt(0)), ColumnNumber(*laps, 1), ColumnNumber(*laps, 2),
                      ColumnNumber(*laps, 3), ColumnNumber(*laps, 4), ColumnNumber(*laps, 5)});
  }
  if (!with_samples) return Ok();
  auto samples = db.Prepare("SELECT channels, sample_count, data FROM activity_samples WHERE activity_id = ?1");
  if (!samples) return Fail(samples.error());
  samples->Bind(1, out->id);
  auto row = samples->Step();
  if (!row) return Fail(row.error());
  if (!*row) return Ok();
  EncodedSamples enc{samples->ColumnText(0), static_cast<uint64_t>(samples->ColumnInt(1)), samples->ColumnBlob(2)};
  return DecodeSamples(enc, &a);
}

}  // namespace

struct ActivityWriter::Statements {
  std::optional<Statement> find_by_hash, find_near, activity, session, lap, samples;
};

ActivityWriter::ActivityWriter(Database& db) : db_(&db), statements_(std::make_unique<Statements>()) {}
ActivityWriter::ActivityWriter(ActivityWriter&&) noexcept = default;
ActivityWriter& ActivityWriter::operator=(ActivityWriter&&) noexcept = default;
ActivityWriter::~ActivityWriter() = default;

Result<std::optional<int64_t>> ActivityWriter::FindByHash(std::string_view content_hash) {
  auto s = Reuse(*db_, statements_->find_by_hash, kFindByHashSql);
  if (!s) return Fail(s.error());
  (*s)->Bind(1, content_hash);
  auto row = (*s)->Step();
  if (!row) return Fail(row.error());
  std::optional<int64_t> id;
  if (*row) id = (*s)->ColumnInt(0);
  (*s)->Reset();  // ends the read, so the statement holds no snapshot between files
  return id;
}

Result<std::optional<int64_t>> ActivityWriter::FindNear(core::Timestamp start, core::Sport sport, int window_s) {
  auto s = Reuse(*db_, statements_->find_near, kFindNearSql);
  if (!s) return Fail(s.error());
  const int64_t ms = Millis(start);
  const int64_t window_ms = int64_t{window_s} * 1000;
  (*s)->Bind(1, ms - window_ms).Bind(2, ms + window_ms).Bind(3, ms);
  std::optional<int64_t> found;
  while (!found) {
    auto row = (*s)->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto other = core::ParseSport((*s)->ColumnText(1));
    if (other && SportFamily(*other) == SportFamily(sport)) found = (*s)->ColumnInt(0);
  }
  (*s)->Reset();
  return found;
}

Result<int64_t> ActivityWriter::Insert(const core::Activity& a, std::string_view content_hash,
                                       std::string_view source_name, std::string_view external_id,
                                       const EncodedSamples* samples) {
  auto s = Reuse(*db_, statements_->activity, kInsertActivitySql);
  if (!s) return Fail(s.error());
  BindSummary(**s, a, content_hash, source_name, external_id);
  if (auto r = (*s)->Run(); !r) return Fail(r.error());
  const int64_t id = db_->LastInsertId();
  if (!a.sessions.empty()) {
    auto st = Reuse(*db_, statements_->session, kInsertSessionSql);
    if (!st) return Fail(st.error());
    for (size_t i = 0; i < a.sessions.size(); ++i) {
      if (auto r = InsertSession(**st, id, i, a.sessions[i]); !r) return Fail(r.error());
    }
  }
  if (!a.laps.empty()) {
    auto st = Reuse(*db_, statements_->lap, kInsertLapSql);
    if (!st) return Fail(st.error());
    for (size_t i = 0; i < a.laps.size(); ++i) {
      if (auto r = InsertLap(**st, id, i, a.laps[i]); !r) return Fail(r.error());
    }
  }
  if (samples == nullptr && a.samples.empty()) return id;
  EncodedSamples local;
  if (samples == nullptr) local = EncodeSamples(a);
  const EncodedSamples& enc = samples != nullptr ? *samples : local;
  auto st = Reuse(*db_, statements_->samples, kInsertSamplesSql);
  if (!st) return Fail(st.error());
  (*st)->Bind(1, id).Bind(2, enc.channels).Bind(3, static_cast<int64_t>(enc.count));
  (*st)->BindBlob(4, enc.blob.data(), enc.blob.size());
  if (auto r = (*st)->Run(); !r) return Fail(r.error());
  return id;
}

Result<std::optional<int64_t>> FindActivityByHash(Database& db, std::string_view content_hash) {
  return ActivityWriter(db).FindByHash(content_hash);
}

Result<std::optional<int64_t>> FindActivityNear(Database& db, core::Timestamp start, core::Sport sport, int window_s) {
  return ActivityWriter(db).FindNear(start, sport, window_s);
}

Result<int64_t> InsertActivity(Database& db, const core::Activity& a, std::string_view content_hash,
                               std::string_view source_name, std::string_view external_id) {
  return ActivityWriter(db).Insert(a, content_hash, source_name, external_id);
}

Result<std::vector<StoredActivity>> ListActivities(Database& db, std::optional<core::Date> from, std::optional<core::Date> to) {
  // A local date is within a day of the UTC one (offsets are under 24 h: FIT's are checked to 18 h, ISO
  // 8601's are under 24 h), so the start times from a day before `from` to a day after `to` hold every
  // activity of those dates: a range of the start_ms index, then the exact test on local_date.
  constexpr int64_t kDayMs = 24 * 3600 * 1000;
  auto day_start_ms = [](core::Date d) { return d.days_since_epoch() * kDayMs; };
  std::string where = "1";
  if (from) where += " AND start_ms >= ?1 AND local_date >= ?2";
  if (to) where += " AND start_ms < ?3 AND local_date <= ?4";
  auto s = db.Prepare(fmt::format("SELECT {} FROM activity WHERE {} ORDER BY start_ms, id", kSummaryColumns, where));
  if (!s) return Fail(s.error());
  if (from) s->Bind(1, day_start_ms(*from) - kDayMs).Bind(2, core::FormatDate(*from));
  if (to) s->Bind(3, day_start_ms(*to) + 2 * kDayMs).Bind(4, core::FormatDate(*to));
  std::vector<StoredActivity> out;
  while (true) {
    auto row = s->Step();
    if (!row) return Fail(row.error());
    if (!*row) break;
    auto a = ReadSummary(*s);
    if (!a) return Fail(a.error());
    out.push_back(std::move(*a));
  }
  return out;
}

Result<StoredActivity> LoadActivity(Database& db, int64_t id, bool with_samples) {
  auto s = db.Prepare(fmt::format("SELECT {} FROM activity WHERE id = ?1", kSummaryColumns));
  if (!s) return Fail(s.error());
  s->Bind(1, id);
  auto row = s->Step();
  if (!row) return Fail(row.error());
  if (!*row) {
    return Fail(ErrorCode::kNotFound, fmt::format("no activity {}; see 'stride activities' for the ids", id));
  }
  auto a = ReadSummary(*s);
  if (!a) return a;
  if (auto r = LoadChildren(db, &*a, with_samples); !r) return Fail(r.error());
  return a;
}

namespace {
Status UpdateOne(Database& db, std::string_view sql, int64_t id, double value) {
  auto s = db.Prepare(sql);
  if (!s) return Fail(s.error());
  s->Bind(1, value).Bind(2, id);
  if (auto r = s->Run(); !r) return r;
  if (db.Changes() == 0) {
    return Fail(ErrorCode::kNotFound, fmt::format("no activity {}; see 'stride activities' for the ids", id));
  }
  return Ok();
}
}  // namespace

Status SetPerceivedExertion(Database& db, int64_t id, double rpe) {
  return UpdateOne(db, "UPDATE activity SET perceived_exertion = ?1 WHERE id = ?2", id, rpe);
}

Status SetRace(Database& db, int64_t id, bool is_race) {
  return UpdateOne(db, "UPDATE activity SET is_race = ?1 WHERE id = ?2", id, is_race ? 1.0 : 0.0);
}

}  // namespace stride::store
