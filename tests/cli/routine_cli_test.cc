// SPDX-License-Identifier: MIT
// `stride routine ...` end to end: list, show (JSON and the printable sheet), add a physio's file, errors.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_stride.h"

namespace stride::testing {
namespace {

using nlohmann::json;

constexpr const char* kPhysioFile = "docs/examples/physio-itb.toml";

size_t Utf8Columns(const std::string& line) {
  size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::filesystem::path WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path;
}

TEST(RoutineCliTest, ListHoldsTheBuiltInRoutines) {
  auto db = FreshTempDir("routine-list") / "stride.db";
  auto r = RunStride({"routine", "list", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> ids;
  for (const json& j : json::parse(r.out)) {
    ids.insert(j["id"].get<std::string>());
    EXPECT_FALSE(j["kinds"].empty()) << j;
  }
  for (const char* id : {"dynamic-warmup", "itb-hip-flexor-focus", "runner-strength-a", "sauna-stretching"}) {
    EXPECT_TRUE(ids.count(id)) << id;
  }
  auto text = RunStride({"routine", "list"}, db);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("runner-strength-a"), std::string::npos);
}

TEST(RoutineCliTest, ShowJsonHasItemsWithDosesAndSources) {
  auto db = FreshTempDir("routine-show") / "stride.db";
  auto r = RunStride({"routine", "show", "itb-hip-flexor-focus", "--json"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["id"], "itb-hip-flexor-focus");
  ASSERT_FALSE(j["items"].empty());
  for (const json& item : j["items"]) {
    EXPECT_TRUE(item.contains("seconds") || item.contains("reps") || item.contains("minutes")) << item;
    EXPECT_FALSE(item["source"].get<std::string>().empty()) << item;
    EXPECT_FALSE(item["targets"].empty()) << item;
    EXPECT_TRUE(item.contains("kind") && item.contains("when") && item.contains("why")) << item;
  }
}

TEST(RoutineCliTest, PrintedSheetIsNumberedAndFitsEightyColumns) {
  auto db = FreshTempDir("routine-print") / "stride.db";
  for (const char* id : {"itb-hip-flexor-focus", "runner-strength-a", "sauna-stretching"}) {
    auto r = RunStride({"routine", "show", id, "--print"}, db);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n1. "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n2. "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("   a) "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Why: "), std::string::npos) << r.out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) EXPECT_LE(Utf8Columns(line), 80u) << id << ": " << line;
  }
}

TEST(RoutineCliTest, SaunaSheetShowsMinutesAndTemperature) {
  auto db = FreshTempDir("routine-sauna") / "stride.db";
  auto r = RunStride({"routine", "show", "sauna-stretching", "--print"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(" min at "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("°C"), std::string::npos) << r.out;
}

TEST(RoutineCliTest, AddsThePhysioExampleAndShowsIt) {
  auto db = FreshTempDir("routine-add") / "stride.db";
  auto add = RunStride({"routine", "add", kPhysioFile, "--days", "mon,thu"}, db);
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("physio-itb"), std::string::npos) << add.out;

  auto show = RunStride({"routine", "show", "physio-itb", "--json"}, db);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  json j = json::parse(show.out);
  EXPECT_EQ(j["custom"], true);
  EXPECT_EQ(j["days"], json({"mon", "thu"}));
  EXPECT_EQ(j["mode"], "join");
  ASSERT_EQ(j["items"].size(), 5u);
  EXPECT_EQ(j["items"][0]["id"], "clamshell");
  EXPECT_EQ(j["items"][0]["reps"], 20);
  EXPECT_EQ(j["items"][0]["sets"], 3);
  EXPECT_EQ(j["items"][2]["id"], "physio-banded-side-step");
  EXPECT_EQ(j["items"][2]["source"], "physio");

  auto print = RunStride({"routine", "show", "physio-itb", "--print"}, db);
  ASSERT_EQ(print.exit_code, 0) << print.err;
  EXPECT_NE(print.out.find("3 x 20 per side"), std::string::npos) << print.out;
  EXPECT_NE(print.out.find("2 x 60 s per side"), std::string::npos) << print.out;

  auto list = RunStride({"routine", "list", "--json"}, db);
  EXPECT_NE(list.out.find("\"physio-itb\""), std::string::npos);

  auto again = RunStride({"routine", "add", kPhysioFile}, db);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  auto forced = RunStride({"routine", "add", kPhysioFile, "--replace", "--force"}, db);
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(json::parse(RunStride({"routine", "show", "physio-itb", "--json"}, db).out)["mode"], "replace");
}

TEST(RoutineCliTest, MalformedFileExitsTwoNamingFileAndLine) {
  auto dir = FreshTempDir("routine-bad");
  auto file = WriteFile(dir / "bad.toml", "[routine]\nid = \"x\"\nname = \"X\"\nsteps = [ { exercise = \n");
  auto r = RunStride({"routine", "add", file.string()}, dir / "stride.db");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("bad.toml:"), std::string::npos) << r.err;

  auto unknown = WriteFile(dir / "unknown.toml",
                           "[routine]\nid = \"x\"\nname = \"X\"\nsteps = [\n  { exercise = \"no-such-exercise\" },\n]\n");
  auto u = RunStride({"routine", "add", unknown.string()}, dir / "stride.db");
  EXPECT_EQ(u.exit_code, 2) << u.err;
  EXPECT_NE(u.err.find("unknown.toml:"), std::string::npos) << u.err;
}

TEST(RoutineCliTest, BadArgumentsAndClashesExitOne) {
  auto dir = FreshTempDir("routine-clash");
  auto db = dir / "stride.db";
  auto clash = WriteFile(dir / "clash.toml",
                         "[routine]\nid = \"dynamic-warmup\"\nname = \"Mine\"\nsteps = [ { exercise = \"glute-bridge\" } ]\n");
  auto r = RunStride({"routine", "add", clash.string()}, db);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("built-in"), std::string::npos) << r.err;

  EXPECT_EQ(RunStride({"routine", "add", (dir / "missing.toml").string()}, db).exit_code, 1);
  EXPECT_EQ(RunStride({"routine", "add", kPhysioFile, "--days", "funday"}, db).exit_code, 1);
  EXPECT_EQ(RunStride({"routine", "add", kPhysioFile, "--injury", "7"}, db).exit_code, 1);
  auto typo = RunStride({"routine", "show", "dynamic-warmpu"}, db);
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find("did you mean 'dynamic-warmup'"), std::string::npos) << typo.err;
  ASSERT_EQ(RunStride({"routine", "add", kPhysioFile}, db).exit_code, 0);
  auto part = RunStride({"routine", "show", "physio"}, db);
  EXPECT_EQ(part.exit_code, 1);
  EXPECT_NE(part.err.find("did you mean 'physio-itb'"), std::string::npos) << part.err;
}

TEST(RoutineCliTest, RemoveDeletesACustomRoutine) {
  auto db = FreshTempDir("routine-remove") / "stride.db";
  ASSERT_EQ(RunStride({"routine", "add", kPhysioFile}, db).exit_code, 0);
  auto r = RunStride({"routine", "remove", "physio-itb"}, db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(RunStride({"routine", "show", "physio-itb"}, db).exit_code, 1);
  auto gone = RunStride({"routine", "remove", "physio-itb"}, db);
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.err.find("no routine 'physio-itb'"), std::string::npos) << gone.err;
  EXPECT_EQ(RunStride({"routine", "remove", "dynamic-warmup"}, db).exit_code, 1);
}

}  // namespace
}  // namespace stride::testing
