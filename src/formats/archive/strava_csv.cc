// SPDX-License-Identifier: MIT
#include "formats/archive/strava_csv.h"

#include <charconv>

#include <fmt/format.h>

#include "formats/archive/entry_path.h"

namespace stride::archive {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Splits one record starting at `pos`; advances `pos` past its line end and `line` past its newlines.
Result<CsvRecord> ReadRecord(std::string_view text, size_t& pos, size_t& line, std::string_view name) {
  CsvRecord record{{std::string()}, line};
  bool quoted = false;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        record.fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        record.fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.fields.emplace_back();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r' || (pos < text.size() && text[pos] != '\n')) {
      record.fields.back() += c;
    }
  }
  if (quoted) {
    return Fail(core::ErrorCode::kCorruptData, "unterminated quoted field", fmt::format("{}:{}", name, record.line));
  }
  return record;
}

std::string Normalise(std::string_view name) {
  size_t begin = name.find_first_not_of(' ');
  size_t end = name.find_last_not_of(' ');
  if (begin == std::string_view::npos) return {};
  return AsciiLower(name.substr(begin, end - begin + 1));
}

// Column positions of the fields Stride keeps.
struct StravaColumns {
  std::optional<size_t> id, date, name, type, description, filename, perceived_exertion;
};

std::optional<size_t> FindAny(const CsvHeader& header, std::initializer_list<std::string_view> aliases) {
  for (std::string_view alias : aliases) {
    if (auto column = header.Find(alias)) return column;
  }
  return std::nullopt;
}

// The first column whose values look like export paths, for headers Stride cannot read by name.
std::optional<size_t> FindFilenameByContent(const std::vector<CsvRecord>& records) {
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& fields = records[r].fields;
    for (size_t c = 0; c < fields.size(); ++c) {
      if (fields[c].starts_with("activities/")) return c;
    }
  }
  return std::nullopt;
}

StravaColumns LocateColumns(const std::vector<CsvRecord>& records) {
  const CsvHeader header(records.front().fields);
  StravaColumns columns;
  columns.id = FindAny(header, {"Activity ID", "id"});
  if (columns.id) {
    columns.date = FindAny(header, {"Activity Date", "date"});
    columns.name = FindAny(header, {"Activity Name", "name"});
    columns.type = FindAny(header, {"Activity Type", "type"});
    columns.description = FindAny(header, {"Activity Description", "description"});
    columns.perceived_exertion = header.Find("Perceived Exertion");
  } else {  // a localised header: the first five columns keep their order in every language seen
    columns = StravaColumns{0, 1, 2, 3, 4, std::nullopt, std::nullopt};
  }
  columns.filename = FindAny(header, {"Filename"});
  if (!columns.filename) columns.filename = FindFilenameByContent(records);
  return columns;
}

std::string Field(const CsvRecord& record, std::optional<size_t> column) {
  if (!column || *column >= record.fields.size()) return {};
  return record.fields[*column];
}

std::optional<double> ParseNumber(const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

StravaActivityRow ToRow(const CsvRecord& record, const StravaColumns& columns) {
  StravaActivityRow row;
  row.metadata.activity_id = Field(record, columns.id);
  row.metadata.date_text = Field(record, columns.date);
  row.metadata.name = Field(record, columns.name);
  row.metadata.type = Field(record, columns.type);
  row.metadata.description = Field(record, columns.description);
  row.metadata.perceived_exertion = ParseNumber(Field(record, columns.perceived_exertion));
  row.filename = Field(record, columns.filename);
  row.line = record.line;
  return row;
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view name) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  std::vector<CsvRecord> records;
  size_t pos = 0;
  size_t line = 1;
  while (pos < text.size()) {
    auto record = ReadRecord(text, pos, line, name);
    if (!record) return Fail(record.error());
    if (record->fields.size() == 1 && record->fields[0].empty()) continue;  // blank line
    records.push_back(std::move(*record));
  }
  return records;
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
  names_.reserve(names.size());
  for (const auto& name : names) names_.push_back(Normalise(name));
}

std::optional<size_t> CsvHeader::Find(std::string_view name, size_t occurrence) const {
  const std::string wanted = Normalise(name);
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == wanted && occurrence-- == 0) return i;
  }
  return std::nullopt;
}

Result<std::vector<StravaActivityRow>> ParseStravaActivities(std::string_view csv_text) {
  auto records = ParseCsv(csv_text, "activities.csv");
  if (!records) return Fail(records.error());
  if (records->empty()) return Fail(core::ErrorCode::kCorruptData, "no header line", "activities.csv");
  const StravaColumns columns = LocateColumns(*records);
  std::vector<StravaActivityRow> rows;
  rows.reserve(records->size() - 1);
  for (size_t r = 1; r < records->size(); ++r) rows.push_back(ToRow((*records)[r], columns));
  return rows;
}

StravaIndex::StravaIndex(std::vector<StravaActivityRow> rows) : rows_(std::move(rows)) {
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (!rows_[i].filename.empty()) by_filename_.emplace(rows_[i].filename, i);
  }
}

const StravaMetadata* StravaIndex::Find(std::string_view relative_path) {
  auto it = by_filename_.find(relative_path);
  if (it == by_filename_.end()) return nullptr;
  used_.insert(it->second);
  return &rows_[it->second].metadata;
}

std::vector<std::string> StravaIndex::UnmatchedRows() const {
  std::vector<std::string> reasons;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (used_.contains(i)) continue;
    const StravaActivityRow& row = rows_[i];
    const std::string what = fmt::format("activities.csv:{}: activity {} ({})", row.line, row.metadata.activity_id,
                                         row.metadata.name);
    if (row.filename.empty()) {
      reasons.push_back(what + " has no file (manual entry)");
    } else {
      reasons.push_back(fmt::format("{}: {} is missing from the export", what, row.filename));
    }
  }
  return reasons;
}

}  // namespace stride::archive
