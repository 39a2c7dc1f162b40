// SPDX-License-Identifier: MIT
// The rule checker of plan_checks.h: walks the plan day by day, with its own log of runs.
#include "plan_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "plan/rules.h"
#include "plan/sessions.h"

namespace stride::plan {
namespace {

constexpr double kEps = 1e-6;

bool IsKey(SessionKind k) { return IsHard(k); }  // long, tempo, intervals, marathon pace, race

bool IsQuality(SessionKind k) {
  return k == SessionKind::kTempo || k == SessionKind::kIntervals || k == SessionKind::kMarathonPace;
}

struct DayInfo {
  bool hard = false, key = false, strength = false, rest = false;
  double run_m = 0;  // the race excluded
};

using Days = std::map<int64_t, DayInfo>;

Days Index(const Plan& plan) {
  Days days;
  for (const PlanWeek& w : plan.weeks) {
    for (const PlanDay& d : w.days) {
      DayInfo& info = days[d.date.days_since_epoch()];
      info.rest = d.sessions.size() == 1 && d.sessions[0].kind == SessionKind::kRest;
      for (const Session& s : d.sessions) {
        info.hard = info.hard || IsHard(s.kind);
        info.key = info.key || IsKey(s.kind);
        info.strength = info.strength || s.kind == SessionKind::kStrength;
        if (IsRun(s.kind) && s.kind != SessionKind::kRace) info.run_m += s.distance_m;
      }
    }
  }
  return days;
}

void CheckVolumes(const PlanRequest& r, const Plan& plan, std::vector<std::string>& out) {
  double highest = r.current_weekly_m;
  for (const PlanWeek& w : plan.weeks) {
    double sum = 0;
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) sum += IsRun(s.kind) && s.kind != SessionKind::kRace ? s.distance_m : 0;
    }
    if (std::abs(sum - w.planned_distance_m) > 1)
      out.push_back(fmt::format("week {}: planned distance != runs", w.index));
    if (w.planned_distance_m > WeeklyVolumeCap(highest) + kEps) {
      out.push_back(fmt::format("week {}: {:.0f} m > 110 % of {:.0f} m", w.index, w.planned_distance_m, highest));
    }
    highest = std::max(highest, w.planned_distance_m);
  }
}

void CheckRuns(const PlanRequest& r, const Plan& plan, const Days& days, std::vector<std::string>& out) {
  const auto& training = r.athlete.training_days;
  for (const auto& [day, info] : days) {
    if (info.run_m <= 0) continue;
    const core::Date date{std::chrono::sys_days{std::chrono::days{day}}};
    if (std::find(training.begin(), training.end(), date.weekday()) == training.end()) {
      out.push_back(fmt::format("{}: run on a non-training day", core::FormatDate(date)));
    }
    double longest = 0;
    if (r.recent_runs.empty()) {
      longest = day - kSpikeWindowDays <= plan.start.days_since_epoch() - 1 ? r.longest_recent_run_m : 0;
    }
    for (const DatedRun& run : r.recent_runs) {
      const int64_t run_day = run.date.days_since_epoch();
      if (run_day < day && run_day >= day - kSpikeWindowDays) longest = std::max(longest, run.distance_m);
    }
    for (int64_t d = day - kSpikeWindowDays; d < day; ++d) {
      if (auto it = days.find(d); it != days.end()) longest = std::max(longest, it->second.run_m);
    }
    if (info.run_m > RunSpikeCap(longest) + kEps) {
      out.push_back(fmt::format("{}: run {:.0f} m > 110 % of {:.0f} m", core::FormatDate(date), info.run_m, longest));
    }
  }
}

void CheckDays(const Plan& plan, const Days& days, std::vector<std::string>& out) {
  for (const auto& [day, info] : days) {
    auto next = days.find(day + 1);
    if (next == days.end()) continue;
    if (info.hard && next->second.hard) out.push_back(fmt::format("day {}: two hard days in a row", day));
    if (info.strength && next->second.strength) out.push_back(fmt::format("day {}: strength two days running", day));
    if (info.strength && next->second.key) out.push_back(fmt::format("day {}: strength before a key session", day));
  }
  const int64_t race_day = plan.race_date.days_since_epoch();
  for (int64_t d = race_day - kNoStrengthBeforeRaceDays; d < race_day; ++d) {
    if (auto it = days.find(d); it != days.end() && it->second.strength) {
      out.push_back(fmt::format("day {}: strength {} days before the race", d, race_day - d));
    }
  }
  for (const PlanWeek& w : plan.weeks) {
    int strength = 0, rest = 0;
    for (const PlanDay& d : w.days) {
      const DayInfo& info = days.at(d.date.days_since_epoch());
      strength += info.strength;
      rest += info.rest;
      if (info.strength && info.key) out.push_back(fmt::format("week {}: strength on a key day", w.index));
    }
    if (rest < 1) out.push_back(fmt::format("week {}: no full rest day", w.index));
    const bool race_week = w.days.back().date == plan.race_date;
    if (w.days.size() == 7 && !race_week && strength != kStrengthSessionsPerWeek) {
      out.push_back(fmt::format("week {}: {} strength sessions", w.index, strength));
    }
  }
}

