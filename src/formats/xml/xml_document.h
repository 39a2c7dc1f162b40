// SPDX-License-Identifier: MIT
// An XML document parsed in place by pugixml, shared by the GPX and TCX decoders: it owns a copy of the
// input, turns pugixml's byte offsets into "name:line:column" locations, and can keep the part of a
// damaged document parsed before the break (for DecodeOptions::salvage).
#ifndef STRIDE_FORMATS_XML_XML_DOCUMENT_H_
#define STRIDE_FORMATS_XML_XML_DOCUMENT_H_

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace stride::xml {

/// One parsed XML document. Not copyable; not thread-safe (use one per decode).
class XmlDocument {
 public:
  XmlDocument() = default;
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  /// Parses `bytes` (copied). `name` is used in error locations.
  /// On failure returns kCorruptData: "empty file", "not XML: ..." or "malformed XML: <reason>" with
  /// `where` = "name:line:column". When `keep_partial` is true and the parser built a root element before
  /// the break, returns Ok with partial() true and the tree parsed so far.
  /// REQUIRES: `bytes` stays alive as long as this document (locations are computed from it).
  Status Load(std::span<const uint8_t> bytes, std::string name, bool keep_partial);

  /// The document (root) element; empty before a successful Load.
  pugi::xml_node root() const { return document_.document_element(); }
  /// True when the XML was damaged and only the part before the break was kept.
  bool partial() const { return partial_; }
  /// The parse error when partial() (its message and location).
  const core::Error& parse_error() const { return parse_error_; }
  /// Byte offset where the parser stopped when partial().
  size_t error_offset() const { return error_offset_; }
  /// Input size in bytes.
  size_t size() const { return bytes_.size(); }
  const std::string& name() const { return name_; }

  /// "name:line:column" of a node (1-based), or just the name when the node has no source position.
  std::string Where(pugi::xml_node node) const;
  /// "name:line:column" of a byte offset into the input.
  std::string WhereOffset(size_t offset) const;
  /// Byte offset of a node's start tag in the input, or size() when unknown.
  size_t OffsetOf(pugi::xml_node node) const;
  /// When partial(): the innermost still-open element named `local_name` (any prefix), i.e. the element
  /// the break cut through, or an empty node. Its content is incomplete.
  pugi::xml_node OpenElement(std::string_view local_name) const;

 private:
  std::span<const uint8_t> bytes_;
  std::unique_ptr<char[]> buffer_;
  pugi::xml_document document_;
  std::string name_;
  bool partial_ = false;
  size_t error_offset_ = 0;
  core::Error parse_error_;
};

}  // namespace stride::xml

#endif  // STRIDE_FORMATS_XML_XML_DOCUMENT_H_
