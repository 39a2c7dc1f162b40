// SPDX-License-Identifier: MIT
#include "server/assets.h"

#include <vector>

namespace stride::server {
namespace {

// Built once, on first use (thread-safe static initialisation).
const std::vector<Asset>& Table() {
  static const std::vector<Asset> table = [] {
    std::vector<Asset> out;
    for (size_t i = 0; i < internal::kEmbeddedAssetCount; ++i) {
      const internal::EmbeddedAsset& e = internal::kEmbeddedAssets[i];
      out.push_back({e.path, e.content_type, std::string_view(reinterpret_cast<const char*>(e.data), e.size)});
    }
    return out;
  }();
  return table;
}

}  // namespace

const Asset* FindAsset(std::string_view path) {
  for (const Asset& a : Table()) {
    if (a.path == path) return &a;
  }
  return nullptr;
}

const Asset* AllAssets(size_t* count) {
  *count = Table().size();
  return Table().data();
}

}  // namespace stride::server
