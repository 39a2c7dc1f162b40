// SPDX-License-Identifier: MIT
// Injury and rehab use cases (injury.h): store rows <-> care values, transactions, and the rehab report.
// Commands that change an injury re-plan the saved plan in their own transaction (plan_injury.h).
#include "app/injury.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/plan_injury.h"
#include "care/catalogue.h"
#include "care/custom_routine.h"
#include "store/database.h"
#include "store/injury_repository.h"

namespace stride::app {
namespace {

using core::ErrorCode;

store::InjuryRow ToRow(const care::Injury& i) {
  store::InjuryRow r;
  r.id = i.id;
  r.site = care::InjurySiteName(i.site);
  if (i.side) r.side = care::SideName(*i.side);
  r.onset_date = i.onset_date;
  r.pain = i.pain;
  r.pain_at_rest = i.pain_at_rest;
  r.pain_night = i.pain_night;
  r.swelling = i.swelling;
  r.bone_tenderness = i.bone_tenderness;
  r.cannot_bear_weight = i.cannot_bear_weight;
  r.numbness = i.numbness;
  if (i.onset) r.onset = care::OnsetName(*i.onset);
  r.notes = i.notes;
  r.red_flags_cleared_on = i.red_flags_cleared_on;
  r.resolved_on = i.resolved_on;
  return r;
}

// Parses a persisted name; a name this binary does not know is corrupt data.
template <class T, class ParseFn>
Result<std::optional<T>> ParseStored(const std::optional<std::string>& text, ParseFn parse, int64_t id) {
  if (!text) return std::optional<T>();
  auto value = parse(*text);
  if (!value) return Fail(ErrorCode::kCorruptData, value.error().message, fmt::format("injury/{}", id));
  return std::optional<T>(*value);
}

Result<care::Injury> FromRow(const store::InjuryRow& r) {
  care::Injury i;
  i.id = r.id;
  auto site = ParseStored<care::InjurySite>(r.site, care::ParseInjurySite, r.id);
  if (!site) return Fail(site.error());
  i.site = **site;
  auto side = ParseStored<care::Side>(r.side, care::ParseSide, r.id);
  if (!side) return Fail(side.error());
  i.side = *side;
  auto onset = ParseStored<care::Onset>(r.onset, care::ParseOnset, r.id);
  if (!onset) return Fail(onset.error());
  i.onset = *onset;
  i.onset_date = r.onset_date;
  i.pain = r.pain;
  i.pain_at_rest = r.pain_at_rest;
  i.pain_night = r.pain_night;
  i.swelling = r.swelling;
  i.bone_tenderness = r.bone_tenderness;
  i.cannot_bear_weight = r.cannot_bear_weight;
  i.numbness = r.numbness;
  i.notes = r.notes;
  i.red_flags_cleared_on = r.red_flags_cleared_on;
  i.resolved_on = r.resolved_on;
  return i;
}

Result<std::vector<care::PainLog>> LoadLogs(store::Database& db, int64_t injury_id) {
  auto rows = store::ListPainLogs(db, injury_id);
  if (!rows) return Fail(rows.error());
  std::vector<care::PainLog> out;
  for (const store::PainLogRow& r : *rows) {
    care::PainLog log{r.injury_id, r.log_date, r.pain_during, r.pain_after, r.pain_next_morning, r.walk_min, {}};
    auto hop = ParseStored<care::HopTest>(r.hop_test, care::ParseHopTest, injury_id);
    if (!hop) return Fail(hop.error());
    log.hop_test = *hop;
    out.push_back(log);
  }
  return out;
}

Result<care::Injury> LoadInjuryValue(store::Database& db, int64_t id) {
  auto row = store::LoadInjury(db, id);
  if (!row) return Fail(row.error());
  if (!*row) return Fail(ErrorCode::kNotFound, fmt::format("no injury with id {} (see stride injury list)", id), "injury");
  return FromRow(**row);
}

Result<std::vector<care::Injury>> LoadAllInjuries(store::Database& db) {
  auto rows = store::ListInjuries(db);
  if (!rows) return Fail(rows.error());
  std::vector<care::Injury> out;
  for (const store::InjuryRow& r : *rows) {
    auto injury = FromRow(r);
    if (!injury) return Fail(injury.error());
    out.push_back(std::move(*injury));
  }
  return out;
}

// The injury a log is for: the one named, else the only one active on the log's date.
Result<care::Injury> InjuryForLog(store::Database& db, const LogPainRequest& request) {
  if (request.injury_id) return LoadInjuryValue(db, *request.injury_id);
  auto all = LoadAllInjuries(db);
  if (!all) return Fail(all.error());
  std::vector<care::Injury> active;
  for (care::Injury& i : *all) {
    if (i.ActiveOn(request.log.date)) active.push_back(std::move(i));
  }
  if (active.empty()) {
    return Fail(ErrorCode::kNotFound, "no active injury on " + core::FormatDate(request.log.date) +
                                          ": record one with stride injury add", "--injury");
  }
  if (active.size() > 1) {
    std::string ids;
    for (const care::Injury& i : active) ids += fmt::format("{}{} ({})", ids.empty() ? "" : ", ", i.id, care::InjurySiteName(i.site));
    return Fail(ErrorCode::kInvalidArgument, "several injuries are active: choose one of " + ids, "--injury");
  }
  return active.front();
}

// The custom routines pinned to an injury, parsed against the catalogue; one that no longer parses is
// skipped with a note rather than failing the whole report.
std::vector<care::AttachedRoutine> LoadPinned(store::Database& db, int64_t injury_id, std::vector<std::string>& names,
                                              std::vector<care::Note>& notes) {
  std::vector<care::AttachedRoutine> out;
  auto rows = store::ListInjuryRoutines(db, injury_id);
  if (!rows) {
    notes.push_back({"custom routines could not be read: " + rows.error().ToString(), ""});
    return out;
  }
  for (const store::InjuryRoutineRow& r : *rows) {
    names.push_back(r.name);
    auto routine = care::ParseCustomRoutine(r.toml_text, r.file_name, care::BuiltinCatalogue());
    if (!routine) {
      notes.push_back({fmt::format("custom routine {} skipped: {}", r.name, routine.error().ToString()), ""});
      continue;
    }
    out.push_back({std::move(*routine), r.replace});
  }
  return out;
}

Result<InjuryRehab> BuildInjuryRehab(store::Database& db, care::Injury injury, core::Date today) {
  InjuryRehab out;
  auto logs = LoadLogs(db, injury.id);
  if (!logs) return Fail(logs.error());
  out.logs = std::move(*logs);
  out.state = care::ComputeRehab(injury, out.logs, today);
  out.outlook = care::ProjectRehab(injury, out.logs, today);
  std::vector<care::Note> notes;
  const auto pinned = LoadPinned(db, injury.id, out.pinned_routines, notes);
  auto routine = care::BuildRehabRoutine(out.state, injury, care::BuiltinCatalogue(), pinned);
  if (!routine) return Fail(routine.error());
  out.routine = std::move(*routine);
  out.routine.notes.insert(out.routine.notes.end(), notes.begin(), notes.end());
  out.injury = std::move(injury);
  return out;
}

// The return schedule before a command changes an injury, for the re-plan hook (app/plan_injury.h).
Result<std::optional<plan::ReturnSchedule>> ScheduleBefore(store::Database& db, core::Date date) {
  auto outlook = LoadInjuryOutlook(db, date);
  if (!outlook) return Fail(outlook.error());
  return std::move(outlook->schedule);
}

// Smaller is more restrictive: active red flags first, then the earliest stage and phase.
int Restriction(const care::RehabState& s) {
  if (!s.red_flags.empty()) return 0;
  return static_cast<int>(s.stage) * 10 + s.return_phase;
}

}  // namespace

Result<InjuryAdded> AddInjury(store::Database& db, care::Injury injury) {
  if (auto s = care::ValidateInjury(injury); !s) return Fail(s.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto before = ScheduleBefore(db, injury.onset_date);
  if (!before) return Fail(before.error());
  auto id = store::InsertInjury(db, ToRow(injury));
  if (!id) return Fail(id.error());
  injury.id = *id;
  const std::string cause = fmt::format("injury {} added", InjuryLabel(injury));
  auto reaction = ReplanIfOutlookChanged(db, *before, injury.onset_date, cause);
  if (!reaction) return Fail(reaction.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  care::RehabState state = care::ComputeRehab(injury, {}, injury.onset_date);
  return InjuryAdded{InjuryStatus{std::move(injury), std::move(state)}, std::move(*reaction)};
}

Result<PainLogged> LogPain(store::Database& db, const LogPainRequest& request) {
  if (auto s = care::ValidatePainLog(request.log); !s) return Fail(s.error());
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto injury = InjuryForLog(db, request);
  if (!injury) return Fail(injury.error());
  if (request.log.date < injury->onset_date) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the log is dated before the injury began ({})", core::FormatDate(injury->onset_date)), "--date");
  }
  auto before = ScheduleBefore(db, request.log.date);
  if (!before) return Fail(before.error());
  store::PainLogRow row{injury->id, request.log.date, request.log.pain_during, request.log.pain_after,
                        request.log.pain_next_morning, request.log.walk_min, std::nullopt};
  if (request.log.hop_test) row.hop_test = care::HopTestName(*request.log.hop_test);
  auto replaced = store::UpsertPainLog(db, row);
  if (!replaced) return Fail(replaced.error());
  auto logs = LoadLogs(db, injury->id);
  if (!logs) return Fail(logs.error());
  const std::string cause = fmt::format("pain log of {} for injury {}", core::FormatDate(request.log.date),
                                        InjuryLabel(*injury));
  auto reaction = ReplanIfOutlookChanged(db, *before, request.log.date, cause);
  if (!reaction) return Fail(reaction.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  care::RehabState state = care::ComputeRehab(*injury, *logs, request.log.date);
  return PainLogged{InjuryStatus{std::move(*injury), std::move(state)}, *replaced, std::move(*reaction)};
}

Result<std::vector<InjuryStatus>> ListInjuries(store::Database& db, core::Date today) {
  auto all = LoadAllInjuries(db);
  if (!all) return Fail(all.error());
  std::vector<InjuryStatus> out;
  for (care::Injury& injury : *all) {
    auto logs = LoadLogs(db, injury.id);
    if (!logs) return Fail(logs.error());
    care::RehabState state = care::ComputeRehab(injury, *logs, today);
    out.push_back({std::move(injury), std::move(state)});
  }
  return out;
}

Result<InjuryRehab> ShowInjury(store::Database& db, int64_t id, core::Date today) {
  auto injury = LoadInjuryValue(db, id);
  if (!injury) return Fail(injury.error());
  return BuildInjuryRehab(db, std::move(*injury), today);
}

Result<InjuryUpdated> ResolveInjury(store::Database& db, int64_t id, core::Date date) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto injury = LoadInjuryValue(db, id);
  if (!injury) return Fail(injury.error());
  if (date < injury->onset_date) {
    return Fail(ErrorCode::kInvalidArgument, "an injury cannot be resolved before it began", "--date");
  }
  auto before = ScheduleBefore(db, date);
  if (!before) return Fail(before.error());
  if (auto s = store::SetInjuryResolved(db, id, date); !s) return Fail(s.error());
  const std::string cause = fmt::format("injury {} resolved on {}", InjuryLabel(*injury), core::FormatDate(date));
  auto reaction = ReplanIfOutlookChanged(db, *before, date, cause);
  if (!reaction) return Fail(reaction.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  injury->resolved_on = date;
  return InjuryUpdated{std::move(*injury), std::move(*reaction)};
}

Result<InjuryUpdated> ClearRedFlags(store::Database& db, int64_t id, core::Date date) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  auto injury = LoadInjuryValue(db, id);
  if (!injury) return Fail(injury.error());
  auto before = ScheduleBefore(db, date);
  if (!before) return Fail(before.error());
  if (auto s = store::SetRedFlagsCleared(db, id, date); !s) return Fail(s.error());
  const std::string cause =
      fmt::format("red flags of injury {} cleared on {}", InjuryLabel(*injury), core::FormatDate(date));
  auto reaction = ReplanIfOutlookChanged(db, *before, date, cause);
  if (!reaction) return Fail(reaction.error());
  if (auto s = tx->Commit(); !s) return Fail(s.error());
  injury->red_flags_cleared_on = date;
  return InjuryUpdated{std::move(*injury), std::move(*reaction)};
}

Status AttachRoutineToInjury(store::Database& db, std::string_view routine_name, int64_t injury_id, bool replace) {
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto injury = LoadInjuryValue(db, injury_id); !injury) return Fail(injury.error());
  auto pinned = store::PinCustomRoutineToInjury(db, routine_name, injury_id, replace);
  if (!pinned) return Fail(pinned.error());
  if (!*pinned) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no custom routine named '{}': add it first with stride routine add FILE.toml", routine_name),
                "routine");
  }
  return tx->Commit();
}

Result<RehabReport> ComputeRehabReport(store::Database& db, core::Date today) {
  RehabReport report;
  report.date = today;
  auto all = LoadAllInjuries(db);
  if (!all) return Fail(all.error());
  std::vector<InjuryRehab> active;
  for (care::Injury& injury : *all) {
    if (!injury.ActiveOn(today)) continue;
    auto rehab = BuildInjuryRehab(db, std::move(injury), today);
    if (!rehab) return Fail(rehab.error());
    active.push_back(std::move(*rehab));
  }
  std::stable_sort(active.begin(), active.end(), [](const InjuryRehab& a, const InjuryRehab& b) {
    return Restriction(a.state) < Restriction(b.state);
  });
  if (active.empty()) return report;
  report.primary = std::move(active.front());
  report.others.assign(std::make_move_iterator(active.begin() + 1), std::make_move_iterator(active.end()));
  return report;
}

}  // namespace stride::app
