// SPDX-License-Identifier: MIT
// XmlDocument: in-place pugixml parse, error locations, partial trees (see xml_document.h).
#include "formats/xml/xml_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "formats/xml/xml_values.h"

namespace stride::xml {
namespace {

// Elements, attributes, text, CDATA and entity escapes; no comments, PIs, declarations, doctype nodes or
// end-of-line normalisation: the decoders never look at them.
constexpr unsigned kParseFlags = pugi::parse_cdata | pugi::parse_escapes;

bool IsUtf16Bom(std::span<const uint8_t> bytes) {
  return bytes.size() >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE));
}

// Offset of the first byte after a UTF-8 BOM and whitespace.
size_t FirstContentByte(std::span<const uint8_t> bytes) {
  size_t pos = 0;
  if (bytes.size() >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) pos = 3;
  while (pos < bytes.size() && (bytes[pos] == ' ' || bytes[pos] == '\t' || bytes[pos] == '\r' || bytes[pos] == '\n')) {
    ++pos;
  }
  return pos;
}

std::string DescribeByte(uint8_t byte) {
  if (std::isprint(byte)) return fmt::format("'{}'", static_cast<char>(byte));
  return fmt::format("byte 0x{:02x}", byte);
}

std::string LowerFirst(const char* text) {
  std::string out(text);
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

Status XmlDocument::Load(std::span<const uint8_t> bytes, std::string name, bool keep_partial) {
  bytes_ = bytes;
  name_ = std::move(name);
  size_t start = FirstContentByte(bytes);
  if (start == bytes.size()) {
    return Fail(core::ErrorCode::kCorruptData, bytes.empty() ? "empty file" : "empty file: only whitespace",
                WhereOffset(start));
  }
  if (bytes[start] != '<' && !IsUtf16Bom(bytes)) {
    return Fail(core::ErrorCode::kCorruptData, fmt::format("not XML: expected '<', found {}", DescribeByte(bytes[start])),
                WhereOffset(start));
  }
  buffer_ = std::make_unique_for_overwrite<char[]>(bytes.size());
  std::memcpy(buffer_.get(), bytes.data(), bytes.size());
  pugi::xml_parse_result result =
      document_.load_buffer_inplace(buffer_.get(), bytes.size(), kParseFlags, pugi::encoding_auto);
  if (result) return Ok();
  size_t offset = std::min(static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)), bytes.size());
  core::Error error{core::ErrorCode::kCorruptData, "malformed XML: " + LowerFirst(result.description()),
                    WhereOffset(offset)};
  if (result.status == pugi::status_no_document_element) error.message = "not XML: no root element";
  if (!keep_partial || !root()) return Fail(std::move(error));
  partial_ = true;
  error_offset_ = offset;
  parse_error_ = std::move(error);
  return Ok();
}

std::string XmlDocument::WhereOffset(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  size_t line = 1, line_start = 0;
  const uint8_t* data = bytes_.data();
  if (offset == 0) return fmt::format("{}:1:1", name_);
  for (const uint8_t* p = data; (p = static_cast<const uint8_t*>(std::memchr(p, '\n', data + offset - p))) != nullptr;
       ++p) {
    ++line;
    line_start = static_cast<size_t>(p - data) + 1;
  }
  return fmt::format("{}:{}:{}", name_, line, offset - line_start + 1);
}

size_t XmlDocument::OffsetOf(pugi::xml_node node) const {
  ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return bytes_.size();
  // pugixml points at an element's name; the tag starts one byte earlier, at '<'.
  if (node.type() == pugi::node_element && offset > 0) --offset;
  return std::min(static_cast<size_t>(offset), bytes_.size());
}

std::string XmlDocument::Where(pugi::xml_node node) const {
  if (node.offset_debug() < 0) return name_;
  return WhereOffset(OffsetOf(node));
}

pugi::xml_node XmlDocument::OpenElement(std::string_view local_name) const {
  pugi::xml_node found;
  if (!partial_) return found;
  for (pugi::xml_node node = document_.last_child(); node; node = node.last_child()) {
    if (node.type() == pugi::node_element && LocalName(node.name()) == local_name) found = node;
  }
  return found;
}

}  // namespace stride::xml
