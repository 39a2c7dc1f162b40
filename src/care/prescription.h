// SPDX-License-Identifier: MIT
// The day prescription: given the day's sessions (as plain values from the plan), the athlete's
// facilities and health flags, and the catalogue, what to do around the running: warm-up, cool-down,
// mobility, strength and recovery, each item with its dose, timing, reason and source, plus notes on
// what was ruled out and why. Pure: no clock, no I/O. Shape: DESIGN.md `stride today`.
#ifndef STRIDE_CARE_PRESCRIPTION_H_
#define STRIDE_CARE_PRESCRIPTION_H_

#include <optional>
#include <string>
#include <vector>

#include "care/catalogue.h"
#include "core/athlete.h"
#include "core/date.h"
#include "core/result.h"

namespace stride::care {

/// One planned session. `kind`: easy, long, recovery, tempo, intervals, marathon_pace, strides, race,
/// rest, strength, cross, walk_run (DESIGN.md). `hilly` marks a run with a lot of climbing.
struct DaySession {
  std::string kind;
  double distance_m = 0;
  double duration_s = 0;
  bool hilly = false;
};

/// One thing to do (DESIGN.md "Item"): a catalogue exercise with its dose for today.
struct Item {
  std::string id;
  std::string name;
  ItemKind kind = ItemKind::kDynamic;
  std::vector<Region> targets;
  Dose dose;
  std::string when;  // before_run, after_run, evening, strength, instead_of_plunge, book
  std::string why;
  std::string source;
  Evidence evidence = Evidence::kUnconfirmed;
  std::string routine;  // the routine the item comes from; empty for a single item
};

/// Something the runner should know: usually an item considered and ruled out, with the reason.
struct Note {
  std::string text;    // e.g. "no sauna tonight: tempo run tomorrow"
  std::string source;  // SCIENCE.md source id
};

/// A custom routine the runner pinned to today's weekday (`stride routine add FILE --days ...`). It goes
/// to the part of the day its phase names (pre_run: warm-up; post_run and any: mobility; strength;
/// recovery; rehab: the rehab list), joining the catalogue routines there, or replacing them when `replace`.
struct DayRoutine {
  Routine routine;
  bool replace = false;
};

/// What the prescription needs to know about the day.
struct DayContext {
  core::Date date;
  std::vector<DaySession> today;
  std::vector<DaySession> tomorrow;
  std::optional<int> days_to_race;               // 0 on race day; nullopt when no race is planned
  bool strength_today = false;                   // strength work today (also implied by a "strength" session)
  std::optional<int> hours_since_acute_injury;   // set while an acute injury under 72 h old exists
  bool in_build_phase = false;                   // massage is suggested only in the build
  std::optional<core::Date> last_massage;
  bool bone_stress_injury = false;               // a current bone stress injury (no impact, no rolling)
  bool stop_running = false;                     // an injury stops running: no run or jog item at all
  std::vector<Item> rehab;                       // today's rehab routine from the injury model (rehab_routine.h)
  std::vector<DayRoutine> pinned;                // custom routines pinned to today's weekday
};

struct DayPrescription {
  core::Date date;
  std::vector<Item> warmup;
  std::vector<Item> cooldown;
  std::vector<Item> mobility;
  std::vector<Item> strength;
  std::vector<Item> recovery;
  std::vector<Item> rehab;  // the injury's rehab routine and pinned rehab-phase routines
  std::vector<Note> notes;
};

/// Prescribes the day. Safety rules come from the catalogue's rules (data/catalogue/rules.toml) and the
/// exercises' contraindications; items need the athlete's facilities. In short: a RAMP warm-up before runs
/// (drills and strides before tempo, intervals and marathon pace); stretches and foam rolling after runs
/// (IT band and hip flexors always, plus calves, quads and glutes after long, hilly or race runs and calves
/// and quads after fast ones; textured roller when owned); runner strength A in even ISO weeks, B in odd;
/// a plunge pool after long runs and races or before a next-day quality session, never on a strength day;
/// otherwise the sauna with its stretches; massage every >= 14 days in the build; a muscle rub after long
/// runs and races. The rehab items of the context and the pinned routines pass the same equipment and
/// safety checks as catalogue items; while stop_running no run or jog item is prescribed, and pre- and
/// post-run routines pinned to a day without a run are left out with a note.
/// Fails with kInvalidArgument on an unknown session kind, kNotFound when the catalogue lacks a routine
/// or exercise the prescription uses.
Result<DayPrescription> PrescribeDay(const DayContext& context, const core::Athlete& athlete,
                                     const Catalogue& catalogue);

/// The ISO 8601 week number (1-53) of a date.
int IsoWeekNumber(core::Date date);

}  // namespace stride::care

#endif  // STRIDE_CARE_PRESCRIPTION_H_
