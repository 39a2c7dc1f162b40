// SPDX-License-Identifier: MIT
// `stride serve` end to end: the real binary ($STRIDE_BINARY) prints its URL, answers, and exits 0 on
// Ctrl-C (SIGINT) and on SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "test_server.h"

namespace stride::testing {
namespace {

struct ServeProcess {
  pid_t pid = -1;
  FILE* out = nullptr;  // the child's stdout
};

// Starts `stride ARGS...`; stdout is piped back, stderr is discarded.
ServeProcess StartStride(const std::vector<std::string>& args) {
  const char* binary = std::getenv("STRIDE_BINARY");
  int fds[2];
  if (binary == nullptr || pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    if (FILE* null = std::freopen("/dev/null", "w", stderr); null == nullptr) _exit(127);
    std::vector<char*> argv{const_cast<char*>(binary)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary, argv.data());
    _exit(127);
  }
  close(fds[1]);
  return {pid, fdopen(fds[0], "r")};
}

int WaitExitCode(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string ReadLine(FILE* f) {
  char buffer[512];
  return std::fgets(buffer, sizeof buffer, f) != nullptr ? std::string(buffer) : std::string();
}

class ServeCommandTest : public ::testing::TestWithParam<int> {};

TEST_P(ServeCommandTest, PrintsUrlServesAndExitsZeroOnSignal) {
  ASSERT_NE(std::getenv("STRIDE_BINARY"), nullptr) << "run through ctest";
  const auto dir = MakeTempDir();
  SeedDatabase(dir / "stride.db", 1);
  ServeProcess p = StartStride({"serve", "--db", (dir / "stride.db").string(), "--port", "0"});
  ASSERT_GT(p.pid, 0);
  const std::string line = ReadLine(p.out);
  const std::string prefix = "Dashboard: http://127.0.0.1:";
  ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
  const int port = std::atoi(line.c_str() + prefix.size());
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/api/athlete");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  kill(p.pid, GetParam());
  EXPECT_EQ(WaitExitCode(p.pid), 0);
  std::fclose(p.out);
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Signals, ServeCommandTest, ::testing::Values(SIGINT, SIGTERM));

TEST(ServeCommandRefusalTest, NetworkBindWithoutTokenExitsOne) {
  ASSERT_NE(std::getenv("STRIDE_BINARY"), nullptr) << "run through ctest";
  const auto dir = MakeTempDir();
  ServeProcess p = StartStride({"serve", "--db", (dir / "stride.db").string(), "--host", "0.0.0.0", "--port", "0"});
  ASSERT_GT(p.pid, 0);
  EXPECT_EQ(ReadLine(p.out), "");
  EXPECT_EQ(WaitExitCode(p.pid), 1);
  std::fclose(p.out);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stride::testing
