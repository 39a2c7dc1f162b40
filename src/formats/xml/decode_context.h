// SPDX-License-Identifier: MIT
// DecodeContext: what the GPX and TCX decoders share while walking a document: reading times (zone-less
// times taken as UTC with one warning, the first numeric offset kept), warnings with locations, unknown
// element warnings (once per name), and the salvage bookkeeping.
#ifndef STRIDE_FORMATS_XML_DECODE_CONTEXT_H_
#define STRIDE_FORMATS_XML_DECODE_CONTEXT_H_

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "core/result.h"
#include "formats/decode_options.h"
#include "formats/xml/xml_document.h"
#include "formats/xml/xml_values.h"

namespace stride::xml {

/// Per-decode state. REQUIRES: `document` and `options` outlive the context.
class DecodeContext {
 public:
  DecodeContext(const XmlDocument& document, const formats::DecodeOptions& options)
      : document_(document), options_(options) {}

  /// Reads the time in `text` (found at `node`). Returns true with *out set; false when the time is
  /// unreadable and salvage is on (a warning is recorded and the caller drops the item); or fails with
  /// kCorruptData "cannot read time '...'" at the node's line and column.
  Result<bool> ReadTime(std::string_view text, pugi::xml_node node, XmlTime* out);

  /// Records a warning located at `node`.
  void Warn(pugi::xml_node node, std::string message);
  /// Records "unknown element <name> ignored" once per distinct name.
  void WarnUnknown(pugi::xml_node element);
  /// Counts a dropped item; one summary warning per kind is emitted by TakeWarnings.
  void CountDropped(std::string_view kind);

  /// The local offset of the first time that gave a numeric one.
  std::optional<int32_t> utc_offset_s() const { return utc_offset_s_; }
  /// True when something was dropped because of damage (salvage mode).
  bool salvaged() const { return salvaged_; }
  void MarkSalvaged() { salvaged_ = true; }
  const XmlDocument& document() const { return document_; }
  const formats::DecodeOptions& options() const { return options_; }

  /// The warnings so far, with the dropped-item summaries appended.
  std::vector<core::Diagnostic> TakeWarnings();

 private:
  const XmlDocument& document_;
  const formats::DecodeOptions& options_;
  std::vector<core::Diagnostic> warnings_;
  std::vector<std::string> unknown_names_;
  std::vector<std::pair<std::string, size_t>> dropped_;
  std::optional<int32_t> utc_offset_s_;
  bool warned_zoneless_ = false;
  bool salvaged_ = false;
};

}  // namespace stride::xml

#endif  // STRIDE_FORMATS_XML_DECODE_CONTEXT_H_
