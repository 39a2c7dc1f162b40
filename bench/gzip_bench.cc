// SPDX-License-Identifier: MIT
// gzip inflate speed on the .gz members of an export zip made by make_export: libdeflate (what
// archive::Gunzip uses) against zlib's streaming inflate, the same members, whole member per call.
// Usage: gzip_bench EXPORT.zip [--benchmark_* flags]. Reports inflated bytes/s.
#include <archive.h>
#include <archive_entry.h>
#include <benchmark/benchmark.h>
#include <libdeflate.h>
#include <zlib.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

struct Member {
  Bytes gz;
  size_t inflated_size = 0;
};

std::vector<Member>& Members() {
  static std::vector<Member> members;
  return members;
}

// The raw bytes of every *.gz entry of `path`, with the size their gzip trailer declares.
bool LoadMembers(const char* path) {
  struct archive* zip = archive_read_new();
  archive_read_support_format_zip(zip);
  if (archive_read_open_filename(zip, path, 1 << 16) != ARCHIVE_OK) {
    std::fprintf(stderr, "gzip_bench: %s: %s\n", path, archive_error_string(zip));
    archive_read_free(zip);
    return false;
  }
  archive_entry* entry = nullptr;
  while (archive_read_next_header(zip, &entry) == ARCHIVE_OK) {
    const std::string name = archive_entry_pathname(entry);
    if (!name.ends_with(".gz")) continue;
    Member m;
    m.gz.resize(static_cast<size_t>(archive_entry_size(entry)));
    if (archive_read_data(zip, m.gz.data(), m.gz.size()) != static_cast<la_ssize_t>(m.gz.size()) || m.gz.size() < 18) {
      continue;
    }
    const uint8_t* t = m.gz.data() + m.gz.size() - 4;  // ISIZE, little-endian
    m.inflated_size = t[0] | (size_t{t[1]} << 8) | (size_t{t[2]} << 16) | (size_t{t[3]} << 24);
    Members().push_back(std::move(m));
  }
  archive_read_free(zip);
  return !Members().empty();
}

void BM_GunzipLibdeflate(benchmark::State& state) {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const Member& m : Members()) {
      Bytes out(m.inflated_size);
      if (libdeflate_gzip_decompress(d, m.gz.data(), m.gz.size(), out.data(), out.size(), nullptr) !=
          LIBDEFLATE_SUCCESS) {
        state.SkipWithError("libdeflate: corrupt member");
        break;
      }
      bytes += static_cast<int64_t>(out.size());
      benchmark::DoNotOptimize(out.data());
    }
  }
  libdeflate_free_decompressor(d);
  state.SetBytesProcessed(bytes);
}

void BM_GunzipZlib(benchmark::State& state) {
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const Member& m : Members()) {
      Bytes out(m.inflated_size);
      z_stream z{};
      inflateInit2(&z, 16 + MAX_WBITS);
      z.next_in = const_cast<Bytef*>(m.gz.data());
      z.avail_in = static_cast<uInt>(m.gz.size());
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      const int rc = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      if (rc != Z_STREAM_END) {
        state.SkipWithError("zlib: corrupt member");
        break;
      }
      bytes += static_cast<int64_t>(out.size());
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(bytes);
}

BENCHMARK(BM_GunzipLibdeflate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GunzipZlib)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: gzip_bench EXPORT.zip [--benchmark_* flags]\n");
    return 1;
  }
  if (!LoadMembers(argv[1])) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
