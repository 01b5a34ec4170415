#include "service/shelter_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "service/demo_shelters.h"
#include "unit/service/case_work_fixture.h"

namespace hw::service {
namespace {

using testing::CaseWorkTest;

// kStart is 2027-01-15 (UTC).
class ShelterServiceTest : public CaseWorkTest {
 protected:
  void SetUp() override {
    CaseWorkTest::SetUp();
    if (HasFatalFailure()) return;
    shelters_ = std::make_unique<ShelterService>(*ctx_);
    manager_ = PrincipalOf(MakeUser("sm.kul", "shelter_manager", kul_));
    other_manager_ = PrincipalOf(MakeUser("sm.han", "shelter_manager", han_));
    admin_ = SignIn("admin", testing::kAdminPassword);
  }
  void TearDown() override {
    shelters_.reset();
    CaseWorkTest::TearDown();
  }

  static ShelterInput Input() {
    ShelterInput in;
    in.name = "Rumah Contoh";
    in.operator_type = "government";
    in.operating_organisation = "Ministry of Examples";
    in.capacity = std::map<std::string, std::int64_t>{{"women", 2}, {"girls", 1}};
    in.services = std::vector<std::string>{"accommodation", "medical"};
    in.address = "No. 7, Jalan Rahsia Contoh, Kuala Lumpur";
    in.latitude = 3.139;
    in.longitude = 101.687;
    in.contacts = std::vector<domain::ShelterContact>{{"Duty phone", "", "+60 3-1234 5678", ""}};
    return in;
  }

  ShelterView MakeShelter(const Principal& p, ShelterInput in = Input()) {
    auto s = shelters_->Create(p, in, Req());
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    return *s;
  }

  static AdmissionInput Admission(const std::string& case_id, const std::string& date,
                                  const std::string& population = "women") {
    AdmissionInput in;
    in.case_id = case_id;
    in.population = population;
    in.admission_date = date;
    return in;
  }

  std::unique_ptr<ShelterService> shelters_;
  Principal manager_, other_manager_, admin_;
};

TEST_F(ShelterServiceTest, LocationIsSealedAndShownOnlyToHolders) {
  ShelterView s = MakeShelter(manager_);
  EXPECT_TRUE(s.with_location);
  EXPECT_EQ(s.shelter.location.address, "No. 7, Jalan Rahsia Contoh, Kuala Lumpur");
  EXPECT_FALSE(StoredInClear("shelters", "secret", "Jalan Rahsia"));
  EXPECT_FALSE(StoredInClear("shelters", "secret", "1234 5678"));
  EXPECT_EQ(Count("shelters", "secret IS NOT NULL"), 1);

  auto got = shelters_->Get(manager_, s.shelter.id, Req());
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->shelter.location.latitude, 3.139);
  ASSERT_EQ(got->shelter.location.contacts.size(), 1u);
  auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "shelter.read_location"), 2);  // create+get

  // The admin sees the registry but never the whereabouts, and may not write them.
  auto as_admin = shelters_->Get(admin_, s.shelter.id, Req());
  ASSERT_TRUE(as_admin.ok());
  EXPECT_FALSE(as_admin->with_location);
  EXPECT_TRUE(as_admin->shelter.location.Empty());
  ShelterInput move;
  move.address = "elsewhere";
  EXPECT_EQ(shelters_->Patch(admin_, s.shelter.id, 1, move, Req()).status().code(),
            StatusCode::kPermissionDenied);
  // An admin's edit of clear fields keeps the sealed location as it was.
  ShelterInput rename;
  rename.name = "Rumah Baru";
  auto renamed = shelters_->Patch(admin_, s.shelter.id, 1, rename, Req());
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  got = shelters_->Get(manager_, s.shelter.id, Req());
  EXPECT_EQ(got->shelter.name, "Rumah Baru");
  EXPECT_EQ(got->shelter.location.address, "No. 7, Jalan Rahsia Contoh, Kuala Lumpur");

  // A caseworker reads the registry only.
  auto as_cw = shelters_->Get(cw_, s.shelter.id, Req());
  ASSERT_TRUE(as_cw.ok());
  EXPECT_TRUE(as_cw->shelter.location.Empty());
  EXPECT_EQ(shelters_->Create(cw_, Input(), Req()).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ShelterServiceTest, ScopeAndValidation) {
  ShelterView s = MakeShelter(manager_);
  EXPECT_EQ(shelters_->Get(other_manager_, s.shelter.id, Req()).status().code(),
            StatusCode::kNotFound);
  auto list = shelters_->List(other_manager_, "", {});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->items.empty());
  EXPECT_EQ(shelters_->List(admin_, "", {})->items.size(), 1u);  // organisation scope

  ShelterInput bad = Input();
  bad.capacity = std::map<std::string, std::int64_t>{{"women", -3}};
  bad.operator_type = "cult";
  auto st = shelters_->Create(manager_, bad, Req()).status();
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(st.fields().count("capacity.women"));
  EXPECT_TRUE(st.fields().count("operator_type"));

  ShelterInput elsewhere = Input();
  elsewhere.office_id = han_;
  EXPECT_TRUE(shelters_->Create(manager_, elsewhere, Req()).status().fields().count("office_id"));

  ShelterInput patch;
  patch.status = "suspended";
  auto stale = shelters_->Patch(manager_, s.shelter.id, 7, patch, Req());
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().details().at("current_version"), 1);
}

