// SPDX-License-Identifier: MIT
// The catalogue TOML files compiled into the binary. The definitions are generated at build time by
// cmake/EmbedFiles.cmake from data/catalogue/*.toml (listed in src/care/CMakeLists.txt).
#ifndef STRIDE_CARE_INTERNAL_EMBEDDED_CATALOGUE_H_
#define STRIDE_CARE_INTERNAL_EMBEDDED_CATALOGUE_H_

#include <cstddef>
#include <string_view>

namespace stride::care::internal {

/// One embedded file: its base name (e.g. "routines.toml") and its bytes (`size` excludes the
/// trailing zero byte the generator appends).
struct EmbeddedFile {
  const char* name;
  const unsigned char* data;
  std::size_t size;

  std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

extern const EmbeddedFile kEmbeddedCatalogueFiles[];
extern const std::size_t kEmbeddedCatalogueFileCount;

}  // namespace stride::care::internal

#endif  // STRIDE_CARE_INTERNAL_EMBEDDED_CATALOGUE_H_
