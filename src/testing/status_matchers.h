// SPDX-License-Identifier: MIT
// GoogleTest helpers for Result/Status: ASSERT_OK(expr) and EXPECT_OK(expr) print the error on failure.
#ifndef STRIDE_TESTING_STATUS_MATCHERS_H_
#define STRIDE_TESTING_STATUS_MATCHERS_H_

#include <gtest/gtest.h>

#define STRIDE_RESULT_MESSAGE(r) ((r) ? std::string("ok") : (r).error().ToString())
#define EXPECT_OK(expr)                                            \
  do {                                                             \
    const auto& stride_r_ = (expr);                                \
    EXPECT_TRUE(stride_r_.has_value()) << STRIDE_RESULT_MESSAGE(stride_r_); \
  } while (0)
#define ASSERT_OK(expr)                                            \
  do {                                                             \
    const auto& stride_r_ = (expr);                                \
    ASSERT_TRUE(stride_r_.has_value()) << STRIDE_RESULT_MESSAGE(stride_r_); \
  } while (0)

#endif  // STRIDE_TESTING_STATUS_MATCHERS_H_
