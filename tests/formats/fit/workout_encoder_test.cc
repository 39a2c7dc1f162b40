// SPDX-License-Identifier: MIT
// FIT workout encoder tests: the bytes are walked structurally here (header, CRCs, definitions, base
// types, message counts, step values), since the activity decoder does not read workouts. Garmin's SDK
// checks the same files in tests/conformance/fit_workout_oracle.mjs, fed by FitWorkoutSamplesTest.
#include "formats/fit/workout_encoder.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "formats/fit/crc16.h"
#include "formats/fit/fit_profile.h"

namespace stride::fit {
namespace {

using Step = WorkoutStep;

// One decoded message: its global number and each field's raw bytes and base type.
struct Field {
  std::vector<uint8_t> bytes;
  uint8_t base = 0;
  uint32_t U() const {  // little-endian unsigned
    uint32_t v = 0;
    for (size_t i = bytes.size(); i > 0; --i) v = (v << 8) | bytes[i - 1];
    return v;
  }
  std::string S() const { return std::string(reinterpret_cast<const char*>(bytes.data())); }
};
struct Message {
  uint16_t global = 0;
  std::map<uint8_t, Field> fields;
};

// Walks the records of a single-part file; fails the test on anything the encoder must not write.
std::vector<Message> Walk(const std::vector<uint8_t>& file) {
  std::vector<Message> out;
  std::map<uint8_t, std::pair<uint16_t, std::vector<std::array<uint8_t, 3>>>> defs;
  size_t pos = file[0];
  const size_t end = file.size() - 2;
  while (pos < end) {
    const uint8_t header = file[pos++];
    EXPECT_EQ(header & 0xB0, 0) << "no compressed, developer or reserved bits";
    const uint8_t local = header & 0x0F;
    if (header & 0x40) {
      EXPECT_EQ(file[pos + 1], 0) << "little-endian";
      auto& def = defs[local];
      def.first = static_cast<uint16_t>(file[pos + 2] | (file[pos + 3] << 8));
      def.second.clear();
      const size_t n = file[pos + 4];
      pos += 5;
      for (size_t i = 0; i < n; ++i, pos += 3) def.second.push_back({file[pos], file[pos + 1], file[pos + 2]});
      continue;
    }
    EXPECT_TRUE(defs.count(local));
    Message m;
    m.global = defs[local].first;
    for (const auto& [num, size, base] : defs[local].second) {
      m.fields[num] = Field{{file.begin() + static_cast<long>(pos), file.begin() + static_cast<long>(pos + size)}, base};
      pos += size;
    }
    out.push_back(std::move(m));
  }
  EXPECT_EQ(pos, end);
  return out;
}

std::vector<Message> Only(const std::vector<Message>& all, uint16_t global) {
  std::vector<Message> out;
  for (const Message& m : all) {
    if (m.global == global) out.push_back(m);
  }
  return out;
}

Step TimeStep(std::string name, Step::Intensity intensity, double seconds) {
  Step s;
  s.name = std::move(name);
  s.intensity = intensity;
  s.duration = Step::Duration::kTime;
  s.duration_value = seconds;
  return s;
}

Step DistanceStep(std::string name, Step::Intensity intensity, double metres, Step::Target target = Step::Target::kOpen,
                  double low = 0, double high = 0) {
  Step s;
  s.name = std::move(name);
  s.intensity = intensity;
  s.duration = Step::Duration::kDistance;
  s.duration_value = metres;
  s.target = target;
  s.low = low;
  s.high = high;
  return s;
}

Step Repeat(int count, std::vector<Step> children) {
  Step s;
  s.repeat_count = count;
  s.children = std::move(children);
  return s;
}

Step OpenStep(std::string name, Step::Intensity intensity) {
  Step s;
  s.name = std::move(name);
  s.intensity = intensity;
  return s;
}

core::Timestamp Utc(int64_t unix_s) { return core::Timestamp(std::chrono::seconds(unix_s)); }

// FORMATS.md 3.7's "5x1k": 10 min warm-up (HR 120-140), [1 km at 4:10-4:00 /km, 400 m jog] x 5, open cool-down.
Workout FiveByOneK() {
  Workout w;
  w.name = "5x1k";
  w.description = "1 km repeats at 10k pace";
  w.serial_number = 12345;
  w.time_created = Utc(1735689600);  // 2025-01-01T00:00:00Z
  Step warmup = TimeStep("WU", Step::Intensity::kWarmup, 600);
  warmup.target = Step::Target::kHeartRate;
  warmup.low = 120;
  warmup.high = 140;
  w.steps = {warmup,
             Repeat(5, {DistanceStep("1k", Step::Intensity::kInterval, 1000, Step::Target::kSpeed, 4.0, 4.167),
                        DistanceStep("jog", Step::Intensity::kRecovery, 400)}),
             OpenStep("CD", Step::Intensity::kCooldown)};
  return w;
}

Workout TempoRun() {
  Workout w;
  w.name = "Tempo 20 min";
  w.serial_number = 2;
  w.time_created = Utc(1735776000);
  Step tempo = TimeStep("Tempo", Step::Intensity::kActive, 1200);
  tempo.target = Step::Target::kSpeed;
  tempo.low = 3.85;
  tempo.high = 3.95;
  w.steps = {TimeStep("Warm-up", Step::Intensity::kWarmup, 900), tempo,
             TimeStep("Cool-down", Step::Intensity::kCooldown, 600)};
  return w;
}

Workout LongRunWithMarathonPace() {
  Workout w;
  w.name = "Long run 30k with 3x5k at MP";
  w.serial_number = 3;
  w.time_created = Utc(1735862400);
  w.steps = {DistanceStep("Easy", Step::Intensity::kWarmup, 10000),
             Repeat(3, {DistanceStep("Marathon pace", Step::Intensity::kActive, 5000, Step::Target::kSpeed, 3.33, 3.45),
                        DistanceStep("Steady", Step::Intensity::kRecovery, 1000)}),
             DistanceStep("Easy", Step::Intensity::kCooldown, 2000)};
  return w;
}

Workout EasyHeartRateRun() {
  Workout w;
  w.name = "Easy 45 min HR";
  w.serial_number = 4;
  w.time_created = Utc(1735948800);
  Step easy = TimeStep("Easy", Step::Intensity::kActive, 2700);
  easy.target = Step::Target::kHeartRate;
  easy.low = 130;
  easy.high = 145;
  w.steps = {easy};
  return w;
}

TEST(WorkoutEncoderTest, WritesHeaderAndValidCrcs) {
  const std::vector<uint8_t> file = EncodeWorkout(FiveByOneK());
  ASSERT_GT(file.size(), 16u);
  EXPECT_EQ(file[0], 14);
  EXPECT_EQ(file[1], 0x10);  // protocol 1.0
  const uint32_t data_size = file[4] | (file[5] << 8) | (file[6] << 16) | (static_cast<uint32_t>(file[7]) << 24);
  EXPECT_EQ(data_size + 16, file.size());
  EXPECT_EQ(std::string(file.begin() + 8, file.begin() + 12), ".FIT");
  const uint16_t header_crc = static_cast<uint16_t>(file[12] | (file[13] << 8));
  EXPECT_EQ(header_crc, Crc16(std::span<const uint8_t>(file).first(12)));
  EXPECT_EQ(Crc16(file), 0) << "file CRC must check";
}

TEST(WorkoutEncoderTest, WritesFileIdWorkoutAndOneMessagePerStep) {
  const std::vector<Message> all = Walk(EncodeWorkout(FiveByOneK()));
  ASSERT_EQ(all.size(), 7u);  // file_id, workout, WU, 1k, jog, repeat marker, CD
  EXPECT_EQ(all[0].global, kMesgFileId);
  const Message& id = all[0];
  EXPECT_EQ(id.fields.at(kFileIdType).U(), kFileTypeWorkout);
  EXPECT_EQ(id.fields.at(kFileIdType).base, 0x00);
  EXPECT_EQ(id.fields.at(kFileIdManufacturer).U(), kManufacturerDevelopment);
  EXPECT_EQ(id.fields.at(kFileIdProduct).U(), kStrideProductId);
  EXPECT_EQ(id.fields.at(kFileIdSerialNumber).U(), 12345u);
  EXPECT_EQ(id.fields.at(kFileIdTimeCreated).U(), 0x41d73980u);  // 2025-01-01Z, as in FORMATS.md 3.7
  const std::vector<Message> workouts = Only(all, kMesgWorkout);
  ASSERT_EQ(workouts.size(), 1u);
  EXPECT_EQ(workouts[0].fields.at(kWorkoutName).S(), "5x1k");
  EXPECT_EQ(workouts[0].fields.at(kWorkoutDescription).S(), "1 km repeats at 10k pace");
  EXPECT_EQ(workouts[0].fields.at(kWorkoutSport).U(), kSportRunning);
  EXPECT_EQ(workouts[0].fields.at(kWorkoutNumValidSteps).U(), 5u);
  EXPECT_EQ(Only(all, kMesgWorkoutStep).size(), 5u);
}

TEST(WorkoutEncoderTest, EncodesDurationsTargetsAndIntensities) {
  const std::vector<Message> steps = Only(Walk(EncodeWorkout(FiveByOneK())), kMesgWorkoutStep);
  ASSERT_EQ(steps.size(), 5u);
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].fields.at(kFieldMessageIndex).U(), i);
    EXPECT_EQ(steps[i].fields.at(kStepDurationType).base, 0x00);
    EXPECT_EQ(steps[i].fields.at(kStepIntensity).base, 0x00);
  }
  const auto& wu = steps[0].fields;
  EXPECT_EQ(wu.at(kStepName).S(), "WU");
  EXPECT_EQ(wu.at(kStepDurationType).U(), kDurationTime);
  EXPECT_EQ(wu.at(kStepDurationValue).U(), 600000u);  // ms
  EXPECT_EQ(wu.at(kStepTargetType).U(), kTargetHeartRate);
  EXPECT_EQ(wu.at(kStepTargetValue).U(), 0u);
  EXPECT_EQ(wu.at(kStepCustomTargetLow).U(), 220u);  // bpm + 100
  EXPECT_EQ(wu.at(kStepCustomTargetHigh).U(), 240u);
  EXPECT_EQ(wu.at(kStepIntensity).U(), 2u);  // warmup
  const auto& rep = steps[1].fields;
  EXPECT_EQ(rep.at(kStepDurationType).U(), kDurationDistance);
  EXPECT_EQ(rep.at(kStepDurationValue).U(), 100000u);  // cm
  EXPECT_EQ(rep.at(kStepTargetType).U(), kTargetSpeed);
  EXPECT_EQ(rep.at(kStepCustomTargetLow).U(), 4000u);  // mm/s
  EXPECT_EQ(rep.at(kStepCustomTargetHigh).U(), 4167u);
  EXPECT_EQ(rep.at(kStepIntensity).U(), 5u);  // interval
  const auto& cd = steps[4].fields;
  EXPECT_EQ(cd.at(kStepDurationType).U(), kDurationOpen);
  EXPECT_EQ(cd.at(kStepTargetType).U(), kTargetOpen);
  EXPECT_EQ(cd.at(kStepIntensity).U(), 3u);  // cooldown
}

