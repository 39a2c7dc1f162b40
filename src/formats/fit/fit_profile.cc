// SPDX-License-Identifier: MIT
// Lookups over the FIT profile slice in fit_profile.h: message kinds, and the profile's names for sports,
// sub-sports and manufacturers (snake_case, as in Garmin's profile 21.x).
#include "formats/fit/fit_profile.h"

#include <algorithm>
#include <iterator>

namespace stride::fit {
namespace {

struct Name {
  uint16_t value;
  const char* name;
};

template <size_t N>
const char* Find(const Name (&table)[N], unsigned value) {
  for (const Name& n : table) {
    if (n.value == value) return n.name;
  }
  return nullptr;
}

// Global message numbers the profile names (profile 21.x `mesg_num`).
constexpr uint16_t kProfileMesgs[] = {
    0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  12,  13,  15,  18,  19,  20,  21,  23,  26,  27,  28,
    30,  31,  32,  33,  34,  35,  37,  38,  39,  49,  51,  53,  55,  72,  78,  80,  81,  82,  101, 103, 105, 106,
    127, 128, 129, 131, 132, 142, 145, 148, 149, 150, 151, 158, 159, 160, 161, 162, 164, 165, 167, 169, 174, 177,
    178, 184, 185, 186, 187, 188, 200, 201, 202, 206, 207, 208, 209, 210, 211, 216, 225, 227, 229, 258, 259, 262,
    264, 268, 269, 275, 285, 289, 290, 297, 302, 304, 305, 306, 307, 308, 312, 313, 314, 315, 317, 319, 323, 346,
    370, 371, 372, 375, 376, 387, 388, 389, 393, 398, 409, 412, 470, 471};

constexpr Name kSports[] = {
    {0, "generic"}, {1, "running"}, {2, "cycling"}, {3, "transition"}, {4, "fitness_equipment"},
    {5, "swimming"}, {6, "basketball"}, {7, "soccer"}, {8, "tennis"}, {9, "american_football"},
    {10, "training"}, {11, "walking"}, {12, "cross_country_skiing"}, {13, "alpine_skiing"},
    {14, "snowboarding"}, {15, "rowing"}, {16, "mountaineering"}, {17, "hiking"}, {18, "multisport"},
    {19, "paddling"}, {20, "flying"}, {21, "e_biking"}, {22, "motorcycling"}, {23, "boating"}, {24, "driving"},
    {25, "golf"}, {26, "hang_gliding"}, {27, "horseback_riding"}, {28, "hunting"}, {29, "fishing"},
    {30, "inline_skating"}, {31, "rock_climbing"}, {32, "sailing"}, {33, "ice_skating"}, {34, "sky_diving"},
    {35, "snowshoeing"}, {36, "snowmobiling"}, {37, "stand_up_paddleboarding"}, {38, "surfing"},
    {39, "wakeboarding"}, {40, "water_skiing"}, {41, "kayaking"}, {42, "rafting"}, {43, "windsurfing"},
    {44, "kitesurfing"}, {45, "tactical"}, {46, "jumpmaster"}, {47, "boxing"}, {48, "floor_climbing"},
    {49, "baseball"}, {53, "diving"}, {56, "shooting"}, {58, "winter_sport"}, {59, "grinding"}, {62, "hiit"},
    {63, "video_gaming"}, {64, "racket"}, {65, "wheelchair_push_walk"}, {66, "wheelchair_push_run"},
    {67, "meditation"}, {68, "para_sport"}, {69, "disc_golf"}, {70, "team_sport"}, {71, "cricket"},
    {72, "rugby"}, {73, "hockey"}, {74, "lacrosse"}, {75, "volleyball"}, {76, "water_tubing"},
    {77, "wakesurfing"}, {78, "water_sport"}, {79, "archery"}, {80, "mixed_martial_arts"},
    {81, "motor_sports"}, {82, "snorkeling"}, {83, "dance"}, {84, "jump_rope"}, {85, "pool_apnea"},
    {86, "mobility"}, {87, "geocaching"}, {88, "canoeing"}, {254, "all"}};

constexpr Name kSubSports[] = {
    {0, "generic"}, {1, "treadmill"}, {2, "street"}, {3, "trail"}, {4, "track"}, {5, "spin"},
    {6, "indoor_cycling"}, {7, "road"}, {8, "mountain"}, {9, "downhill"}, {10, "recumbent"},
    {11, "cyclocross"}, {12, "hand_cycling"}, {13, "track_cycling"}, {14, "indoor_rowing"}, {15, "elliptical"},
    {16, "stair_climbing"}, {17, "lap_swimming"}, {18, "open_water"}, {19, "flexibility_training"},
    {20, "strength_training"}, {21, "warm_up"}, {22, "match"}, {23, "exercise"}, {24, "challenge"},
    {25, "indoor_skiing"}, {26, "cardio_training"}, {27, "indoor_walking"}, {28, "e_bike_fitness"},
    {29, "bmx"}, {30, "casual_walking"}, {31, "speed_walking"}, {32, "bike_to_run_transition"},
    {33, "run_to_bike_transition"}, {34, "swim_to_bike_transition"}, {35, "atv"}, {36, "motocross"},
    {37, "backcountry"}, {38, "resort"}, {39, "rc_drone"}, {40, "wingsuit"}, {41, "whitewater"},
    {42, "skate_skiing"}, {43, "yoga"}, {44, "pilates"}, {45, "indoor_running"}, {46, "gravel_cycling"},
    {47, "e_bike_mountain"}, {48, "commuting"}, {49, "mixed_surface"}, {50, "navigate"}, {51, "track_me"},
    {52, "map"}, {53, "single_gas_diving"}, {54, "multi_gas_diving"}, {55, "gauge_diving"},
    {56, "apnea_diving"}, {57, "apnea_hunting"}, {58, "virtual_activity"}, {59, "obstacle"},
    {62, "breathing"}, {63, "ccr_diving"}, {65, "sail_race"}, {66, "expedition"}, {67, "ultra"},
    {68, "indoor_climbing"}, {69, "bouldering"}, {70, "hiit"}, {71, "indoor_grinding"},
    {72, "hunting_with_dogs"}, {73, "amrap"}, {74, "emom"}, {75, "tabata"}, {77, "esport"},
    {78, "triathlon"}, {79, "duathlon"}, {80, "brick"}, {81, "swim_run"}, {82, "adventure_race"},
    {83, "trucker_workout"}, {84, "pickleball"}, {85, "padel"}, {86, "indoor_wheelchair_walk"},
    {87, "indoor_wheelchair_run"}, {88, "indoor_hand_cycling"}, {90, "field"}, {91, "ice"}, {92, "ultimate"},
    {93, "platform"}, {94, "squash"}, {95, "badminton"}, {96, "racquetball"}, {97, "table_tennis"},
    {98, "overland"}, {99, "trolling_motor"}, {121, "dynamic_apnea"}, {123, "enduro"}, {124, "rucking"},
    {125, "rally"}, {126, "pool_triathlon"}, {127, "e_bike_enduro"}, {254, "all"}};

// Manufacturers met in real files; others print as a number.
constexpr Name kManufacturers[] = {
    {1, "garmin"}, {15, "dynastream"}, {23, "suunto"}, {32, "wahoo_fitness"}, {37, "magellan"},
    {38, "osynce"}, {40, "concept2"}, {54, "ifor_powell"}, {70, "sigmasport"}, {76, "moxy"},
    {87, "nielsen_kellerman"}, {89, "tacx"}, {95, "stryd"}, {123, "polar_electro"}, {255, "development"},
    {258, "lezyne"}, {260, "zwift"}, {265, "strava"}, {267, "bryton"}, {289, "hammerhead"}, {294, "coros"},
    {307, "onelap"}, {348, "huawei"}};

}  // namespace

MesgKind KindOfMesg(uint16_t global_mesg_num) {
  switch (global_mesg_num) {
    case kMesgFileId: return MesgKind::kFileId;
    case kMesgSport: return MesgKind::kSport;
    case kMesgSession: return MesgKind::kSession;
    case kMesgLap: return MesgKind::kLap;
    case kMesgRecord: return MesgKind::kRecord;
    case kMesgActivity: return MesgKind::kActivity;
    case kMesgHrv: return MesgKind::kHrv;
    case kMesgFieldDescription: return MesgKind::kFieldDescription;
    default: return MesgKind::kOther;
  }
}

std::span<const FieldSpec> FieldsOf(MesgKind kind) {
  switch (kind) {
    case MesgKind::kFileId: return kFileIdFields;
    case MesgKind::kSport: return kSportFields;
    case MesgKind::kSession: return kSessionFields;
    case MesgKind::kLap: return kLapFields;
    case MesgKind::kRecord: return kRecordFields;
    case MesgKind::kActivity: return kActivityFields;
    case MesgKind::kHrv: return kHrvFields;
    case MesgKind::kFieldDescription: return kFieldDescFields;
    case MesgKind::kOther: break;
  }
  return kOtherFields;
}

bool IsProfileMesg(uint16_t global_mesg_num) {
  // Numbers from 0xFF00 up are the manufacturer-specific range.
  constexpr uint16_t kManufacturerRangeMin = 0xFF00;
  if (global_mesg_num >= kManufacturerRangeMin) return false;
  return std::binary_search(std::begin(kProfileMesgs), std::end(kProfileMesgs), global_mesg_num);
}

const char* SportName(uint8_t sport) { return Find(kSports, sport); }
const char* SubSportName(uint8_t sub_sport) { return Find(kSubSports, sub_sport); }
const char* ManufacturerName(uint16_t manufacturer) { return Find(kManufacturers, manufacturer); }

std::pair<uint8_t, uint8_t> FitSportOf(core::Sport sport) {
  switch (sport) {
    case core::Sport::kRunning: return {kSportRunning, 0};
    case core::Sport::kTrailRunning: return {kSportRunning, kSubSportTrail};
    case core::Sport::kTreadmill: return {kSportRunning, kSubSportTreadmill};
    case core::Sport::kWalking: return {kSportWalking, 0};
    case core::Sport::kHiking: return {kSportHiking, 0};
    case core::Sport::kCycling: return {kSportCycling, 0};
    case core::Sport::kSwimming: return {kSportSwimming, 0};
    case core::Sport::kStrength: return {kSportTraining, kSubSportStrengthTraining};
    case core::Sport::kOther: break;
  }
  return {0, 0};  // generic
}

}  // namespace stride::fit
