// SPDX-License-Identifier: MIT
// Injury names, validation and red-flag triage (SCIENCE.md E8).
#include "care/injury.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace stride::care {
namespace {

using core::ErrorCode;

constexpr std::array<std::pair<InjurySite, const char*>, 11> kSiteNames = {{
    {InjurySite::kItBand, "it-band"},
    {InjurySite::kHipFlexor, "hip-flexor"},
    {InjurySite::kKneeFront, "knee-front"},
    {InjurySite::kAchilles, "achilles"},
    {InjurySite::kCalf, "calf"},
    {InjurySite::kPlantarFascia, "plantar-fascia"},
    {InjurySite::kShin, "shin"},
    {InjurySite::kHamstring, "hamstring"},
    {InjurySite::kLowerBack, "lower-back"},
    {InjurySite::kBoneStress, "bone-stress"},
    {InjurySite::kOther, "other"},
}};

// Parses one of two names into A or B, or fails naming both.
template <class T>
Result<T> ParseTwo(std::string_view text, const char* what, const char* name_a, T a, const char* name_b, T b) {
  if (text == name_a) return a;
  if (text == name_b) return b;
  return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown {} '{}': use {} or {}", what, text, name_a, name_b));
}

RedFlagHit Hit(RedFlag flag, core::Date date, std::string text) {
  return RedFlagHit{flag, date, std::move(text), "warden-2014-bsi"};
}

// Red flags from one pain log: severe pain on that day.
void AddLogFlags(const PainLog& log, std::vector<RedFlagHit>& out) {
  const int worst = std::max({log.pain_during, log.pain_after, log.pain_next_morning});
  if (worst >= kSeverePainRedFlag) {
    out.push_back(Hit(RedFlag::kSeverePain, log.date,
                      fmt::format("pain {}/10 on {} (7/10 or more)", worst, core::FormatDate(log.date))));
  }
}

}  // namespace

const char* InjurySiteName(InjurySite site) {
  for (const auto& [value, name] : kSiteNames) {
    if (value == site) return name;
  }
  return "other";
}

