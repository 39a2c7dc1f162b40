// SPDX-License-Identifier: MIT
// The rehab stage machine: replays an injury's pain logs day by day (docs/rehab.md), and projects it
// forward for the plan.
#include "care/rehab.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace stride::care {
namespace {

using core::Date;
using core::FormatDate;

// Speeds used only to estimate walk-run repeats and continuous minutes: a brisk walk and an easy jog
// (Stride estimates [U]; [trials-2023-rtr] gives distances, not times).
constexpr double kBriskWalkMps = 1.6;
constexpr double kEasyJogMps = 2.5;
constexpr double kMileM = 1609.344;
constexpr int kLastPhase = 6;
// The projection gives up after this many simulated days (a bug guard; the real path is under 30 days).
constexpr int kMaxProjectionDays = 400;

WalkRunPhase MakePhase(int phase, int walk_min, int run_min, double miles, int rpe) {
  WalkRunPhase p;
  p.phase = phase;
  p.walk_min = walk_min;
  p.distance_m = miles * kMileM;
  p.rpe = rpe;
  p.continuous = walk_min == 0;
  if (p.continuous) {
    p.run_min = static_cast<int>(std::lround(p.distance_m / kEasyJogMps / 60));
    p.repeats = 1;
  } else {
    p.run_min = run_min;
    const double cycle_m = 60.0 * (walk_min * kBriskWalkMps + run_min * kEasyJogMps);
    p.repeats = std::max(1, static_cast<int>(std::lround(p.distance_m / cycle_m)));
  }
  return p;
}

// A log day as the criteria see it: the latest log and the one before it.
struct Day {
  Date date;
  std::optional<PainLog> log;
  std::optional<PainLog> prev;
  bool flags_active = false;
};

bool AllMet(const std::vector<Criterion>& criteria) {
  return std::all_of(criteria.begin(), criteria.end(), [](const Criterion& c) { return c.met; });
}

Criterion NoRedFlags(const Day& d) {
  return {"no active red flag (or cleared by a clinician: stride injury clear-flags ID)", !d.flags_active,
          "warden-2014-bsi"};
}

std::vector<Criterion> ProtectCriteria(const Injury& injury, const Day& d) {
  const int64_t days = injury.onset_date.DaysUntil(d.date);
  const bool rest_ok = injury.pain_at_rest.value_or(0) == 0 || (d.log && d.log->pain_next_morning == 0);
  return {
      {fmt::format("at least {} days of relative rest since {} ({} so far)", kMinProtectDays,
                   FormatDate(injury.onset_date), days),
       days >= kMinProtectDays, "stride"},
      {"no pain at rest (0/10; read from the next-morning score once you log)", rest_ok, "silbernagel-2007-pain"},
      {"next-morning pain back to 0-2/10 in the latest log", d.log && d.log->pain_next_morning <= kBaselinePainNextMorning,
       "silbernagel-2007-pain"},
      NoRedFlags(d)};
}

bool PainFreeWalk(const std::optional<PainLog>& log, int pain_limit) {
  return log && log->walk_min.value_or(0) >= kEntryWalkMinutes && log->pain_during <= pain_limit &&
         log->pain_after <= pain_limit && log->pain_next_morning <= kBaselinePainNextMorning;
}

std::vector<Criterion> RehabCriteria(const Injury& injury, const Day& d) {
  const int limit = IsBoneStress(injury) ? kBonePainDuring : kPainFreeMax;
  const bool consecutive = PainFreeWalk(d.log, limit) && PainFreeWalk(d.prev, limit) &&
                           d.prev->date.AddDays(1) == d.log->date;
  return {
      {fmt::format("{} min of brisk walking without pain (at most {}/10) on {} consecutive days",
                   static_cast<int>(kEntryWalkMinutes), limit, kEntryWalkDays),
       consecutive, "achievepodiatry"},
      {"10-15 single-leg hops on the injured side without pain (--hop-test pass in the latest log)",
       d.log && d.log->hop_test == HopTest::kPass, "sunnycoast-rtr"},
      NoRedFlags(d)};
}

std::vector<Criterion> ReturnCriteria(const Injury& injury, const RehabState& s, const Day& d) {
  const int limit = IsBoneStress(injury) ? kBonePainDuring : kAcceptablePainDuring;
  std::vector<Criterion> out = {
      {fmt::format("{} good walk-run sessions in phase {}, a rest day apart: pain during at most {}/10 and "
                   "next morning at most {}/10 ({} so far)",
                   kSessionsPerPhase, s.return_phase, limit, kBaselinePainNextMorning, s.sessions_in_phase),
       s.sessions_in_phase >= kSessionsPerPhase, "trials-2023-rtr"}};
  out.push_back(NoRedFlags(d));
  return out;
}

std::vector<Criterion> CriteriaFor(const Injury& injury, const RehabState& s, const Day& d) {
  switch (s.stage) {
    case RehabStage::kProtect: return ProtectCriteria(injury, d);
    case RehabStage::kRehab: return RehabCriteria(injury, d);
    case RehabStage::kReturn: return ReturnCriteria(injury, s, d);
    case RehabStage::kNone:
    case RehabStage::kDone: return {};
  }
  return {};
}

// Replays logs one at a time. Each log moves at most one step.
class Replay {
 public:
  Replay(const Injury& injury, std::vector<PainLog> logs) : injury_(injury), logs_(std::move(logs)) {
    state_.stage = RehabStage::kProtect;
    state_.stage_since = injury.onset_date;
    state_.phase_since = injury.onset_date;
    state_.bone_stress = IsBoneStress(injury);
  }

