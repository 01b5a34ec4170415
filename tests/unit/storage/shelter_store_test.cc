#include "storage/shelter_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/id.h"
#include "storage/case_store.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class ShelterStoreTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = Conn();
    office_ = SeedOffice(*conn, "MYS-KUL").id;
  }

  ShelterRow MakeShelter(Connection& conn, const std::string& name) {
    ShelterRow s;
    s.id = NewId();
    s.office_id = office_;
    s.name = name;
    s.operator_type = "ngo";
    s.operator_org = "Org";
    s.status = "open";
    s.capacity = R"({"women":2})";
    s.services = "[]";
    s.accessibility = R"({"flags":[],"notes":""})";
    s.secret = std::string("\x01\x02sealed\x00bytes", 14);
    s.created_at = s.updated_at = 1000;
    Status st = ShelterStore(conn).InsertShelter(s);
    if (!st.ok()) throw std::runtime_error(st.ToString());
    return s;
  }

  std::string MakeCase(Connection& conn) {
    CaseRow c;
    c.id = NewId();
    c.office_id = office_;
    c.number = "MYS-KUL-2026-" + c.id.substr(30);
    c.status = "Active";
    c.attrs = "{}";
    c.created_at = c.updated_at = 1000;
    Status st = CaseStore(conn).Insert(c);
    if (!st.ok()) throw std::runtime_error(st.ToString());
    return c.id;
  }

  static domain::Admission Stay(const std::string& shelter, const std::string& case_id,
                                const std::string& date) {
    domain::Admission a;
    a.id = NewId();
    a.shelter_id = shelter;
    a.office_id = "office";
    a.case_id = case_id;
    a.population = "women";
    a.admission_date = date;
    a.created_by = "user";
    a.created_at = a.updated_at = 2000;
    return a;
  }

  std::string office_;
};

TEST_P(ShelterStoreTest, InsertGetUpdateWithVersion) {
  auto conn = Conn();
  ShelterStore store(*conn);
  ShelterRow s = MakeShelter(*conn, "Alpha");
  auto got = store.GetShelter(s.id);
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  EXPECT_EQ((*got)->secret, s.secret);  // raw bytes survive, NUL included
  EXPECT_EQ((*got)->capacity, s.capacity);

  s.name = "Alpha 2";
  ASSERT_TRUE(store.UpdateShelter(s, 3000).ok());
  Status stale = store.UpdateShelter(s, 4000);  // still version 1
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  EXPECT_EQ(stale.details().at("current_version"), 2);
  got = store.GetShelter(s.id);
  EXPECT_EQ((*got)->name, "Alpha 2");
  EXPECT_EQ((*got)->version, 2);
  EXPECT_EQ(store.LockShelter("nope").code(), StatusCode::kNotFound);
  EXPECT_TRUE(store.LockShelter(s.id).ok());
}

