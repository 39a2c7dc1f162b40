// SPDX-License-Identifier: MIT
// Builds the weeks of a plan (week_builder.h): phases, volume and long-run targets, the week layout, then
// the sessions, each run capped by the runs logged before it.
#include "plan/week_builder.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "core/check.h"
#include "plan/rules.h"
#include "plan/sessions.h"
#include "plan/week_layout.h"

namespace stride::plan {
namespace {

using core::Date;

// Every planned run, oldest first, to find the longest run of the 30 days before a date (C3).
class RunLog {
 public:
  void Add(Date date, double distance_m) { runs_.emplace_back(date.days_since_epoch(), distance_m); }
  double LongestBefore(Date date) const {
    const int64_t day = date.days_since_epoch();
    double longest = 0;
    for (auto it = runs_.rbegin(); it != runs_.rend(); ++it) {
      if (it->first >= day) continue;
      if (it->first < day - kSpikeWindowDays) break;
      longest = std::max(longest, it->second);
    }
    return longest;
  }

 private:
  std::vector<std::pair<int64_t, double>> runs_;
};

// First week index of each phase; the race week is the last.
struct PhaseStarts {
  int build = 0, peak = 0, taper = 0, race = 0;
};

PhaseStarts SplitPhases(int num_weeks) {
  PhaseStarts p;
  p.race = num_weeks - 1;
  const int taper = std::min(kTaperWeeks, std::max(0, num_weeks - 2));
  const int pre = num_weeks - 1 - taper;
  const int peak = pre >= 6 ? std::min(3, (pre + 2) / 5) : (pre >= 3 ? 1 : 0);
  const int base = std::min(pre - peak, std::max(std::min(3, pre - peak), (2 * pre + 2) / 5));
  p.build = base;
  p.peak = pre - peak;
  p.taper = pre;
  return p;
}

Phase PhaseOf(const PhaseStarts& p, int k) {
  if (k >= p.race) return Phase::kRace;
  if (k >= p.taper) return Phase::kTaper;
  if (k >= p.peak) return Phase::kPeak;
  if (k >= p.build) return Phase::kBuild;
  return Phase::kBase;
}

bool IsKeyOrHard(const Session& s) { return IsHard(s.kind); }

struct Week {
  int index = 0;
  Date first;
  int num_days = 7;
  Phase phase = Phase::kBase;
  bool cutback = false;
  double volume_m = 0;  // target
  double long_m = 0;    // target (0: none)
  WeekLayout layout;
  int long_day = -1, race_day = -1;
};

class Builder {
 public:
  explicit Builder(const BuildInputs& in) : in_(in) {
    num_weeks_ = static_cast<int>((in.start.DaysUntil(in.race_date) + 1 + 6) / 7);
    phases_ = SplitPhases(num_weeks_);
    const PlanPaces& p = in.paces;
    long_time_cap_m_ = kMaxLongRunS / p.easy.fast_s_per_km * core::kMetresPerKm;
    easy_cap_m_ = kMaxMidweekRunS / p.easy.mid_s_per_km() * core::kMetresPerKm;
    recovery_cap_m_ = kMaxRecoveryRunS / p.recovery.mid_s_per_km() * core::kMetresPerKm;
    peak_long_m_ = std::min(PeakLongRunM(in.race_distance_m), long_time_cap_m_);
    int run_days = static_cast<int>(in.training_days.size());
    if (run_days == 7) run_days = 6;  // one full rest day a week
    const std::optional<double> goal_vdot = in.goal_time_s ? std::optional<double>(p.vdot) : std::nullopt;
    peak_week_m_ =
        std::min(DesiredPeakWeeklyM(in.race_distance_m, goal_vdot, 0), peak_long_m_ + (run_days - 1) * easy_cap_m_);
    peak_week_m_ = std::max(peak_week_m_, in.current_weekly_m);
    marathon_goal_ = in.goal_time_s && in.race_distance_m >= kMarathonLikeDistanceM;
    if (in.recent_runs.empty()) {
      log_.Add(in.start.AddDays(-1), in.longest_recent_run_m);
    } else {
      std::vector<DatedRun> runs = in.recent_runs;
      std::sort(runs.begin(), runs.end(), [](const DatedRun& a, const DatedRun& b) { return a.date < b.date; });
      for (const DatedRun& run : runs) {
        if (run.date < in.start) log_.Add(run.date, run.distance_m);
      }
    }
    highest_week_m_ = in.current_weekly_m;
    last_long_m_ = in.longest_recent_run_m;
  }

  BuiltWeeks Run() {
    BuiltWeeks out;
    for (int k = 0; k < num_weeks_; ++k) out.weeks.push_back(BuildWeek(k));
    out.longest_long_run_m = peak_long_done_m_;
    return out;
  }

