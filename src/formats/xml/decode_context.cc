// SPDX-License-Identifier: MIT
// DecodeContext: root check, times and timed points, warnings, salvage and the end of a decode for the XML
// decoders (see decode_context.h).
#include "formats/xml/decode_context.h"

#include <fmt/format.h>

#include <algorithm>

namespace stride::xml {
namespace {

constexpr size_t kMaxUnknownNames = 20;     // beyond this, unknown elements are not listed one by one
constexpr size_t kMaxQuotedTextBytes = 40;  // how much of a bad value an error message quotes

std::string Quote(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  if (text.size() > kMaxQuotedTextBytes) return std::string(text.substr(0, kMaxQuotedTextBytes)) + "...";
  return std::string(text);
}

}  // namespace

Status DecodeContext::ExpectRoot(std::string_view local_name) const {
  pugi::xml_node root = document_.root();
  if (LocalName(root.name()) == local_name) return Ok();
  return Fail(core::ErrorCode::kCorruptData, fmt::format("root element is <{}>, not <{}>", root.name(), local_name),
              document_.Where(root));
}

void DecodeContext::DropElementCutByBreak(std::string_view local_name) {
  if (!document_.partial()) return;
  size_t kept_until = document_.error_offset();
  if (pugi::xml_node open = document_.OpenElement(local_name)) {
    kept_until = document_.OffsetOf(open);
    open.parent().remove_child(open);
  }
  bytes_lost_ = document_.size() - std::min(kept_until, document_.size());
  salvaged_ = true;
}

Result<core::Decoded> DecodeContext::Finish(std::vector<core::Activity> activities, std::string_view no_activity,
                                            std::string_view kept) {
  if (activities.empty()) {
    if (document_.partial()) return Fail(document_.parse_error());
    Warn(document_.root(), std::string(no_activity));
  }
  if (document_.partial()) {
    Warn(pugi::xml_node(),
         fmt::format("{} at {}; {}", document_.parse_error().message, document_.parse_error().where, kept));
  }
  for (core::Activity& activity : activities) {
    activity.salvaged = salvaged_;
    activity.bytes_lost = bytes_lost_;
  }
  core::Decoded decoded;
  decoded.activities = std::move(activities);
  decoded.warnings = TakeWarnings();
  return decoded;
}

Result<bool> DecodeContext::ReadTime(std::string_view text, pugi::xml_node node, XmlTime* out) {
  if (!ParseXmlTime(text, out)) {
    std::string message =
        fmt::format("cannot read time '{}': expected ISO 8601 like 2026-10-18T07:05:00Z", Quote(text));
    if (!options_.salvage) return Fail(core::ErrorCode::kCorruptData, std::move(message), document_.Where(node));
    Warn(node, message + "; item dropped");
    salvaged_ = true;
    return false;
  }
  if (!out->has_zone && !warned_zoneless_) {
    warned_zoneless_ = true;
    Warn(node, "time without a zone taken as UTC");
  }
  if (out->numeric_offset && !utc_offset_s_) utc_offset_s_ = out->offset_s;
  return true;
}

void DecodeContext::Warn(pugi::xml_node node, std::string message) {
  warnings_.push_back(core::Diagnostic{document_.Where(node), std::move(message)});
}

void DecodeContext::WarnUnknown(pugi::xml_node element) {
  std::string_view name = element.name();
  if (std::find(unknown_names_.begin(), unknown_names_.end(), name) != unknown_names_.end()) return;
  if (unknown_names_.size() >= kMaxUnknownNames) return;
  unknown_names_.emplace_back(name);
  Warn(element, fmt::format("unknown element <{}> ignored", name));
}

void DecodeContext::CountDropped(std::string_view kind) {
  for (auto& [name, count] : dropped_) {
    if (name == kind) {
      ++count;
      return;
    }
  }
  dropped_.emplace_back(std::string(kind), 1);
}

std::vector<core::Diagnostic> DecodeContext::TakeWarnings() {
  for (const auto& [kind, count] : dropped_) {
    warnings_.push_back(core::Diagnostic{document_.name(), fmt::format("{} {} skipped", count, kind)});
  }
  dropped_.clear();
  return std::move(warnings_);
}

}  // namespace stride::xml
