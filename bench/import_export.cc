// SPDX-License-Identifier: MIT
// The import benchmark's library-level driver: app::ImportPaths into DB, as `stride import` runs it but
// without the CLI (no progress bar), and with the pipeline depth as a flag, so that the sequential and
// pipelined imports can be compared on the same export. Usage: import_export DB PATH... [--in-flight N] [--lead L]
// (N = 0: sequential; defaults app::ImportOptions' files_in_flight and reader_helps_after).
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "app/import.h"
#include "store/database.h"

int main(int argc, char** argv) {
  stride::app::ImportOptions options;
  std::vector<std::filesystem::path> paths;
  for (int i = 2; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--in-flight" && i + 1 < argc) {
      options.files_in_flight = static_cast<size_t>(std::atoi(argv[++i]));
    } else if (std::string_view(argv[i]) == "--lead" && i + 1 < argc) {
      options.reader_helps_after = static_cast<size_t>(std::atoi(argv[++i]));
    } else {
      paths.emplace_back(argv[i]);
    }
  }
  if (argc < 3 || paths.empty()) {
    std::fprintf(stderr, "usage: import_export DB PATH... [--in-flight N] [--lead L]\n");
    return 1;
  }
  auto db = stride::store::Database::Open(argv[1]);
  if (!db) {
    std::fprintf(stderr, "import_export: %s\n", db.error().ToString().c_str());
    return 3;
  }
  auto report = stride::app::ImportPaths(*db, paths, options);
  if (!report) {
    std::fprintf(stderr, "import_export: %s\n", report.error().ToString().c_str());
    return 3;
  }
  std::printf("%zu imported, %zu duplicates, %zu failed, %zu skipped\n", report->imported.size(),
              report->duplicates.size(), report->failed.size(), report->skipped.size());
  return report->failed.empty() ? 0 : 2;
}
