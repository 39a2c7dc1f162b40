// SPDX-License-Identifier: MIT
// The built-in catalogue loads and validates, and each kind of defect in catalogue TOML fails with a
// message naming the file:line, the item and the problem.
#include "care/catalogue.h"

#include <gtest/gtest.h>

#include <string>

#include "care/dose_limits.h"
#include "testing/status_matchers.h"

namespace stride::care {
namespace {

// Loads `text` as "bad.toml" and validates it against the built-in source ids; "ok" when both pass.
std::string LoadAndValidate(const std::string& text) {
  auto catalogue = LoadCatalogue(text, "bad.toml");
  if (!catalogue) return catalogue.error().ToString();
  auto valid = ValidateCatalogue(*catalogue, BuiltinSourceIds());
  return valid ? "ok" : valid.error().ToString();
}

// A valid exercise; tests replace one of its lines to make it defective.
const std::string kGoodExercise = R"(
[[exercise]]
id = "calf-stretch"
name = "Calf stretch"
kind = "static_stretch"
targets = ["calves"]
dose = { seconds = 30, per_side = true }
source = "ayala-2010-stretch"
evidence = "M"
why = "Raises passive range."
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(BuiltinCatalogueTest, LoadsAndValidates) {
  auto catalogue = LoadBuiltinCatalogue();
  ASSERT_OK(catalogue);
  EXPECT_GE(catalogue->exercises.size(), 60u);
  EXPECT_GE(catalogue->routines.size(), 12u);
  EXPECT_FALSE(catalogue->rules.empty());
  EXPECT_EQ(&BuiltinCatalogue(), &BuiltinCatalogue());
  EXPECT_EQ(BuiltinCatalogue().exercises.size(), catalogue->exercises.size());
}

TEST(BuiltinCatalogueTest, HasTheRoutinesThePrescriptionAndRehabUse) {
  const Catalogue& catalogue = BuiltinCatalogue();
  for (const char* id :
       {"dynamic-warmup", "quality-warmup", "easy-cooldown", "post-run-stretch", "post-long-run",
        "foam-roll-lower-body", "itb-hip-flexor-focus", "runner-strength-a", "runner-strength-b", "sauna-stretching",
        "contrast-sauna-plunge", "race-morning-warmup", "itb-rehab", "achilles-rehab", "plantar-fascia-rehab",
        "knee-front-rehab", "shin-rehab", "calf-rehab", "hamstring-rehab", "lower-back-rehab", "protect-mobility"}) {
    EXPECT_NE(catalogue.FindRoutine(id), nullptr) << id;
  }
  EXPECT_EQ(catalogue.FindRoutine("no-such-routine"), nullptr);
}

TEST(BuiltinCatalogueTest, CoversEveryItemKindExceptTheMainRun) {
  std::set<ItemKind> kinds;
  for (const Exercise& e : BuiltinCatalogue().exercises) kinds.insert(e.kind);
  EXPECT_EQ(kinds.size(), 14u);
}

TEST(BuiltinCatalogueTest, EveryItemCitesAKnownSourceAndSaysWhy) {
  for (const Exercise& e : BuiltinCatalogue().exercises) {
    EXPECT_TRUE(BuiltinSourceIds().contains(e.source)) << e.id;
    EXPECT_FALSE(e.why.empty()) << e.id;
    EXPECT_FALSE(e.instructions.empty()) << e.id;
    EXPECT_FALSE(e.targets.empty()) << e.id;
  }
}

TEST(BuiltinCatalogueTest, WhyTextAnswersTheFolkloreHonestly) {
  const Catalogue& catalogue = BuiltinCatalogue();
  const Exercise* itb = catalogue.FindExercise("roll-it-band");
  ASSERT_NE(itb, nullptr);
  EXPECT_NE(itb->why.find("does not lengthen"), std::string::npos);
  const Exercise* massage = catalogue.FindExercise("sports-massage");
  ASSERT_NE(massage, nullptr);
  EXPECT_NE(massage->why.find("Small gains in soreness (DOMS) and flexibility only"), std::string::npos);
  EXPECT_EQ(massage->source, "davis-2020-massage");
  // "Flush" may appear only to deny it.
  for (const Exercise& e : catalogue.exercises) {
    if (e.why.find("flush") != std::string::npos) {
      EXPECT_TRUE(e.why.find("not 'flush") != std::string::npos || e.why.find("nothing is 'flushed'") !=
                  std::string::npos || e.why.find("does not flush") != std::string::npos)
          << e.id << ": " << e.why;
    }
  }
}

TEST(BuiltinCatalogueTest, DosesMeetTheScienceLimits) {
  const Catalogue& catalogue = BuiltinCatalogue();
  for (const Exercise& e : catalogue.exercises) {
    if (e.kind == ItemKind::kFoamRolling) {
      EXPECT_TRUE(FoamRollingDoseOk(e.dose)) << e.id;
    }
  }
  const Exercise* plunge = catalogue.FindExercise("plunge-pool");
  ASSERT_NE(plunge, nullptr);
  EXPECT_GE(*plunge->dose.temperature_c, 10.0);  // SCIENCE.md D8 [machado-2016-cwi]: 10-15 C, 10-15 min
  EXPECT_LE(*plunge->dose.temperature_c, 15.0);
  EXPECT_GE(*plunge->dose.minutes, 10.0);
  EXPECT_LE(*plunge->dose.minutes, 15.0);
}

TEST(LoadCatalogueTest, AcceptsAValidExercise) { EXPECT_EQ(LoadAndValidate(kGoodExercise), "ok"); }

TEST(LoadCatalogueTest, ParsesDoseAndTargets) {
  auto catalogue = LoadCatalogue(kGoodExercise, "good.toml");
  ASSERT_OK(catalogue);
  ASSERT_EQ(catalogue->exercises.size(), 1u);
  const Exercise& e = catalogue->exercises[0];
  EXPECT_EQ(e.kind, ItemKind::kStaticStretch);
  EXPECT_EQ(e.targets, std::vector<Region>{Region::kCalves});
  EXPECT_EQ(e.dose.seconds, 30);
  EXPECT_TRUE(e.dose.per_side);
  EXPECT_EQ(e.equipment, std::vector<std::string>{"none"});
  EXPECT_EQ(e.evidence, Evidence::kMedium);
  EXPECT_EQ(e.origin, "good.toml:2");
}

TEST(LoadCatalogueTest, RejectsTomlSyntaxErrorsWithLineAndColumn) {
  EXPECT_EQ(LoadAndValidate("[[exercise]]\nid = \"x\nname = \"y\"\n").substr(0, 21), "bad.toml:2:8: invalid");
}

TEST(LoadCatalogueTest, RejectsUnknownRoutineExercise) {
  std::string text = kGoodExercise + R"(
[[routine]]
id = "cooldown"
name = "Cool-down"
phase = "post_run"
source = "ayala-2010-stretch"
steps = [
  { exercise = "calf-stretch" },
  { exercise = "calf-strech" },
]
)";
  EXPECT_EQ(LoadAndValidate(text), "bad.toml:19: routine 'cooldown': unknown exercise 'calf-strech'");
}

TEST(LoadCatalogueTest, RejectsUnknownVariant) {
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "evidence = \"M\"", "evidence = \"M\"\nharder = \"wall-calf\"")),
            "bad.toml:2: exercise 'calf-stretch': unknown harder variant 'wall-calf'");
}

