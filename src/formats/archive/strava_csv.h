// SPDX-License-Identifier: MIT
// Reads a Strava bulk export's activities.csv (FORMATS.md 6.1): an RFC 4180 CSV parser, a header that
// tolerates duplicate column names, and the mapping of rows to StravaMetadata and activity file names.
#ifndef STRIDE_FORMATS_ARCHIVE_STRAVA_CSV_H_
#define STRIDE_FORMATS_ARCHIVE_STRAVA_CSV_H_

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "formats/archive/activity_source.h"

namespace stride::archive {

/// One CSV record and the 1-based line it starts on.
struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;
};

/// Parses RFC 4180 CSV: a leading UTF-8 BOM is dropped; records end with LF or CRLF; quoted fields may
/// hold commas, newlines and doubled quotes; blank lines are skipped. Fails with kCorruptData
/// "unterminated quoted field" (where = "<name>:<line>") when a quote is never closed.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view name);

/// Column lookup by name that tolerates duplicates: Find("Distance", 1) is the second "Distance".
/// Names compare ASCII case-insensitively and trimmed of spaces.
class CsvHeader {
 public:
  explicit CsvHeader(const std::vector<std::string>& names);
  std::optional<size_t> Find(std::string_view name, size_t occurrence = 0) const;
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;  // normalised
};

/// One activities.csv row: its metadata, its Filename ("activities/7001.gpx.gz", empty for manual
/// entries) and its line in the file.
struct StravaActivityRow {
  StravaMetadata metadata;
  std::string filename;
  size_t line = 0;
};

/// Maps activities.csv to rows. Headers: current ("Activity ID,Activity Date,Activity Name,..."), pre-2019
/// ("id,date,name,type,..."), or any other (localised) header, read by position (ID, date, name, type,
/// description first) with the Filename column found by name or by values starting "activities/".
/// Fails with kCorruptData from ParseCsv, or when the file has no header.
Result<std::vector<StravaActivityRow>> ParseStravaActivities(std::string_view csv_text);

/// Matches export-relative file paths to activities.csv rows and remembers which rows found a file.
class StravaIndex {
 public:
  explicit StravaIndex(std::vector<StravaActivityRow> rows);
  /// The row whose Filename is `relative_path` ("activities/1.fit.gz"), or nullptr; marks it used.
  const StravaMetadata* Find(std::string_view relative_path);
  /// One reason per row that found no file, e.g. "activities.csv:7: activity 5 (Walk) has no file".
  std::vector<std::string> UnmatchedRows() const;

 private:
  std::vector<StravaActivityRow> rows_;
  std::map<std::string, size_t, std::less<>> by_filename_;
  std::set<size_t> used_;
};

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_STRAVA_CSV_H_
