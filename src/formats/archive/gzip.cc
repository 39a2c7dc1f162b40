// SPDX-License-Identifier: MIT
// Gunzip: whole-buffer gzip inflation with libdeflate (faster than zlib, see docs/formats/archives.md),
// member by member, sized from the ISIZE trailer and grown (bounded) when ISIZE is wrong.
#include <libdeflate.h>

#include <algorithm>
#include <memory>

#include "formats/archive/activity_source.h"
#include "formats/archive/limits_internal.h"

namespace stride::archive {
namespace {

constexpr uint64_t kMinGrowthBytes = 64 * 1024;
// Deflate's largest expansion is about 1032:1 (a 258-byte match per 2-bit code); no honest hint is larger.
constexpr uint64_t kDeflateMaxRatio = 1032;

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};
using Decompressor = std::unique_ptr<libdeflate_decompressor, DecompressorDeleter>;

bool HasGzipMagic(std::span<const uint8_t> bytes) {
  return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

// ISIZE: the last member's inflated size mod 2^32, little-endian in the last 4 bytes.
uint64_t TrailerSizeHint(std::span<const uint8_t> member) {
  if (member.size() < 4) return 0;
  const uint8_t* p = member.data() + member.size() - 4;
  return uint64_t{p[0]} | uint64_t{p[1]} << 8 | uint64_t{p[2]} << 16 | uint64_t{p[3]} << 24;
}

struct Inflated {
  size_t consumed = 0;  // input bytes of this member
};

// Inflates one member onto the end of `out` (which holds `produced` bytes), growing up to `cap`.
Result<Inflated> InflateMember(libdeflate_decompressor* d, std::span<const uint8_t> member, uint64_t hint,
                               uint64_t cap, std::vector<uint8_t>& out, size_t& produced, const std::string& name,
                               const SourceLimits& limits) {
  uint64_t avail = std::min(hint, cap - produced);
  for (;;) {
    out.resize(produced + avail);
    size_t in_used = 0;
    size_t out_used = 0;
    libdeflate_result r = libdeflate_gzip_decompress_ex(d, member.data(), member.size(), out.data() + produced,
                                                        avail, &in_used, &out_used);
    if (r == LIBDEFLATE_SUCCESS) {
      produced += out_used;
      return Inflated{in_used};
    }
    if (r != LIBDEFLATE_INSUFFICIENT_SPACE) return Fail(core::ErrorCode::kCorruptData, "corrupt gzip stream", name);
    if (produced + avail >= cap) return Fail(RefusalError(cap, limits, name));
    avail = std::min(std::max(avail * 2, kMinGrowthBytes), cap - produced);
  }
}

}  // namespace

Result<std::vector<uint8_t>> Gunzip(std::span<const uint8_t> compressed, const std::string& name,
                                    const SourceLimits& limits) {
  if (!HasGzipMagic(compressed)) return Fail(core::ErrorCode::kCorruptData, "corrupt gzip stream: no gzip header", name);
  Decompressor d(libdeflate_alloc_decompressor());
  if (!d) return Fail(core::ErrorCode::kInternal, "out of memory for the gzip decompressor", name);
  const uint64_t cap = InflateCap(compressed.size(), limits);
  const uint64_t honest_max = SaturatingMul(compressed.size(), kDeflateMaxRatio) + kMinGrowthBytes;
  std::vector<uint8_t> out;
  size_t produced = 0;
  size_t offset = 0;
  bool first = true;
  while (offset < compressed.size() && HasGzipMagic(compressed.subspan(offset))) {
    std::span<const uint8_t> member = compressed.subspan(offset);
    uint64_t hint = first ? TrailerSizeHint(member) : member.size() * 4;
    hint = std::clamp<uint64_t>(hint, 1, honest_max);
    auto inflated = InflateMember(d.get(), member, hint, cap, out, produced, name, limits);
    if (!inflated) return Fail(inflated.error());
    offset += inflated->consumed;
    first = false;
  }
  // Anything after the last member (zero padding from tape-era tools) is ignored, as gzip(1) does.
  out.resize(produced);
  out.shrink_to_fit();
  return out;
}

}  // namespace stride::archive
