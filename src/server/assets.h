// SPDX-License-Identifier: MIT
// The dashboard's files (web/ and uPlot), compiled into the binary by cmake/EmbedFiles.cmake. The server serves
// only these: no URL can name a file on disk.
#ifndef STRIDE_SERVER_ASSETS_H_
#define STRIDE_SERVER_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace stride::server {

/// One embedded file: the URL path it is served at ("/", "/app.js"), its content type and its bytes.
struct Asset {
  std::string_view path;
  std::string_view content_type;
  std::string_view body;
};

/// The embedded file served at `path`, or nullptr. Returned pointers live as long as the program.
const Asset* FindAsset(std::string_view path);

/// Every embedded file, for registering routes; `count` receives how many.
const Asset* AllAssets(size_t* count);

namespace internal {
struct EmbeddedAsset {
  const char* path;
  const char* content_type;
  const unsigned char* data;
  std::size_t size;
};
extern const EmbeddedAsset kEmbeddedAssets[];
extern const std::size_t kEmbeddedAssetCount;
}  // namespace internal

}  // namespace stride::server

#endif  // STRIDE_SERVER_ASSETS_H_
