// SPDX-License-Identifier: MIT
// Today's rehab routine: the catalogue routine for the stage and site (protect-mobility, itb-rehab, ...),
// joined or replaced by a physio's custom routine, with the walk-run session in the return stage. Items
// never include running while running is stopped, nor heat while the no-heat window lasts [fiba-wabc].
#ifndef STRIDE_CARE_REHAB_ROUTINE_H_
#define STRIDE_CARE_REHAB_ROUTINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "care/catalogue.h"
#include "care/injury.h"
#include "care/prescription.h"
#include "care/rehab.h"

namespace stride::care {

/// The `routine` of the walk-run item BuildRehabRoutine adds in the return stage.
inline constexpr std::string_view kWalkRunRoutineId = "walk-run";

/// A custom routine pinned to the injury: it joins the stage's routine, or replaces it when `replace`.
struct AttachedRoutine {
  Routine routine;
  bool replace = false;
};

/// The stage's routine with doses, and what was left out and why.
struct RehabRoutine {
  std::vector<Item> items;
  std::vector<Note> notes;
  std::vector<std::string> routine_ids;  // the routines the items come from, in order
};

/// True for items that load the injury by running (run, jog) and for heat (sauna, contrast).
bool IsRunningKind(ItemKind kind);
bool IsHeatKind(ItemKind kind);

/// Builds the routine for `state` (ComputeRehab of `injury`): nothing while a red flag is active
/// (load prescription stops [warden-2014-bsi]); protect: protect-mobility; rehab, return and done: the
/// site's routine (SiteRehabRoutineId); return adds the walk-run session of the phase [trials-2023-rtr].
/// Custom routines join after the default or replace it (not in protect). Running items are dropped while
/// state.stop_running; heat items while the no-heat window lasts. Fails with kNotFound when the catalogue
/// lacks a routine or exercise it needs.
Result<RehabRoutine> BuildRehabRoutine(const RehabState& state, const Injury& injury, const Catalogue& catalogue,
                                       const std::vector<AttachedRoutine>& custom);

}  // namespace stride::care

#endif  // STRIDE_CARE_REHAB_ROUTINE_H_
