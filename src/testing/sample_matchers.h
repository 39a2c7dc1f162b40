// SPDX-License-Identifier: MIT
// Test helpers that compare an activity's sample columns exactly: each value the same bits, or both NaN.
#ifndef STRIDE_TESTING_SAMPLE_MATCHERS_H_
#define STRIDE_TESTING_SAMPLE_MATCHERS_H_

#include <vector>

#include "core/activity.h"

namespace stride::testing {

/// Each value the same bits (so 0.0 differs from -0.0), or both NaN.
bool SameBitsOrNaN(double a, double b);

/// Fails the test (naming the column and index) unless `got` has `want`'s size and SameBitsOrNaN values.
void ExpectExactColumn(const std::vector<double>& want, const std::vector<double>& got, const char* name);

/// Every sample column of `got` exact to `want`'s, and the developer channels (names, units, values).
void ExpectExactSamples(const core::Activity& want, const core::Activity& got);

}  // namespace stride::testing

#endif  // STRIDE_TESTING_SAMPLE_MATCHERS_H_
