// SPDX-License-Identifier: MIT
// Use case `stride today`: the day's sessions from the latest plan, with the care prescription around
// them (warm-up, cool-down, mobility, strength, recovery and notes; care/prescription.h).
#ifndef STRIDE_APP_TODAY_H_
#define STRIDE_APP_TODAY_H_

#include <optional>
#include <string>
#include <vector>

#include "care/prescription.h"
#include "core/athlete.h"
#include "core/date.h"
#include "core/result.h"
#include "plan/plan.h"

namespace stride::store {
class Database;
}

namespace stride::app {

struct TodayReport {
  core::Date date;
  core::Athlete athlete;
  bool has_plan = false;
  std::vector<plan::Session> sessions;  // today's; one rest session when there is no plan or no day
  std::vector<plan::Session> tomorrow;
  std::optional<int> days_to_race;      // nullopt without a plan
  std::optional<plan::Phase> phase;     // the week's phase, when the day is in the plan
  std::optional<int> week_number;       // 1-based, when the day is in the plan
  care::DayPrescription prescription;
  std::vector<std::string> notes;       // about the plan itself, e.g. how to make one
};

/// The day `date`. Without a plan the day is rest and a note says how to make one; without a profile a
/// default one is used (km, no facilities). Fails with kIoError or kCorruptData from the store, and
/// with care::PrescribeDay's errors.
Result<TodayReport> ComputeToday(store::Database& db, core::Date date);

}  // namespace stride::app

#endif  // STRIDE_APP_TODAY_H_
