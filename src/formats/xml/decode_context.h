// SPDX-License-Identifier: MIT
// DecodeContext: what the GPX and TCX decoders share while walking a document: the root check, reading
// times (zone-less times taken as UTC with one warning, the first numeric offset kept) and adding timed
// points, warnings with locations, unknown element warnings (once per name), the salvage of truncated
// XML, and the end of a decode (no-activity and break warnings, salvage marks on each activity).
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
#include "formats/xml/track_builder.h"
#include "formats/xml/xml_document.h"
#include "formats/xml/xml_values.h"

namespace stride::xml {

/// Per-decode state. REQUIRES: `document` and `options` outlive the context.
class DecodeContext {
 public:
  DecodeContext(const XmlDocument& document, const formats::DecodeOptions& options)
      : document_(document), options_(options) {}

  /// Ok when the document element's local name is `local_name`; otherwise fails with kCorruptData
  /// "root element is <name>, not <local_name>" at the root.
  Status ExpectRoot(std::string_view local_name) const;

  /// Salvage, when the document is partial (else does nothing): removes the innermost still-open element
  /// named `local_name` (the item the break cut through, whose content is incomplete), counts the bytes
  /// from its start (or from the break when none is open) as lost, and marks the decode salvaged.
  void DropElementCutByBreak(std::string_view local_name);

  /// Reads the time in `text` (found at `node`). Returns true with *out set; false when the time is
  /// unreadable and salvage is on (a warning is recorded and the caller drops the item); or fails with
  /// kCorruptData "cannot read time '...'" at the node's line and column.
  Result<bool> ReadTime(std::string_view text, pugi::xml_node node, XmlTime* out);

  /// Adds `*point` to `builder` at the time read from `time_element`. With no time element (an empty
  /// node) the point is counted as dropped under `untimed_kind` ("track points without <time>"); with an
  /// unreadable time it is dropped or the call fails, as ReadTime says. Sets point->time when added.
  /// Inline: it runs once per point.
  Status AddTimedPoint(pugi::xml_node time_element, std::string_view untimed_kind, TrackPoint* point,
                       TrackBuilder* builder) {
    if (!time_element) {
      CountDropped(untimed_kind);
      return Ok();
    }
    XmlTime time;
    Result<bool> read = ReadTime(time_element.child_value(), time_element, &time);
    if (!read) return Fail(read.error());
    if (!*read) return Ok();
    point->time = time.time;
    builder->Add(*point);
    return Ok();
  }

  /// Ends the decode with `activities`. When there are none, fails with the parse error of a partial
  /// document, or warns `no_activity` at the root. When the document is partial, warns "<parse error> at
  /// <where>; <kept>". Marks every activity salvaged() and with the bytes lost, and returns them with the
  /// warnings (TakeWarnings).
  Result<core::Decoded> Finish(std::vector<core::Activity> activities, std::string_view no_activity,
                               std::string_view kept);

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
  uint64_t bytes_lost_ = 0;
  bool warned_zoneless_ = false;
  bool salvaged_ = false;
};

}  // namespace stride::xml

#endif  // STRIDE_FORMATS_XML_DECODE_CONTEXT_H_
