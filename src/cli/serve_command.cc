// SPDX-License-Identifier: MIT
// `stride serve`: the local web dashboard (src/server/), until Ctrl-C. Prints "Dashboard: URL" on stdout
// as soon as the port is bound, so scripts and tests can read the address (with --port 0, the chosen port).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/database_path.h"
#include "cli/commands.h"
#include "server/server.h"

namespace stride::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::optional<std::string> token;
};

int Run(const ServeOptions& o, const Globals& g) {
  server::ServerOptions options;
  options.host = o.host;
  options.port = o.port;
  options.token = o.token;
  if (!options.token) {
    if (const char* env = std::getenv("STRIDE_TOKEN"); env != nullptr && *env != '\0') options.token = env;
  }
  options.db_path = app::ResolveDatabasePath(g.db_path, [](const char* n) -> const char* { return std::getenv(n); });
  if (g.date) {
    auto today = Today(g);
    if (!today) return ReportError(today.error());
    options.today = [day = *today] { return day; };
  }
  auto server = server::DashboardServer::Create(std::move(options));
  if (!server) return ReportError(server.error());
  std::cout << "Dashboard: " << (*server)->url() << std::endl;  // flushed: a script may be waiting for it
  std::cerr << "serving " << app::ResolveDatabasePath(g.db_path, [](const char* n) -> const char* { return std::getenv(n); }).string()
            << (o.token || std::getenv("STRIDE_TOKEN") ? "; API calls need the token (open URL#token=TOKEN)" : "")
            << "; press Ctrl-C to stop\n";
  auto status = server::RunUntilSignalled(**server);
  if (!status) return ReportError(status.error());
  std::cerr << "stride serve: stopped\n";
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& root, Globals& g, Runner& runner) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = root.add_subcommand("serve", "the web dashboard on this machine, until Ctrl-C");
  cmd->fallthrough();
  AddGlobalOptions(*cmd, g);
  cmd->add_option("--host", o->host, "address to listen on (default 127.0.0.1; any other needs --token)")
      ->type_name("ADDR");
  cmd->add_option("--port", o->port, "port (default 8080; 0 picks a free one)")->type_name("PORT");
  cmd->add_option("--token", o->token,
                  "secret (16+ characters) every API call must send as 'Authorization: Bearer TOKEN' "
                  "(default: $STRIDE_TOKEN)")
      ->type_name("TOKEN");
  SetExamples(cmd,
              "  stride serve\n  stride serve --db build/demo/stride.db --port 0\n"
              "  stride serve --host 0.0.0.0 --token \"$(openssl rand -hex 16)\"\n");
  cmd->callback([o, &runner] { runner = [o](const Globals& gl) { return Run(*o, gl); }; });
}

}  // namespace stride::cli
