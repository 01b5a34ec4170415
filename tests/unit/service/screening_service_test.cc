#include "service/screening_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "unit/service/case_work_fixture.h"

namespace hw::service {
namespace {

using testing::CaseWorkTest;
using testing::kAdminPassword;

// Adult labour: deceptive recruitment, exploitative conditions and coercion at destination
// positive (2 strong or 1 strong + 1 medium each).
const std::vector<std::string> kPositive = {"AL-DR-S1", "AL-DR-M1", "AL-EX-S1",
                                            "AL-EX-M1", "AL-CD-S1", "AL-CD-S2"};
constexpr char kAdultLabour[] = "ilo-ec-2009-adult-labour";

class ScreeningServiceTest : public CaseWorkTest {
 protected:
  void SetUp() override {
    CaseWorkTest::SetUp();
    if (HasFatalFailure()) return;
    screening_ = std::make_unique<ScreeningService>(*ctx_);
  }
  void TearDown() override {
    screening_.reset();
    CaseWorkTest::TearDown();
  }

  ScreeningView Screen(const std::vector<std::string>& observed, const std::string& notes = "") {
    auto s = screening_->Screen(cw_, case_id_, {kAdultLabour, 1, observed, notes}, Req());
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    return *s;
  }

  // A copy of the default adult labour set with one more strong deceptive-recruitment indicator.
  static domain::IndicatorSet EditedSet() {
    domain::IndicatorSet set =
        domain::DefaultIndicatorSet(domain::Population::kAdult, domain::ExploitationKind::kLabour);
    set.indicators.push_back({"AL-DR-S9", domain::Dimension::kDeceptiveRecruitment,
                              domain::Strength::kStrong, "Deceived about the employer's identity"});
    return set;
  }

  std::unique_ptr<ScreeningService> screening_;
};

TEST_F(ScreeningServiceTest, DefaultSetsAreSeededOnce) {
  auto sets = screening_->ListSets(cw_);
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  ASSERT_EQ(sets->size(), 4u);
  for (const auto& s : *sets) {
    EXPECT_EQ(s.set.version, 1);
    EXPECT_FALSE(s.set.source.empty());
    EXPECT_TRUE(domain::ValidateIndicatorSet(s.set).ok());
  }
  HW_ASSERT_OK(SeedIndicatorSets(*db_, clock_.NowMs()));  // idempotent
  EXPECT_EQ(Count("indicator_sets"), 4);
}

TEST_F(ScreeningServiceTest, ListingSetsNeedsCaseOrSetPermission) {
  EXPECT_TRUE(screening_->ListSets(SignIn("admin", kAdminPassword)).ok());
  Principal data_officer = PrincipalOf(MakeUser("data", "data_officer", kul_));
  EXPECT_EQ(screening_->ListSets(data_officer).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ScreeningServiceTest, ScreenComputesSuggestionWithoutDeciding) {
  ScreeningView v = Screen(kPositive, "Says the recruiter kept her passport");
  EXPECT_TRUE(v.result.suggested_victim);
  EXPECT_TRUE(v.result.dimensions.at(domain::Dimension::kDeceptiveRecruitment).positive);
  EXPECT_EQ(v.result.dimensions.at(domain::Dimension::kCoercionAtDestination).indicator_ids,
            (std::vector<std::string>{"AL-CD-S1", "AL-CD-S2"}));
  EXPECT_TRUE(v.decision.empty());
  auto c = cases_->Get(cw_, case_id_, Req());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(std::get<std::string>(c->record.fields.at("vic_TraffickingStatus")),
            "PossibleVictimOfTrafficking");
  EXPECT_FALSE(StoredInClear("screenings", "notes", "passport"));
  auto actions = AuditActions();
  EXPECT_NE(std::find(actions.begin(), actions.end(), "screening.create"), actions.end());
}

TEST_F(ScreeningServiceTest, NegativeScreeningSuggestsNothing) {
  ScreeningView v = Screen({"AL-DR-S1"});
  EXPECT_FALSE(v.result.suggested_victim);
  EXPECT_FALSE(v.result.explanation.empty());
}

TEST_F(ScreeningServiceTest, BadInputNamesTheField) {
  auto unknown = screening_->Screen(cw_, case_id_, {kAdultLabour, 1, {"XX-1"}, ""}, Req());
  ASSERT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(unknown.status().fields().count("observed"));
  auto no_set = screening_->Screen(cw_, case_id_, {"no-such-set", 0, {}, ""}, Req());
  EXPECT_TRUE(no_set.status().fields().count("indicator_set"));
  auto no_version = screening_->Screen(cw_, case_id_, {kAdultLabour, 7, {}, ""}, Req());
  EXPECT_TRUE(no_version.status().fields().count("version"));
}

TEST_F(ScreeningServiceTest, AnotherOfficeSeesNothing) {
  ScreeningView v = Screen(kPositive);
  EXPECT_EQ(screening_->Screen(other_, case_id_, {kAdultLabour, 1, {}, ""}, Req()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(screening_->List(other_, case_id_, {}, Req()).status().code(), StatusCode::kNotFound);
  auto decide = screening_->Decide(other_, case_id_, v.id,
                                   {"ActualVictimOfTrafficking", "Interview", 1}, Req());
  EXPECT_EQ(decide.status().code(), StatusCode::kNotFound);
}

TEST_F(ScreeningServiceTest, ListOpensNotesAndAuditsTheRead) {
  Screen(kPositive, "Note about her family");
  auto list = screening_->List(cw_, case_id_, {}, Req());
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].notes, "Note about her family");
  EXPECT_EQ(AuditActions().back(), "screening.read_pii");
}

TEST_F(ScreeningServiceTest, DecisionSetsTheCaseStatusOnce) {
  ScreeningView v = Screen(kPositive);
  long long version = CaseVersion(case_id_);
  auto missing =
      screening_->Decide(cw_, case_id_, v.id, {"ActualVictimOfTrafficking", "", version}, Req());
  EXPECT_TRUE(missing.status().fields().count("justification"));
  auto bad = screening_->Decide(cw_, case_id_, v.id, {"Maybe", "Interview", version}, Req());
  EXPECT_TRUE(bad.status().fields().count("decision"));
  auto stale = screening_->Decide(cw_, case_id_, v.id,
                                  {"ActualVictimOfTrafficking", "Interview", version + 5}, Req());
  ASSERT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().details().at("current_version"), version);

  auto ok = screening_->Decide(
      cw_, case_id_, v.id,
      {"ActualVictimOfTrafficking", "Consistent account of debt bondage", version}, Req());
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->decision, "ActualVictimOfTrafficking");
  EXPECT_EQ(ok->case_version, version + 1);
  auto c = cases_->Get(cw_, case_id_, Req());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(std::get<std::string>(c->record.fields.at("vic_TraffickingStatus")),
            "ActualVictimOfTrafficking");
  EXPECT_EQ(c->record.version, version + 1);
  EXPECT_EQ(std::get<std::string>(c->record.fields.at("prs_FirstName")), "Thi Huong");
  auto history = cases_->History(cw_, case_id_, {});
  ASSERT_TRUE(history.ok());
  ASSERT_FALSE(history->items.empty());
  EXPECT_NE(history->items.back().changes_json.find("ActualVictimOfTrafficking"),
            std::string::npos);
  EXPECT_FALSE(StoredInClear("screenings", "justification", "debt bondage"));

