// SPDX-License-Identifier: MIT
#include "store/routine_repository.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

StoredRoutine PhysioRoutine() {
  StoredRoutine r;
  r.name = "physio-itb";
  r.file_name = "physio-itb.toml";
  r.toml_text = "[routine]\nid = \"physio-itb\"\n";
  r.replace = true;
  r.days = {core::Weekday::kMonday, core::Weekday::kThursday};
  return r;
}

TEST(RoutineRepositoryTest, RoundTripsEveryField) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(SaveCustomRoutine(*db, PhysioRoutine()));
  auto loaded = LoadCustomRoutine(*db, "physio-itb");
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  const StoredRoutine& r = **loaded;
  EXPECT_EQ(r.name, "physio-itb");
  EXPECT_EQ(r.file_name, "physio-itb.toml");
  EXPECT_EQ(r.toml_text, PhysioRoutine().toml_text);
  EXPECT_FALSE(r.injury_id.has_value());
  EXPECT_TRUE(r.replace);
  EXPECT_EQ(r.days, (std::vector<core::Weekday>{core::Weekday::kMonday, core::Weekday::kThursday}));
}

TEST(RoutineRepositoryTest, MissingNameLoadsAsNullopt) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto loaded = LoadCustomRoutine(*db, "nothing");
  ASSERT_OK(loaded);
  EXPECT_FALSE(loaded->has_value());
}

TEST(RoutineRepositoryTest, SavingTheSameNameOverwritesTheRow) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  ASSERT_OK(SaveCustomRoutine(*db, PhysioRoutine()));
  StoredRoutine changed = PhysioRoutine();
  changed.replace = false;
  changed.days.clear();
  changed.toml_text = "# new\n";
  ASSERT_OK(SaveCustomRoutine(*db, changed));
  auto all = ListCustomRoutines(*db);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].toml_text, "# new\n");
  EXPECT_FALSE((*all)[0].replace);
  EXPECT_TRUE((*all)[0].days.empty());
}

TEST(RoutineRepositoryTest, ListsByNameAndDeletes) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  StoredRoutine b = PhysioRoutine();
  b.name = "b-routine";
  StoredRoutine a = PhysioRoutine();
  a.name = "a-routine";
  ASSERT_OK(SaveCustomRoutine(*db, b));
  ASSERT_OK(SaveCustomRoutine(*db, a));
  auto all = ListCustomRoutines(*db);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "a-routine");
  EXPECT_EQ((*all)[1].name, "b-routine");

  auto deleted = DeleteCustomRoutine(*db, "a-routine");
  ASSERT_OK(deleted);
  EXPECT_TRUE(*deleted);
  auto again = DeleteCustomRoutine(*db, "a-routine");
  ASSERT_OK(again);
  EXPECT_FALSE(*again);
  EXPECT_EQ(ListCustomRoutines(*db)->size(), 1u);
}

TEST(RoutineRepositoryTest, UnknownInjuryIsRejected) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  StoredRoutine r = PhysioRoutine();
  r.injury_id = 42;
  auto saved = SaveCustomRoutine(*db, r);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, core::ErrorCode::kConflict);
}

}  // namespace
}  // namespace stride::store
