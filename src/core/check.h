// SPDX-License-Identifier: MIT
// STRIDE_CHECK: aborts with file:line when a programmer's precondition (documented as REQUIRES:) fails.
// Not for bad input: that is an Error value.
#ifndef STRIDE_CORE_CHECK_H_
#define STRIDE_CORE_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define STRIDE_CHECK(cond)                                                             \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

#endif  // STRIDE_CORE_CHECK_H_
