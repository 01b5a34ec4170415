// CaseService::GetAsync, the read the HTTP server uses where case reads are batched: the same
// rules and answers as Get (scope, personal fields, audit), delivered through `post`.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "unit/service/case_work_fixture.h"

namespace hw::service::testing {
namespace {

class CaseReadTest : public CaseWorkTest {
 protected:
  struct Outcome {
    Result<CaseView> view = Status::Internal("not answered");
    std::shared_ptr<AuditCommit> audit;
    int answers = 0;
  };

  // Runs GetAsync to its end: posted work runs here, in order, once the fetcher has answered.
  Outcome ReadAsync(const Principal& p, const std::string& id) {
    std::mutex mu;
    std::condition_variable cv;
    std::vector<std::function<void()>> posted;
    Outcome out;
    bool finished = false;
    cases_->GetAsync(
        std::make_shared<const Principal>(p), id, Req(),
        [&](std::function<void()> work) {
          std::lock_guard lock(mu);
          posted.push_back(std::move(work));
          cv.notify_all();
        },
        [&](Result<CaseView> v, std::shared_ptr<AuditCommit> audit) {
          out.view = std::move(v);
          out.audit = std::move(audit);
          ++out.answers;
          finished = true;
        });
    while (!finished) {
      std::function<void()> work;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return !posted.empty(); });
        work = std::move(posted.front());
        posted.erase(posted.begin());
      }
      work();
      ++posts_;
    }
    cases_->DrainReads();
    return out;
  }

  int posts_ = 0;
};

TEST_F(CaseReadTest, AnswersLikeGetAndAuditsThePersonalFields) {
  const size_t before = AuditActions().size();
  Outcome o = ReadAsync(cw_, case_id_);
  ASSERT_TRUE(o.view.ok()) << o.view.status().ToString();
  EXPECT_EQ(o.answers, 1);
  EXPECT_EQ(posts_, 1);  // the rest of the read ran where `post` put it
  EXPECT_TRUE(o.view->with_pii);
  auto sync = cases_->Get(cw_, case_id_, Req());
  ASSERT_TRUE(sync.ok());
  EXPECT_EQ(o.view->record.id, sync->record.id);
  EXPECT_EQ(o.view->record.version, sync->record.version);
  EXPECT_EQ(o.view->record.fields, sync->record.fields);
  ASSERT_EQ(o.view->record.fields.count("prs_FirstName"), 1u);
  EXPECT_EQ(std::get<std::string>(o.view->record.fields.at("prs_FirstName")), "Thi Huong");
  // The data goes out only after its audit entry commits.
  ASSERT_NE(o.audit, nullptr);
  EXPECT_TRUE(o.audit->Wait().ok());
  auto actions = AuditActions();
  ASSERT_EQ(actions.size(), before + 2);  // this read and the Get above
  EXPECT_EQ(actions[before], "case.read_pii");
}

TEST_F(CaseReadTest, AnotherOfficesCaseAndAMissingOneAreNotFound) {
  const size_t before = AuditActions().size();
  for (const std::string& id :
       {case_id_, std::string("no-such-case"), std::string("\xff\x00", 2)}) {
    Outcome o = ReadAsync(id == case_id_ ? other_ : cw_, id);
    ASSERT_FALSE(o.view.ok());
    EXPECT_EQ(o.view.status().code(), StatusCode::kNotFound) << o.view.status().ToString();
    EXPECT_EQ(o.view.status().message(), "case not found");
    EXPECT_EQ(o.audit, nullptr);
    EXPECT_EQ(o.answers, 1);
  }
  EXPECT_EQ(AuditActions().size(), before);  // nothing seen, nothing recorded
}

TEST_F(CaseReadTest, WithoutViewPiiThePersonalFieldsStayOutAndNothingIsAudited) {
  Principal no_pii = cw_;
  no_pii.permissions.erase(domain::perm::kViewPii);
  const size_t before = AuditActions().size();
  Outcome o = ReadAsync(no_pii, case_id_);
  ASSERT_TRUE(o.view.ok()) << o.view.status().ToString();
  EXPECT_FALSE(o.view->with_pii);
  EXPECT_EQ(o.view->record.fields.count("prs_FirstName"), 0u);
  EXPECT_EQ(o.audit, nullptr);
  EXPECT_EQ(AuditActions().size(), before);
}

TEST_F(CaseReadTest, WithoutReadPermissionTheAnswerComesAtOnceWithoutAFetch) {
  Principal nobody = cw_;
  nobody.permissions.clear();
  int answers = 0;
  Status got;
  cases_->GetAsync(
      std::make_shared<const Principal>(nobody), case_id_, Req(),
      [](const std::function<void()>&) { ADD_FAILURE() << "nothing should be posted"; },
      [&](Result<CaseView> v, const std::shared_ptr<AuditCommit>& audit) {
        ++answers;
        got = v.status();
        EXPECT_EQ(audit, nullptr);
      });
  EXPECT_EQ(answers, 1);  // before GetAsync returned
  EXPECT_EQ(got.code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace hw::service::testing