 private:
  Week Targets(int k) const {
    Week w;
    w.index = k;
    const Date end = in_.race_date.AddDays(-7 * (num_weeks_ - 1 - k));
    w.first = std::max(in_.start, end.AddDays(-6));
    w.num_days = static_cast<int>(w.first.DaysUntil(end)) + 1;
    w.phase = PhaseOf(phases_, k);
    const double cap = WeeklyVolumeCap(highest_week_m_);
    if (w.phase == Phase::kTaper || w.phase == Phase::kRace) {
      const int j = k - phases_.taper;
      w.volume_m = TaperFactor(j) * (peak_done_m_ > 0 ? peak_done_m_ : in_.current_weekly_m);
      w.long_m =
          w.phase == Phase::kRace ? 0 : TaperFactor(j) * (peak_long_done_m_ > 0 ? peak_long_done_m_ : last_long_m_);
    } else if (k == 0) {
      w.volume_m = in_.current_weekly_m * w.num_days / 7.0;
      w.long_m = peak_long_m_;
    } else if (IsCutbackWeek(k, phases_.taper - 1)) {
      w.cutback = true;
      w.volume_m = kCutbackFactor * weekly_.back();
      w.long_m = kCutbackFactor * last_long_m_;
    } else {
      w.volume_m = peak_week_m_;
      w.long_m = peak_long_m_;
    }
    w.volume_m = std::min(w.volume_m * WeekFactor(w), cap);
    return w;
  }

  int QualityWanted(const Week& w, DayMask candidates) const {
    if (w.index < kMinWeeksBeforeQuality || w.volume_m < kMinWeeklyForQualityM) return 0;
    switch (w.phase) {
      case Phase::kBase:  // a tempo only (Runs): the gentlest quality, once the first base weeks are done
      case Phase::kBuild:
      case Phase::kTaper:
        return 1;
      case Phase::kPeak:
        return std::popcount(candidates) >= 5 && w.volume_m >= kMinWeeklyForTwoQualityM ? 2 : 1;
      default:
        return 0;
    }
  }

  void LayOut(Week& w) {
    WeekContext c;
    c.num_days = w.num_days;
    for (int i = 0; i < w.num_days; ++i) {
      const Date d = w.first.AddDays(i);
      if (d == in_.race_date) {
        c.race_day = i;
      } else if (std::find(in_.training_days.begin(), in_.training_days.end(), d.weekday()) !=
                     in_.training_days.end() &&
                 DayFactor(d) > 0) {
        c.run_candidates |= 1u << i;
        if (w.phase != Phase::kRace && d.weekday() == in_.long_run_day && w.long_m > 0) c.long_day = i;
      }
    }
    for (const Session& s : last_day_sessions_) {
      c.prev_day_hard = c.prev_day_hard || IsKeyOrHard(s);
      c.prev_day_strength = c.prev_day_strength || s.kind == SessionKind::kStrength;
    }
    const Date next = w.first.AddDays(w.num_days);
    c.next_day_key = next <= in_.race_date && (next == in_.race_date || next.weekday() == in_.long_run_day);
    if (last_hard_) c.prev_hard_days_before = static_cast<int>(last_hard_->DaysUntil(w.first));
    for (int i = 0; i < 7 && next.AddDays(i) <= in_.race_date; ++i) {
      const Date d = next.AddDays(i);
      if (d == in_.race_date || d.weekday() == in_.long_run_day) {
        c.next_key_days_after = i + 1;
        break;
      }
    }
    c.quality_wanted = QualityWanted(w, c.run_candidates);
    c.strength_wanted = kStrengthSessionsPerWeek;
    w.layout = LayOutWeek(c);
    w.long_day = w.layout.has_long ? c.long_day : -1;
    w.race_day = c.race_day;
  }

  std::optional<Session> Quality(SessionKind kind, double volume_m) const {
    const PlanPaces& p = in_.paces;
    switch (kind) {
      case SessionKind::kIntervals:
        return IntervalSession(MaxIntervalWorkM(volume_m), IntervalRepM(volume_m), p);
      case SessionKind::kMarathonPace:
        return MarathonPaceSession(
            std::min(kMidweekMarathonPaceShare * volume_m, MaxMarathonPaceWorkM(p.marathon.mid_s_per_km())), p,
            in_.units);
      default:
        return TempoSession(MaxThresholdWorkM(volume_m), p);
    }
  }

  SessionKind QualityKind(int week, int nth) const {
    static constexpr SessionKind kRotation[] = {SessionKind::kTempo, SessionKind::kIntervals,
                                                SessionKind::kMarathonPace};
    const int size = marathon_goal_ ? 3 : 2;
    return kRotation[(week + nth) % size];
  }

