// SPDX-License-Identifier: MIT
// Rules about entry and file names inside exports: which names are activity files, which are unsafe
// (path traversal), which are operating-system clutter. Used by the zip and folder walks.
#ifndef STRIDE_FORMATS_ARCHIVE_ENTRY_PATH_H_
#define STRIDE_FORMATS_ARCHIVE_ENTRY_PATH_H_

#include <string>
#include <string_view>

namespace stride::archive {

enum class EntryKind {
  kOther,     // not visited: photos, CSVs, JSON ...
  kActivity,  // *.fit, *.gpx, *.tcx and their .gz (case-insensitive)
  kZip,       // *.zip: walked recursively
};

/// Classifies a path by its file name.
EntryKind ClassifyEntryName(std::string_view path);

/// True when `path` would escape an extraction folder: absolute ("/x", "\\x", "C:x"), or holding a ".."
/// component with either separator ("../x", "a/..\\b").
bool IsUnsafeEntryPath(std::string_view path);

/// True for clutter that only looks like activity files: macOS "__MACOSX/" folders and "._x" files.
bool IsClutterPath(std::string_view path);

/// ASCII lower-case copy.
std::string AsciiLower(std::string_view text);

}  // namespace stride::archive

#endif  // STRIDE_FORMATS_ARCHIVE_ENTRY_PATH_H_
