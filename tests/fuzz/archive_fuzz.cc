// SPDX-License-Identifier: MIT
// libFuzzer target: feeds arbitrary bytes to the in-memory archive walk (zip, gzip, nested zips,
// activities.csv) with small limits. Not wired into CMake; build and run from the repository root:
//   clang++ -std=c++20 -fsanitize=fuzzer,address -I src tests/fuzz/archive_fuzz.cc src/formats/archive/*.cc \
//     src/formats/sniff.cc src/core/*.cc -lfmt -larchive -ldeflate -o /tmp/archive_fuzz
//   /tmp/archive_fuzz -max_total_time=60 ../shared/data/activities/strava
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "formats/archive/activity_source.h"
#include "formats/archive/strava_csv.h"

namespace {
volatile uint64_t g_sink = 0;  // keeps the visited bytes observable
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace stride::archive;
  SourceLimits limits;
  limits.max_entry_bytes = 16 * kMiB;
  limits.ratio_floor_bytes = 1 * kMiB;
  limits.max_total_bytes = 64 * kMiB;
  const std::span<const uint8_t> bytes(data, size);
  uint64_t seen = 0;
  auto visit = [&](SourceFile&& file) -> stride::Status {
    seen += file.bytes.size() + file.name.size();
    return stride::Ok();
  };
  (void)ForEachSourceFileInMemory(bytes, "fuzz.zip", limits, visit);
  (void)ForEachSourceFileInMemory(bytes, "fuzz.fit.gz", limits, visit);
  (void)ParseStravaActivities(std::string_view(reinterpret_cast<const char*>(data), size));
  g_sink = g_sink + seen;
  return 0;
}