TEST_P(ShelterStoreTest, ListsByNameWithIdCursor) {
  auto conn = Conn();
  ShelterStore store(*conn);
  for (const char* name : {"Delta", "Alpha", "Charlie", "Bravo", "Alpha"}) MakeShelter(*conn, name);
  ShelterFilter f;
  f.office_id = office_;
  f.limit = 2;
  std::vector<std::string> names;
  for (int page = 0; page < 5; ++page) {
    auto rows = store.ListShelters(f);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    for (const auto& r : *rows) names.push_back(r.name);
    if (rows->size() < 2) break;
    f.after = rows->back().id;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Alpha", "Alpha", "Bravo", "Charlie", "Delta"}));
  f.after.clear();
  f.office_id = "another";
  EXPECT_TRUE(store.ListShelters(f)->empty());
}

TEST_P(ShelterStoreTest, OneOpenStayPerCase) {
  auto conn = Conn();
  ShelterStore store(*conn);
  ShelterRow a = MakeShelter(*conn, "A");
  ShelterRow b = MakeShelter(*conn, "B");
  std::string case_id = MakeCase(*conn);
  domain::Admission first = Stay(a.id, case_id, "2026-11-01");
  ASSERT_TRUE(store.InsertAdmission(first).ok());
  // The unique partial index refuses a second open stay, in any shelter.
  Status second = store.InsertAdmission(Stay(b.id, case_id, "2026-11-02"));
  EXPECT_EQ(second.code(), StatusCode::kConflict);
  EXPECT_EQ(second.reason(), "already_admitted");

  first.discharge = domain::Discharge{"2026-11-05", "moved_to_another_shelter", "", "user"};
  ASSERT_TRUE(store.Discharge(first, 3000).ok());
  Status again = store.Discharge(first, 3000);  // version 1 is stale now
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  ASSERT_TRUE(store.InsertAdmission(Stay(b.id, case_id, "2026-11-05")).ok());

  auto open = store.OpenAdmissionOfCase(case_id);
  ASSERT_TRUE(open.ok() && open->has_value());
  EXPECT_EQ((*open)->admission.shelter_id, b.id);
  auto counts = store.OpenCounts({a.id, b.id});
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)[b.id]["women"], 1);
  EXPECT_EQ((*counts)[a.id]["women"], 0);

  auto done = store.ListAdmissions(a.id, StayState::kDischarged, "", 10);
  ASSERT_TRUE(done.ok());
  ASSERT_EQ(done->size(), 1u);
  ASSERT_TRUE(done->at(0).admission.discharge.has_value());
  EXPECT_EQ(done->at(0).admission.discharge->date, "2026-11-05");
  EXPECT_TRUE(store.ListAdmissions(a.id, StayState::kCurrent, "", 10)->empty());
}

TEST_P(ShelterStoreTest, StaysForOccupancy) {
  auto conn = Conn();
  ShelterStore store(*conn);
  ShelterRow s = MakeShelter(*conn, "S");
  auto add = [&](const std::string& from, const std::string& to) {
    domain::Admission a = Stay(s.id, MakeCase(*conn), from);
    ASSERT_TRUE(store.InsertAdmission(a).ok());
    if (!to.empty()) {
      a.discharge = domain::Discharge{to, "other", "", "user"};
      ASSERT_TRUE(store.Discharge(a, 3000).ok());
    }
  };
  add("2026-01-01", "2026-01-31");  // ended before the range
  add("2026-02-01", "2026-03-01");  // discharged on the first day of the range
  add("2026-03-10", "2026-03-12");  // inside
  add("2026-04-01", "");            // open, admitted after the range: still "current"
  add("2026-01-01", "");            // open across the range
  auto stays = store.StaysForOccupancy(s.id, "2026-03-01", "2026-03-31");
  ASSERT_TRUE(stays.ok()) << stays.status().ToString();
  EXPECT_EQ(stays->size(), 4u);
}

TEST_P(ShelterStoreTest, IncidentsNewestFirst) {
  auto conn = Conn();
  ShelterStore store(*conn);
  ShelterRow s = MakeShelter(*conn, "S");
  std::vector<std::string> ids;
  for (TimeMs t : {5000, 9000, 7000}) {
    domain::Incident i;
    i.id = NewId();
    i.shelter_id = s.id;
    i.office_id = office_;
    i.kind = "health";
    i.severity = "low";
    i.occurred_at = t;
    i.description = "sealed";
    i.status = "open";
    i.created_by = "u";
    ASSERT_TRUE(store.InsertIncident(i).ok());
  }
  IncidentFilter f{s.id, "", "", 2};
  auto first = store.ListIncidents(f);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ(first->at(0).occurred_at, 9000);
  EXPECT_EQ(first->at(1).occurred_at, 7000);
  f.after = first->back().id;
  auto second = store.ListIncidents(f);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(second->at(0).occurred_at, 5000);

  domain::Incident i = second->at(0);
  i.status = "closed";
  ASSERT_TRUE(store.UpdateIncident(i, 10000).ok());
  EXPECT_EQ(store.UpdateIncident(i, 10000).code(), StatusCode::kConflict);
  EXPECT_EQ((*store.GetIncident(i.id))->status, "closed");
}

HW_INSTANTIATE_BACKENDS(ShelterStoreTest);

}  // namespace
}  // namespace hw::storage
