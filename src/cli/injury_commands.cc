// SPDX-License-Identifier: MIT
// `stride injury add|log|list|show|resolve|clear-flags|routine` and `stride rehab`: recording pain and
// following the rehab stages (docs/rehab.md). Each command is one app/injury.h call.
#include <fmt/format.h>

#include <charconv>
#include <iostream>
#include <memory>

#include "app/injury.h"
#include "app/injury_form.h"
#include "cli/commands.h"
#include "views/json_output.h"

namespace stride::cli {
namespace {

using core::ErrorCode;

// The options fill the app's forms directly: the form is what was typed.
using AddOptions = app::InjuryForm;
using LogOptions = app::PainLogForm;

struct IdOptions {
  std::string id;
  std::string routine;
  bool replace = false;
};

// A whole number from `text`, or an error naming the option.
Result<int64_t> ParseWhole(const std::string& text, const char* option, const char* what) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{} must be a whole number, got '{}'", what, text), option);
  }
  return value;
}

// The form's error, naming the option instead of the field ("--pain-at-rest" for "pain_at_rest").
template <class T>
Result<T> AsOptions(Result<T> r) {
  if (!r) return Fail(r.error().code, r.error().message, app::OptionName(r.error().where));
  return r;
}

Result<care::Injury> ParseAdd(const AddOptions& o, core::Date date) { return AsOptions(app::ParseInjuryForm(o, date)); }

Result<app::LogPainRequest> ParseLog(const LogOptions& o, core::Date date) {
  return AsOptions(app::ParsePainLogForm(o, date));
}

std::string Describe(const care::Injury& i) {
  return fmt::format("#{} {}{}, pain {}/10 since {}", i.id, care::InjurySiteName(i.site),
                     i.side ? fmt::format(" ({})", care::SideName(*i.side)) : "", i.pain, core::FormatDate(i.onset_date));
}

void PrintRedFlags(const care::RehabState& s) {
  if (s.red_flags.empty()) return;
  std::cout << "RED FLAGS:\n";
  for (const auto& f : s.red_flags) std::cout << "  - " << f.text << "\n";
  std::cout << "Stop running and see a clinician (doctor or physiotherapist). Stride does not diagnose.\n";
}

void PrintStatus(const app::InjuryStatus& s) {
  std::cout << fmt::format("Stage: {}{}\n", care::RehabStageName(s.state.stage),
                           s.state.stop_running ? " (no running)" : "");
  PrintRedFlags(s.state);
  if (s.state.red_flags.empty()) std::cout << s.state.why << "\n";
}

std::string DoseText(const care::Dose& d) {
  std::string out;
  if (d.reps) out = fmt::format("{} x {} reps", d.sets.value_or(1), *d.reps);
  else if (d.seconds) out = fmt::format("{} x {} s", d.sets.value_or(1), *d.seconds);
  else if (d.minutes) out = fmt::format("{:g} min", *d.minutes);
  if (d.per_side) out += " per side";
  return out;
}

void PrintRehab(const app::InjuryRehab& r) {
  const care::RehabState& s = r.state;
  std::cout << "Injury " << Describe(r.injury) << "\n";
  PrintStatus({r.injury, s});
  if (s.walk_run) std::cout << "Walk-run session (every other day): " << s.walk_run->Describe() << "\n";
  std::cout << "\nToday's routine\n";
  if (r.routine.items.empty()) std::cout << "  (none)\n";
  for (const care::Item& item : r.routine.items) {
    std::cout << fmt::format("  {:<34} {:<22} [{}]\n", item.name, DoseText(item.dose), item.source);
  }
  for (const care::Note& n : r.routine.notes) std::cout << "  note: " << n.text << "\n";
  std::cout << "\nTo move on\n";
  if (s.next_stage_criteria.empty()) std::cout << "  (last stage: back to the plan at reduced volume)\n";
  for (const care::Criterion& c : s.next_stage_criteria) {
    std::cout << fmt::format("  [{}] {} [{}]\n", c.met ? "x" : " ", c.text, c.source);
  }
  std::cout << "\nSteps back if\n";
  for (const std::string& t : s.regress_if) std::cout << "  - " << t << "\n";
  if (r.outlook.running_resumes) {
    std::cout << fmt::format("\nEarliest run: {}; full training: {}\n", core::FormatDate(*r.outlook.running_resumes),
                             r.outlook.full_training_resumes ? core::FormatDate(*r.outlook.full_training_resumes) : "?");
  }
}

// What the command did to the saved plan, in a line; nothing when it left the plan alone.
void PrintPlanReaction(const app::PlanReaction& r) {
  switch (r.outcome) {
    case app::PlanReaction::Outcome::kUnchanged:
      return;
    case app::PlanReaction::Outcome::kReplanned:
      std::cout << fmt::format("Plan re-made: version {} (stride plan show): {}\n", r.version, r.why);
      return;
    case app::PlanReaction::Outcome::kNotRemade:
      std::cout << fmt::format("Plan not re-made: {}. The plan still holds runs you should not do now: fix that, "
                               "then run stride plan adapt\n",
                               r.why);
      return;
  }
}

