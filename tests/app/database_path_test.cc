// SPDX-License-Identifier: MIT
#include "app/database_path.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace stride::app {
namespace {

std::map<std::string, std::string> g_env;
const char* FakeEnv(const char* name) {
  auto it = g_env.find(name);
  return it == g_env.end() ? nullptr : it->second.c_str();
}

TEST(DatabasePathTest, PrecedenceIsFlagThenStrideDbThenXdgThenHome) {
  g_env = {{"HOME", "/home/sam"}};
  EXPECT_EQ(ResolveDatabasePath(std::nullopt, FakeEnv), "/home/sam/.local/share/stride/stride.db");
  g_env["XDG_DATA_HOME"] = "/data";
  EXPECT_EQ(ResolveDatabasePath(std::nullopt, FakeEnv), "/data/stride/stride.db");
  g_env["STRIDE_DB"] = "/tmp/s.db";
  EXPECT_EQ(ResolveDatabasePath(std::nullopt, FakeEnv), "/tmp/s.db");
  EXPECT_EQ(ResolveDatabasePath(std::string("mine.db"), FakeEnv), "mine.db");
}

}  // namespace
}  // namespace stride::app
