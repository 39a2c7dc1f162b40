// SPDX-License-Identifier: MIT
// `stride inspect`, `stride import`, `stride activities` and `stride activity`: the watch's truth.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "app/athlete.h"
#include "app/import.h"
#include "cli/commands.h"
#include "views/json_output.h"
#include "cli/progress_bar.h"
#include "store/activity_repository.h"

namespace stride::cli {
namespace {

struct FileOptions {
  std::vector<std::string> paths;
  bool salvage = false;
};

std::vector<std::filesystem::path> ToPaths(const std::vector<std::string>& in) {
  return std::vector<std::filesystem::path>(in.begin(), in.end());
}

std::string OrDash(double v, const std::string& text) { return std::isnan(v) ? "-" : text; }

// --- inspect ---

void PrintInspected(const app::InspectedFile& f, core::UnitSystem u) {
  if (f.error) {
    std::cout << fmt::format("{}: FAILED: {}\n", f.file, f.error->ToString());
    return;
  }
  for (const core::Activity& a : f.activities) {
    std::cout << fmt::format("{}: {} {} {}{}\n", f.file, core::FileFormatName(a.format), core::SportName(a.sport),
                             core::FormatTimestamp(a.start_time), a.salvaged ? " (salvaged)" : "");
    std::cout << fmt::format("  distance {}  timer {}  elapsed {}  records {}  laps {}  sessions {}  HR avg {} max {}\n",
                             OrDash(a.distance_m, core::FormatDistance(core::Distance::Metres(a.distance_m), u)),
                             OrDash(a.timer_s, core::FormatDuration(a.timer_s)),
                             OrDash(a.elapsed_s, core::FormatDuration(a.elapsed_s)), a.record_count, a.laps.size(),
                             a.sessions.size(), OrDash(a.avg_heart_rate_bpm, fmt::format("{:.0f}", a.avg_heart_rate_bpm)),
                             OrDash(a.max_heart_rate_bpm, fmt::format("{:.0f}", a.max_heart_rate_bpm)));
    if (a.salvaged) std::cout << fmt::format("  salvaged: {} bytes lost\n", a.bytes_lost);
  }
  for (const core::Diagnostic& w : f.warnings) std::cout << fmt::format("  warning: {}: {}\n", w.where, w.message);
}

int RunInspect(const FileOptions& o, const Globals& g) {
  auto files = app::InspectPaths(ToPaths(o.paths), o.salvage, archive::SourceLimits{});
  bool all_ok = !files.empty();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : files) {
    if (f.error) all_ok = false;
    if (g.json) out.push_back(views::InspectJson(f));
    else PrintInspected(f, core::UnitSystem::kKilometres);
  }
  if (g.json) PrintJson(out);
  for (const auto& f : files) {
    if (f.error) std::cerr << "stride: error: " << f.error->ToString() << "\n";
  }
  if (files.empty()) std::cerr << "stride: error: no activity files found in the given paths\n";
  return all_ok ? kExitOk : kExitBadData;
}

// --- import ---

int RunImport(const FileOptions& o, const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  ProgressBar bar(StderrIsTerminal());
  app::ImportOptions options;
  options.salvage = o.salvage;
  if (bar.enabled()) {  // without a bar, no survey of the inputs for its totals either
    options.on_progress = [&bar](const app::ImportProgress& p) {
      bar.Update(p.files_done, p.files_total, p.bytes_done, p.bytes_total, p.current);
    };
  }
  auto report = app::ImportPaths(*db, ToPaths(o.paths), options);
  bar.Finish();
  if (!report) return ReportError(report.error());
  if (g.json) {
    PrintJson(views::ImportJson(*report));
  } else {
    std::cout << fmt::format("{} imported, {} duplicates, {} failed", WithThousands(report->imported.size()),
                             WithThousands(report->duplicates.size()), WithThousands(report->failed.size()));
    if (!report->skipped.empty()) std::cout << fmt::format(", {} skipped", WithThousands(report->skipped.size()));
    std::cout << "\n";
    for (const auto& f : report->failed) std::cout << fmt::format("  failed: {}\n", f.error.where == f.file || f.error.where.starts_with(f.file) ? f.error.ToString() : f.file + ": " + f.error.ToString());
    for (const auto& s : report->skipped) std::cout << fmt::format("  skipped: {}\n", s);
  }
  if (report->files == 0) {
    std::cerr << "stride: error: no activity files found in the given paths\n";
    return kExitUserError;
  }
  return report->failed.empty() ? kExitOk : kExitBadData;
}

// --- activities ---

struct ListOptions {
  std::optional<std::string> since;
};

int RunActivities(const ListOptions& o, const Globals& g) {
  std::optional<core::Date> since;
  if (o.since) {
    auto d = core::ParseDate(*o.since);
    if (!d) return ReportError({d.error().code, d.error().message, "--since"});
    since = *d;
  }
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  auto athlete = app::GetAthleteOrDefault(*db);
  if (!athlete) return ReportError(athlete.error());
  auto list = store::ListActivities(*db, since);
  if (!list) return ReportError(list.error());
  if (g.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *list) out.push_back(views::StoredActivityJson(s));
    PrintJson(out);
    return kExitOk;
  }
  const core::UnitSystem u = athlete->units;
  std::cout << fmt::format("{:>5}  {:<10}  {:<13}  {:>9}  {:>8}  {:>9}  {:>4}  {}\n", "id", "date", "sport", "distance",
                           "time", "pace", "HR", "name");
  for (const auto& s : *list) {
    const core::Activity& a = s.activity;
    double seconds = std::isnan(a.timer_s) ? a.elapsed_s : a.timer_s;
    std::string pace = "-";
    if (a.distance_m > 0 && seconds > 0) pace = core::FormatPace(core::Pace::SecondsPerKm(seconds / (a.distance_m / 1000)), u);
    std::cout << fmt::format("{:>5}  {:<10}  {:<13}  {:>9}  {:>8}  {:>9}  {:>4}  {}\n", s.id,
                             core::FormatDate(a.LocalStartDate()), core::SportName(a.sport),
                             OrDash(a.distance_m, core::FormatDistance(core::Distance::Metres(a.distance_m), u, 1)),
                             OrDash(seconds, core::FormatDuration(seconds)), pace,
                             OrDash(a.avg_heart_rate_bpm, fmt::format("{:.0f}", a.avg_heart_rate_bpm)),
                             a.name.empty() ? s.source_name : a.name);
  }
  std::cerr << fmt::format("{} activities\n", WithThousands(list->size()));
  return kExitOk;
}

