// SPDX-License-Identifier: MIT
#include "run_stride.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace stride::testing {
namespace {

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::filesystem::path FreshTempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("stride_cli_" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

StrideRun RunStride(const std::vector<std::string>& args, const std::filesystem::path& db) {
  const char* binary = std::getenv("STRIDE_BINARY");
  std::string exe = binary ? binary : "build/stride";
  auto dir = FreshTempDir("run");
  std::string cmd = "env -i PATH=/usr/bin:/bin HOME=" + Quote(dir.string());
  if (!db.empty()) cmd += " STRIDE_DB=" + Quote(db.string());
  cmd += " " + Quote(exe);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " >" + Quote((dir / "out").string()) + " 2>" + Quote((dir / "err").string()) + " </dev/null";
  int status = std::system(cmd.c_str());
  StrideRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = Slurp(dir / "out");
  run.err = Slurp(dir / "err");
  return run;
}

}  // namespace stride::testing
