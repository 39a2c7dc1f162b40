// SPDX-License-Identifier: MIT
// The baseline for the import benchmark: walks PATH exactly as `stride import` does
// (archive::ForEachSourceFile: zip entries by libarchive, .gz members by libdeflate, activities.csv read
// and matched) and throws each file's bytes away. `stride import` minus this is the cost of decoding and
// storing. Usage: inflate_export PATH...
#include <cstdint>
#include <cstdio>

#include "formats/archive/activity_source.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: inflate_export PATH...\n");
    return 1;
  }
  uint64_t files = 0, bytes = 0, errors = 0, with_metadata = 0;
  const stride::archive::SourceLimits limits;
  for (int i = 1; i < argc; ++i) {
    auto walked = stride::archive::ForEachSourceFile(argv[i], limits, [&](stride::archive::SourceFile&& file) {
      ++files;
      bytes += file.bytes.size();
      if (file.error) ++errors;
      if (file.strava) ++with_metadata;
      return stride::Ok();
    });
    if (!walked) {
      std::fprintf(stderr, "inflate_export: %s\n", walked.error().ToString().c_str());
      return 1;
    }
  }
  std::printf("%llu files (%llu with activities.csv metadata, %llu errors), %.1f MB inflated\n",
              static_cast<unsigned long long>(files), static_cast<unsigned long long>(with_metadata),
              static_cast<unsigned long long>(errors), static_cast<double>(bytes) / 1e6);
  return errors == 0 ? 0 : 2;
}