  bool WithinShares(const Session& s, double week_m) const {
    const PlanPaces& p = in_.paces;
    constexpr double kSlack = 1e-6;
    return DistanceAtPaceM(s.steps, p.threshold) <= MaxThresholdWorkM(week_m) + kSlack &&
           DistanceAtPaceM(s.steps, p.interval) <= MaxIntervalWorkM(week_m) + kSlack &&
           DistanceAtPaceM(s.steps, p.marathon) <= MaxMarathonPaceWorkM(p.marathon.mid_s_per_km()) + kSlack;
  }

  double LongRunMarathonPaceM(const Week& w, double long_m) const {
    if (!marathon_goal_ || w.cutback || Easy(w.first.AddDays(w.long_day))) return 0;
    const int build_middle = (phases_.build + phases_.peak) / 2;
    double share = 0;
    if (w.phase == Phase::kPeak) share = kLongRunMarathonPaceSharePeak;
    if (w.phase == Phase::kBuild && w.index >= build_middle) share = kLongRunMarathonPaceShareBuild;
    return std::min(share * long_m, MaxMarathonPaceWorkM(in_.paces.marathon.mid_s_per_km()));
  }

  // The runs of the week, one optional session per day, for a volume target; `total_m` gets their sum.
  std::vector<std::optional<Session>> Runs(const Week& w, double volume_m, bool with_quality, double* total_m) const {
    const PlanPaces& p = in_.paces;
    std::vector<std::optional<Session>> runs(w.num_days);
    std::vector<double> spike_cap(w.num_days);
    for (int i = 0; i < w.num_days; ++i) spike_cap[i] = RunSpikeCap(log_.LongestBefore(w.first.AddDays(i)));
    double long_m = 0, budget = volume_m;
    if (w.long_day >= 0) {
      const double target_m = w.long_m * DayFactor(w.first.AddDays(w.long_day));
      long_m = RoundDownDistance(
          std::min({target_m, LongRunShareCap(volume_m), long_time_cap_m_, spike_cap[w.long_day], volume_m}));
      if (long_m >= kMinRunM) {
        runs[w.long_day] = LongRun(long_m, LongRunMarathonPaceM(w, long_m), p, in_.units);
        budget -= long_m;
      } else {
        long_m = 0;
      }
    }
    int nth = 0;
    for (int i = 0; i < w.num_days && with_quality; ++i) {
      if (!(w.layout.quality & (1u << i)) || Easy(w.first.AddDays(i))) continue;
      const SessionKind kind = w.phase == Phase::kBase ? SessionKind::kTempo : QualityKind(w.index, nth);
      ++nth;
      std::optional<Session> q = Quality(kind, volume_m);
      if (!q || q->distance_m > spike_cap[i] || q->duration_s > kMaxMidweekRunS || q->distance_m > budget) {
        q = Quality(SessionKind::kTempo, volume_m);
      }
      if (q && q->distance_m <= spike_cap[i] && q->duration_s <= kMaxMidweekRunS && q->distance_m <= budget) {
        budget -= q->distance_m;
        runs[i] = std::move(q);
      }
    }
    FillEasyRuns(w, long_m, spike_cap, budget, runs);
    *total_m = 0;
    for (const auto& r : runs) *total_m += r ? r->distance_m : 0;
    return runs;
  }

  void FillEasyRuns(const Week& w, double long_m, const std::vector<double>& spike_cap, double budget,
                    std::vector<std::optional<Session>>& runs) const {
    std::vector<int> days;
    for (int i = 0; i < w.num_days; ++i) {
      if ((w.layout.runs & (1u << i)) && !runs[i] && i != w.long_day) days.push_back(i);
    }
    bool strides_done = w.index == 0;
    double weight_left = 0;  // each day's share of the budget is weighted by its DayFactor
    for (int i : days) weight_left += DayFactor(w.first.AddDays(i));
    for (size_t n = 0; n < days.size(); ++n) {
      const int i = days[n];
      const double weight = DayFactor(w.first.AddDays(i));
      const bool recovery = w.long_day >= 0 && i == w.long_day + 1;
      double cap = std::min(spike_cap[i], recovery ? recovery_cap_m_ : easy_cap_m_);
      if (long_m > 0) cap = std::min(cap, long_m);
      const double share = weight_left > 0 ? std::max(0.0, budget) * weight / weight_left : 0;
      weight_left -= weight;
      const double d = RoundDownDistance(std::min(share, cap));
      if (d < kMinRunM) continue;
      if (recovery) {
        runs[i] = RecoveryRun(d, in_.paces, in_.units);
      } else if (!strides_done && d >= kMinStridesRunM && !Easy(w.first.AddDays(i))) {
        runs[i] = StridesRun(d, in_.paces, in_.units);  // at most d: the easy part is what the strides leave
        strides_done = true;
      } else {
        runs[i] = EasyRun(d, in_.paces, in_.units);
      }
      budget -= runs[i]->distance_m;
    }
  }