  void Apply(const PainLog& log);
  const RehabState& state() const { return state_; }
  const std::optional<PainLog>& last_log() const { return last_; }
  const std::optional<PainLog>& prev_log() const { return prev_; }
  const std::vector<ProjectedSession>& sessions() const { return sessions_; }

 private:
  void MoveTo(RehabStage to, int phase, Date date, std::string why);
  void Regress(const PainLog& log);
  void Advance(const PainLog& log, bool flags_active);
  void CountSession(const PainLog& log);

  const Injury& injury_;
  std::vector<PainLog> logs_;  // the real logs, for red flags found in them
  RehabState state_;
  std::optional<PainLog> last_;
  std::optional<PainLog> prev_;
  std::optional<Date> last_session_;
  std::vector<ProjectedSession> sessions_;
};

void Replay::MoveTo(RehabStage to, int phase, Date date, std::string why) {
  state_.history.push_back({date, state_.stage, to, phase, std::move(why)});
  if (to != state_.stage) state_.stage_since = date;
  state_.stage = to;
  state_.return_phase = phase;
  state_.phase_since = date;
  state_.sessions_in_phase = 0;
}

void Replay::Regress(const PainLog& log) {
  const std::string pain = fmt::format("pain {}/10 during, {}/10 next morning on {}", log.pain_during,
                                       log.pain_next_morning, FormatDate(log.date));
  switch (state_.stage) {
    case RehabStage::kRehab:
      MoveTo(RehabStage::kProtect, 0, log.date, "stepped back to protect: " + pain);
      break;
    case RehabStage::kReturn:
      last_session_ = log.date;  // a run day: the next run needs a rest day first
      if (state_.return_phase <= 1) {
        MoveTo(RehabStage::kRehab, 0, log.date, "stepped back to rehab: " + pain);
      } else {
        MoveTo(RehabStage::kReturn, state_.return_phase - 1, log.date,
               fmt::format("stepped back to walk-run phase {}: {}", state_.return_phase - 1, pain));
      }
      break;
    case RehabStage::kDone:
      MoveTo(RehabStage::kReturn, kLastPhase, log.date, "stepped back to the last walk-run phase: " + pain);
      break;
    case RehabStage::kNone:
    case RehabStage::kProtect:
      break;
  }
}

void Replay::CountSession(const PainLog& log) {
  if (last_session_ && last_session_->DaysUntil(log.date) < kDaysBetweenRuns) return;
  last_session_ = log.date;
  ++state_.sessions_in_phase;
  sessions_.push_back({log.date, WalkRunPhases()[static_cast<size_t>(state_.return_phase - 1)]});
}

void Replay::Advance(const PainLog& log, bool flags_active) {
  if (state_.stage == RehabStage::kReturn) CountSession(log);
  const Day day{log.date, last_, prev_, flags_active};
  if (!AllMet(CriteriaFor(injury_, state_, day))) return;
  const std::string on = FormatDate(log.date);
  switch (state_.stage) {
    case RehabStage::kProtect:
      MoveTo(RehabStage::kRehab, 0, log.date, "protect criteria met on " + on + ": strengthening for the site");
      break;
    case RehabStage::kRehab:
      last_session_.reset();
      MoveTo(RehabStage::kReturn, 1, log.date, "return-to-run tests passed on " + on + ": walk-run phase 1");
      break;
    case RehabStage::kReturn:
      if (state_.return_phase == kLastPhase) {
        MoveTo(RehabStage::kDone, 0, log.date, "the last walk-run phase done on " + on + ": back to the plan, where the spike rule grows the runs");
      } else {
        MoveTo(RehabStage::kReturn, state_.return_phase + 1, log.date,
               fmt::format("phase {} done on {}: walk-run phase {}", state_.return_phase, on, state_.return_phase + 1));
      }
      break;
    case RehabStage::kNone:
    case RehabStage::kDone:
      break;
  }
}

void Replay::Apply(const PainLog& log) {
  prev_ = last_;
  last_ = log;
  const auto flags = ActiveRedFlags(injury_, logs_, log.date);
  if (!flags.empty()) {
    if (state_.stage != RehabStage::kProtect) {
      MoveTo(RehabStage::kProtect, 0, log.date, "red flag on " + FormatDate(log.date) + ": " + flags.front().text);
    }
    return;
  }
  if (PainAboveLimits(injury_, log)) {
    Regress(log);
  } else {
    Advance(log, false);
  }
}

// The injury's logs from onset to `today`, in date order, one per date (the last one given wins).
std::vector<PainLog> LogsUpTo(const Injury& injury, const std::vector<PainLog>& logs, Date today) {
  std::vector<PainLog> out;
  for (const PainLog& log : logs) {
    if (log.injury_id == injury.id && log.date >= injury.onset_date && log.date <= today) out.push_back(log);
  }
  std::stable_sort(out.begin(), out.end(), [](const PainLog& a, const PainLog& b) { return a.date < b.date; });
  std::vector<PainLog> unique;
  for (PainLog& log : out) {
    if (!unique.empty() && unique.back().date == log.date) unique.back() = std::move(log);
    else unique.push_back(std::move(log));
  }
  return unique;
}

std::vector<std::string> RegressIf(const RehabState& s) {
  const int limit = s.bone_stress ? kBonePainDuring : kAcceptablePainDuring;
  const std::string pain = fmt::format("pain during activity above {}/10{} or next-morning pain above {}/10",
                                       limit, s.bone_stress ? " (any pain at the bone)" : "", kBaselinePainNextMorning);
  std::vector<std::string> out;
  switch (s.stage) {
    case RehabStage::kProtect:
      out.push_back("pain not settling after two weeks, or any red flag: see a clinician");
      break;
    case RehabStage::kRehab:
      out.push_back(pain + ": back to protect");
      break;
    case RehabStage::kReturn:
      out.push_back(pain + (s.return_phase > 1 ? ": back one walk-run phase" : ": back to rehab"));
      out.push_back("swelling or stiffness after a run: do not progress [trials-2023-rtr]");
      break;
    case RehabStage::kDone:
      out.push_back(pain + ": back to the last walk-run phase");
      break;
    case RehabStage::kNone:
      break;
  }
  out.push_back("pain of 7/10 or more, pain at night or at rest, swelling or numbness: stop and see a clinician");
  return out;
}

std::string WhyText(const RehabState& s, const Injury& injury, Date today) {
  if (!s.red_flags.empty()) {
    std::string flags;
    for (const RedFlagHit& hit : s.red_flags) flags += (flags.empty() ? "" : "; ") + hit.text;
    return fmt::format("red flags: {}. {}. Stride does not diagnose.", flags, kSeeClinician);
  }
  std::string why = s.history.empty() ? fmt::format("injury reported on {}", FormatDate(injury.onset_date))
                                      : s.history.back().why;
  if (s.stage == RehabStage::kProtect) {
    why += ". Relative rest: no running; pain-free cross-training such as easy cycling is fine; gentle mobility";
  }
  if (s.no_heat_until) why += fmt::format("; no heat (sauna, hot tub, contrast) until after {}", FormatDate(*s.no_heat_until));
  if (s.stage != RehabStage::kDone && AllMet(s.next_stage_criteria) && s.stage_since < today) {
    why += "; every criterion is met: log today's pain to move on";
  }
  return why;
}

}  // namespace

