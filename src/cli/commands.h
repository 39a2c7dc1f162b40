// SPDX-License-Identifier: MIT
// The command table: each command adds its CLI11 subcommand and, when chosen, sets the Runner.
#ifndef STRIDE_CLI_COMMANDS_H_
#define STRIDE_CLI_COMMANDS_H_

#include "cli/common.h"

namespace stride::cli {

using AddCommandFn = void (*)(CLI::App& root, Globals& g, Runner& runner);

struct Command {
  const char* name;
  AddCommandFn add;
};

void AddAthleteCommand(CLI::App& root, Globals& g, Runner& runner);
void AddPacesCommand(CLI::App& root, Globals& g, Runner& runner);
void AddInspectCommand(CLI::App& root, Globals& g, Runner& runner);
void AddImportCommand(CLI::App& root, Globals& g, Runner& runner);
void AddActivitiesCommand(CLI::App& root, Globals& g, Runner& runner);
void AddActivityCommand(CLI::App& root, Globals& g, Runner& runner);
void AddSampleDataCommand(CLI::App& root, Globals& g, Runner& runner);
void AddLoadCommands(CLI::App& root, Globals& g, Runner& runner);
void AddInjuryCommands(CLI::App& root, Globals& g, Runner& runner);
void AddServeCommand(CLI::App& root, Globals& g, Runner& runner);
void AddRoutineCommand(CLI::App& root, Globals& g, Runner& runner);
void AddPlanCommand(CLI::App& root, Globals& g, Runner& runner);
void AddTodayCommand(CLI::App& root, Globals& g, Runner& runner);

}  // namespace stride::cli

#endif  // STRIDE_CLI_COMMANDS_H_