// --- activity rpe / race ---

struct ActivityEditOptions {
  int64_t id = 0;
  double rpe = 0;
  bool not_race = false;
};

int RunRpe(const ActivityEditOptions& o, const Globals& g) {
  if (!(o.rpe >= 0 && o.rpe <= 10)) {
    return ReportError({core::ErrorCode::kInvalidArgument, fmt::format("RPE {} is out of range; use 0-10 (CR-10 scale)", o.rpe), "RPE"});
  }
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  if (auto s = store::SetPerceivedExertion(*db, o.id, o.rpe); !s) return ReportError(s.error());
  std::cerr << fmt::format("stride: activity {} rated RPE {}\n", o.id, o.rpe);
  return kExitOk;
}

int RunRace(const ActivityEditOptions& o, const Globals& g) {
  auto db = OpenDatabase(g);
  if (!db) return ReportError(db.error());
  if (auto s = store::SetRace(*db, o.id, !o.not_race); !s) return ReportError(s.error());
  std::cerr << fmt::format("stride: activity {} {} a race\n", o.id, o.not_race ? "is no longer" : "marked as");
  return kExitOk;
}

}  // namespace

void AddInspectCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<FileOptions>();
  CLI::App* cmd = root.add_subcommand("inspect", "decode activity files and show what they hold, without storing");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  cmd->add_option("files", o->paths, "FIT, GPX or TCX files, .gz, export .zip archives or folders")->required();
  cmd->add_flag("--salvage", o->salvage, "keep what decodes before a corruption, and say how much was lost");
  SetExamples(cmd, "  stride inspect run.fit\n  stride inspect --json ride.fit.gz walk.gpx\n  stride inspect --salvage broken.fit\n");
  cmd->callback([o, &runner] { runner = [o](const Globals& gl) { return RunInspect(*o, gl); }; });
}

void AddImportCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<FileOptions>();
  CLI::App* cmd = root.add_subcommand("import", "store activities from files, folders, .gz and Strava/Garmin export zips");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  cmd->add_option("paths", o->paths, "files, folders or export archives")->required();
  cmd->add_flag("--salvage", o->salvage, "import what decodes before a corruption (the activity is marked salvaged)");
  SetExamples(cmd,
              "  stride import ~/Downloads/export_12345678.zip\n  stride import run.fit walk.gpx\n"
              "  stride import --json /media/WATCH/GARMIN/Activity\n"
              "Re-importing a file is a no-op. Exit 0 when every file imported or was a duplicate, 2 when some failed.\n");
  cmd->callback([o, &runner] { runner = [o](const Globals& gl) { return RunImport(*o, gl); }; });
}

void AddActivitiesCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<ListOptions>();
  CLI::App* cmd = root.add_subcommand("activities", "list stored activities");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  cmd->add_option("--since", o->since, "only activities on or after this local date")->type_name("DATE");
  SetExamples(cmd, "  stride activities\n  stride activities --since 2026-10-01 --json\n");
  cmd->callback([o, &runner] { runner = [o](const Globals& gl) { return RunActivities(*o, gl); }; });
}

void AddActivityCommand(CLI::App& root, Globals& g, Runner& runner) {
  CLI::App* cmd = root.add_subcommand("activity", "change one stored activity: rate its effort, mark it a race");
  cmd->require_subcommand(1);
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  auto o = std::make_shared<ActivityEditOptions>();
  CLI::App* rpe = cmd->add_subcommand("rpe", "rate how hard it felt, 0-10 (CR-10), for session-RPE load");
  rpe->fallthrough();
  rpe->add_option("id", o->id, "activity id (see stride activities)")->required();
  rpe->add_option("rpe", o->rpe, "perceived exertion 0-10")->required();
  SetExamples(rpe, "  stride activity rpe 42 6\n");
  rpe->callback([o, &runner] { runner = [o](const Globals& gl) { return RunRpe(*o, gl); }; });
  CLI::App* race = cmd->add_subcommand("race", "mark an activity as a race (it then counts for fitness)");
  race->fallthrough();
  race->add_option("id", o->id, "activity id")->required();
  race->add_flag("--not", o->not_race, "unmark it");
  SetExamples(race, "  stride activity race 42\n  stride activity race 42 --not\n");
  race->callback([o, &runner] { runner = [o](const Globals& gl) { return RunRace(*o, gl); }; });
}

}  // namespace stride::cli
