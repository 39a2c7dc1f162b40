// SPDX-License-Identifier: MIT
// A tiny benchmark (not a test, not built by CMake): gunzip speed of libdeflate, which Gunzip uses,
// against zlib, on the real FIT corpus. Numbers are quoted in docs/formats/archives.md. Build and run
// from the repository root:
//   g++ -std=c++20 -O2 tests/formats/archive/gunzip_bench.cc -ldeflate -lz -o /tmp/gunzip_bench
//   /tmp/gunzip_bench ../shared/data/activities/fit
#include <libdeflate.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

using Bytes = std::vector<unsigned char>;
using Clock = std::chrono::steady_clock;
constexpr int kRounds = 20;

Bytes ReadCorpus(const std::filesystem::path& dir) {
  Bytes all;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".fit") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    all.insert(all.end(), std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return all;
}

Bytes GzipLibdeflate(const Bytes& data) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  Bytes out(libdeflate_gzip_compress_bound(c, data.size()));
  out.resize(libdeflate_gzip_compress(c, data.data(), data.size(), out.data(), out.size()));
  libdeflate_free_compressor(c);
  return out;
}

bool InflateZlib(const Bytes& gz, Bytes& out) {
  z_stream s{};
  if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK) return false;
  s.next_in = const_cast<unsigned char*>(gz.data());
  s.avail_in = static_cast<uInt>(gz.size());
  s.next_out = out.data();
  s.avail_out = static_cast<uInt>(out.size());
  const int r = inflate(&s, Z_FINISH);
  inflateEnd(&s);
  return r == Z_STREAM_END;
}

bool InflateLibdeflate(libdeflate_decompressor* d, const Bytes& gz, Bytes& out) {
  size_t produced = 0;
  return libdeflate_gzip_decompress(d, gz.data(), gz.size(), out.data(), out.size(), &produced) ==
         LIBDEFLATE_SUCCESS;
}

template <class F>
double MegabytesPerSecond(size_t inflated_bytes, F&& inflate_once) {
  const auto start = Clock::now();
  for (int i = 0; i < kRounds; ++i) {
    if (!inflate_once()) return 0;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return static_cast<double>(inflated_bytes) * kRounds / seconds / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const Bytes corpus = ReadCorpus(argc > 1 ? argv[1] : "../shared/data/activities/fit");
  if (corpus.empty()) {
    std::fprintf(stderr, "no .fit files found\n");
    return 1;
  }
  const Bytes gz = GzipLibdeflate(corpus);
  Bytes out(corpus.size());
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  const double zlib_mbps = MegabytesPerSecond(corpus.size(), [&] { return InflateZlib(gz, out); });
  const double deflate_mbps = MegabytesPerSecond(corpus.size(), [&] { return InflateLibdeflate(d, gz, out); });
  libdeflate_free_decompressor(d);
  std::printf("corpus %zu bytes, gzip %zu bytes (%.2f:1), %d rounds\n", corpus.size(), gz.size(),
              static_cast<double>(corpus.size()) / static_cast<double>(gz.size()), kRounds);
  std::printf("zlib       %8.1f MB/s inflated\nlibdeflate %8.1f MB/s inflated\nratio      %8.2fx\n", zlib_mbps,
              deflate_mbps, zlib_mbps > 0 ? deflate_mbps / zlib_mbps : 0.0);
  return 0;
}