TEST_F(ShelterServiceTest, AdmitsOneShelterAtATimeWithinCapacity) {
  ShelterView a = MakeShelter(manager_);
  ShelterView b = MakeShelter(manager_);
  AdmissionInput in = Admission(case_id_, "2027-01-10");
  in.referral = "Referred by police after a raid";
  auto first = shelters_->Admit(manager_, a.shelter.id, in, Req());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->admission.over_capacity);
  EXPECT_EQ(first->days_in_shelter, 5);
  EXPECT_FALSE(StoredInClear("shelter_admissions", "referral", "raid"));

  auto again = shelters_->Admit(manager_, b.shelter.id, Admission(case_id_, "2027-01-12"), Req());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(again.status().reason(), "already_admitted");

  // Fill the two women's beds, then a third needs an explicit override and is flagged.
  ASSERT_TRUE(
      shelters_->Admit(manager_, a.shelter.id, Admission(MakeCase(cw_), "2027-01-11"), Req()).ok());
  std::string third = MakeCase(cw_);
  auto full = shelters_->Admit(manager_, a.shelter.id, Admission(third, "2027-01-12"), Req());
  EXPECT_EQ(full.status().reason(), "capacity_exceeded");
  EXPECT_EQ(full.status().details().at("capacity"), 2);
  AdmissionInput over = Admission(third, "2027-01-12");
  over.override_capacity = true;
  auto flagged = shelters_->Admit(manager_, a.shelter.id, over, Req());
  ASSERT_TRUE(flagged.ok()) << flagged.status().ToString();
  EXPECT_TRUE(flagged->admission.over_capacity);
  EXPECT_EQ(Count("shelter_admissions", "over_capacity = 1"), 1);

  // The girls' bed is another population's.
  auto unserved = shelters_->Admit(manager_, a.shelter.id,
                                   Admission(MakeCase(cw_), "2027-01-12", "men"), Req());
  EXPECT_TRUE(unserved.status().fields().count("population"));

  // Another office's case is not found, like a missing one.
  std::string hanoi_case = MakeCase(other_);
  EXPECT_EQ(shelters_->Admit(manager_, a.shelter.id, Admission(hanoi_case, "2027-01-12"), Req())
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(shelters_->Admit(manager_, a.shelter.id, Admission("nope", "2027-01-12"), Req())
                .status()
                .code(),
            StatusCode::kNotFound);

  auto view = shelters_->Get(manager_, a.shelter.id, Req());
  EXPECT_EQ(view->occupancy["women"], 3);
}

