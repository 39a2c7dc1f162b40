// SPDX-License-Identifier: MIT
#include "formats/sniff.h"

#include <cctype>
#include <string>
#include <string_view>

namespace stride::formats {

ContentKind SniffContent(std::span<const uint8_t> head) {
  if (head.size() >= 12 && (head[0] == 12 || head[0] == 14) && head[8] == '.' && head[9] == 'F' && head[10] == 'I' &&
      head[11] == 'T') {
    return ContentKind::kFit;
  }
  if (head.size() >= 2 && head[0] == 0x1f && head[1] == 0x8b) return ContentKind::kGzip;
  if (head.size() >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return ContentKind::kZip;
  std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
  // XML: find the first element that is not a declaration, comment or doctype.
  size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (pos + 1 < text.size() && (text[pos + 1] == '?' || text[pos + 1] == '!')) {
      ++pos;
      continue;
    }
    std::string_view rest = text.substr(pos + 1);
    // Skip a namespace prefix such as "ns0:".
    size_t name_end = rest.find_first_of(" \t\r\n>/");
    std::string_view name = rest.substr(0, name_end);
    if (size_t colon = name.find(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
    if (name == "gpx") return ContentKind::kGpx;
    if (name == "TrainingCenterDatabase") return ContentKind::kTcx;
    return ContentKind::kUnknown;
  }
  return ContentKind::kUnknown;
}

std::optional<ContentKind> FormatFromName(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.ends_with(".gz")) lower.resize(lower.size() - 3);
  if (lower.ends_with(".fit")) return ContentKind::kFit;
  if (lower.ends_with(".gpx")) return ContentKind::kGpx;
  if (lower.ends_with(".tcx")) return ContentKind::kTcx;
  return std::nullopt;
}

const char* ContentKindName(ContentKind kind) {
  switch (kind) {
    case ContentKind::kFit: return "fit";
    case ContentKind::kGpx: return "gpx";
    case ContentKind::kTcx: return "tcx";
    case ContentKind::kGzip: return "gzip";
    case ContentKind::kZip: return "zip";
    case ContentKind::kUnknown: break;
  }
  return "unknown";
}

}  // namespace stride::formats
