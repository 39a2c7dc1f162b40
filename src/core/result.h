// SPDX-License-Identifier: MIT
// Result<T>: a value or an Error. The only file that names tl::expected; use just the subset that
// std::expected also has (has_value, *, ->, value, error, value_or, and_then, or_else, transform), so
// moving to C++23 changes this file alone.
#ifndef STRIDE_CORE_RESULT_H_
#define STRIDE_CORE_RESULT_H_

#include <string>
#include <tl/expected.hpp>
#include <utility>

#include "core/error.h"

namespace stride {

template <class T>
using Result = tl::expected<T, core::Error>;
using Status = Result<void>;

/// The failing branch of a Result: `return Fail(ErrorCode::kInvalidArgument, "pain must be 0-10", "--pain");`
inline tl::unexpected<core::Error> Fail(core::ErrorCode code, std::string message, std::string where = {}) {
  return tl::unexpected<core::Error>(core::Error{code, std::move(message), std::move(where)});
}
inline tl::unexpected<core::Error> Fail(core::Error error) { return tl::unexpected<core::Error>(std::move(error)); }

/// A successful Status.
inline Status Ok() { return {}; }

}  // namespace stride

#endif  // STRIDE_CORE_RESULT_H_
