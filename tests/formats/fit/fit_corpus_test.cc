// SPDX-License-Identifier: MIT
// Decodes the shared corpus (../shared/data/activities) and compares with expected_fit.tsv, the view of
// Garmin's JavaScript SDK plus an independent structural record count. Skipped when the corpus is absent.
#include <gtest/gtest.h>
#include <libdeflate.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "formats/fit/fit_decoder.h"
#include "testing/shared_data.h"

namespace stride::fit {
namespace {

namespace fs = std::filesystem;

constexpr double kTotalsTolerance = 0.01;  // the TSV prints SDK values rounded to 0.001-0.01

std::vector<uint8_t> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Inflates a .gz member; the ISIZE trailer gives the size (our files are far below 4 GiB).
std::vector<uint8_t> Gunzip(const std::vector<uint8_t>& gz) {
  if (gz.size() < 18) return {};
  const size_t size = gz[gz.size() - 4] | (gz[gz.size() - 3] << 8) | (gz[gz.size() - 2] << 16) |
                      (static_cast<size_t>(gz[gz.size() - 1]) << 24);
  std::vector<uint8_t> out(size);
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  size_t actual = 0;
  const auto r = libdeflate_gzip_decompress(d, gz.data(), gz.size(), out.data(), out.size(), &actual);
  libdeflate_free_decompressor(d);
  if (r != LIBDEFLATE_SUCCESS) return {};
  out.resize(actual);
  return out;
}

std::vector<uint8_t> LoadFit(const fs::path& path) {
  std::vector<uint8_t> bytes = ReadFile(path);
  return path.extension() == ".gz" ? Gunzip(bytes) : bytes;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.emplace_back();
  return parts;
}

// The SDK's camelCase profile names in our snake_case ("fitnessEquipment/indoorRowing").
std::string SnakeCase(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::map<std::string, std::string>> ReadExpected(const fs::path& tsv) {
  std::ifstream in(tsv);
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cells = Split(line, '\t');
    if (header.empty()) {
      header = cells;
      continue;
    }
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// Compares one ';'-joined TSV column with per-session values; appends mismatches to `report`.
void CompareSessionNumbers(const std::string& column, const std::string& expected,
                           const std::vector<double>& actual, std::string& report) {
  const std::vector<std::string> want = Split(expected, ';');
  for (size_t i = 0; i < want.size() && i < actual.size(); ++i) {
    if (want[i].empty()) continue;
    const double w = std::stod(want[i]);
    if (std::isnan(actual[i]) || std::abs(actual[i] - w) > kTotalsTolerance) {
      report += " " + column + "[" + std::to_string(i) + "] " + std::to_string(actual[i]) + " != " + want[i] + ";";
    }
  }
}

std::string CompareWithExpected(const std::map<std::string, std::string>& row, const core::Activity& a) {
  std::string report;
  const uint64_t records = std::stoull(row.at("n_record_mesgs_structural"));
  if (a.record_count != records) {
    report += " records " + std::to_string(a.record_count) + " != " + std::to_string(records) + ";";
  }
  // Where the SDK itself failed (compressed timestamps, an internal error) its summaries are incomplete.
  const bool sdk_failed = !row.at("sdk_errors").empty();
  const size_t sessions = std::stoul(row.at("n_sessions"));
  if (sdk_failed && sessions != a.sessions.size()) return report;
  if (a.sessions.size() != sessions) {
    return report + " sessions " + std::to_string(a.sessions.size()) + " != " + std::to_string(sessions) + ";";
  }
  if (!sdk_failed && a.laps.size() != std::stoul(row.at("n_laps"))) {
    report += " laps " + std::to_string(a.laps.size()) + " != " + row.at("n_laps") + ";";
  }
  std::vector<double> distance, timer, elapsed;
  const std::vector<std::string> sports = Split(row.at("session_sport"), ';');
  for (size_t i = 0; i < a.sessions.size(); ++i) {
    const core::SessionSummary& s = a.sessions[i];
    distance.push_back(s.total_distance_m);
    timer.push_back(s.total_timer_time_s);
    elapsed.push_back(s.total_elapsed_time_s);
    const std::string want = i < sports.size() ? SnakeCase(sports[i]) : "";
    if (s.sport_detail != want) report += " sport[" + std::to_string(i) + "] " + s.sport_detail + " != " + want + ";";
  }
  CompareSessionNumbers("distance", row.at("session_total_distance_m"), distance, report);
  CompareSessionNumbers("timer", row.at("session_total_timer_time_s"), timer, report);
  CompareSessionNumbers("elapsed", row.at("session_total_elapsed_time_s"), elapsed, report);
  return report;
}

TEST(FitCorpusTest, MatchesExpectedSummaries) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  const fs::path dir = data / "activities";
  size_t checked = 0;
  for (const auto& row : ReadExpected(dir / "expected_fit.tsv")) {
    const std::string& file = row.at("file");
    if (file.rfind("fit/", 0) != 0) continue;
    const std::vector<uint8_t> bytes = LoadFit(dir / file);
    ASSERT_FALSE(bytes.empty()) << file;
    auto decoded = DecodeFit(bytes, formats::DecodeOptions{file, false});
    if (!decoded) {
      ADD_FAILURE() << file << ": " << decoded.error().ToString();
      continue;
    }
    const std::string report = CompareWithExpected(row, decoded->activities.at(0));
    EXPECT_TRUE(report.empty()) << file << ":" << report;
    ++checked;
  }
  EXPECT_GE(checked, 60u);
}

TEST(FitCorpusTest, RejectsEveryBrokenFileWithAnOffset) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(data / "activities" / "broken")) {
    if (entry.path().extension() != ".fit") continue;
    const std::string name = entry.path().filename().string();
    auto decoded = DecodeFit(ReadFile(entry.path()), formats::DecodeOptions{name, false});
    ASSERT_FALSE(decoded) << name << " decoded without error";
    EXPECT_EQ(decoded.error().code, core::ErrorCode::kCorruptData) << name;
    EXPECT_NE(decoded.error().where.find(name + "@byte "), std::string::npos) << decoded.error().ToString();
    ++checked;
  }
  EXPECT_GE(checked, 15u);
}

TEST(FitCorpusTest, SalvagesTheFirstPartOfABrokenChain) {
  STRIDE_REQUIRE_SHARED_DATA(data);
  const fs::path path = data / "activities" / "broken" / "derived__chained_run+bike_2nd-header-corrupt.fit";
  auto decoded = DecodeFit(ReadFile(path), formats::DecodeOptions{"chain.fit", true});
  ASSERT_TRUE(decoded) << decoded.error().ToString();
  const core::Activity& a = decoded->activities.at(0);
  EXPECT_TRUE(a.salvaged);
  EXPECT_EQ(a.record_count, 21u);  // the intact first file (expected_fit.tsv)
  ASSERT_EQ(a.sessions.size(), 1u);
  EXPECT_EQ(a.sessions[0].sport, core::Sport::kRunning);
}

}  // namespace
}  // namespace stride::fit
