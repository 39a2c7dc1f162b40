// SPDX-License-Identifier: MIT
// Names, namespaces, numbers and times for the XML decoders (see xml_values.h).
#include "formats/xml/xml_values.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace stride::xml {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view PrefixOf(const char* qualified_name) {
  const char* colon = std::strchr(qualified_name, ':');
  return colon == nullptr ? std::string_view() : std::string_view(qualified_name, colon - qualified_name);
}

// Reads `len` ASCII digits at text[pos]; false when any is not a digit.
bool Digits(std::string_view text, size_t pos, size_t len, int* out) {
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
    if (digit > 9) return false;
    value = value * 10 + static_cast<int>(digit);
  }
  *out = value;
  return true;
}

// The zone suffix after the seconds: "", "Z", "+hh:mm", "+hhmm" or "+hh".
bool ParseZone(std::string_view zone, XmlTime* out) {
  out->offset_s = 0;
  out->has_zone = !zone.empty();
  out->numeric_offset = false;
  if (zone.empty()) return true;
  if (zone.size() == 1) return zone[0] == 'Z' || zone[0] == 'z';
  if (zone[0] != '+' && zone[0] != '-') return false;
  int hours = 0, minutes = 0;
  bool ok = false;
  if (zone.size() == 6 && zone[3] == ':') ok = Digits(zone, 1, 2, &hours) && Digits(zone, 4, 2, &minutes);
  if (zone.size() == 5) ok = Digits(zone, 1, 2, &hours) && Digits(zone, 3, 2, &minutes);
  if (zone.size() == 3) ok = Digits(zone, 1, 2, &hours);
  if (!ok || hours > 14 || minutes > 59) return false;
  out->offset_s = (hours * 3600 + minutes * 60) * (zone[0] == '-' ? -1 : 1);
  out->numeric_offset = true;
  return true;
}

bool FastParseTime(std::string_view text, XmlTime* out) {
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return false;
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(text, 0, 4, &year) || !Digits(text, 5, 2, &month) || !Digits(text, 8, 2, &day) ||
      !Digits(text, 11, 2, &hour) || !Digits(text, 14, 2, &minute) || !Digits(text, 17, 2, &second) || hour > 23 ||
      minute > 59 || second > 60) {
    return false;
  }
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return false;
  size_t pos = 19;
  int64_t millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    size_t first_digit = ++pos;
    int64_t scale = 100;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      millis += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == first_digit) return false;
  }
  if (!ParseZone(text.substr(pos), out)) return false;
  int64_t seconds_of_day = hour * 3600LL + minute * 60LL + second - out->offset_s;
  out->time = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::sys_days(ymd)) +
              std::chrono::milliseconds(seconds_of_day * 1000 + millis);
  return true;
}

}  // namespace

std::string_view TrimmedText(pugi::xml_node element) { return Trim(element.child_value()); }

// The prefix an xmlns attribute declares ("" for xmlns=), or nullopt when it is not a declaration.
std::optional<std::string_view> DeclaredPrefix(const char* attribute_name) {
  if (std::strncmp(attribute_name, "xmlns", 5) != 0) return std::nullopt;
  if (attribute_name[5] == '\0') return std::string_view();
  if (attribute_name[5] == ':') return std::string_view(attribute_name + 6);
  return std::nullopt;
}

// The URI `node` itself declares for `prefix`, if any.
std::optional<std::string_view> Declared(pugi::xml_node node, std::string_view prefix) {
  for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
    if (DeclaredPrefix(attribute.name()) == prefix) return std::string_view(attribute.value());
  }
  return std::nullopt;
}

std::string_view NamespaceUri(pugi::xml_node element) {
  std::string_view prefix = PrefixOf(element.name());
  for (pugi::xml_node node = element; node.type() == pugi::node_element; node = node.parent()) {
    if (auto uri = Declared(node, prefix)) return *uri;
  }
  return {};
}

NamespaceResolver::NamespaceResolver(pugi::xml_node root) : root_(root) {
  for (pugi::xml_attribute attribute = root.first_attribute(); attribute; attribute = attribute.next_attribute()) {
    if (auto prefix = DeclaredPrefix(attribute.name())) root_bindings_.push_back({*prefix, attribute.value()});
  }
}

std::string_view NamespaceResolver::Uri(pugi::xml_node element) const {
  std::string_view prefix = PrefixOf(element.name());
  for (pugi::xml_node node = element; node.type() == pugi::node_element; node = node.parent()) {
    if (node == root_) {
      for (const Binding& binding : root_bindings_) {
        if (binding.prefix == prefix) return binding.uri;
      }
      return {};
    }
    if (auto uri = Declared(node, prefix)) return *uri;
  }
  return {};
}

std::string_view ChildNamespaceUri(pugi::xml_node child, pugi::xml_node parent, std::string_view parent_uri) {
  if (!child.first_attribute() && PrefixOf(child.name()) == PrefixOf(parent.name())) return parent_uri;
  return NamespaceUri(child);
}

double ParseNumber(const char* text) {
  std::string_view view = Trim(text);
  if (!view.empty() && view.front() == '+') view.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (view.empty() || error != std::errc() || end != view.data() + view.size() || !std::isfinite(value)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return value;
}

bool ParseXmlTime(std::string_view text, XmlTime* out) {
  text = Trim(text);
  if (FastParseTime(text, out)) return true;
  bool had_offset = false;
  int32_t offset_s = 0;
  auto parsed = core::ParseTimestamp(text, &offset_s, &had_offset);
  if (!parsed) return false;
  out->time = *parsed;
  out->offset_s = offset_s;
  out->has_zone = had_offset;
  out->numeric_offset = had_offset && text.back() != 'Z' && text.back() != 'z';
  return true;
}

}  // namespace stride::xml
