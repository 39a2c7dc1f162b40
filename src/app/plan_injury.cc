// SPDX-License-Identifier: MIT
// Injury-aware planning (plan_injury.h): rehab outlook -> plain return schedule -> plan/injury_replan.h,
// and the re-plan hook of the injury commands.
#include "app/plan_injury.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "app/injury.h"
#include "app/plan.h"
#include "store/plan_repository.h"

namespace stride::app {
namespace {

using core::Date;

// The window the volume before an injury is read over: the same 4 weeks as a plan's current volume.
constexpr int kPreInjuryWindowDays = 28;

plan::WalkRunSession ToWalkRun(const care::ProjectedSession& projected) {
  const care::WalkRunPhase& p = projected.phase;
  plan::WalkRunSession w;
  w.date = projected.date;
  w.title = p.continuous ? fmt::format("Walk-run phase {}: easy continuous run", p.phase)
                         : fmt::format("Walk-run phase {}", p.phase);
  w.description = p.Describe();
  w.walk_min = p.continuous ? 0 : p.walk_min;
  w.run_min = p.run_min;
  w.repeats = p.repeats;
  w.total_min = p.TotalMinutes();
  w.distance_m = p.distance_m;
  return w;
}

// Orders schedules by how long they keep the runner from full training (larger is longer).
auto Severity(const plan::ReturnSchedule& s) {
  return std::make_tuple(s.needs_clinician, s.full_training_resumes, s.running_resumes);
}

Result<double> PreInjuryWeeklyM(store::Database& db, const care::Injury& injury, double fallback_m) {
  auto runs = RunningByDate(db, injury.onset_date.AddDays(-kPreInjuryWindowDays), injury.onset_date.AddDays(-1));
  if (!runs) return Fail(runs.error());
  double sum = 0;
  for (const auto& [day, metres] : *runs) sum += metres;
  return sum > 0 ? sum / (kPreInjuryWindowDays / 7.0) : fallback_m;
}

}  // namespace

std::string InjuryLabel(const care::Injury& injury) {
  std::string label = care::InjurySiteName(injury.site);
  if (injury.side) label += fmt::format(" ({})", care::SideName(*injury.side));
  return label;
}

std::optional<plan::ReturnSchedule> ToReturnSchedule(const care::Injury& injury, const care::RehabOutlook& outlook,
                                                     Date date) {
  if (outlook.stage == care::RehabStage::kNone) return std::nullopt;
  plan::ReturnSchedule s;
  s.injury = InjuryLabel(injury);
  s.onset = injury.onset_date;
  if (outlook.needs_clinician || !outlook.running_resumes || !outlook.full_training_resumes) {
    s.needs_clinician = true;
    return s;
  }
  if (*outlook.full_training_resumes <= date) return std::nullopt;
  s.running_resumes = *outlook.running_resumes;
  s.full_training_resumes = *outlook.full_training_resumes;
  for (const care::ProjectedSession& p : outlook.sessions) s.sessions.push_back(ToWalkRun(p));
  return s;
}

Result<InjuryOutlook> LoadInjuryOutlook(store::Database& db, Date date) {
  auto report = ComputeRehabReport(db, date);
  if (!report) return Fail(report.error());
  InjuryOutlook out;
  std::vector<const InjuryRehab*> active;
  if (report->primary) active.push_back(&*report->primary);
  for (const InjuryRehab& other : report->others) active.push_back(&other);
  for (const InjuryRehab* rehab : active) {
    out.active.push_back(rehab->injury);
    auto schedule = ToReturnSchedule(rehab->injury, rehab->outlook, date);
    if (schedule && (!out.schedule || Severity(*schedule) > Severity(*out.schedule))) {
      out.schedule = std::move(schedule);
    }
  }
  return out;
}

Result<InjuryPlan> GeneratePlanAroundInjuries(store::Database& db, const plan::PlanRequest& request) {
  auto outlook = LoadInjuryOutlook(db, request.start);
  if (!outlook) return Fail(outlook.error());
  InjuryPlan out;
  out.active = std::move(outlook->active);
  if (!outlook->schedule) {
    auto generated = plan::GeneratePlan(request);
    if (!generated) return Fail(generated.error());
    out.plan = std::move(*generated);
    return out;
  }
  plan::PlanRequest before_injury = request;
  plan::ReturnSchedule schedule = *outlook->schedule;
  for (const care::Injury& injury : out.active) {
    if (InjuryLabel(injury) != schedule.injury) continue;
    auto weekly = PreInjuryWeeklyM(db, injury, request.current_weekly_m);
    if (!weekly) return Fail(weekly.error());
    before_injury.current_weekly_m = *weekly;
    auto runs = RunningByDate(db, injury.onset_date.AddDays(-plan::kSpikeWindowDays), injury.onset_date.AddDays(-1));
    if (!runs) return Fail(runs.error());
    schedule.running_before = std::move(*runs);
    break;
  }
  auto replanned = plan::ReplanAroundInjury(before_injury, schedule);
  if (!replanned) return Fail(replanned.error());
  out.plan = std::move(*replanned);
  out.reason = plan::DescribeReturn(*outlook->schedule);
  return out;
}

void AddInjuryFacts(const std::vector<care::Injury>& active, care::DayContext& ctx) {
  for (const care::Injury& injury : active) {
    if (!injury.ActiveOn(ctx.date)) continue;
    if (auto hours = care::HoursSinceAcuteInjury(injury, ctx.date)) {
      ctx.hours_since_acute_injury = std::min(ctx.hours_since_acute_injury.value_or(*hours), *hours);
    }
    ctx.bone_stress_injury = ctx.bone_stress_injury || care::IsBoneStress(injury);
  }
}

const char* PlanOutcomeName(PlanReaction::Outcome outcome) {
  switch (outcome) {
    case PlanReaction::Outcome::kUnchanged: return "unchanged";
    case PlanReaction::Outcome::kReplanned: return "replanned";
    case PlanReaction::Outcome::kNotRemade: return "not_remade";
  }
  return "unchanged";
}

Result<PlanReaction> ReplanIfOutlookChanged(store::Database& db, const std::optional<plan::ReturnSchedule>& before,
                                            Date date, const std::string& cause) {
  auto latest = store::LoadLatestPlanVersion(db);
  if (!latest) return Fail(latest.error());
  if (!*latest) return PlanReaction{};
  const Date from = std::max(date, (*latest)->plan.start);
  if ((*latest)->plan.race_date <= from) return PlanReaction{};
  auto now = LoadInjuryOutlook(db, date);
  if (!now) return Fail(now.error());
  if (now->schedule == before) return PlanReaction{};
  AdaptPlanOptions options;
  options.cause = cause;
  options.in_caller_transaction = true;
  auto adapted = AdaptPlan(db, options, from);
  if (adapted) return PlanReaction{PlanReaction::Outcome::kReplanned, adapted->version.version, adapted->version.reason};
  // A plan that cannot be re-made from the profile (say, no volume to plan from) is left as it was, before
  // anything was written, and the runner is told why. Storage failures fail the command.
  const core::ErrorCode code = adapted.error().code;
  if (code == core::ErrorCode::kInvalidArgument || code == core::ErrorCode::kNotFound) {
    return PlanReaction{PlanReaction::Outcome::kNotRemade, 0, adapted.error().message};
  }
  return Fail(adapted.error());
}

}  // namespace stride::app