TEST(LoadCatalogueTest, RejectsMissingDose) {
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "dose = { seconds = 30, per_side = true }\n", "")),
            "bad.toml:2: exercise 'calf-stretch': missing dose");
}

TEST(LoadCatalogueTest, RejectsMissingAndUnknownSource) {
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "source = \"ayala-2010-stretch\"\n", "")),
            "bad.toml:2: exercise 'calf-stretch': missing source");
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "ayala-2010-stretch", "my-blog")),
            "bad.toml:2: exercise 'calf-stretch': unknown source 'my-blog'");
}

TEST(LoadCatalogueTest, RejectsBadKindRegionAndEquipment) {
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "\"static_stretch\"", "\"yoga\"")),
            "bad.toml:5: exercise 'calf-stretch': unknown kind 'yoga'");
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "[\"calves\"]", "[\"calf\"]")),
            "bad.toml:6: exercise 'calf-stretch': unknown region 'calf'");
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "evidence = \"M\"", "evidence = \"M\"\nequipment = [\"wall\"]")),
            "bad.toml:2: exercise 'calf-stretch': unknown equipment 'wall'");
}

TEST(LoadCatalogueTest, RejectsUnknownKeysAndContraindications) {
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "evidence = \"M\"", "evidence = \"M\"\ndoze = 3")),
            "bad.toml:10: exercise 'calf-stretch': unknown key 'doze'");
  EXPECT_EQ(LoadAndValidate(Replace(kGoodExercise, "evidence = \"M\"",
                                    "evidence = \"M\"\ncontraindications = [\"bad-knee\"]")),
            "bad.toml:2: exercise 'calf-stretch': unknown contraindication 'bad-knee'");
}

TEST(LoadCatalogueTest, RejectsLongStaticHoldInWarmup) {
  std::string text = kGoodExercise + R"(
[[routine]]
id = "warmup"
name = "Warm-up"
phase = "pre_run"
source = "jeffreys-2007-ramp"
steps = [ { exercise = "calf-stretch", dose = { seconds = 90, per_side = true } } ]
)";
  EXPECT_EQ(LoadAndValidate(text),
            "bad.toml:17: routine 'warmup' step 'calf-stretch': static hold of 90 s in a pre-run routine; keep "
            "holds before running under 60 s per muscle [kay-blazevich-2012]");
  // The same hold after running is fine.
  EXPECT_EQ(LoadAndValidate(Replace(text, "pre_run", "post_run")), "ok");
}

TEST(LoadCatalogueTest, RejectsFoamRollingOutside30To120Seconds) {
  std::string text = Replace(Replace(kGoodExercise, "static_stretch", "foam_rolling"), "seconds = 30", "seconds = 200");
  EXPECT_EQ(LoadAndValidate(text),
            "bad.toml:2: exercise 'calf-stretch': foam rolling dose of 200 s is outside 30-120 s per muscle "
            "[nakamura-2021-fr]");
  EXPECT_EQ(LoadAndValidate(Replace(text, "seconds = 200", "seconds = 90")), "ok");
}

TEST(LoadCatalogueTest, RejectsDuplicateIds) {
  EXPECT_EQ(LoadAndValidate(kGoodExercise + kGoodExercise), "bad.toml:12: duplicate exercise id 'calf-stretch'");
}

TEST(LoadSourceIdsTest, ReadsIdsAndRejectsUntitledOnes) {
  auto ids = LoadSourceIds("[source]\n\"a-2020\" = \"A title\"\n", "s.toml");
  ASSERT_OK(ids);
  EXPECT_EQ(*ids, std::set<std::string>{"a-2020"});
  EXPECT_EQ(LoadSourceIds("[source]\n\"a-2020\" = \"\"\n", "s.toml").error().ToString(),
            "s.toml:2: source 'a-2020' needs a short title");
  EXPECT_TRUE(BuiltinSourceIds().contains("kay-blazevich-2012"));
}

}  // namespace
}  // namespace stride::care