const char* RehabStageName(RehabStage stage) {
  switch (stage) {
    case RehabStage::kNone: return "none";
    case RehabStage::kProtect: return "protect";
    case RehabStage::kRehab: return "rehab";
    case RehabStage::kReturn: return "return";
    case RehabStage::kDone: return "done";
  }
  return "none";
}

std::string WalkRunPhase::Describe() const {
  if (continuous) return fmt::format("run {} min continuously ({:.1f} km), RPE {}/10", run_min, distance_m / 1000, rpe);
  return fmt::format("walk {} min / run {} min x {} ({:.1f} km), RPE {}/10", walk_min, run_min, repeats,
                     distance_m / 1000, rpe);
}

const std::vector<WalkRunPhase>& WalkRunPhases() {
  // [trials-2023-rtr] Table 1, as SCIENCE.md E7 gives it.
  static const std::vector<WalkRunPhase> kPhases = {
      MakePhase(1, 2, 3, 1.0, 3), MakePhase(2, 2, 3, 1.5, 3), MakePhase(3, 2, 4, 1.5, 4),
      MakePhase(4, 2, 4, 2.0, 4), MakePhase(5, 1, 4, 2.0, 5), MakePhase(6, 0, 0, 2.0, 5),
  };
  return kPhases;
}

bool PainAboveLimits(const Injury& injury, const PainLog& log) {
  const int limit = IsBoneStress(injury) ? kBonePainDuring : kAcceptablePainDuring;
  return log.pain_during > limit || log.pain_next_morning > kBaselinePainNextMorning;
}

