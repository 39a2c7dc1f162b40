// SPDX-License-Identifier: MIT
// The injury model and triage: what a runner reports when something hurts (site, side, pain, warning
// signs), the daily pain log, and the red flags that stop load prescription and send the runner to a
// clinician [warden-2014-bsi] (SCIENCE.md E8). Pure values: no clock, no I/O. Stages are in rehab.h.
#ifndef STRIDE_CARE_INJURY_H_
#define STRIDE_CARE_INJURY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace stride::care {

/// Where it hurts. Persisted by name (InjurySiteName, e.g. "it-band"): do not rename.
enum class InjurySite {
  kItBand, kHipFlexor, kKneeFront, kAchilles, kCalf, kPlantarFascia, kShin, kHamstring, kLowerBack,
  kBoneStress, kOther,
};
enum class Side { kLeft, kRight };       // persisted as "left", "right"
enum class Onset { kSudden, kGradual };  // persisted as "sudden", "gradual"
enum class HopTest { kPass, kFail };     // persisted as "pass", "fail"

const char* InjurySiteName(InjurySite site);
/// Parses a site name. Fails with kInvalidArgument listing the accepted names.
Result<InjurySite> ParseInjurySite(std::string_view text);
/// "it-band, hip-flexor, knee-front, ..." for messages and help.
std::string AcceptedInjurySites();
const char* SideName(Side side);
Result<Side> ParseSide(std::string_view text);
const char* OnsetName(Onset onset);
Result<Onset> ParseOnset(std::string_view text);
const char* HopTestName(HopTest hop);
Result<HopTest> ParseHopTest(std::string_view text);

/// Pain on the 0-10 numeric rating scale (NRS) [silbernagel-2007-pain].
inline constexpr int kMinPain = 0;
inline constexpr int kMaxPain = 10;

/// One injury as reported with `stride injury add`, plus what happened to it since.
struct Injury {
  int64_t id = 0;
  InjurySite site = InjurySite::kOther;
  std::optional<Side> side;
  core::Date onset_date;
  int pain = 0;                       // NRS 0-10 when reported
  std::optional<int> pain_at_rest;    // NRS 0-10
  bool pain_night = false;
  bool swelling = false;
  bool bone_tenderness = false;       // local tenderness on the bone itself
  bool cannot_bear_weight = false;
  bool numbness = false;
  std::optional<Onset> onset;
  std::string notes;
  std::optional<core::Date> red_flags_cleared_on;  // a clinician cleared the red flags on this day
  std::optional<core::Date> resolved_on;

  /// True on `day` when the injury has started and is not yet resolved.
  bool ActiveOn(core::Date day) const { return onset_date <= day && (!resolved_on || day < *resolved_on); }
};

/// One day's pain report for an injury (`stride injury log`). At most one per injury and date.
struct PainLog {
  int64_t injury_id = 0;
  core::Date date;
  int pain_during = 0;        // NRS during the day's activity (walk, cross-training or walk-run)
  int pain_after = 0;         // NRS after it
  int pain_next_morning = 0;  // NRS on waking, at rest: the 24-hour response [silbernagel-2007-pain]
  std::optional<double> walk_min;  // minutes of brisk walking
  std::optional<HopTest> hop_test;  // 10-15 single-leg hops on the injured side [achievepodiatry]
};

/// Fails with kInvalidArgument when `value` is not 0-10; `where` is the option name (e.g. "--pain").
Status CheckPain(int value, std::string_view where);
/// Checks every pain score of an injury or log (where = the CLI option of the bad value).
Status ValidateInjury(const Injury& injury);
Status ValidatePainLog(const PainLog& log);

/// Red flags (SCIENCE.md E8). Do not renumber: shown by name in JSON.
enum class RedFlag {
  kPainAtRest, kPainAtNight, kBoneTenderness, kSwelling, kCannotBearWeight, kSeverePain, kNumbness,
};

/// Rest pain of this score or more is a red flag. Scores 0-2 are the "safe" zone of the pain-monitoring
/// model [silbernagel-2007-pain]; E8 names rest pain without a level, so 3 is a Stride convention [U].
inline constexpr int kRestPainRedFlag = 3;
/// Pain of 7/10 or more, at onset or in any log, is a red flag: the rule; SCIENCE.md E8 gives no
/// level (Stride convention [U], within the red-flag rule of [warden-2014-bsi]).
inline constexpr int kSeverePainRedFlag = 7;

/// The text every red flag ends with. The software never diagnoses [warden-2014-bsi].
inline constexpr std::string_view kSeeClinician =
    "stop running and see a clinician (doctor or physiotherapist) before running again";

/// One red flag found, in plain words, with the day it was reported.
struct RedFlagHit {
  RedFlag flag = RedFlag::kPainAtRest;
  core::Date date;
  std::string text;
  std::string source;  // SCIENCE.md source id
};

/// "pain_at_rest", "pain_at_night", ...
const char* RedFlagName(RedFlag flag);

/// The red flags of the injury report itself (onset day), whether or not cleared.
std::vector<RedFlagHit> InjuryRedFlags(const Injury& injury);

/// The red flags in force on `day`: those reported up to `day` and not cleared by a clinician
/// (flags reported after red_flags_cleared_on count again). Logs are the injury's pain logs; any log
/// dated after `day` is ignored. Empty when the runner may follow the stages.
std::vector<RedFlagHit> ActiveRedFlags(const Injury& injury, const std::vector<PainLog>& logs, core::Date day);

/// A suspected bone stress injury: the bone-stress site, or a shin with local bone tenderness [richiebrace].
/// Return to run then allows no pain at the site [achievepodiatry].
bool IsBoneStress(const Injury& injury);

/// No sauna, hot tub or contrast bath in the first 72 h after an acute injury; the source gives 24-48 h
/// and 72 h is Stride's margin [fiba-wabc] [U].
inline constexpr int kNoHeatHours = 72;

/// Hours since onset as a lower bound: the onset date has no time, so the injury is taken to have happened
/// at the very end of the onset day. nullopt when that bound is kNoHeatHours or more (or before onset),
/// which is the value care::DayContext::hours_since_acute_injury expects.
std::optional<int> HoursSinceAcuteInjury(const Injury& injury, core::Date day);

/// The last day on which heat is ruled out (onset + 3 days, by the same lower bound).
core::Date LastNoHeatDay(const Injury& injury);

/// The catalogue routine for a site's rehab stage: "itb-rehab", "achilles-rehab", ... ("protect-mobility"
/// for bone stress and other sites; "itb-hip-flexor-focus" for the hip flexor).
const char* SiteRehabRoutineId(InjurySite site);

}  // namespace stride::care

#endif  // STRIDE_CARE_INJURY_H_
