// SPDX-License-Identifier: MIT
// Injuries, pain logs and pinned routines in SQLite: round trips, replacement and table constraints.
#include "store/injury_repository.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "testing/status_matchers.h"

namespace stride::store {
namespace {

using core::Date;

InjuryRow FullRow() {
  InjuryRow r;
  r.site = "it-band";
  r.side = "left";
  r.onset_date = Date::FromYmd(2026, 5, 4);
  r.pain = 4;
  r.pain_at_rest = 1;
  r.pain_night = true;
  r.swelling = true;
  r.bone_tenderness = true;
  r.cannot_bear_weight = true;
  r.numbness = true;
  r.onset = "gradual";
  r.notes = "after the long run";
  r.red_flags_cleared_on = Date::FromYmd(2026, 5, 6);
  r.resolved_on = Date::FromYmd(2026, 6, 30);
  return r;
}

TEST(InjuryRepositoryTest, RoundTripsEveryField) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto id = InsertInjury(*db, FullRow());
  ASSERT_OK(id);
  auto loaded = LoadInjury(*db, *id);
  ASSERT_OK(loaded);
  ASSERT_TRUE(loaded->has_value());
  const InjuryRow& r = **loaded;
  const InjuryRow want = FullRow();
  EXPECT_EQ(r.id, *id);
  EXPECT_EQ(r.site, want.site);
  EXPECT_EQ(r.side, want.side);
  EXPECT_EQ(r.onset_date, want.onset_date);
  EXPECT_EQ(r.pain, 4);
  EXPECT_EQ(r.pain_at_rest, 1);
  EXPECT_TRUE(r.pain_night && r.swelling && r.bone_tenderness && r.cannot_bear_weight && r.numbness);
  EXPECT_EQ(r.onset, "gradual");
  EXPECT_EQ(r.notes, want.notes);
  EXPECT_EQ(r.red_flags_cleared_on, want.red_flags_cleared_on);
  EXPECT_EQ(r.resolved_on, want.resolved_on);
}

TEST(InjuryRepositoryTest, OptionalFieldsStayEmpty) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  InjuryRow minimal;
  minimal.site = "achilles";
  minimal.onset_date = Date::FromYmd(2026, 5, 4);
  auto id = InsertInjury(*db, minimal);
  ASSERT_OK(id);
  auto loaded = LoadInjury(*db, *id);
  ASSERT_OK(loaded);
  EXPECT_FALSE((*loaded)->side);
  EXPECT_FALSE((*loaded)->pain_at_rest);
  EXPECT_FALSE((*loaded)->resolved_on);
  EXPECT_FALSE((*loaded)->pain_night);
  auto missing = LoadInjury(*db, *id + 1);
  ASSERT_OK(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST(InjuryRepositoryTest, ConstraintsRejectBadValues) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  InjuryRow bad_pain = FullRow();
  bad_pain.pain = 11;
  auto a = InsertInjury(*db, bad_pain);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, core::ErrorCode::kConflict);
  InjuryRow bad_side = FullRow();
  bad_side.side = "middle";
  EXPECT_FALSE(InsertInjury(*db, bad_side));
  // A log for an injury that does not exist breaks the foreign key.
  auto orphan = UpsertPainLog(*db, PainLogRow{42, Date::FromYmd(2026, 5, 5), 1, 1, 0, std::nullopt, std::nullopt});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, core::ErrorCode::kConflict);
  auto list = ListInjuries(*db);
  ASSERT_OK(list);
  EXPECT_TRUE(list->empty());
}

TEST(InjuryRepositoryTest, SecondLogOnTheSameDayReplacesTheFirst) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto id = InsertInjury(*db, FullRow());
  ASSERT_OK(id);
  const Date day = Date::FromYmd(2026, 5, 5);
  auto first = UpsertPainLog(*db, PainLogRow{*id, day, 3, 2, 1, 20.0, std::string("fail")});
  ASSERT_OK(first);
  EXPECT_FALSE(*first);
  auto second = UpsertPainLog(*db, PainLogRow{*id, day, 1, 0, 0, 30.0, std::string("pass")});
  ASSERT_OK(second);
  EXPECT_TRUE(*second);
  ASSERT_OK(UpsertPainLog(*db, PainLogRow{*id, day.AddDays(-1), 2, 2, 2, std::nullopt, std::nullopt}));
  auto logs = ListPainLogs(*db, *id);
  ASSERT_OK(logs);
  ASSERT_EQ(logs->size(), 2u);
  EXPECT_EQ((*logs)[0].log_date, day.AddDays(-1));
  EXPECT_FALSE((*logs)[0].walk_min);
  EXPECT_EQ((*logs)[1].pain_during, 1);
  EXPECT_EQ((*logs)[1].walk_min, 30.0);
  EXPECT_EQ((*logs)[1].hop_test, "pass");
}

TEST(InjuryRepositoryTest, ResolveAndClearFlagsNeedAnExistingInjury) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  InjuryRow row = FullRow();
  row.resolved_on.reset();
  row.red_flags_cleared_on.reset();
  auto id = InsertInjury(*db, row);
  ASSERT_OK(id);
  ASSERT_OK(SetInjuryResolved(*db, *id, Date::FromYmd(2026, 6, 1)));
  ASSERT_OK(SetRedFlagsCleared(*db, *id, Date::FromYmd(2026, 5, 10)));
  auto loaded = LoadInjury(*db, *id);
  ASSERT_OK(loaded);
  EXPECT_EQ((*loaded)->resolved_on, Date::FromYmd(2026, 6, 1));
  EXPECT_EQ((*loaded)->red_flags_cleared_on, Date::FromYmd(2026, 5, 10));
  auto missing = SetInjuryResolved(*db, *id + 5, std::nullopt);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_FALSE(SetRedFlagsCleared(*db, *id + 5, Date::FromYmd(2026, 5, 10)));
}

TEST(InjuryRepositoryTest, PinsACustomRoutineToAnInjury) {
  auto db = Database::Open(":memory:");
  ASSERT_OK(db);
  auto id = InsertInjury(*db, FullRow());
  ASSERT_OK(id);
  ASSERT_OK(db->Exec("INSERT INTO custom_routine (name, file_name, toml_text) VALUES ('physio-itb', 'p.toml', 'x')"));
  auto none = PinCustomRoutineToInjury(*db, "nope", *id, false);
  ASSERT_OK(none);
  EXPECT_FALSE(*none);
  auto pinned = PinCustomRoutineToInjury(*db, "physio-itb", *id, true);
  ASSERT_OK(pinned);
  EXPECT_TRUE(*pinned);
  auto routines = ListInjuryRoutines(*db, *id);
  ASSERT_OK(routines);
  ASSERT_EQ(routines->size(), 1u);
  EXPECT_EQ((*routines)[0].name, "physio-itb");
  EXPECT_TRUE((*routines)[0].replace);
  EXPECT_FALSE(PinCustomRoutineToInjury(*db, "physio-itb", *id + 9, false));
}

}  // namespace
}  // namespace stride::store
