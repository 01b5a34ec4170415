#include "service/consent_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "unit/service/case_work_fixture.h"

namespace hw::service {
namespace {

using testing::CaseWorkTest;

class ConsentServiceTest : public CaseWorkTest {
 protected:
  void SetUp() override {
    CaseWorkTest::SetUp();
    if (HasFatalFailure()) return;
    consents_ = std::make_unique<ConsentService>(*ctx_);
  }
  void TearDown() override {
    consents_.reset();
    CaseWorkTest::TearDown();
  }

  static ConsentInput In(const std::string& kind, const std::string& state,
                         const std::string& organisation = "") {
    return {kind, state, "2027-01-10", "written", "", organisation};
  }

  domain::Consent Add(const ConsentInput& in, const std::string& case_id = "") {
    auto c = consents_->Add(cw_, case_id.empty() ? case_id_ : case_id, in, Req());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return c->consent;
  }

  Status Require(const std::string& kind, const std::string& organisation = "") {
    auto conn = Conn();
    return RequireConsent(*conn, case_id_, kind, organisation);
  }

  std::unique_ptr<ConsentService> consents_;
};

TEST_F(ConsentServiceTest, AddStoresAnEntryAndAudits) {
  auto c = consents_->Add(cw_, case_id_, In("data_processing", "given"), Req());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(IsValidId(c->consent.id));
  EXPECT_EQ(c->consent.seq, 1);
  EXPECT_EQ(c->consent.kind, "data_processing");
  EXPECT_EQ(c->consent.state, "given");
  EXPECT_EQ(c->consent.recorded_by, cw_.user_id);
  EXPECT_EQ(c->consent.office_id, kul_);
  EXPECT_EQ(c->consent.created_at, clock_.NowMs());
  EXPECT_EQ(Count("case_consents"), 1);
  EXPECT_EQ(AuditActions().back(), "case.consent");
  EXPECT_EQ(Add(In("assistance", "given")).seq, 2);
}

TEST_F(ConsentServiceTest, RequireConsentFollowsTheLatestEntry) {
  Status missing = Require("data_processing");
  EXPECT_EQ(missing.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(missing.reason(), "consent_required");
  EXPECT_NE(missing.message().find("data_processing"), std::string::npos) << missing.message();

  Add(In("data_processing", "given"));
  EXPECT_TRUE(Require("data_processing").ok());
  EXPECT_FALSE(Require("statistics").ok());

  // A withdrawal is a new entry and takes effect at once.
  Add(In("data_processing", "withdrawn"));
  EXPECT_EQ(Require("data_processing").reason(), "consent_required");
  Add(In("data_processing", "given"));
  EXPECT_TRUE(Require("data_processing").ok());
  Add(In("data_processing", "declined"));
  EXPECT_FALSE(Require("data_processing").ok());
  EXPECT_EQ(Count("case_consents"), 4);  // the history keeps every entry
}

TEST_F(ConsentServiceTest, SharingIsPerOrganisation) {
  Add(In("sharing", "given", "UNHCR"));
  Add(In("sharing", "declined", "Royal Malaysia Police"));
  EXPECT_TRUE(Require("sharing", "UNHCR").ok());
  EXPECT_TRUE(Require("sharing", " unhcr ").ok());  // same organisation, other spelling
  Status police = Require("sharing", "Royal Malaysia Police");
  EXPECT_EQ(police.reason(), "consent_required");
  EXPECT_NE(police.message().find("Royal Malaysia Police"), std::string::npos);
  EXPECT_FALSE(Require("sharing", "IOM").ok());
  EXPECT_FALSE(Require("sharing").ok());

  Add(In("sharing", "withdrawn", "unhcr"));
  EXPECT_FALSE(Require("sharing", "UNHCR").ok());
}

TEST_F(ConsentServiceTest, ListIsNewestFirstWithEffectiveStates) {
  Add(In("assistance", "given"));
  Add(In("data_processing", "given"));
  Add(In("sharing", "given", "UNHCR"));
  Add(In("data_processing", "withdrawn"));
  auto list = consents_->List(cw_, case_id_, {50, ""}, Req());
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 4u);
  EXPECT_EQ(list->items[0].seq, 4);
  EXPECT_EQ(list->items[0].state, "withdrawn");
  EXPECT_EQ(list->items[3].kind, "assistance");
  EXPECT_FALSE(list->next.has_value());
  EXPECT_EQ(list->effective.by_kind.at("assistance"), "given");
  EXPECT_EQ(list->effective.by_kind.at("data_processing"), "withdrawn");
  EXPECT_EQ(list->effective.by_kind.at("statistics"), "");
  EXPECT_EQ(list->effective.by_kind.at("return"), "");
  EXPECT_EQ(list->effective.by_kind.count("sharing"), 0u);
  EXPECT_EQ(list->effective.sharing.at("UNHCR"), "given");

  auto first = consents_->List(cw_, case_id_, {3, ""}, Req());
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 3u);
  ASSERT_TRUE(first->next.has_value());
  auto second = consents_->List(cw_, case_id_, {3, *first->next}, Req());
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].seq, 1);
  EXPECT_EQ(second->effective.by_kind.at("data_processing"), "withdrawn");
  EXPECT_EQ(consents_->List(cw_, case_id_, {3, "x"}, Req()).status().fields().count("after"), 1u);
}

