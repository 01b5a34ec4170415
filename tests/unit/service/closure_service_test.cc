#include "service/closure_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/case_store.h"
#include "unit/service/case_work_fixture.h"

namespace hw::service {
namespace {

using testing::CaseWorkTest;

class ClosureServiceTest : public CaseWorkTest {
 protected:
  void SetUp() override {
    CaseWorkTest::SetUp();
    if (HasFatalFailure()) return;
    closures_ = std::make_unique<ClosureService>(*ctx_);
    supervisor_ = PrincipalOf(MakeUser("sup.kul", "supervisor", kul_));
  }
  void TearDown() override {
    closures_.reset();
    CaseWorkTest::TearDown();
  }

  std::string StatusOf(const std::string& id) {
    auto c = cases_->Get(cw_, id, Req());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return std::get<std::string>(c->record.fields.at("cas_Status"));
  }

  domain::CaseRecord Record(const std::string& id) {
    auto c = cases_->Get(cw_, id, Req());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return c->record;
  }

  void RequestClosure() {
    auto r =
        closures_->Request(cw_, case_id_, CaseVersion(case_id_), "Returned home safely", Req());
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
  }

  std::unique_ptr<ClosureService> closures_;
  Principal supervisor_;
};

TEST_F(ClosureServiceTest, RequestSealsTheReasonAndRecordsHistory) {
  auto r = closures_->Request(cw_, case_id_, 1, "Returned home safely to Nghe An", Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->record.version, 2);
  EXPECT_EQ(r->record.closure.state, "requested");
  EXPECT_EQ(r->record.closure.requested_by, cw_.user_id);
  EXPECT_EQ(r->record.closure.requested_at, clock_.NowMs());
  EXPECT_EQ(std::get<std::string>(r->record.fields.at("cas_Status")), "Active");
  EXPECT_EQ(std::get<std::string>(r->record.fields.at("cas_ReasonForCaseClosure")),
            "Returned home safely to Nghe An");

  domain::CaseRecord stored = Record(case_id_);
  EXPECT_EQ(stored.closure.state, "requested");
  EXPECT_EQ(stored.version, 2);
  EXPECT_FALSE(StoredInClear("cases", "pii", "Nghe An"));
  EXPECT_FALSE(StoredInClear("cases", "attrs", "Nghe An"));
  EXPECT_FALSE(StoredInClear("case_history", "changes", "Nghe An"));
  EXPECT_TRUE(StoredInClear("case_history", "changes", "\"closure.state\""));
  EXPECT_TRUE(StoredInClear("case_history", "changes", "cas_ReasonForCaseClosure"));
  EXPECT_EQ(Count("audit_log", "action = 'case.closure_requested'"), 1);
}

TEST_F(ClosureServiceTest, ReasonIsRequiredAndBounded) {
  for (const std::string reason : {"", "   \n"}) {
    auto r = closures_->Request(cw_, case_id_, 1, reason, Req());
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().fields().count("reason"), 1u);
  }
  std::string too_long(4001, 'a');
  EXPECT_EQ(closures_->Request(cw_, case_id_, 1, too_long, Req()).status().fields().count("reason"),
            1u);
  // 4000 characters of a non-Latin script are fine (12000 bytes).
  std::string thai;
  for (int i = 0; i < 4000; ++i) thai += "\xE0\xB8\x81";
  EXPECT_EQ(Utf8Length(thai), 4000u);
  auto ok = closures_->Request(cw_, case_id_, 1, thai, Req());
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

TEST_F(ClosureServiceTest, StaleVersionAndRepeatedRequestConflict) {
  auto stale = closures_->Request(cw_, case_id_, 7, "reason", Req());
  ASSERT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().details().at("current_version"), 1);
  RequestClosure();
  auto again = closures_->Request(cw_, case_id_, 2, "reason", Req());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(CaseVersion(case_id_), 2);
}

TEST_F(ClosureServiceTest, SupervisorApprovesAndTheCaseCloses) {
  RequestClosure();
  // A caseworker lacks approve:case.
  EXPECT_EQ(closures_->Approve(cw_, case_id_, 2, "", false, Req()).status().code(),
            StatusCode::kPermissionDenied);
  auto a = closures_->Approve(supervisor_, case_id_, 2, "Agreed", false, Req());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->record.version, 3);
  EXPECT_EQ(a->record.closure.state, "approved");
  EXPECT_EQ(a->record.closure.decided_by, supervisor_.user_id);
  EXPECT_EQ(a->record.closure.comment, "Agreed");
  EXPECT_EQ(StatusOf(case_id_), "Closed");
  EXPECT_EQ(Record(case_id_).closure.comment, "Agreed");
  EXPECT_EQ(Count("audit_log", "action = 'case.closure_approved'"), 1);
  // Nothing is pending any more.
  EXPECT_EQ(closures_->Approve(supervisor_, case_id_, 3, "", false, Req()).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(closures_->Request(cw_, case_id_, 3, "again", Req()).status().code(),
            StatusCode::kConflict);
}

TEST_F(ClosureServiceTest, ApprovalAsReferred) {
  RequestClosure();
  auto a = closures_->Approve(supervisor_, case_id_, 2, "", true, Req());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(StatusOf(case_id_), "ClosedReferred");
}

TEST_F(ClosureServiceTest, NobodyApprovesTheirOwnRequest) {
  auto r = closures_->Request(supervisor_, case_id_, 1, "Done", Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto own = closures_->Approve(supervisor_, case_id_, 2, "", false, Req());
  EXPECT_EQ(own.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(own.status().reason(), "own_closure_request");
  EXPECT_EQ(StatusOf(case_id_), "Active");
}

TEST_F(ClosureServiceTest, RejectNeedsACommentAndKeepsTheCaseOpen) {
  RequestClosure();
  auto no_comment = closures_->Reject(supervisor_, case_id_, 2, " ", Req());
  ASSERT_EQ(no_comment.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_comment.status().fields().count("comment"), 1u);
  auto r = closures_->Reject(supervisor_, case_id_, 2, "Follow-up visit first", Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->record.closure.state, "rejected");
  domain::CaseRecord c = Record(case_id_);
  EXPECT_EQ(std::get<std::string>(c.fields.at("cas_Status")), "Active");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(c.fields.at("cas_ReasonForCaseClosure")));
  EXPECT_EQ(c.closure.comment, "Follow-up visit first");
  EXPECT_EQ(Count("audit_log", "action = 'case.closure_rejected'"), 1);
  // A new request may follow.
  EXPECT_TRUE(closures_->Request(cw_, case_id_, 3, "Now done", Req()).ok());
}

TEST_F(ClosureServiceTest, ReopenNeedsAClosedCaseAndAReason) {
  EXPECT_EQ(closures_->Reopen(cw_, case_id_, 1, "why", Req()).status().code(),
            StatusCode::kConflict);
  RequestClosure();
  ASSERT_TRUE(closures_->Approve(supervisor_, case_id_, 2, "", false, Req()).ok());
  EXPECT_EQ(closures_->Reopen(cw_, case_id_, 3, "", Req()).status().fields().count("reason"), 1u);
  auto r = closures_->Reopen(cw_, case_id_, 3, "Trafficker made contact again", Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->record.closure.state, "reopened");
  EXPECT_EQ(r->record.closure.reopened_by, cw_.user_id);
  domain::CaseRecord c = Record(case_id_);
  EXPECT_EQ(std::get<std::string>(c.fields.at("cas_Status")), "Active");
  EXPECT_EQ(c.closure.reopen_reason, "Trafficker made contact again");
  EXPECT_EQ(c.version, 4);
  EXPECT_FALSE(StoredInClear("cases", "pii", "Trafficker"));
  EXPECT_FALSE(StoredInClear("cases", "attrs", "Trafficker"));
  EXPECT_EQ(Count("audit_log", "action = 'case.closure_reopened'"), 1);
  EXPECT_EQ(Count("case_history"), 3);
  // The cycle can start again.
  EXPECT_TRUE(closures_->Request(cw_, case_id_, 4, "Safe now", Req()).ok());
}

TEST_F(ClosureServiceTest, AnotherOfficeSeesNothing) {
  EXPECT_EQ(closures_->Request(other_, case_id_, 1, "x", Req()).status().code(),
            StatusCode::kNotFound);
  RequestClosure();
  Principal far_supervisor = PrincipalOf(MakeUser("sup.han", "supervisor", han_));
  EXPECT_EQ(closures_->Approve(far_supervisor, case_id_, 2, "", false, Req()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(closures_->Reject(far_supervisor, case_id_, 2, "no", Req()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(StatusOf(case_id_), "Active");
}

TEST_F(ClosureServiceTest, WithoutViewPiiTheTextsAreNotReturned) {
  RequestClosure();
  Principal no_pii = supervisor_;
  no_pii.permissions.erase("view_pii");
  auto r = closures_->Reject(no_pii, case_id_, 2, "See the file", Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->record.closure.comment, "");
  EXPECT_EQ(r->record.fields.count("cas_ReasonForCaseClosure"), 0u);
  EXPECT_EQ(r->record.fields.count("prs_FirstName"), 0u);
  // The write kept the personal fields it did not show.
  EXPECT_EQ(std::get<std::string>(Record(case_id_).fields.at("prs_FirstName")), "Thi Huong");
}

}  // namespace
}  // namespace hw::service
