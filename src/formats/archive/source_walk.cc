// SPDX-License-Identifier: MIT
// VisitBytes/VisitError and ReadWholeFile; the zip walk itself is in zip_walk.cc.
#include "formats/archive/source_walk.h"

#include <fstream>
#include <utility>

#include <fmt/format.h>

#include "formats/archive/limits_internal.h"
#include "formats/sniff.h"

namespace stride::archive {
namespace {

std::optional<core::Error> CheckContent(const std::vector<uint8_t>& bytes, const std::string& name) {
  if (bytes.empty()) return core::Error{core::ErrorCode::kCorruptData, "empty file", name};
  const formats::ContentKind kind = formats::SniffContent(bytes);
  if (kind == formats::ContentKind::kFit || kind == formats::ContentKind::kGpx || kind == formats::ContentKind::kTcx) {
    return std::nullopt;
  }
  // A file named as an activity format goes on to its decoder, which says precisely what is wrong
  // (e.g. "run.fit@byte 8: missing .FIT signature") rather than only "not a FIT file".
  if (formats::FormatFromName(name)) return std::nullopt;
  return core::Error{core::ErrorCode::kUnsupported,
                     fmt::format("not a fit, gpx or tcx file (content: {})", formats::ContentKindName(kind)), name};
}

// What a gzip stream's trailer says it inflates to (ISIZE, its last 4 bytes: RFC 1952; modulo 2^32, and
// only the last member's), or its own size when it is too short to have one.
uint64_t GzipStatedSize(const std::vector<uint8_t>& gzip) {
  constexpr size_t kTrailerBytes = 8;  // CRC-32, ISIZE
  if (gzip.size() < kTrailerBytes) return gzip.size();
  const uint8_t* isize = gzip.data() + gzip.size() - 4;
  return uint64_t{isize[0]} | uint64_t{isize[1]} << 8 | uint64_t{isize[2]} << 16 | uint64_t{isize[3]} << 24;
}

// Inflates `bytes` when `gzipped`, then checks what it holds: the error the file is reported with, if any.
std::optional<core::Error> InflateAndCheck(std::vector<uint8_t>& bytes, bool gzipped, const std::string& name,
                                           const SourceLimits& limits) {
  if (gzipped) {
    auto inflated = Gunzip(bytes, name, limits);
    if (!inflated) return inflated.error();
    bytes = std::move(*inflated);
  }
  return CheckContent(bytes, name);
}

}  // namespace

Status VisitError(WalkContext& ctx, std::string name, core::Error error, uint64_t compressed_bytes) {
  SourceFile file;
  error.where = name;
  file.name = std::move(name);
  file.error = std::move(error);
  file.compressed_bytes = compressed_bytes;
  ++ctx.summary.files;
  ctx.summary.input_bytes += compressed_bytes;
  Status status = ctx.visit(std::move(file));
  if (!status) ctx.visitor_stopped = true;
  return status;
}

Status VisitBytes(WalkContext& ctx, std::string name, std::vector<uint8_t> raw, uint64_t compressed_bytes,
                  std::optional<StravaMetadata> strava) {
  const bool gzip = formats::SniffContent(raw) == formats::ContentKind::kGzip;
  const bool hand_over = gzip && ctx.gzip == GzipMembers::kHandOver;
  if (!hand_over) {
    if (auto error = InflateAndCheck(raw, gzip, name, ctx.limits)) {
      return VisitError(ctx, std::move(name), std::move(*error), compressed_bytes);
    }
  }
  ctx.inflated_total += hand_over ? GzipStatedSize(raw) : raw.size();
  if (ctx.inflated_total > ctx.limits.max_total_bytes) {
    core::Error error{core::ErrorCode::kUnsupported,
                      fmt::format("refused: the import inflates beyond {} in total", FormatSize(ctx.limits.max_total_bytes)),
                      name};
    return VisitError(ctx, std::move(name), std::move(error), compressed_bytes);
  }
  SourceFile file{std::move(name), std::move(raw), std::move(strava), std::nullopt, compressed_bytes, hand_over};
  ++ctx.summary.files;
  ctx.summary.input_bytes += compressed_bytes;
  Status status = ctx.visit(std::move(file));
  if (!status) ctx.visitor_stopped = true;
  return status;
}

void FinishHandedOver(SourceFile& file, const SourceLimits& limits) {
  if (file.error) return;
  const bool gzipped = std::exchange(file.gzipped, false);
  if (auto error = InflateAndCheck(file.bytes, gzipped, file.name, limits)) {
    error->where = file.name;  // as VisitError sets it
    file.error = std::move(*error);
    file.bytes.clear();
  }
}

Result<std::vector<uint8_t>> ReadWholeFile(const std::filesystem::path& path, uint64_t max_bytes,
                                           const std::string& name) {
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return Fail(core::ErrorCode::kIoError, "cannot read file: " + ec.message(), name);
  if (size > max_bytes) return Fail(SizeRefusal(max_bytes, name));
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
    return Fail(core::ErrorCode::kIoError, "cannot read file", name);
  }
  return bytes;
}

}  // namespace stride::archive