int RunAdd(const AddOptions& o, const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto injury = ParseAdd(o, *today);
  if (!injury) return ReportError(injury.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto added = app::AddInjury(*db, std::move(*injury));
  if (!added) return ReportError(added.error());
  if (g.json) {
    nlohmann::json j = views::InjuryStatusJson(added->status);
    j["plan"] = views::PlanReactionJson(added->plan);
    PrintJson(j);
    return kExitOk;
  }
  std::cout << "Recorded injury " << Describe(added->status.injury) << "\n";
  PrintStatus(added->status);
  PrintPlanReaction(added->plan);
  std::cout << "Log each day with: stride injury log --pain-during N --pain-after N --pain-next-morning N\n";
  return kExitOk;
}

int RunLog(const LogOptions& o, const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto request = ParseLog(o, *today);
  if (!request) return ReportError(request.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto logged = app::LogPain(*db, *request);
  if (!logged) return ReportError(logged.error());
  if (logged->replaced) {
    std::cerr << "stride: replaced the earlier log of " << core::FormatDate(request->log.date) << " for injury #"
              << logged->status.injury.id << "\n";
  }
  if (g.json) {
    nlohmann::json j = views::InjuryStatusJson(logged->status);
    j["replaced"] = logged->replaced;
    j["plan"] = views::PlanReactionJson(logged->plan);
    PrintJson(j);
    return kExitOk;
  }
  std::cout << fmt::format("Logged {} for injury {}{}\n", core::FormatDate(request->log.date),
                           Describe(logged->status.injury), logged->replaced ? " (replaced that day's earlier log)" : "");
  PrintStatus(logged->status);
  PrintPlanReaction(logged->plan);
  return kExitOk;
}

int RunList(const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto list = app::ListInjuries(*db, *today);
  if (!list) return ReportError(list.error());
  if (g.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& s : *list) j.push_back(views::InjuryStatusJson(s));
    PrintJson(j);
    return kExitOk;
  }
  if (list->empty()) std::cout << "No injuries recorded.\n";
  for (const auto& s : *list) {
    std::cout << fmt::format("{}  {}{}\n", Describe(s.injury),
                             s.injury.resolved_on ? "resolved " + core::FormatDate(*s.injury.resolved_on)
                                                  : std::string("stage ") + care::RehabStageName(s.state.stage),
                             s.state.red_flags.empty() ? "" : "  RED FLAGS");
  }
  return kExitOk;
}

// Shared by show, resolve, clear-flags and routine: parse the id, open the database.
template <class Fn>
int WithInjury(const IdOptions& o, const Globals& g, Fn fn) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto id = ParseWhole(o.id, "ID", "the injury id");
  if (!id) return ReportError(id.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  return fn(*db, *id, *today);
}

int RunShow(const IdOptions& o, const Globals& g) {
  return WithInjury(o, g, [&](store::Database& db, int64_t id, core::Date today) {
    auto rehab = app::ShowInjury(db, id, today);
    if (!rehab) return ReportError(rehab.error());
    if (g.json) PrintJson(views::InjuryRehabJson(*rehab));
    else PrintRehab(*rehab);
    return kExitOk;
  });
}

int RunResolve(const IdOptions& o, const Globals& g, bool clear_flags) {
  return WithInjury(o, g, [&](store::Database& db, int64_t id, core::Date today) {
    auto updated = clear_flags ? app::ClearRedFlags(db, id, today) : app::ResolveInjury(db, id, today);
    if (!updated) return ReportError(updated.error());
    if (g.json) {
      nlohmann::json j = views::InjuryJson(updated->injury);
      j["plan"] = views::PlanReactionJson(updated->plan);
      PrintJson(j);
      return kExitOk;
    }
    if (clear_flags) std::cout << "Red flags of injury #" << id << " cleared by a clinician on " << core::FormatDate(today) << "\n";
    else std::cout << "Injury #" << id << " resolved on " << core::FormatDate(today) << "\n";
    PrintPlanReaction(updated->plan);
    return kExitOk;
  });
}

int RunRoutine(const IdOptions& o, const Globals& g) {
  return WithInjury(o, g, [&](store::Database& db, int64_t id, core::Date) {
    if (auto s = app::AttachRoutineToInjury(db, o.routine, id, o.replace); !s) return ReportError(s.error());
    std::cout << fmt::format("Routine {} {} the rehab routine of injury #{}\n", o.routine,
                             o.replace ? "replaces" : "joins", id);
    return kExitOk;
  });
}

int RunRehab(const Globals& g) {
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto report = app::ComputeRehabReport(*db, *today);
  if (!report) return ReportError(report.error());
  if (g.json) {
    PrintJson(views::RehabJson(*report));
    return kExitOk;
  }
  if (!report->primary) {
    std::cout << "Stage: none (no active injury on " << core::FormatDate(*today) << ")\n";
    return kExitOk;
  }
  PrintRehab(*report->primary);
  for (const auto& other : report->others) {
    std::cout << fmt::format("\nAlso: injury {} in stage {}\n", Describe(other.injury), care::RehabStageName(other.state.stage));
  }
  return kExitOk;
}

CLI::App* Sub(CLI::App* parent, const char* name, const char* help) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->fallthrough();
  return cmd;
}