  auto again = screening_->Decide(
      cw_, case_id_, v.id, {"NotAVictimOfTrafficking", "Changed my mind", version + 1}, Req());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(again.status().reason(), "already_decided");
}

TEST_F(ScreeningServiceTest, AdminAddsVersionsAndOldOnesStay) {
  Principal admin = SignIn("admin", kAdminPassword);
  EXPECT_EQ(screening_->CreateSetVersion(cw_, EditedSet(), 1, Req()).status().code(),
            StatusCode::kPermissionDenied);
  auto unbased = screening_->CreateSetVersion(admin, EditedSet(), std::nullopt, Req());
  EXPECT_TRUE(unbased.status().fields().count("version"));
  domain::IndicatorSet child = EditedSet();
  child.population = domain::Population::kChild;
  EXPECT_TRUE(
      screening_->CreateSetVersion(admin, child, 1, Req()).status().fields().count("population"));

  auto v2 = screening_->CreateSetVersion(admin, EditedSet(), 1, Req());
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->set.version, 2);
  auto stale = screening_->CreateSetVersion(admin, EditedSet(), 1, Req());
  ASSERT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().details().at("current_version"), 2);
  EXPECT_EQ(Count("indicator_sets", "id = 'ilo-ec-2009-adult-labour'"), 2);

  // The new indicator exists only in version 2; version 0 means the latest.
  EXPECT_FALSE(screening_->Screen(cw_, case_id_, {kAdultLabour, 1, {"AL-DR-S9"}, ""}, Req()).ok());
  auto latest = screening_->Screen(cw_, case_id_, {kAdultLabour, 0, {"AL-DR-S9"}, ""}, Req());
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(latest->set_version, 2);

  domain::IndicatorSet empty = EditedSet();
  empty.indicators.clear();
  auto invalid = screening_->CreateSetVersion(admin, empty, 2, Req());
  EXPECT_TRUE(invalid.status().fields().count("indicators"));
}

}  // namespace
}  // namespace hw::service
