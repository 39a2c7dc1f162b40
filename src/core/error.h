// SPDX-License-Identifier: MIT
// Error values used across the library. Every fallible call returns Result<T> (result.h) carrying one of
// these; the faces (cli, server) map `code` to an exit code or HTTP status in one table.
#ifndef STRIDE_CORE_ERROR_H_
#define STRIDE_CORE_ERROR_H_

#include <string>

namespace stride::core {

/// What kind of failure. Faces map these: kInvalidArgument/kNotFound/kConflict -> exit 1,
/// kCorruptData/kUnsupported -> exit 2, kIoError/kInternal -> exit 3.
enum class ErrorCode {
  kInvalidArgument,  // the user asked for something impossible or malformed
  kNotFound,         // a named thing does not exist
  kCorruptData,      // an input file or stored value is damaged
  kUnsupported,      // well-formed input that Stride cannot handle
  kIoError,          // the file system or database failed
  kConflict,         // the request clashes with stored state
  kInternal,         // a bug
};

/// A failure: its kind, a lower-case message without a trailing period, and where it happened
/// (e.g. `run.fit@byte 1834`, `plan.tcx:12:5`, `--hr-max`). `where` may be empty.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string where;

  /// "where: message", or just the message when `where` is empty.
  std::string ToString() const { return where.empty() ? message : where + ": " + message; }
};

/// Short stable name of a code, e.g. "invalid_argument", used in JSON.
const char* ErrorCodeName(ErrorCode code);

}  // namespace stride::core

#endif  // STRIDE_CORE_ERROR_H_