TEST_F(ConsentServiceTest, ValidationNamesEveryBadField) {
  auto bad =
      consents_->Add(cw_, case_id_, {"marketing", "maybe", "2027-13-01", "email", "", ""}, Req());
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  for (const char* f : {"kind", "state", "date", "form"}) {
    EXPECT_EQ(bad.status().fields().count(f), 1u) << f << " " << bad.status().ToString();
  }
  EXPECT_NE(bad.status().fields().at("kind").find("data_processing"), std::string::npos);

  struct Case {
    ConsentInput in;
    const char* field;
  };
  const Case cases[] = {
      {{"assistance", "given", "2027-01-16", "written", "", ""}, "date"},  // tomorrow
      {{"assistance", "given", "", "written", "", ""}, "date"},
      {{"assistance", "given", "2027-01-10", "verbal", "", ""}, "witness"},
      {{"assistance", "given", "2027-01-10", "verbal", "   ", ""}, "witness"},
      {{"sharing", "given", "2027-01-10", "written", "", ""}, "organisation"},
      {{"return", "given", "2027-01-10", "written", "", "UNHCR"}, "organisation"},
      {{"", "given", "2027-01-10", "written", "", ""}, "kind"},
  };
  for (const Case& c : cases) {
    auto r = consents_->Add(cw_, case_id_, c.in, Req());
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(r.status().fields().size(), 1u) << r.status().ToString();
    EXPECT_EQ(r.status().fields().count(c.field), 1u) << r.status().ToString();
  }
  EXPECT_EQ(Count("case_consents"), 0);
  // Today is fine.
  EXPECT_TRUE(
      consents_->Add(cw_, case_id_, {"assistance", "given", "2027-01-15", "written", "", ""}, Req())
          .ok());
}

TEST_F(ConsentServiceTest, WitnessIsSealedAndShownOnlyWithViewPii) {
  auto c = consents_->Add(
      cw_, case_id_, {"return", "given", "2027-01-12", "verbal", "Interpreter Somchai", ""}, Req());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->consent.witness, "Interpreter Somchai");
  EXPECT_FALSE(StoredInClear("case_consents", "witness", "Somchai"));
  EXPECT_EQ(Count("case_consents", "witness IS NOT NULL"), 1);

  auto reads_before = Count("audit_log", "action = 'case.read_pii'");
  auto list = consents_->List(cw_, case_id_, {50, ""}, Req());
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->with_pii);
  EXPECT_EQ(list->items[0].witness, "Interpreter Somchai");
  EXPECT_EQ(Count("audit_log", "action = 'case.read_pii'"), reads_before + 1);

  Principal no_pii = cw_;
  no_pii.permissions.erase("view_pii");
  auto plain = consents_->List(no_pii, case_id_, {50, ""}, Req());
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->with_pii);
  EXPECT_EQ(plain->items[0].witness, "");
  EXPECT_EQ(Count("audit_log", "action = 'case.read_pii'"), reads_before + 1);
  // Nor may such a user record a witness.
  auto refused = consents_->Add(no_pii, case_id_,
                                {"return", "given", "2027-01-12", "verbal", "Someone", ""}, Req());
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ConsentServiceTest, OtherOfficesAndRolesAreRefused) {
  EXPECT_EQ(consents_->Add(other_, case_id_, In("assistance", "given"), Req()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(consents_->List(other_, case_id_, {50, ""}, Req()).status().code(),
            StatusCode::kNotFound);
  // Even invalid input answers NotFound for a case out of scope: nothing about it leaks.
  EXPECT_EQ(consents_->Add(other_, case_id_, In("nonsense", "given"), Req()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(consents_->Add(cw_, "no-such-case", In("assistance", "given"), Req()).status().code(),
            StatusCode::kNotFound);
  Principal auditor = PrincipalOf(MakeUser("auditor.kul", "auditor", kul_));
  EXPECT_EQ(consents_->List(auditor, case_id_, {50, ""}, Req()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("case_consents"), 0);
}

TEST_F(ConsentServiceTest, HistoryIsAppendOnlyInTheStore) {
  Add(In("assistance", "given"));
  auto conn = Conn();
  EXPECT_FALSE(conn->Execute("UPDATE case_consents SET state = 'declined'").ok());
}

}  // namespace
}  // namespace hw::service
