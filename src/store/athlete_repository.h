// SPDX-License-Identifier: MIT
// Stores the one athlete profile of a database and their race results.
#ifndef STRIDE_STORE_ATHLETE_REPOSITORY_H_
#define STRIDE_STORE_ATHLETE_REPOSITORY_H_

#include <optional>

#include "core/athlete.h"
#include "core/result.h"

namespace stride::store {

class Database;

/// Reads the profile; nullopt when none has been set. Fails with kIoError or kCorruptData (a stored
/// value this binary cannot read).
Result<std::optional<core::Athlete>> LoadAthlete(Database& db);

/// Replaces the profile and its race results. Runs inside the caller's transaction.
Status SaveAthlete(Database& db, const core::Athlete& athlete);

}  // namespace stride::store

#endif  // STRIDE_STORE_ATHLETE_REPOSITORY_H_