TEST(WorkoutEncoderTest, WritesRepeatAsTrailingMarkerStep) {
  const std::vector<Message> steps = Only(Walk(EncodeWorkout(FiveByOneK())), kMesgWorkoutStep);
  ASSERT_EQ(steps.size(), 5u);
  const auto& marker = steps[3].fields;
  EXPECT_EQ(marker.at(kStepDurationType).U(), kDurationRepeatUntilStepsComplete);
  EXPECT_EQ(marker.at(kStepDurationValue).U(), 1u);  // message_index of "1k"
  EXPECT_EQ(marker.at(kStepTargetType).U(), kTargetOpen);
  EXPECT_EQ(marker.at(kStepTargetValue).U(), 5u);
}

TEST(WorkoutEncoderTest, NestsRepeatsAndSkipsEmptyBlocks) {
  Workout w = EasyHeartRateRun();
  w.steps = {Repeat(2, {Repeat(3, {DistanceStep("200", Step::Intensity::kInterval, 200)}),
                        TimeStep("rest", Step::Intensity::kRest, 120)}),
             Repeat(4, {})};
  const std::vector<Message> steps = Only(Walk(EncodeWorkout(w)), kMesgWorkoutStep);
  ASSERT_EQ(steps.size(), 4u);  // 200, inner marker, rest, outer marker
  EXPECT_EQ(steps[1].fields.at(kStepDurationValue).U(), 0u);
  EXPECT_EQ(steps[1].fields.at(kStepTargetValue).U(), 3u);
  EXPECT_EQ(steps[3].fields.at(kStepDurationValue).U(), 0u);
  EXPECT_EQ(steps[3].fields.at(kStepTargetValue).U(), 2u);
}

