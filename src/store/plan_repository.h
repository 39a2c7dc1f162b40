// SPDX-License-Identifier: MIT
// Stores training-plan versions (table plan_version): every new or adapted plan is a new version with
// its reason, the request that produced it and the plan itself as JSON (plan_codec.h).
#ifndef STRIDE_STORE_PLAN_REPOSITORY_H_
#define STRIDE_STORE_PLAN_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "plan/generator.h"
#include "plan/plan.h"

namespace stride::store {

class Database;

struct PlanVersion {
  int version = 0;  // 1, 2, ... in the order saved
  core::Date created_on;
  std::string reason;          // e.g. "new plan", or what changed and how it was re-planned
  plan::PlanRequest request;   // the athlete is not stored (left default on load)
  plan::Plan plan;
};

/// A version without its plan, for the history list.
struct PlanVersionSummary {
  int version = 0;
  core::Date created_on;
  std::string reason;
  core::Date race_date;
  double race_distance_m = 0;
  std::optional<double> goal_time_s;
};

/// Saves `version` as the next version (the stored maximum + 1; `version.version` is ignored) and returns
/// that number. Runs in the caller's transaction. Fails with kIoError.
Result<int> SavePlanVersion(Database& db, const PlanVersion& version);

/// The latest version; nullopt when no plan was ever made. kCorruptData when the stored JSON is unreadable.
Result<std::optional<PlanVersion>> LoadLatestPlanVersion(Database& db);

/// Every version, oldest first, without the plans.
Result<std::vector<PlanVersionSummary>> ListPlanVersions(Database& db);

}  // namespace stride::store

#endif  // STRIDE_STORE_PLAN_REPOSITORY_H_
