// SPDX-License-Identifier: MIT
// Small text helpers shared by the faces and the use cases: "did you mean" suggestions.
#ifndef STRIDE_CORE_TEXT_H_
#define STRIDE_CORE_TEXT_H_

#include <cstddef>
#include <string_view>

namespace stride::core {

/// Levenshtein distance: the fewest single-character insertions, deletions or substitutions turning `a`
/// into `b`. O(|a| * |b|) time, O(|b|) memory.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace stride::core

#endif  // STRIDE_CORE_TEXT_H_
