// SPDX-License-Identifier: MIT
#include "core/text.h"

#include <gtest/gtest.h>

namespace stride::core {
namespace {

TEST(TextTest, EditDistanceCountsSingleCharacterEdits) {
  EXPECT_EQ(EditDistance("paces", "paces"), 0u);
  EXPECT_EQ(EditDistance("pacse", "paces"), 2u);  // a transposition is two substitutions
  EXPECT_EQ(EditDistance("plna", "plan"), 2u);
  EXPECT_EQ(EditDistance("", "load"), 4u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace stride::core