std::string AcceptedInjurySites() {
  std::string out;
  for (const auto& [value, name] : kSiteNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

Result<InjurySite> ParseInjurySite(std::string_view text) {
  for (const auto& [value, name] : kSiteNames) {
    if (text == name) return value;
  }
  return Fail(ErrorCode::kInvalidArgument, fmt::format("unknown site '{}': use one of {}", text, AcceptedInjurySites()));
}

const char* SideName(Side side) { return side == Side::kLeft ? "left" : "right"; }
Result<Side> ParseSide(std::string_view text) { return ParseTwo(text, "side", "left", Side::kLeft, "right", Side::kRight); }
const char* OnsetName(Onset onset) { return onset == Onset::kSudden ? "sudden" : "gradual"; }
Result<Onset> ParseOnset(std::string_view text) {
  return ParseTwo(text, "onset", "sudden", Onset::kSudden, "gradual", Onset::kGradual);
}
const char* HopTestName(HopTest hop) { return hop == HopTest::kPass ? "pass" : "fail"; }
Result<HopTest> ParseHopTest(std::string_view text) {
  return ParseTwo(text, "hop test result", "pass", HopTest::kPass, "fail", HopTest::kFail);
}

Status CheckPain(int value, std::string_view where) {
  if (value >= kMinPain && value <= kMaxPain) return Ok();
  return Fail(ErrorCode::kInvalidArgument, fmt::format("pain must be a whole number from 0 to 10, got {}", value),
              std::string(where));
}

Status ValidateInjury(const Injury& injury) {
  if (auto s = CheckPain(injury.pain, "--pain"); !s) return s;
  if (injury.pain_at_rest) return CheckPain(*injury.pain_at_rest, "--pain-at-rest");
  return Ok();
}

Status ValidatePainLog(const PainLog& log) {
  if (auto s = CheckPain(log.pain_during, "--pain-during"); !s) return s;
  if (auto s = CheckPain(log.pain_after, "--pain-after"); !s) return s;
  if (auto s = CheckPain(log.pain_next_morning, "--pain-next-morning"); !s) return s;
  if (log.walk_min && (*log.walk_min < 0 || *log.walk_min > 24 * 60)) {
    return Fail(ErrorCode::kInvalidArgument, "walking minutes must be from 0 to 1440", "--walk-min");
  }
  return Ok();
}

const char* RedFlagName(RedFlag flag) {
  switch (flag) {
    case RedFlag::kPainAtRest: return "pain_at_rest";
    case RedFlag::kPainAtNight: return "pain_at_night";
    case RedFlag::kBoneTenderness: return "bone_tenderness";
    case RedFlag::kSwelling: return "swelling";
    case RedFlag::kCannotBearWeight: return "cannot_bear_weight";
    case RedFlag::kSeverePain: return "severe_pain";
    case RedFlag::kNumbness: return "numbness";
  }
  return "unknown";
}

std::vector<RedFlagHit> InjuryRedFlags(const Injury& injury) {
  std::vector<RedFlagHit> out;
  const core::Date d = injury.onset_date;
  if (injury.pain_at_rest && *injury.pain_at_rest >= kRestPainRedFlag) {
    out.push_back(Hit(RedFlag::kPainAtRest, d, fmt::format("pain at rest ({}/10)", *injury.pain_at_rest)));
  }
  if (injury.pain_night) out.push_back(Hit(RedFlag::kPainAtNight, d, "pain at night"));
  if (injury.bone_tenderness) {
    out.push_back(Hit(RedFlag::kBoneTenderness, d, "tenderness on the bone itself (a stress fracture must be ruled out)"));
  }
  if (injury.swelling) out.push_back(Hit(RedFlag::kSwelling, d, "swelling"));
  if (injury.cannot_bear_weight) out.push_back(Hit(RedFlag::kCannotBearWeight, d, "cannot bear weight"));
  if (injury.pain >= kSeverePainRedFlag) {
    out.push_back(Hit(RedFlag::kSeverePain, d, fmt::format("pain {}/10 (7/10 or more)", injury.pain)));
  }
  if (injury.numbness) out.push_back(Hit(RedFlag::kNumbness, d, "numbness or pins and needles"));
  return out;
}

std::vector<RedFlagHit> ActiveRedFlags(const Injury& injury, const std::vector<PainLog>& logs, core::Date day) {
  std::vector<RedFlagHit> all;
  if (injury.onset_date <= day) all = InjuryRedFlags(injury);
  for (const PainLog& log : logs) {
    if (log.date <= day && log.date >= injury.onset_date) AddLogFlags(log, all);
  }
  const auto cleared = injury.red_flags_cleared_on;
  if (!cleared || *cleared > day) return all;
  std::vector<RedFlagHit> active;
  for (RedFlagHit& hit : all) {
    if (hit.date > *cleared) active.push_back(std::move(hit));
  }
  return active;
}

bool IsBoneStress(const Injury& injury) {
  return injury.site == InjurySite::kBoneStress || (injury.site == InjurySite::kShin && injury.bone_tenderness);
}

std::optional<int> HoursSinceAcuteInjury(const Injury& injury, core::Date day) {
  const int64_t days = injury.onset_date.DaysUntil(day);
  if (days < 0) return std::nullopt;
  const int64_t hours = std::max<int64_t>(0, days - 1) * 24;
  if (hours >= kNoHeatHours) return std::nullopt;
  return static_cast<int>(hours);
}

core::Date LastNoHeatDay(const Injury& injury) { return injury.onset_date.AddDays(kNoHeatHours / 24); }

const char* SiteRehabRoutineId(InjurySite site) {
  switch (site) {
    case InjurySite::kItBand: return "itb-rehab";
    case InjurySite::kHipFlexor: return "itb-hip-flexor-focus";
    case InjurySite::kKneeFront: return "knee-front-rehab";
    case InjurySite::kAchilles: return "achilles-rehab";
    case InjurySite::kCalf: return "calf-rehab";
    case InjurySite::kPlantarFascia: return "plantar-fascia-rehab";
    case InjurySite::kShin: return "shin-rehab";
    case InjurySite::kHamstring: return "hamstring-rehab";
    case InjurySite::kLowerBack: return "lower-back-rehab";
    case InjurySite::kBoneStress:
    case InjurySite::kOther: return "protect-mobility";
  }
  return "protect-mobility";
}

}  // namespace stride::care