void AddAdd(CLI::App* cmd, Runner& runner) {
  auto o = std::make_shared<AddOptions>();
  CLI::App* add = Sub(cmd, "add", "record an injury (--date: the day it began)");
  add->add_option("--site", o->site, "where it hurts: " + care::AcceptedInjurySites())->required();
  add->add_option("--side", o->side, "left or right");
  add->add_option("--pain", o->pain, "pain now, 0-10")->required()->type_name("N");
  add->add_option("--pain-at-rest", o->pain_at_rest, "pain at rest, 0-10")->type_name("N");
  add->add_flag("--pain-night", o->pain_night, "pain at night (red flag)");
  add->add_flag("--swelling", o->swelling, "visible swelling (red flag)");
  add->add_flag("--bone-tenderness", o->bone_tenderness, "tender on the bone itself (red flag)");
  add->add_flag("--cannot-bear-weight", o->cannot_bear_weight, "cannot put weight on it (red flag)");
  add->add_flag("--numbness", o->numbness, "numbness or pins and needles (red flag)");
  add->add_option("--onset", o->onset, "sudden or gradual");
  add->add_option("--notes", o->notes, "free text");
  SetExamples(add, "  stride injury add --site it-band --side left --pain 4\n"
                   "  stride injury add --site shin --pain 5 --bone-tenderness --date 2026-05-04\n");
  add->callback([o, &runner] { runner = [o](const Globals& gl) { return RunAdd(*o, gl); }; });
}

void AddLog(CLI::App* cmd, Runner& runner) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* log = Sub(cmd, "log", "log a day's pain (one log per injury and date; a second one replaces it)");
  log->add_option("--injury", o->injury, "injury id (default: the only active one)")->type_name("ID");
  log->add_option("--pain-during", o->pain_during, "pain during the day's activity, 0-10")->required()->type_name("N");
  log->add_option("--pain-after", o->pain_after, "pain after it, 0-10")->required()->type_name("N");
  log->add_option("--pain-next-morning", o->pain_next_morning, "pain on waking, 0-10")->required()->type_name("N");
  log->add_option("--walk-min", o->walk_min, "minutes of brisk walking")->type_name("N");
  log->add_option("--hop-test", o->hop_test, "10-15 single-leg hops on the injured side: pass (no pain) or fail");
  SetExamples(log, "  stride injury log --pain-during 2 --pain-after 1 --pain-next-morning 0 --walk-min 30 --hop-test pass\n");
  log->callback([o, &runner] { runner = [o](const Globals& gl) { return RunLog(*o, gl); }; });
}

// Adds a subcommand taking an injury ID whose runner is `run`.
template <class Fn>
CLI::App* AddWithId(CLI::App* cmd, Runner& runner, const char* name, const char* help, Fn run) {
  auto o = std::make_shared<IdOptions>();
  CLI::App* sub = Sub(cmd, name, help);
  sub->add_option("ID", o->id, "the injury id (stride injury list)")->required();
  sub->callback([o, &runner, run] { runner = [o, run](const Globals& gl) { return run(*o, gl); }; });
  return sub;
}

}  // namespace

void AddInjuryCommands(CLI::App& root, Globals& g, Runner& runner) {
  CLI::App* cmd = root.add_subcommand("injury", "record injuries and daily pain; see stride rehab");
  cmd->require_subcommand(1);
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  AddAdd(cmd, runner);
  AddLog(cmd, runner);
  CLI::App* list = Sub(cmd, "list", "list injuries with their stage");
  list->callback([&runner] { runner = [](const Globals& gl) { return RunList(gl); }; });
  AddWithId(cmd, runner, "show", "one injury: stage, routine, criteria and logs", RunShow);
  AddWithId(cmd, runner, "resolve", "mark an injury resolved (--date: the day)",
            [](const IdOptions& o, const Globals& gl) { return RunResolve(o, gl, false); });
  AddWithId(cmd, runner, "clear-flags", "record that a clinician cleared the red flags (--date: the day)",
            [](const IdOptions& o, const Globals& gl) { return RunResolve(o, gl, true); });
  auto o = std::make_shared<IdOptions>();
  CLI::App* routine = Sub(cmd, "routine", "pin a custom routine (stride routine add) to an injury");
  routine->add_option("ID", o->id, "the injury id")->required();
  routine->add_option("NAME", o->routine, "the custom routine's id")->required();
  routine->add_flag("--replace", o->replace, "replace the stage's routine instead of joining it");
  routine->callback([o, &runner] { runner = [o](const Globals& gl) { return RunRoutine(*o, gl); }; });

  CLI::App* rehab = root.add_subcommand("rehab", "the rehab stage, today's routine and what moves you on");
  rehab->fallthrough();
  AddGlobalOptions(*rehab, g);
  SetExamples(rehab, "  stride rehab\n  stride rehab --date 2026-05-10 --json\n");
  rehab->callback([&runner] { runner = [](const Globals& gl) { return RunRehab(gl); }; });
}

}  // namespace stride::cli
