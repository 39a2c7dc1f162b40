// SPDX-License-Identifier: MIT
// `stride routine list|show|add|remove`: the built-in and custom routines, a terminal view, a printable
// sheet (numbered, plain text, at most 80 columns) and JSON. Hands off to app/routines.h.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/routines.h"
#include "cli/commands.h"
#include "views/json_output.h"

namespace stride::cli {
namespace {

// The printable sheet's width: fits a terminal and an A4 page in a monospaced font.
constexpr size_t kSheetColumns = 80;

size_t Columns(std::string_view text) {  // UTF-8 code points
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Splits `word` into pieces of at most `width` code points (for words longer than a line).
std::vector<std::string> HardBreak(const std::string& word, size_t width) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < word.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(word[i]) & 0xC0) != 0x80;
    if (starts_char && Columns(out.back()) == width) out.emplace_back();
    out.back() += word[i];
  }
  return out;
}

// Word-wraps `text` to kSheetColumns: the first line starts with `first`, the others with `rest`.
std::string Wrap(std::string_view text, const std::string& first, const std::string& rest) {
  std::string out, line = first;
  bool line_empty = true;
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) {
      for (std::string& piece : HardBreak(std::string(text.substr(start, end - start)), kSheetColumns - rest.size())) {
        words.push_back(std::move(piece));
      }
    }
    start = end + 1;
  }
  for (const std::string& w : words) {
    if (!line_empty && Columns(line) + 1 + Columns(w) > kSheetColumns) {
      out += line + "\n";
      line = rest;
      line_empty = true;
    }
    line += (line_empty ? "" : " ") + w;
    line_empty = false;
  }
  return out + line + "\n";
}

// "3 x 15 per side", "30 s per side", "2 x 60 s", "10 min at 12 °C".
std::string DoseText(const care::Dose& d) {
  std::vector<std::string> parts;
  if (d.reps) parts.push_back(d.sets ? fmt::format("{} x {}", *d.sets, *d.reps) : fmt::format("{} reps", *d.reps));
  if (d.seconds) {
    parts.push_back(d.sets && *d.sets > 1 ? fmt::format("{} x {} s", *d.sets, *d.seconds) : fmt::format("{} s", *d.seconds));
  }
  if (d.minutes) parts.push_back(fmt::format("{:g} min", *d.minutes));
  std::string text = fmt::format("{}", fmt::join(parts, ", "));
  if (d.per_side) text += " per side";
  if (d.temperature_c) text += fmt::format(" at {:g} °C", *d.temperature_c);
  return text;
}

std::string KindsText(const std::vector<care::ItemKind>& kinds) {
  std::vector<std::string> names;
  for (care::ItemKind k : kinds) names.push_back(care::ItemKindName(k));
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string PinningText(const app::RoutinePinning& p) {
  std::vector<std::string> parts;
  if (!p.days.empty()) {
    std::vector<std::string> days;
    for (core::Weekday d : p.days) days.push_back(core::WeekdayName(d));
    parts.push_back("on " + fmt::format("{}", fmt::join(days, ",")));
  }
  if (p.injury_id) parts.push_back(fmt::format("for injury {}", *p.injury_id));
  parts.push_back(p.replace ? "replaces the day's routine" : "joins the day's routine");
  return fmt::format("{}", fmt::join(parts, ", "));
}

void PrintList(const std::vector<app::RoutineSummary>& routines) {
  for (const app::RoutineSummary& r : routines) {
    std::cout << fmt::format("{:<24} {:<9} {}{}\n", r.id, care::RoutinePhaseName(r.phase), r.name,
                             r.custom ? " [custom]" : "");
    std::cout << fmt::format("{:<24} {:<9} {} steps: {}{}\n", "", "", r.step_count, KindsText(r.kinds),
                             r.custom ? "; " + PinningText(r.pinning) : "");
  }
  std::cout << "\nRun 'stride routine show ID' for the steps, or add --print for a printable sheet.\n";
}

// The header lines shared by the terminal view and the printable sheet.
void PrintHeader(const app::RoutineDetail& d) {
  const care::Routine& r = d.routine;
  std::cout << Wrap(fmt::format("{} ({})", r.name, r.id), "", "");
  std::cout << Wrap(fmt::format("Phase: {}. Source: [{}], evidence {}.", care::RoutinePhaseName(r.phase), r.source,
                                care::EvidenceName(r.evidence)), "", "");
  if (d.custom) std::cout << Wrap(fmt::format("Custom, from {}; {}.", d.file_name, PinningText(d.pinning)), "", "");
  if (!r.why.empty()) std::cout << Wrap(r.why, "Why: ", "     ");
}

void PrintShow(const app::RoutineDetail& d) {
  PrintHeader(d);
  std::cout << "\n";
  int n = 0;
  for (const app::ResolvedStep& s : d.steps) {
    std::cout << fmt::format("{:>2}. {:<44} {}\n", ++n, s.exercise.name, DoseText(s.dose));
  }
}

void PrintSheetStep(int n, const app::ResolvedStep& s) {
  const care::Exercise& e = s.exercise;
  std::cout << Wrap(fmt::format("{}. {}: {}", n, e.name, DoseText(s.dose)), "", "   ");
  if (!e.equipment.empty()) {
    std::cout << Wrap(fmt::format("Equipment: {}", fmt::join(e.equipment, ", ")), "   ", "   ");
  }
  char letter = 'a';
  for (const std::string& step : e.instructions) {
    std::cout << Wrap(step, fmt::format("   {}) ", letter), "      ");
    if (letter < 'z') ++letter;
  }
  if (!e.cues.empty()) std::cout << Wrap(fmt::format("Cues: {}", fmt::join(e.cues, "; ")), "   ", "   ");
  if (!s.easier_name.empty()) std::cout << Wrap("Easier: " + s.easier_name, "   ", "   ");
  if (!s.harder_name.empty()) std::cout << Wrap("Harder: " + s.harder_name, "   ", "   ");
  if (!e.why.empty()) {
    std::cout << Wrap(fmt::format("Why: {} [{}, evidence {}]", e.why, e.source, care::EvidenceName(e.evidence)),
                      "   ", "   ");
  }
  std::cout << "   [ ] done\n\n";
}

// The printable sheet: plain text, numbered exercises with lettered steps, at most kSheetColumns wide.
void PrintSheet(const app::RoutineDetail& d) {
  PrintHeader(d);
  std::cout << std::string(kSheetColumns, '-') << "\n\n";
  int n = 0;
  for (const app::ResolvedStep& s : d.steps) PrintSheetStep(++n, s);
  std::cout << Wrap("Evidence marks (SCIENCE.md): H primary source, M secondary, U unconfirmed.", "", "");
}

struct RoutineOptions {
  std::string name;
  bool print = false;
  std::string path;
  std::string days;
  std::optional<int64_t> injury_id;
  bool replace = false;
  bool force = false;
};

int RunList(const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto routines = app::ListRoutines(*db);
  if (!routines) return ReportError(routines.error());
  if (g.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const app::RoutineSummary& r : *routines) j.push_back(views::RoutineSummaryJson(r));
    PrintJson(j);
  } else {
    PrintList(*routines);
  }
  return kExitOk;
}

