// SPDX-License-Identifier: MIT
// The schema, as forward-only migrations. Version N's script turns a version N-1 database into version N;
// `schema_version` records where a file is. Add a migration by appending to kMigrations in migrations.cc;
// never edit a released one.
#ifndef STRIDE_STORE_MIGRATIONS_H_
#define STRIDE_STORE_MIGRATIONS_H_

#include "core/result.h"

namespace stride::store {

class Database;

/// The schema version this binary writes.
int LatestSchemaVersion();

/// The version recorded in `db` (0 for an empty file).
Result<int> SchemaVersion(Database& db);

/// Brings `db` to LatestSchemaVersion(), each step in its own transaction.
/// Fails with kCorruptData when the file holds a newer schema than this binary knows.
Status Migrate(Database& db);

/// Brings `db` up to exactly `version` (for tests of older versions). REQUIRES: version <= latest.
Status MigrateTo(Database& db, int version);

}  // namespace stride::store

#endif  // STRIDE_STORE_MIGRATIONS_H_
