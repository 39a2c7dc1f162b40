// SPDX-License-Identifier: MIT
// Dose limits SCIENCE.md sets for stretching and foam rolling, shared by catalogue validation, the day
// prescription and the tests.
#ifndef STRIDE_CARE_DOSE_LIMITS_H_
#define STRIDE_CARE_DOSE_LIMITS_H_

#include "care/catalogue.h"

namespace stride::care {

/// Static holds before running stay under this many seconds per muscle: >= 60 s is likely to cost
/// performance, < 30-45 s does not. SCIENCE.md D4 [kay-blazevich-2012] [simic-2013].
inline constexpr int kMaxPreRunStaticHoldSeconds = 60;
/// Foam rolling: 1-3 sets of 30-120 s per muscle. SCIENCE.md D1 [fr-review-2022] [nakamura-2021-fr].
inline constexpr int kMinFoamRollingSeconds = 30;
inline constexpr int kMaxFoamRollingSeconds = 120;
inline constexpr int kMaxFoamRollingSets = 3;

/// True when a foam-rolling dose is 30-120 s per pass and at most 3 passes.
inline bool FoamRollingDoseOk(const Dose& dose) {
  return dose.seconds && *dose.seconds >= kMinFoamRollingSeconds && *dose.seconds <= kMaxFoamRollingSeconds &&
         dose.sets.value_or(1) <= kMaxFoamRollingSets;
}

/// True unless `kind` is a static stretch held for 60 s or more per muscle (before a run).
inline bool PreRunHoldOk(ItemKind kind, const Dose& dose) {
  return kind != ItemKind::kStaticStretch || dose.HoldSecondsPerMuscle() < kMaxPreRunStaticHoldSeconds;
}

}  // namespace stride::care

#endif  // STRIDE_CARE_DOSE_LIMITS_H_
