// SPDX-License-Identifier: MIT
#include "formats/ics/ics_writer.h"

#include <fmt/format.h>

namespace stride::ics {
namespace {

constexpr size_t kMaxOctets = 75;  // RFC 5545 3.1

std::string DateValue(core::Date d) { return fmt::format("{:04}{:02}{:02}", d.year(), d.month(), d.day()); }

std::string StampValue(core::Timestamp t) {
  std::string iso = core::FormatTimestamp(std::chrono::floor<std::chrono::seconds>(t));  // 2026-10-18T07:05:00Z
  std::string out;
  for (char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string FoldLine(std::string_view line) {
  std::string out;
  size_t limit = kMaxOctets;  // the first line has 75 octets; continuations 74 after their leading space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && IsContinuationByte(static_cast<unsigned char>(line[cut]))) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string WriteCalendar(const Calendar& c) {
  std::string out;
  auto add = [&out](std::string_view line) { out += FoldLine(line); };
  add("BEGIN:VCALENDAR");
  add("VERSION:2.0");
  add("PRODID:-//Stride//Training plan//EN");
  add("CALSCALE:GREGORIAN");
  add("METHOD:PUBLISH");
  if (!c.name.empty()) add("X-WR-CALNAME:" + EscapeText(c.name));
  for (const Event& e : c.events) {
    add("BEGIN:VEVENT");
    add("UID:" + e.uid);
    add("DTSTAMP:" + StampValue(c.stamp));
    add("DTSTART;VALUE=DATE:" + DateValue(e.date));
    add("DTEND;VALUE=DATE:" + DateValue(e.date.AddDays(1)));  // exclusive end: a one-day event
    add("SEQUENCE:" + std::to_string(e.sequence));
    add("SUMMARY:" + EscapeText(e.summary));
    if (!e.description.empty()) add("DESCRIPTION:" + EscapeText(e.description));
    if (!e.categories.empty()) {
      std::string cats;
      for (const auto& cat : e.categories) cats += (cats.empty() ? "" : ",") + EscapeText(cat);
      add("CATEGORIES:" + cats);
    }
    add("TRANSP:TRANSPARENT");
    add("END:VEVENT");
  }
  add("END:VCALENDAR");
  return out;
}

}  // namespace stride::ics
