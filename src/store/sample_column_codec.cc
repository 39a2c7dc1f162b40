// SPDX-License-Identifier: MIT
// The column encoding of version-2 sample blobs: quantisation rules found by exact verification, NaN hole
// runs, delta or delta-of-delta, zigzag, and 128-value bit-packed blocks. The layout is in docs/storage.md.
#include "store/sample_column_codec.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <string_view>

#include "core/activity.h"

namespace stride::store::internal {
namespace {

using core::ErrorCode;

static_assert(std::endian::native == std::endian::little, "sample blobs are little-endian; add swapping for this host");

// One way a column's values may be exact scaled integers: value = k * p - o, or k / p - o when `divide`.
// `scale` turns a value back into k (k = (value + o) * scale, then verified).
struct Rule {
  double p;
  double o;
  bool divide;
  double scale;
};

constexpr Rule Multiply(double p, double o = 0) { return {p, o, false, 1.0 / p}; }
constexpr Rule Divide(double p) { return {p, 0, true, p}; }

// Tried in this order, coarsest first, so a column gets the smallest integers
// that reproduce it. The multiply rules are the FIT decoder's arithmetic (fit_reader.cc: raw * (1 / scale)
// - offset; fit_profile.h scales: altitude 5 and offset 500, distance 100, speed 1000, positions in
// semicircles, fractional cadence 128 and doubled cadence 64, compressed distance 16). The divide rules
// reproduce decimal text (GPX, TCX) exactly: k / 10^d is the correctly rounded value of the decimal, as
// strtod's is, and also the compressed speed's raw / 100.
constexpr std::array<Rule, 22> kRules = {
    Multiply(1),           Multiply(0.5),         Multiply(0.25),   Multiply(0.125),  Multiply(0.0625),
    Multiply(0.03125),     Multiply(0.015625),    Multiply(0.0078125),
    Multiply(1.0 / 5, 500), Multiply(1.0 / 10),   Multiply(1.0 / 100), Multiply(1.0 / 1000),
    Multiply(1.0 / (2147483648.0 / 180.0)),  // FIT semicircles to degrees, as fit_profile.h writes it
    Divide(10),            Divide(100),           Divide(1e3),      Divide(1e4),      Divide(1e5),
    Divide(1e6),           Divide(1e7),           Divide(1e8),      Divide(1e9)};

// Integers beyond 2^53 are not all doubles; no rule applies to values that large.
constexpr double kMaxExactInteger = 9007199254740992.0;
constexpr size_t kBlockValues = 128;
constexpr uint8_t kFlagDivide = 1;
constexpr uint8_t kFlagDeltaOfDelta = 2;
constexpr uint8_t kKnownFlags = kFlagDivide | kFlagDeltaOfDelta;

// The hot loops below are written to vectorise, and compiled twice: for the build's target and for AVX2
// (never FMA: k * p - o must round twice, as Reconstruct does), chosen at run time.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define STRIDE_CODEC_AVX2 1
#define STRIDE_AVX2_TARGET __attribute__((target("avx2")))
#endif

bool CpuHasAvx2() {
#ifdef STRIDE_CODEC_AVX2
  static const bool have = __builtin_cpu_supports("avx2");
  return have;
#else
  return false;
#endif
}

inline double Reconstruct(int64_t k, double p, double o, bool divide) {
  const double x = static_cast<double>(k);
  return divide ? x / p - o : x * p - o;
}

inline bool SameBits(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }

// (d >> 63) negated rather than an arithmetic shift, which AVX2 lacks for 64-bit lanes: the same value.
inline uint64_t ZigZag(uint64_t d) { return (d << 1) ^ (0 - (d >> 63)); }
inline uint64_t UnZigZag(uint64_t z) { return (z >> 1) ^ (~(z & 1) + 1); }

// Per-thread scratch, reused from column to column: no allocation per sample or per column once warm.
struct Scratch {
  std::vector<int64_t> ints;      // the present values as integers: the first `present` (never shrunk,
  size_t present = 0;             // so that trying a rule that fails costs no clearing of memory)
  std::vector<uint64_t> runs;     // alternating present / absent run lengths, present first
  std::vector<uint64_t> unpacked;  // decoding: the zigzagged differences
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Fills scratch.ints and scratch.runs when every value of `values` is NaN or exactly Reconstruct(k).
template <bool kDivide>
bool Quantise(std::span<const double> values, const Rule& rule, Scratch& s) {
  if (s.ints.size() < values.size()) s.ints.resize(values.size());
  s.runs.clear();
  size_t present_count = 0, run_start = 0;
  bool present = true;
  for (size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    if (std::isnan(v) == present) [[unlikely]] {
      s.runs.push_back(i - run_start);
      run_start = i;
      present = !present;
    }
    if (!present) continue;
    const double x = (v + rule.o) * rule.scale;
    if (!(std::abs(x) < kMaxExactInteger)) return false;
    const auto k = static_cast<int64_t>(x + std::copysign(0.5, x));
    if (!SameBits(Reconstruct(k, rule.p, rule.o, kDivide), v)) return false;
    s.ints[present_count++] = k;
  }
  if (values.size() > run_start) s.runs.push_back(values.size() - run_start);
  s.present = present_count;
  return true;
}

// The fast path for a column without NaN, the common case: the same test as Quantise, written without
// branches so that it vectorises. Adding 1.5 * 2^52 rounds a double below 2^51 in magnitude to an integer,
// which then sits in the low bits of the sum's representation; k is that integer, and k * p - o (or
// k / p - o) must give the value back bit for bit, as in Quantise. Rounding ties to even rather than away
// from zero changes nothing: a value whose (v + o) * scale is a half-integer is reproduced by neither
// neighbour. Checked a block at a time, so that a rule that does not apply stops within 32 values. It also
// finds NaN, so that a column is read once when its first rule fits.
enum class Dense {
  kFits,
  kFails,
  kUnsure,  // a value too large for the trick: use Quantise
  kHasNaN,  // use Quantise, for this rule and the rest
};

constexpr double kRoundingMagic = 6755399441055744.0;      // 1.5 * 2^52
constexpr double kMaxRoundedByMagic = 2251799813685248.0;  // 2^51

template <bool kDivide>
[[gnu::always_inline]] inline Dense QuantiseDenseBody(const double* values, size_t n, const Rule& rule, int64_t* ints) {
  constexpr size_t kCheckEvery = 32;
  const uint64_t magic_bits = std::bit_cast<uint64_t>(kRoundingMagic);
  const double p = rule.p, o = rule.o, scale = rule.scale;
  for (size_t b = 0; b < n; b += kCheckEvery) {
    const size_t end = std::min(n, b + kCheckEvery);
    uint64_t wrong = 0, large = 0, nan = 0;
    for (size_t i = b; i < end; ++i) {
      const double v = values[i];
      nan |= static_cast<uint64_t>(v != v);
      const double x = (v + o) * scale;
      const double r = x + kRoundingMagic;
      const double k = r - kRoundingMagic;
      const double back = kDivide ? k / p - o : k * p - o;
      wrong |= std::bit_cast<uint64_t>(back) ^ std::bit_cast<uint64_t>(v);
      large |= static_cast<uint64_t>(!(std::abs(x) < kMaxRoundedByMagic));
      ints[i] = static_cast<int64_t>(std::bit_cast<uint64_t>(r) - magic_bits);
    }
    if (nan != 0) return Dense::kHasNaN;
    if (large != 0) return Dense::kUnsure;
    if (wrong != 0) return Dense::kFails;
  }
  return Dense::kFits;
}

template <bool kDivide>
Dense QuantiseDensePortable(const double* values, size_t n, const Rule& rule, int64_t* ints) {
  return QuantiseDenseBody<kDivide>(values, n, rule, ints);
}

using DenseQuantiser = Dense (*)(const double*, size_t, const Rule&, int64_t*);

#ifdef STRIDE_CODEC_AVX2
template <bool kDivide>
STRIDE_AVX2_TARGET Dense QuantiseDenseAvx2(const double* values, size_t n, const Rule& rule, int64_t* ints) {
  return QuantiseDenseBody<kDivide>(values, n, rule, ints);
}
#endif

DenseQuantiser PickDenseQuantiser(bool divide) {
#ifdef STRIDE_CODEC_AVX2
  if (CpuHasAvx2()) return divide ? QuantiseDenseAvx2<true> : QuantiseDenseAvx2<false>;
#endif
  return divide ? QuantiseDensePortable<true> : QuantiseDensePortable<false>;
}

// Quantise, through the fast path while `*dense` (no NaN seen in the column yet); clears `*dense` when the
// fast path finds one.
bool Quantise(std::span<const double> values, const Rule& rule, bool* dense, Scratch& s) {
  if (*dense && !values.empty()) {
    if (s.ints.size() < values.size()) s.ints.resize(values.size());
    const Dense result = PickDenseQuantiser(rule.divide)(values.data(), values.size(), rule, s.ints.data());
    if (result == Dense::kFails) return false;
    if (result == Dense::kFits) {
      s.runs.assign(1, values.size());
      s.present = values.size();
      return true;
    }
    if (result == Dense::kHasNaN) *dense = false;
  }
  return rule.divide ? Quantise<true>(values, rule, s) : Quantise<false>(values, rule, s);
}

void PutVarint(uint64_t v, std::vector<uint8_t>* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<uint8_t>(v));
}

void PutDouble(double v, std::vector<uint8_t>* out) {
  const auto bits = std::bit_cast<std::array<uint8_t, sizeof(double)>>(v);
  out->insert(out->end(), bits.begin(), bits.end());
}

// The zigzagged first (kSecond false) or second differences of one block of `ints`, ints[first, first +
// len), where the values before ints[0] count as 0. Returns the OR of them all (its bit width is the
// block's). Indexed rather than carried from value to value, so that the loop vectorises.
template <bool kSecond>
[[gnu::always_inline]] inline uint64_t DifferencesBody(const int64_t* ints, size_t first, size_t len, uint64_t* zz) {
  auto k = [&](size_t j) { return static_cast<uint64_t>(ints[j]); };
  uint64_t any = 0;
  size_t i = 0;
  for (; i < len && first + i < 2; ++i) {  // the first two values of the column
    const size_t j = first + i;
    const uint64_t before = j >= 1 ? k(j - 1) : 0;
    const uint64_t d = k(j) - before;
    zz[i] = ZigZag(kSecond ? d - before : d);  // before - ints[-2] is `before`
    any |= zz[i];
  }
  for (; i < len; ++i) {
    const size_t j = first + i;
    const uint64_t d = k(j) - k(j - 1);
    zz[i] = ZigZag(kSecond ? d - (k(j - 1) - k(j - 2)) : d);
    any |= zz[i];
  }
  return any;
}

uint64_t DifferencesPortable(bool second, const int64_t* ints, size_t first, size_t len, uint64_t* zz) {
  return second ? DifferencesBody<true>(ints, first, len, zz) : DifferencesBody<false>(ints, first, len, zz);
}

#ifdef STRIDE_CODEC_AVX2
STRIDE_AVX2_TARGET uint64_t DifferencesAvx2(bool second, const int64_t* ints, size_t first, size_t len, uint64_t* zz) {
  return second ? DifferencesBody<true>(ints, first, len, zz) : DifferencesBody<false>(ints, first, len, zz);
}
#endif

uint64_t BlockDifferences(bool second, std::span<const int64_t> ints, size_t first, size_t len, uint64_t* zz) {
#ifdef STRIDE_CODEC_AVX2
  if (CpuHasAvx2()) return DifferencesAvx2(second, ints.data(), first, len, zz);
#endif
  return DifferencesPortable(second, ints.data(), first, len, zz);
}

// Whether delta-of-delta packs `ints` smaller than delta, judged on the first kJudgedBlocks blocks (the
// same channel behaves alike along a run; judging them all cost a quarter of the encoding time).
bool SecondOrderIsSmaller(std::span<const int64_t> ints) {
  constexpr size_t kJudgedBlocks = 2;
  std::array<uint64_t, kBlockValues> zz;
  size_t delta_bits = 0, second_bits = 0;
  const size_t judged = std::min(ints.size(), kJudgedBlocks * kBlockValues);
  for (size_t b = 0; b < judged; b += kBlockValues) {
    const size_t len = std::min(kBlockValues, judged - b);
    delta_bits += len * std::bit_width(BlockDifferences(false, ints, b, len, zz.data()));
    second_bits += len * std::bit_width(BlockDifferences(true, ints, b, len, zz.data()));
  }
  return second_bits < delta_bits;
}

// Appends the differences of `ints` in blocks of kBlockValues: a width byte w, then each value in w bits,
// least significant bit first, written through a 64-bit accumulator.
template <bool kSecond>
void PackBlocks(std::span<const int64_t> ints, std::vector<uint8_t>* out) {
  std::array<uint64_t, kBlockValues> zz;
  for (size_t b = 0; b < ints.size(); b += kBlockValues) {
    const size_t len = std::min(kBlockValues, ints.size() - b);
    const auto width = static_cast<unsigned>(std::bit_width(BlockDifferences(kSecond, ints, b, len, zz.data())));
    const size_t bytes = (len * width + 7) / 8;
    const size_t at = out->size();
    out->resize(at + 1 + bytes + sizeof(uint64_t));  // room for the last whole word
    uint8_t* dst = out->data() + at;
    *dst++ = static_cast<uint8_t>(width);
    uint64_t acc = 0;
    unsigned fill = 0;
    for (size_t i = 0; i < len && width > 0; ++i) {
      acc |= zz[i] << fill;
      fill += width;
      if (fill >= 64) {
        std::memcpy(dst, &acc, sizeof acc);
        dst += sizeof acc;
        fill -= 64;
        acc = fill == 0 ? 0 : zz[i] >> (width - fill);
      }
    }
    if (fill > 0) std::memcpy(dst, &acc, sizeof acc);
    out->resize(at + 1 + bytes);
  }
}

void EncodeRaw(std::span<const double> values, std::vector<uint8_t>* out) {
  out->push_back(static_cast<uint8_t>(ColumnForm::kRawFloat64));
  const size_t at = out->size();
  out->resize(at + values.size_bytes());
  if (!values.empty()) std::memcpy(out->data() + at, values.data(), values.size_bytes());
}

}  // namespace

void EncodeColumn(std::span<const double> values, std::vector<uint8_t>* out) {
  Scratch& s = ThreadScratch();
  // A rule that does not apply almost always fails on the first value or two, so trying them in order
  // costs little more than knowing the right one.
  bool dense = true;
  size_t chosen = 0;
  while (chosen < kRules.size() && !Quantise(values, kRules[chosen], &dense, s)) ++chosen;
  if (chosen == kRules.size()) {
    EncodeRaw(values, out);
    return;
  }
  const Rule& rule = kRules[chosen];
  const std::span<const int64_t> ints(s.ints.data(), s.present);
  const bool second_order = SecondOrderIsSmaller(ints);
  out->push_back(static_cast<uint8_t>(ColumnForm::kQuantised));
  out->push_back(static_cast<uint8_t>((rule.divide ? kFlagDivide : 0) | (second_order ? kFlagDeltaOfDelta : 0)));
  PutDouble(rule.p, out);
  PutDouble(rule.o, out);
  PutVarint(s.runs.size(), out);
  for (uint64_t run : s.runs) PutVarint(run, out);
  if (second_order) {
    PackBlocks<true>(ints, out);
  } else {
    PackBlocks<false>(ints, out);
  }
}

namespace {

Status Corrupt(std::string_view what) {
  return Fail(ErrorCode::kCorruptData, fmt::format("sample column: {}", what), "activity_samples");
}

Result<uint8_t> GetByte(BlobReader* in) {
  if (in->remaining() < 1) return Fail(Corrupt("truncated").error());
  return in->bytes[in->at++];
}

Result<uint64_t> GetVarint(BlobReader* in) {
  uint64_t v = 0;
  for (unsigned shift = 0; shift < 64; shift += 7) {
    auto byte = GetByte(in);
    if (!byte) return Fail(byte.error());
    v |= static_cast<uint64_t>(*byte & 0x7F) << shift;
    if ((*byte & 0x80) == 0) return v;
  }
  return Fail(Corrupt("varint longer than 64 bits").error());
}

Result<double> GetDouble(BlobReader* in) {
  if (in->remaining() < sizeof(double)) return Fail(Corrupt("truncated").error());
  double v;
  std::memcpy(&v, in->bytes.data() + in->at, sizeof v);
  in->at += sizeof v;
  return v;
}

// Reads the run lengths; they must add up to `count`. Returns how many values are present.
Result<uint64_t> GetRuns(BlobReader* in, size_t count, std::vector<uint64_t>* runs) {
  auto n = GetVarint(in);
  if (!n) return Fail(n.error());
  if (*n > in->remaining()) return Fail(Corrupt("more runs than bytes").error());
  runs->clear();
  uint64_t total = 0, present = 0;
  for (uint64_t i = 0; i < *n; ++i) {
    auto run = GetVarint(in);
    if (!run) return Fail(run.error());
    if (*run > count - total) return Fail(Corrupt("runs longer than the column").error());
    total += *run;
    if (i % 2 == 0) present += *run;
    runs->push_back(*run);
  }
  if (total != count) return Fail(Corrupt("runs shorter than the column").error());
  return present;
}

Status UnpackBlocks(BlobReader* in, std::span<uint64_t> values) {
  for (size_t b = 0; b < values.size(); b += kBlockValues) {
    const auto block = values.subspan(b, std::min(kBlockValues, values.size() - b));
    auto width = GetByte(in);
    if (!width) return Fail(width.error());
    if (*width > 64) return Corrupt("bit width over 64");
    const size_t bytes = (block.size() * *width + 7) / 8;
    if (bytes > in->remaining()) return Corrupt("truncated");
    std::array<uint8_t, kBlockValues * 8 + 16> packed{};
    if (bytes > 0) std::memcpy(packed.data(), in->bytes.data() + in->at, bytes);
    in->at += bytes;
    const uint64_t mask = *width == 64 ? ~uint64_t{0} : (uint64_t{1} << *width) - 1;
    size_t bit = 0;
    for (uint64_t& v : block) {
      const size_t byte = bit >> 3;
      const unsigned shift = bit & 7;
      uint64_t low;
      std::memcpy(&low, &packed[byte], sizeof low);
      v = low >> shift;
      if (shift != 0) v |= static_cast<uint64_t>(packed[byte + 8]) << (64 - shift);
      v &= mask;
      bit += *width;
    }
  }
  return Ok();
}

Status DecodeQuantised(BlobReader* in, size_t count, std::vector<double>* values) {
  auto flags = GetByte(in);
  if (!flags) return Fail(flags.error());
  if ((*flags & ~kKnownFlags) != 0) return Corrupt("unknown flags");
  auto p = GetDouble(in);
  if (!p) return Fail(p.error());
  auto o = GetDouble(in);
  if (!o) return Fail(o.error());
  Scratch& s = ThreadScratch();
  auto present = GetRuns(in, count, &s.runs);
  if (!present) return Fail(present.error());
  s.unpacked.resize(*present);
  if (auto r = UnpackBlocks(in, s.unpacked); !r) return r;
  const bool divide = (*flags & kFlagDivide) != 0;
  const bool second_order = (*flags & kFlagDeltaOfDelta) != 0;
  uint64_t k = 0, d = 0;
  size_t next = 0, at = 0;
  for (size_t r = 0; r < s.runs.size(); ++r) {
    const auto run = static_cast<size_t>(s.runs[r]);
    if (r % 2 == 1) {
      at += run;  // already NaN
      continue;
    }
    for (size_t i = 0; i < run; ++i) {
      const uint64_t z = UnZigZag(s.unpacked[next++]);
      d = second_order ? d + z : z;
      k += d;
      (*values)[at++] = Reconstruct(static_cast<int64_t>(k), *p, *o, divide);
    }
  }
  return Ok();
}

}  // namespace

Status DecodeColumn(BlobReader* in, size_t count, std::vector<double>* values) {
  auto form = GetByte(in);
  if (!form) return Fail(form.error());
  if (*form == static_cast<uint8_t>(ColumnForm::kRawFloat64)) {
    if (count > in->remaining() / sizeof(double)) return Corrupt("truncated");
    values->resize(count);
    if (count > 0) std::memcpy(values->data(), in->bytes.data() + in->at, count * sizeof(double));
    in->at += count * sizeof(double);
    return Ok();
  }
  if (*form != static_cast<uint8_t>(ColumnForm::kQuantised)) return Corrupt("unknown column form");
  values->assign(count, core::kNaN);
  return DecodeQuantised(in, count, values);
}

}  // namespace stride::store::internal