  PlanWeek BuildWeek(int k) {
    Week w = Targets(k);
    LayOut(w);
    double total = 0;
    std::vector<std::optional<Session>> runs = Runs(w, w.volume_m, true, &total);
    auto shares_ok = [&] {
      for (const auto& r : runs) {
        if (r && !WithinShares(*r, total)) return false;
      }
      return true;
    };
    if (!shares_ok()) runs = Runs(w, total, true, &total);
    if (!shares_ok()) runs = Runs(w, w.volume_m, false, &total);
    return Commit(w, runs, total);
  }

  PlanWeek Commit(const Week& w, std::vector<std::optional<Session>>& runs, double total_m) {
    PlanWeek week;
    week.index = w.index;
    week.start = w.first;
    week.phase = w.phase;
    week.planned_distance_m = total_m;
    for (int i = 0; i < w.num_days; ++i) {
      PlanDay day;
      day.date = w.first.AddDays(i);
      if (runs[i]) {
        log_.Add(day.date, runs[i]->distance_m);
        day.sessions.push_back(std::move(*runs[i]));
      }
      if (i == w.race_day) day.sessions.push_back(RaceSession(in_.race_distance_m, in_.goal_time_s, in_.paces, in_.units));
      const bool race_near = day.date >= in_.race_date.AddDays(-kNoStrengthBeforeRaceDays);
      if ((w.layout.strength & (1u << i)) && DayFactor(day.date) > 0 && !race_near) {
        day.sessions.push_back(StrengthSession());
      }
      if (day.sessions.empty()) day.sessions.push_back(RestSession());
      if (std::any_of(day.sessions.begin(), day.sessions.end(), IsKeyOrHard)) last_hard_ = day.date;
      week.days.push_back(std::move(day));
    }
    double long_m = 0;
    if (w.long_day >= 0 && !week.days[w.long_day].sessions.empty() &&
        week.days[w.long_day].sessions.front().kind == SessionKind::kLong) {
      long_m = week.days[w.long_day].sessions.front().distance_m;
      last_long_m_ = long_m;
    }
    weekly_.push_back(total_m);
    highest_week_m_ = std::max(highest_week_m_, total_m);
    if (w.phase != Phase::kTaper && w.phase != Phase::kRace) {
      peak_done_m_ = std::max(peak_done_m_, total_m);
      peak_long_done_m_ = std::max(peak_long_done_m_, long_m);
    }
    last_day_sessions_ = week.days.back().sessions;
    return week;
  }

  // The adjustments of an adapted plan (PlanAdjustments): the share of a normal day's running planned on
  // `d` (0 while ill), and whether `d` is in the easy return.
  static bool Before(const std::optional<Date>& until, Date d) { return until && d < *until; }
  double DayFactor(Date d) const {
    const PlanAdjustments& a = in_.adjustments;
    if (Before(a.no_running_until, d)) return 0;
    return Before(a.reduced_until, d) ? a.reduced_volume_factor : 1.0;
  }
  // The mean DayFactor of the week's training days (the race day excluded), 1 without adjustments.
  double WeekFactor(const Week& w) const {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < w.num_days; ++i) {
      const Date d = w.first.AddDays(i);
      if (d == in_.race_date || std::find(in_.training_days.begin(), in_.training_days.end(), d.weekday()) ==
                                    in_.training_days.end()) {
        continue;
      }
      sum += DayFactor(d);
      ++count;
    }
    return count > 0 ? sum / count : 1.0;
  }
  bool Easy(Date d) const { return Before(in_.adjustments.easy_until, d) || DayFactor(d) == 0; }

  const BuildInputs& in_;
  int num_weeks_ = 0;
  PhaseStarts phases_;
  double long_time_cap_m_ = 0, easy_cap_m_ = 0, recovery_cap_m_ = 0;
  double peak_long_m_ = 0, peak_week_m_ = 0;
  bool marathon_goal_ = false;
  RunLog log_;
  std::vector<double> weekly_;
  std::vector<Session> last_day_sessions_;  // the day before the next week
  std::optional<Date> last_hard_;           // the last day with a hard session so far
  double highest_week_m_ = 0, last_long_m_ = 0, peak_done_m_ = 0, peak_long_done_m_ = 0;
};

}  // namespace

BuiltWeeks BuildWeeks(const BuildInputs& inputs) {
  STRIDE_CHECK(inputs.start < inputs.race_date && !inputs.training_days.empty());
  STRIDE_CHECK(inputs.current_weekly_m > 0 && inputs.longest_recent_run_m > 0);
  return Builder(inputs).Run();
}

}  // namespace stride::plan