void CheckTaper(const Plan& plan, std::vector<std::string>& out) {
  double peak = 0, taper_sum = 0;
  int taper_weeks = 0;
  for (const PlanWeek& w : plan.weeks) {
    if (w.phase == Phase::kTaper || w.phase == Phase::kRace) {
      taper_sum += w.planned_distance_m;
      ++taper_weeks;
    } else {
      peak = std::max(peak, w.planned_distance_m);
    }
  }
  if (taper_weeks < kTaperWeeks + 1 || peak <= 0) return;
  const double cut = 1 - taper_sum / taper_weeks / peak;
  if (cut < kTaperMinCut - kEps || cut > kTaperMaxCut + kEps)
    out.push_back(fmt::format("taper cuts {:.0f} %", cut * 100));
}

void CheckPaces(const PlanPaces& p, std::vector<std::string>& out) {
  const PaceRange order[] = {p.easy, p.marathon, p.threshold, p.interval};
  for (const PaceRange& r : order) {
    if (r.slow_s_per_km < r.fast_s_per_km) out.push_back("a pace band is inverted");
  }
  for (size_t i = 0; i + 1 < std::size(order); ++i) {
    if (!(order[i].fast_s_per_km > order[i + 1].slow_s_per_km)) out.push_back(fmt::format("paces {} not ordered", i));
  }
}

void CheckSteps(const std::vector<Step>& steps, bool top, std::vector<std::string>& out) {
  for (const Step& s : steps) {
    if (s.type == StepType::kRepeat) {
      if (!top || s.count < 1 || s.steps.empty()) out.push_back("bad repeat step");
      CheckSteps(s.steps, false, out);
    } else if (s.duration_s.has_value() == s.distance_m.has_value() || !s.pace) {
      out.push_back("a step needs one of duration or distance and a pace");
    }
  }
}

void CheckSessions(const Plan& plan, std::vector<std::string>& out) {
  const PlanPaces& p = plan.paces;
  for (const PlanWeek& w : plan.weeks) {
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) {
        if (!IsRun(s.kind)) continue;
        if (s.steps.empty()) out.push_back(fmt::format("week {}: a run without steps", w.index));
        CheckSteps(s.steps, true, out);
        if (IsQuality(s.kind) &&
            (s.steps.front().type != StepType::kWarmup || s.steps.back().type != StepType::kCooldown)) {
          out.push_back(fmt::format("week {}: quality session without warm-up and cool-down", w.index));
        }
        if (s.kind == SessionKind::kRace) continue;  // the race has no per-session cap
        if (DistanceAtPaceM(s.steps, p.threshold) > MaxThresholdWorkM(w.planned_distance_m) + kEps ||
            DistanceAtPaceM(s.steps, p.interval) > MaxIntervalWorkM(w.planned_distance_m) + kEps ||
            DistanceAtPaceM(s.steps, p.marathon) > MaxMarathonPaceWorkM(p.marathon.mid_s_per_km()) + kEps) {
          out.push_back(fmt::format("week {}: {} breaks a per-session cap", w.index, s.title));
        }
      }
    }
  }
}

void CheckShape(const PlanRequest& r, const Plan& plan, std::vector<std::string>& out) {
  for (size_t i = 1; i < plan.weeks.size(); ++i) {
    if (plan.weeks[i].phase < plan.weeks[i - 1].phase) out.push_back("phases out of order");
  }
  const PlanDay& last = plan.weeks.back().days.back();
  if (last.date != r.race_date || last.sessions.front().kind != SessionKind::kRace ||
      last.sessions.front().distance_m != r.race_distance_m || plan.weeks.back().phase != Phase::kRace) {
    out.push_back("the plan does not end with the race on race day");
  }
}

}  // namespace

std::vector<std::string> CheckPlanRules(const PlanRequest& request, const Plan& plan) {
  std::vector<std::string> out;
  if (plan.weeks.empty()) return {"no weeks"};
  const Days days = Index(plan);
  CheckVolumes(request, plan, out);
  CheckRuns(request, plan, days, out);
  CheckDays(plan, days, out);
  CheckTaper(plan, out);
  CheckPaces(plan.paces, out);
  CheckSessions(plan, out);
  CheckShape(request, plan, out);
  return out;
}

std::vector<double> LongRuns(const Plan& plan) {
  std::vector<double> out;
  for (const PlanWeek& w : plan.weeks) {
    double longest = 0;
    for (const PlanDay& d : w.days) {
      for (const Session& s : d.sessions) longest = s.kind == SessionKind::kLong ? s.distance_m : longest;
    }
    out.push_back(longest);
  }
  return out;
}

std::string DescribePlan(const Plan& plan) {
  std::string out = fmt::format("feasible={} vdot={:.1f}\n", plan.feasible, plan.paces.vdot);
  for (const std::string& w : plan.warnings) out += "  ! " + w + "\n";
  for (const PlanWeek& w : plan.weeks) {
    out += fmt::format("w{:02} {} {:5} {:5.1f} km:", w.index, core::FormatDate(w.start), PhaseName(w.phase),
                       w.planned_distance_m / 1000);
    for (const PlanDay& d : w.days) {
      out += fmt::format(" {}[", core::WeekdayName(d.date.weekday()));
      for (size_t i = 0; i < d.sessions.size(); ++i) {
        const Session& s = d.sessions[i];
        out += (i ? "+" : "") + std::string(SessionKindName(s.kind));
        if (s.distance_m > 0) out += fmt::format(" {:.1f}", s.distance_m / 1000);
      }
      out += "]";
    }
    out += "\n";
  }
  return out;
}

}  // namespace stride::plan
