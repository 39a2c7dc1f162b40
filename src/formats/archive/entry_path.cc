// SPDX-License-Identifier: MIT
#include "formats/archive/entry_path.h"

#include <array>

namespace stride::archive {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsSeparator(char c) { return c == '/' || c == '\\'; }

}  // namespace

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

EntryKind ClassifyEntryName(std::string_view path) {
  static constexpr std::array<std::string_view, 6> kActivitySuffixes = {".fit", ".gpx", ".tcx",
                                                                         ".fit.gz", ".gpx.gz", ".tcx.gz"};
  const std::string lower = AsciiLower(path);
  if (lower.empty() || IsSeparator(lower.back())) return EntryKind::kOther;
  for (std::string_view suffix : kActivitySuffixes) {
    if (EndsWith(lower, suffix)) return EntryKind::kActivity;
  }
  if (EndsWith(lower, ".zip")) return EntryKind::kZip;
  return EntryKind::kOther;
}

bool IsUnsafeEntryPath(std::string_view path) {
  if (path.empty()) return false;
  if (IsSeparator(path.front())) return true;
  if (path.size() >= 2 && path[1] == ':') return true;  // drive letter, "C:\x" or "C:x"
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = start;
    while (end < path.size() && !IsSeparator(path[end])) ++end;
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

bool IsClutterPath(std::string_view path) {
  if (path.starts_with("__MACOSX/") || path.find("/__MACOSX/") != std::string_view::npos) return true;
  size_t slash = path.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return base.starts_with("._");
}

}  // namespace stride::archive
