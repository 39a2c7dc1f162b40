// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/text.h"

namespace stride::cli {
namespace {

constexpr const char* kVersion = "0.1.0";

// The command table, in the order `stride --help` lists them.
constexpr Command kCommands[] = {
    {"athlete", AddAthleteCommand},
    {"paces", AddPacesCommand},
    {"inspect", AddInspectCommand},
    {"import", AddImportCommand},
    {"activities", AddActivitiesCommand},
    {"activity", AddActivityCommand},
    {"load", AddLoadCommands},  // also fitness and status
    {"injury", AddInjuryCommands},  // also rehab
    {"routine", AddRoutineCommand},
    {"plan", AddPlanCommand},
    {"today", AddTodayCommand},
    {"serve", AddServeCommand},
    {"sample-data", AddSampleDataCommand},
};

// "did you mean" for the first word that is not a known command.
std::string Suggestion(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.starts_with("-")) {
      if (word == "--db" || word == "--date") ++i;  // skip the option's value
      continue;
    }
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == word) known = true;
    }
    if (known) return "";
    std::string best;
    size_t best_d = 3;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      size_t d = core::EditDistance(word, sub->get_name());
      if (d < best_d) {
        best_d = d;
        best = sub->get_name();
      }
    }
    if (!best.empty()) return fmt::format("unknown command '{}'; did you mean '{}'?", word, best);
    return fmt::format("unknown command '{}'; run 'stride --help' for the list", word);
  }
  return "";
}

int RunMain(int argc, char** argv) {
  CLI::App app{"Stride: marathon training and recovery, from first run to race day.", "stride"};
  app.set_version_flag("--version", std::string("stride ") + kVersion);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(
      "\nRun 'stride COMMAND --help' for a command's options and examples.\n"
      "Exit codes: 0 ok, 1 bad arguments or not found, 2 bad input file or data, 3 internal error.");
  Globals globals;
  Runner runner;
  AddGlobalOptions(app, globals);
  for (const Command& c : kCommands) c.add(app, globals, runner);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string hint = Suggestion(app, argc, argv);
    std::cerr << "stride: error: " << (hint.empty() ? e.what() : hint) << "\n";
    if (hint.empty()) std::cerr << "run 'stride --help' or 'stride COMMAND --help' for usage\n";
    return kExitUserError;
  }
  if (!runner) {
    std::cerr << "stride: error: no command given; run 'stride --help'\n";
    return kExitUserError;
  }
  return runner(globals);
}

}  // namespace

int Main(int argc, char** argv) {
  try {
    return RunMain(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "stride: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace stride::cli
