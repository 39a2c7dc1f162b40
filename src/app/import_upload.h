// SPDX-License-Identifier: MIT
// Use case: import one uploaded file (an activity file, a .gz or an export .zip) held in memory, as the
// web dashboard receives it. The bytes go through exactly the same walk (zip-bomb and path checks) and
// store path as `stride import`, so an upload and a command-line import give the same result.
#ifndef STRIDE_APP_IMPORT_UPLOAD_H_
#define STRIDE_APP_IMPORT_UPLOAD_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "app/import.h"
#include "core/result.h"

namespace stride::store {
class Database;
}

namespace stride::app {

/// The file name to show and to sniff by: the last path component of `client_name` with anything but
/// letters, digits, '.', '-' and '_' replaced by '_' (never empty, never "." or ".."). An upload's name
/// comes from the client, so it must not be able to name a place in the file system.
std::string SafeUploadName(std::string_view client_name);

/// Imports the uploaded `bytes`, named `client_name` by the client (the name selects .gz/.zip handling and
/// is shown in the report after SafeUploadName). File names in the report are relative to the upload
/// ("export.zip!activities/1.fit.gz"). Fails with kInvalidArgument when `bytes` is empty, kIoError when the
/// upload cannot be spooled to the temporary folder, and like ImportPaths on a database failure;
/// problems with the content (not an activity, corrupt, zip bomb) are listed in the report's `failed`.
/// Thread-safe as long as each thread passes its own Database.
Result<ImportReport> ImportBytes(store::Database& db, std::span<const uint8_t> bytes, std::string_view client_name,
                                 const ImportOptions& options);

}  // namespace stride::app

#endif  // STRIDE_APP_IMPORT_UPLOAD_H_