TEST_F(ShelterServiceTest, DischargeRulesAndResidents) {
  ShelterView s = MakeShelter(manager_);
  auto stay = shelters_->Admit(manager_, s.shelter.id, Admission(case_id_, "2027-01-05"), Req());
  ASSERT_TRUE(stay.ok());
  auto residents = shelters_->Residents(manager_, s.shelter.id, {}, Req());
  ASSERT_TRUE(residents.ok()) << residents.status().ToString();
  ASSERT_EQ(residents->items.size(), 1u);
  EXPECT_EQ(residents->items[0].display_name, "Thi");  // first given name only
  EXPECT_EQ(residents->items[0].days_in_shelter, 10);

  DischargeInput out;
  out.admission_id = stay->admission.id;
  out.version = 1;
  out.discharge_date = "2027-01-04";
  out.destination = "independent_living";
  out.reason = "Found work and a room";
  auto early = shelters_->Discharge(manager_, s.shelter.id, out, Req());
  EXPECT_TRUE(early.status().fields().count("discharge_date"));
  out.discharge_date = "2027-01-14";
  out.version = 3;
  EXPECT_EQ(shelters_->Discharge(manager_, s.shelter.id, out, Req())
                .status()
                .details()
                .at("current_version"),
            1);
  out.version = 1;
  auto done = shelters_->Discharge(manager_, s.shelter.id, out, Req());
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->days_in_shelter, 9);
  EXPECT_EQ(done->admission.discharge->reason, "Found work and a room");
  EXPECT_FALSE(StoredInClear("shelter_admissions", "discharge_reason", "Found work"));
  out.version = 2;
  EXPECT_EQ(shelters_->Discharge(manager_, s.shelter.id, out, Req()).status().reason(),
            "already_discharged");
  EXPECT_TRUE(shelters_->Residents(manager_, s.shelter.id, {}, Req())->items.empty());

  auto list = shelters_->ListAdmissions(manager_, s.shelter.id, "all", {}, Req());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].admission.discharge->reason, "Found work and a room");
  EXPECT_EQ(shelters_->ListAdmissions(cw_, s.shelter.id, "all", {}, Req()).status().code(),
            StatusCode::kPermissionDenied);  // caseworkers do not hold read:resident

  auto occ = shelters_->Occupancy(manager_, s.shelter.id, "2027-01-01", "2027-01-15");
  ASSERT_TRUE(occ.ok()) << occ.status().ToString();
  EXPECT_EQ(occ->report.days[3][0], 0);   // 01-04
  EXPECT_EQ(occ->report.days[4][0], 1);   // 01-05: admitted
  EXPECT_EQ(occ->report.days[12][0], 1);  // 01-13
  EXPECT_EQ(occ->report.days[13][0], 0);  // 01-14: discharge day not counted
  EXPECT_EQ(occ->report.average_length_of_stay, 9.0);

  auto bad = shelters_->Occupancy(manager_, s.shelter.id, "2027-01-10", "2026-01-01");
  EXPECT_TRUE(bad.status().fields().count("to"));
  bad = shelters_->Occupancy(manager_, s.shelter.id, "2025-01-01", "2026-01-02");
  EXPECT_TRUE(bad.status().fields().count("to"));  // 367 days
  EXPECT_TRUE(shelters_->Occupancy(manager_, s.shelter.id, "2025-01-01", "2026-01-01").ok());
  bad = shelters_->Occupancy(manager_, s.shelter.id, "yesterday", "");
  EXPECT_TRUE(bad.status().fields().count("from"));
  EXPECT_TRUE(bad.status().fields().count("to"));
}

TEST_F(ShelterServiceTest, IncidentsAreSealedUnderTheShelterKey) {
  ShelterView s = MakeShelter(manager_);
  IncidentInput in;
  in.kind = "security";
  in.severity = "high";
  in.occurred_at = "2027-01-14T21:30:00+08:00";
  in.description = "A car waited outside the gate for an hour";
  auto i = shelters_->CreateIncident(manager_, s.shelter.id, in, Req());
  ASSERT_TRUE(i.ok()) << i.status().ToString();
  EXPECT_EQ(i->incident.status, "open");
  EXPECT_FALSE(StoredInClear("shelter_incidents", "description", "car waited"));

  IncidentInput close;
  close.status = "closed";
  close.follow_up = "Police informed; patrols added";
  auto closed = shelters_->PatchIncident(manager_, s.shelter.id, i->incident.id, 1, close, Req());
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->incident.version, 2);
  EXPECT_EQ(closed->incident.description, "A car waited outside the gate for an hour");

  // The admin can change the status but neither read nor write the texts.
  IncidentInput reopen;
  reopen.status = "open";
  auto by_admin = shelters_->PatchIncident(admin_, s.shelter.id, i->incident.id, 2, reopen, Req());
  ASSERT_TRUE(by_admin.ok()) << by_admin.status().ToString();
  EXPECT_TRUE(by_admin->incident.description.empty());
  auto list = shelters_->ListIncidents(manager_, s.shelter.id, "", {}, Req());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].incident.follow_up, "Police informed; patrols added");
  EXPECT_EQ(list->items[0].incident.status, "open");

  in.occurred_at = "tomorrow";
  EXPECT_TRUE(shelters_->CreateIncident(manager_, s.shelter.id, in, Req())
                  .status()
                  .fields()
                  .count("occurred_at"));
  EXPECT_EQ(shelters_->CreateIncident(admin_, s.shelter.id, in, Req()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(ShelterServiceTest, DemoShelters) {
  // SeedDemoShelters looks for the office coded MYS-KUL: the fixture's.
  for (int i = 0; i < 12; ++i) MakeCase(cw_);
  HW_ASSERT_OK(SeedDemoShelters(*ctx_, roles_));
  EXPECT_EQ(Count("shelters"), 5);
  EXPECT_EQ(Count("shelters", "operator_type = 'government'"), 3);
  EXPECT_EQ(Count("shelters", "operator_type = 'ngo'"), 2);
  EXPECT_GT(Count("shelter_admissions"), 5);
  EXPECT_GT(Count("shelter_admissions", "discharge_date IS NOT NULL"), 0);
  HW_ASSERT_OK(SeedDemoShelters(*ctx_, roles_));  // idempotent
  EXPECT_EQ(Count("shelters"), 5);
}

}  // namespace
}  // namespace hw::service