int RunShow(const RoutineOptions& o, const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto routine = app::GetRoutine(*db, o.name);
  if (!routine) return ReportError(routine.error());
  if (g.json) PrintJson(views::RoutineJson(*routine));
  else if (o.print) PrintSheet(*routine);
  else PrintShow(*routine);
  return kExitOk;
}

Result<app::RoutinePinning> ParsePinning(const RoutineOptions& o) {
  app::RoutinePinning p{{}, o.injury_id, o.replace};
  for (const std::string& word : SplitList(o.days)) {
    auto day = core::ParseWeekday(word);
    if (!day) return Fail(core::ErrorCode::kInvalidArgument, day.error().message, "--days");
    p.days.push_back(*day);
  }
  return p;
}

int RunAdd(const RoutineOptions& o, const Globals& g) {
  auto pinning = ParsePinning(o);
  if (!pinning) return ReportError(pinning.error());
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto added = app::AddRoutine(*db, {o.path, *pinning, o.force});
  if (!added) return ReportError(added.error());
  if (g.json) {
    PrintJson(views::RoutineJson(*added));
  } else {
    std::cout << fmt::format("Added routine '{}' ({}, {} exercises); {}.\n", added->routine.id, added->routine.name,
                             added->steps.size(), PinningText(added->pinning));
    std::cout << fmt::format("Run 'stride routine show {} --print' for a printable sheet.\n", added->routine.id);
  }
  return kExitOk;
}

int RunRemove(const RoutineOptions& o, const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  if (auto s = app::RemoveRoutine(*db, o.name); !s) return ReportError(s.error());
  std::cout << fmt::format("Removed routine '{}'.\n", o.name);
  return kExitOk;
}

}  // namespace

void AddRoutineCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<RoutineOptions>();
  CLI::App* cmd = root.add_subcommand("routine", "list, show, print, add and remove exercise routines");
  cmd->require_subcommand(1);
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  SetExamples(cmd,
              "  stride routine list\n  stride routine show itb-hip-flexor-focus\n"
              "  stride routine show runner-strength-a --print > strength.txt\n"
              "  stride routine add physio-itb.toml --days mon,thu\n  stride routine remove physio-itb\n");

  CLI::App* list = cmd->add_subcommand("list", "built-in and custom routines, with what kinds of items they hold");
  list->fallthrough();
  list->callback([&runner] { runner = [](const Globals& gl) { return RunList(gl); }; });

  CLI::App* show = cmd->add_subcommand("show", "one routine's exercises, doses, and why");
  show->fallthrough();
  show->add_option("NAME", o->name, "routine id, e.g. itb-hip-flexor-focus")->required();
  show->add_flag("--print", o->print, "a printable sheet: numbered steps, cues, doses and sources, 80 columns");
  SetExamples(show, "  stride routine show dynamic-warmup\n  stride routine show itb-hip-flexor-focus --print\n"
                    "  stride routine show sauna-stretching --json\n");
  show->callback([o, &runner] { runner = [o](const Globals& gl) { return RunShow(*o, gl); }; });

  CLI::App* add = cmd->add_subcommand("add", "add a custom routine from a TOML file (format: docs/care.md)");
  add->fallthrough();
  add->add_option("FILE", o->path, "the routine file, e.g. docs/examples/physio-itb.toml")->required();
  add->add_option("--days", o->days, "pin to weekdays, e.g. mon,thu")->type_name("DAYS");
  add->add_option("--injury", o->injury_id, "pin to a stored injury (its id)")->type_name("ID");
  add->add_flag("--replace", o->replace, "replace the day's built-in routine instead of joining it");
  add->add_flag("--force", o->force, "overwrite a custom routine with the same id");
  SetExamples(add, "  stride routine add docs/examples/physio-itb.toml\n"
                   "  stride routine add physio-itb.toml --days mon,thu --replace --force\n");
  add->callback([o, &runner] { runner = [o](const Globals& gl) { return RunAdd(*o, gl); }; });

  CLI::App* remove = cmd->add_subcommand("remove", "remove a custom routine");
  remove->fallthrough();
  remove->add_option("NAME", o->name, "the custom routine's id")->required();
  remove->callback([o, &runner] { runner = [o](const Globals& gl) { return RunRemove(*o, gl); }; });
}

}  // namespace stride::cli