RehabState ComputeRehab(const Injury& injury, const std::vector<PainLog>& logs, Date today) {
  if (!injury.ActiveOn(today)) return RehabState{};
  const std::vector<PainLog> mine = LogsUpTo(injury, logs, today);
  Replay replay(injury, mine);
  for (const PainLog& log : mine) replay.Apply(log);
  RehabState s = replay.state();
  s.red_flags = ActiveRedFlags(injury, mine, today);
  if (!s.red_flags.empty() && s.stage != RehabStage::kProtect) {
    s.history.push_back({today, s.stage, RehabStage::kProtect, 0, "red flag: " + s.red_flags.front().text});
    s.stage = RehabStage::kProtect;
    s.stage_since = today;
    s.return_phase = 0;
    s.sessions_in_phase = 0;
  }
  s.stop_running = !s.red_flags.empty() || s.stage == RehabStage::kProtect || s.stage == RehabStage::kRehab;
  if (today <= LastNoHeatDay(injury)) s.no_heat_until = LastNoHeatDay(injury);
  const Day day{today, replay.last_log(), replay.prev_log(), !s.red_flags.empty()};
  s.next_stage_criteria = CriteriaFor(injury, s, day);
  s.regress_if = RegressIf(s);
  if (s.stage == RehabStage::kReturn) s.walk_run = WalkRunPhases()[static_cast<size_t>(s.return_phase - 1)];
  s.why = WhyText(s, injury, today);
  return s;
}

RehabOutlook ProjectRehab(const Injury& injury, const std::vector<PainLog>& logs, Date today) {
  RehabOutlook out;
  const RehabState now = ComputeRehab(injury, logs, today);
  out.stage = now.stage;
  if (now.stage == RehabStage::kNone) return out;
  if (!now.red_flags.empty()) {
    out.needs_clinician = true;
    return out;
  }
  const std::vector<PainLog> mine = LogsUpTo(injury, logs, today);
  Replay replay(injury, mine);
  for (const PainLog& log : mine) replay.Apply(log);
  auto note_dates = [&](Date date) {
    const RehabStage stage = replay.state().stage;
    if ((stage == RehabStage::kReturn || stage == RehabStage::kDone) && !out.running_resumes) {
      out.running_resumes = stage == RehabStage::kReturn ? replay.state().stage_since : date;
    }
    // Done on the day of the last walk-run session: full training starts the day after it.
    if (stage == RehabStage::kDone && !out.full_training_resumes) {
      out.full_training_resumes = replay.state().stage_since.AddDays(1);
    }
  };
  note_dates(today);
  Date day = (!mine.empty() && mine.back().date == today) ? today.AddDays(1) : today;
  for (int i = 0; i < kMaxProjectionDays && !out.full_training_resumes; ++i, day = day.AddDays(1)) {
    replay.Apply(PainLog{injury.id, day, 0, 0, 0, kEntryWalkMinutes, HopTest::kPass});
    note_dates(day);
  }
  for (const ProjectedSession& session : replay.sessions()) {
    if (session.date >= today) out.sessions.push_back(session);
  }
  return out;
}

}  // namespace stride::care
