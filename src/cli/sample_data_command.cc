// SPDX-License-Identifier: MIT
// `stride sample-data DIR`: writes the demo runner's recent history as GPX files, so that a new user can
// try import, load and the plan without a watch.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/sample_history.h"
#include "cli/commands.h"

namespace stride::cli {
namespace {

struct SampleOptions {
  std::string dir;
  int weeks = 12;
};

int Run(const SampleOptions& o, const Globals& g) {
  if (o.weeks < 1 || o.weeks > 520) {
    return ReportError({core::ErrorCode::kInvalidArgument, fmt::format("{} weeks is out of range; use 1-520", o.weeks), "--weeks"});
  }
  auto today = Today(g);
  if (!today) return ReportError(today.error());
  auto written = app::WriteSampleHistory(o.dir, *today, o.weeks);
  if (!written) return ReportError(written.error());
  std::cerr << fmt::format("stride: wrote {} sample runs ({} weeks up to {}) to {}\n", written->size(), o.weeks,
                           core::FormatDate(*today), o.dir);
  if (g.json) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& p : *written) files.push_back(p.string());
    PrintJson({{"files", files}});
  }
  return kExitOk;
}

}  // namespace

void AddSampleDataCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<SampleOptions>();
  CLI::App* cmd = root.add_subcommand("sample-data", "write a demo runner's recent runs as GPX files, to try Stride");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  cmd->add_option("dir", o->dir, "folder to write into (created as needed)")->required();
  cmd->add_option("--weeks", o->weeks, "how many weeks of history, ending on --date (default 12)");
  SetExamples(cmd, "  stride sample-data ~/stride-sample && stride import ~/stride-sample\n");
  cmd->callback([o, &runner] { runner = [o](const Globals& gl) { return Run(*o, gl); }; });
}

}  // namespace stride::cli