TEST(WorkoutEncoderTest, CutsLongNamesAtCharacterBoundary) {
  Workout w = EasyHeartRateRun();
  w.name = std::string(62, 'a') + "\xC3\xA9\xC3\xA9";  // 62 ASCII bytes, then two 2-byte characters
  const std::vector<Message> all = Walk(EncodeWorkout(w));
  EXPECT_EQ(Only(all, kMesgWorkout)[0].fields.at(kWorkoutName).S(), std::string(62, 'a'));
}

TEST(WorkoutEncoderTest, IsDeterministic) {
  EXPECT_EQ(EncodeWorkout(LongRunWithMarathonPace()), EncodeWorkout(LongRunWithMarathonPace()));
}

// Writes the four sample workouts into $STRIDE_FIT_WORKOUT_DIR for fit_workout_oracle.mjs; skipped
// when the variable is unset.
TEST(FitWorkoutSamplesTest, WritesSamplesForTheSdkOracle) {
  const char* dir = std::getenv("STRIDE_FIT_WORKOUT_DIR");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "STRIDE_FIT_WORKOUT_DIR not set";
  const std::vector<std::pair<std::string, Workout>> samples = {
      {"5x1k.fit", FiveByOneK()},
      {"tempo.fit", TempoRun()},
      {"long_run_mp.fit", LongRunWithMarathonPace()},
      {"easy_hr.fit", EasyHeartRateRun()}};
  for (const auto& [name, workout] : samples) {
    const std::vector<uint8_t> bytes = EncodeWorkout(workout);
    std::ofstream out(std::filesystem::path(dir) / name, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(out.good()) << name;
  }
}

}  // namespace
}  // namespace stride::fit
