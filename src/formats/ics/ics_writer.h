// SPDX-License-Identifier: MIT
// iCalendar (RFC 5545) for a training plan: one all-day VEVENT per session. CRLF line ends, lines folded
// at 75 octets without splitting a UTF-8 sequence, TEXT escaped (\\ \; \, \n), all-day events with an
// exclusive DTEND, and UIDs the caller keeps stable so a re-export updates events instead of duplicating
// them. FORMATS.md 7.1.
#ifndef STRIDE_FORMATS_ICS_ICS_WRITER_H_
#define STRIDE_FORMATS_ICS_ICS_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace stride::ics {

struct Event {
  std::string uid;          // stable, e.g. "stride-plan-w03-d2-s0@stride.local"
  core::Date date;          // all-day event on this date
  std::string summary;      // short: "Long run 22 km"
  std::string description;  // steps and paces, several lines
  int sequence = 0;         // bump when the event changes
  std::vector<std::string> categories;  // e.g. "long", "taper"
};

struct Calendar {
  std::string name;          // X-WR-CALNAME
  core::Timestamp stamp{};   // DTSTAMP for every event (pass a stable value for reproducible files)
  std::vector<Event> events;
};

/// The whole .ics text.
std::string WriteCalendar(const Calendar& calendar);

/// RFC 5545 3.3.11 TEXT escaping.
std::string EscapeText(std::string_view text);

/// Folds one content line (without its CRLF) at 75 octets: CRLF + one space before each continuation,
/// never inside a UTF-8 multi-byte sequence. Returns the folded line with its final CRLF.
std::string FoldLine(std::string_view line);

}  // namespace stride::ics

#endif  // STRIDE_FORMATS_ICS_ICS_WRITER_H_
