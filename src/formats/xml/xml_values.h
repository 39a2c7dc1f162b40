// SPDX-License-Identifier: MIT
// Small, allocation-free readers for XML activity files: local names and namespace URIs of pugixml
// elements (extensions are matched by URI + local name, never by prefix), numbers via std::from_chars,
// and ISO 8601 times with a fixed-format fast path. Shared by the GPX and TCX decoders.
#ifndef STRIDE_FORMATS_XML_XML_VALUES_H_
#define STRIDE_FORMATS_XML_XML_VALUES_H_

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace stride::xml {

/// The part of a qualified name after the prefix: "ns3:TPX" -> "TPX", "trkpt" -> "trkpt".
inline std::string_view LocalName(const char* qualified_name) {
  const char* local = qualified_name;
  const char* end = qualified_name;
  for (; *end != '\0'; ++end) {
    if (*end == ':') local = end + 1;
  }
  return std::string_view(local, static_cast<size_t>(end - local));
}

/// True when `node` is an element whose local name is `local_name` (any prefix). REQUIRES: local_name is
/// not empty (text nodes have empty names, which is what makes this check cheap).
inline bool IsElement(pugi::xml_node node, std::string_view local_name) {
  return LocalName(node.name()) == local_name;
}

/// True when `name` is one of `names`.
template <size_t N>
bool Contains(const std::string_view (&names)[N], std::string_view name) {
  for (std::string_view candidate : names) {
    if (candidate == name) return true;
  }
  return false;
}

/// How many `leaf` elements sit in the `middle` elements of the `outer` children of `parent` (local names,
/// any prefix): the track points of a GPX file or TCX activity, for TrackBuilder::Reserve. Inline so that
/// the names, usually literals, compare as constants.
inline size_t CountNested(pugi::xml_node parent, std::string_view outer, std::string_view middle,
                          std::string_view leaf) {
  size_t count = 0;
  for (pugi::xml_node group = parent.first_child(); group; group = group.next_sibling()) {
    if (!IsElement(group, outer)) continue;
    for (pugi::xml_node container = group.first_child(); container; container = container.next_sibling()) {
      if (!IsElement(container, middle)) continue;
      for (pugi::xml_node item = container.first_child(); item; item = item.next_sibling()) {
        count += IsElement(item, leaf) ? 1 : 0;
      }
    }
  }
  return count;
}

/// An element's first text child without surrounding whitespace; empty when it has none.
std::string_view TrimmedText(pugi::xml_node element);

/// Seconds from `from` to `to`.
inline double SecondsBetween(core::Timestamp from, core::Timestamp to) {
  return static_cast<double>((to - from).count()) / 1000.0;
}

/// The namespace URI of an element, found through the xmlns declarations on it and its ancestors; empty
/// when the prefix is unbound (or there is no default namespace).
std::string_view NamespaceUri(pugi::xml_node element);

/// Resolves namespace URIs like NamespaceUri, with the root element's declarations (where files usually
/// put them) looked up once. REQUIRES: the document outlives the resolver.
class NamespaceResolver {
 public:
  explicit NamespaceResolver(pugi::xml_node root);
  std::string_view Uri(pugi::xml_node element) const;

 private:
  struct Binding {
    std::string_view prefix;  // empty for the default namespace
    std::string_view uri;
  };
  pugi::xml_node root_;
  std::vector<Binding> root_bindings_;
};

/// The namespace URI of `child` given its parent's (already resolved) URI. Cheap when the child has no
/// attributes and the same prefix as the parent, which is the usual case inside an extension element.
std::string_view ChildNamespaceUri(pugi::xml_node child, pugi::xml_node parent, std::string_view parent_uri);

/// The number in `text` (surrounding ASCII whitespace allowed, leading '+' allowed), or NaN when the text
/// is empty, is not a finite number or has trailing characters.
double ParseNumber(const char* text);

/// The number in an element's first text child, as ParseNumber.
inline double ElementNumber(pugi::xml_node element) { return ParseNumber(element.child_value()); }

/// An instant read from an ISO 8601 date-time.
struct XmlTime {
  core::Timestamp time{};
  int32_t offset_s = 0;         // the local offset the text gave (0 for 'Z' or no zone)
  bool has_zone = false;        // 'Z' or a numeric offset was given; otherwise the time was taken as UTC
  bool numeric_offset = false;  // a numeric offset such as +02:00 was given (a local-time hint)
};

/// Parses "YYYY-MM-DDThh:mm:ss[.fff...][Z|+hh:mm|-hhmm|+hh]" quickly, falling back to core::ParseTimestamp
/// for other accepted spellings. Returns false when the text is not a valid time.
bool ParseXmlTime(std::string_view text, XmlTime* out);

}  // namespace stride::xml

#endif  // STRIDE_FORMATS_XML_XML_VALUES_H_
