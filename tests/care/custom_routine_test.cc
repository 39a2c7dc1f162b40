// SPDX-License-Identifier: MIT
// Custom (physio) routines: the example file parses against the built-in catalogue; bad files fail with
// file:line and the problem.
#include "care/custom_routine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "testing/status_matchers.h"

namespace stride::care {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ErrorOf(const std::string& text) {
  auto routine = ParseCustomRoutine(text, "physio.toml", BuiltinCatalogue());
  return routine ? "ok" : routine.error().ToString();
}

TEST(ParseCustomRoutineTest, AcceptsTheExampleFile) {
  const std::string text = ReadFile("docs/examples/physio-itb.toml");
  ASSERT_FALSE(text.empty()) << "tests run from the repository root";
  auto routine = ParseCustomRoutine(text, "physio-itb.toml", BuiltinCatalogue());
  ASSERT_OK(routine);
  EXPECT_EQ(routine->id, "physio-itb");
  EXPECT_EQ(routine->phase, RoutinePhase::kRehab);
  EXPECT_EQ(routine->source, "physio");
  ASSERT_EQ(routine->steps.size(), 5u);
  EXPECT_EQ(routine->steps[0].exercise_id, "clamshell");
  EXPECT_EQ(routine->steps[0].dose.reps, 20);  // the physio's override
  ASSERT_EQ(routine->own_exercises.size(), 2u);
  EXPECT_EQ(routine->own_exercises[0].source, "physio");
  const Exercise* side_step = routine->FindStepExercise("physio-banded-side-step", BuiltinCatalogue());
  ASSERT_NE(side_step, nullptr);
  EXPECT_EQ(side_step->kind, ItemKind::kStrength);
  EXPECT_NE(routine->FindStepExercise("glute-bridge", BuiltinCatalogue()), nullptr);
}

const char* kMinimal = R"([routine]
id = "mine"
name = "Mine"
steps = [
  { exercise = "clamshell" },
  { exercise = "new-one" },
]

[[exercise]]
id = "new-one"
name = "New one"
kind = "strength"
dose = { reps = 10, sets = 2 }
)";

std::string Edit(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(ParseCustomRoutineTest, AcceptsAMinimalFile) { EXPECT_EQ(ErrorOf(kMinimal), "ok"); }

TEST(ParseCustomRoutineTest, RejectsUnknownExerciseWithLine) {
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "\"clamshell\"", "\"clamshel\"")),
            "physio.toml:5: routine 'mine': unknown exercise 'clamshel'");
}

TEST(ParseCustomRoutineTest, RejectsInlineExerciseWithoutDoseOrKind) {
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "dose = { reps = 10, sets = 2 }\n", "")),
            "physio.toml:9: exercise 'new-one': missing dose");
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "kind = \"strength\"\n", "")), "physio.toml:9: exercise 'new-one': missing kind");
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "name = \"New one\"\n", "")), "physio.toml:9: exercise 'new-one': missing name");
}

TEST(ParseCustomRoutineTest, RejectsUnknownSourceButAcceptsPhysio) {
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "kind = \"strength\"", "kind = \"strength\"\nsource = \"physio\"")), "ok");
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "kind = \"strength\"", "kind = \"strength\"\nsource = \"instagram\"")),
            "physio.toml:9: exercise 'new-one': unknown source 'instagram'");
}

TEST(ParseCustomRoutineTest, AppliesTheSameDoseRules) {
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "{ exercise = \"clamshell\" }",
                         "{ exercise = \"roll-calves\", dose = { seconds = 200 } }")),
            "physio.toml:5: routine 'mine' step 'roll-calves': foam rolling dose of 200 s is outside 30-120 s per "
            "muscle [nakamura-2021-fr]");
}

TEST(ParseCustomRoutineTest, RejectsMissingRoutineAndSyntaxErrors) {
  EXPECT_EQ(ErrorOf("[[exercise]]\nid = \"a\"\n"), "physio.toml: missing [routine] table");
  EXPECT_EQ(ErrorOf("[routine]\nid = \n").substr(0, 24), "physio.toml:2:6: invalid");
  EXPECT_EQ(ErrorOf(Edit(kMinimal, "name = \"Mine\"", "name = \"Mine\"\nphase = \"someday\"")),
            "physio.toml:4: routine 'mine': unknown phase 'someday'");
}

TEST(ParseCustomRoutineTest, RejectsAnInlineIdThatShadowsTheCatalogue) {
  EXPECT_EQ(ErrorOf(Edit(Edit(kMinimal, "id = \"new-one\"", "id = \"plank\""), "\"new-one\" }", "\"plank\" }")),
            "physio.toml:9: duplicate exercise id 'plank'");
}

}  // namespace
}  // namespace stride::care
