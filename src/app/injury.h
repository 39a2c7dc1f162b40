// SPDX-License-Identifier: MIT
// Use cases for injuries and rehab (`stride injury ...`, `stride rehab`): record an injury and daily pain,
// resolve it, clear red flags, pin a physio routine, and work out today's stage, routine and outlook.
// Orchestration only: the stage rules are care/rehab.h, the SQL store/injury_repository.h. Each call that
// writes runs in one transaction.
#ifndef STRIDE_APP_INJURY_H_
#define STRIDE_APP_INJURY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/plan_injury.h"
#include "care/injury.h"
#include "care/rehab.h"
#include "care/rehab_routine.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// An injury as stored, with its stage on the day asked.
struct InjuryStatus {
  care::Injury injury;
  care::RehabState state;
};

/// A new injury with its stage on the onset day, and what recording it did to the saved plan.
struct InjuryAdded {
  InjuryStatus status;
  PlanReaction plan;
};

/// An injury after `resolve` or `clear-flags`, and what that did to the saved plan.
struct InjuryUpdated {
  care::Injury injury;
  PlanReaction plan;
};

/// Validates and stores a new injury (its id is ignored and assigned). Returns it with its stage on the
/// onset day. Fails with kInvalidArgument for a pain outside 0-10 (where = the option), kIoError.
Result<InjuryAdded> AddInjury(store::Database& db, care::Injury injury);

struct LogPainRequest {
  std::optional<int64_t> injury_id;  // default: the only injury active on log.date
  care::PainLog log;                 // injury_id inside is ignored
};

struct PainLogged {
  InjuryStatus status;  // the stage on the log's date, after this log
  bool replaced = false;  // an earlier log for the same injury and date was replaced
  PlanReaction plan;      // what the log did to the saved plan
};

/// Stores one day's pain log, replacing an earlier one for the same injury and date. Fails with
/// kInvalidArgument for pain outside 0-10, a date before the injury's onset (where "--date"), or several
/// active injuries and no injury_id (the message lists their ids; where "--injury"); kNotFound when no
/// injury is active or injury_id names none.
Result<PainLogged> LogPain(store::Database& db, const LogPainRequest& request);

/// Every injury, oldest first, each with its stage on `today`.
Result<std::vector<InjuryStatus>> ListInjuries(store::Database& db, core::Date today);

/// One injury in full: its logs, stage, today's routine and the outlook for the plan.
struct InjuryRehab {
  care::Injury injury;
  std::vector<care::PainLog> logs;
  care::RehabState state;
  care::RehabRoutine routine;
  care::RehabOutlook outlook;
  std::vector<std::string> pinned_routines;  // custom routine names pinned to the injury
};

/// The injury `id` on `today`. Fails with kNotFound when there is none.
Result<InjuryRehab> ShowInjury(store::Database& db, int64_t id, core::Date today);

/// Marks the injury resolved on `date`. kNotFound when there is none; kInvalidArgument before onset.
Result<InjuryUpdated> ResolveInjury(store::Database& db, int64_t id, core::Date date);

/// Records that a clinician cleared the red flags on `date` (red_flags_cleared_on). kNotFound as above.
Result<InjuryUpdated> ClearRedFlags(store::Database& db, int64_t id, core::Date date);

/// Pins the stored custom routine `routine_name` (added with `stride routine add`) to an injury: it joins
/// the stage's routine, or replaces it when `replace`. Fails with kNotFound when the injury or the
/// routine does not exist (the message says how to add it).
Status AttachRoutineToInjury(store::Database& db, std::string_view routine_name, int64_t injury_id, bool replace);

/// `stride rehab`: the most restrictive active injury (red flags first, then the earliest stage) as
/// `primary`, the other active ones in `others`. primary is empty when no injury is active (stage none).
struct RehabReport {
  core::Date date;
  std::optional<InjuryRehab> primary;
  std::vector<InjuryRehab> others;
};

/// Builds the rehab report for `today`. Fails with kIoError or kCorruptData (a stored value unknown).
Result<RehabReport> ComputeRehabReport(store::Database& db, core::Date today);

}  // namespace stride::app

#endif  // STRIDE_APP_INJURY_H_
