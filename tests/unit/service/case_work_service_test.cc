#include "service/case_work_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "unit/service/case_work_fixture.h"

namespace hw::service {
namespace {

using testing::CaseWorkTest;
using testing::kMinute;

constexpr TimeMs kDay = 24 * 60 * kMinute;

class CaseWorkServiceTest : public CaseWorkTest {
 protected:
  void SetUp() override {
    CaseWorkTest::SetUp();
    if (HasFatalFailure()) return;
    work_ = std::make_unique<CaseWorkService>(*ctx_);
  }
  void TearDown() override {
    work_.reset();
    CaseWorkTest::TearDown();
  }

  static ServiceInput Shelter() {
    ServiceInput in;
    in.type = "shelter";
    in.provider = "Safe House KL";
    in.start_date = "2027-01-10";
    in.cost = 120.5;
    in.currency = "MYR";
    return in;
  }

  TaskView MakeTask(const std::string& due, const std::string& assignee = "") {
    TaskInput in;
    in.title = "Accompany Huong to the clinic";
    in.due_date = due;
    if (!assignee.empty()) in.assignee = assignee;
    auto t = work_->CreateTask(cw_, case_id_, in, Req());
    if (!t.ok()) throw std::runtime_error(t.status().ToString());
    return *t;
  }

  std::unique_ptr<CaseWorkService> work_;
};

TEST_F(CaseWorkServiceTest, CreatesAndListsServices) {
  auto s = work_->CreateService(cw_, case_id_, Shelter(), Req());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->status, "planned");
  EXPECT_EQ(s->cost_milli, 120500);
  EXPECT_EQ(s->version, 1);
  auto list = work_->ListServices(cw_, case_id_, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].provider, "Safe House KL");
  EXPECT_EQ(AuditActions().back(), "service.create");
}

TEST_F(CaseWorkServiceTest, ServiceValidationNamesEachField) {
  ServiceInput in = Shelter();
  in.type = "spa";
  in.status = "maybe";
  in.end_date = "2027-01-01";  // before the start
  in.currency.reset();         // a cost needs one
  auto bad = work_->CreateService(cw_, case_id_, in, Req());
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  for (const char* f : {"type", "status", "end_date", "currency"}) {
    EXPECT_TRUE(bad.status().fields().count(f)) << f;
  }
  ServiceInput cost = Shelter();
  cost.cost = -1;
  cost.currency = "XYZ";
  auto bad_cost = work_->CreateService(cw_, case_id_, cost, Req());
  EXPECT_TRUE(bad_cost.status().fields().count("cost"));
  EXPECT_TRUE(bad_cost.status().fields().count("currency"));
  ServiceInput none;
  EXPECT_TRUE(work_->CreateService(cw_, case_id_, none, Req()).status().fields().count("type"));
  EXPECT_EQ(Count("case_services"), 0);
}

TEST_F(CaseWorkServiceTest, PatchIsVersionCheckedAndClears) {
  auto s = work_->CreateService(cw_, case_id_, Shelter(), Req());
  ASSERT_TRUE(s.ok());
  ServiceInput patch;
  patch.status = "ongoing";
  patch.cleared = {"cost", "currency"};
  auto p1 = work_->PatchService(cw_, case_id_, s->id, 1, patch, Req());
  ASSERT_TRUE(p1.ok()) << p1.status().ToString();
  EXPECT_EQ(p1->version, 2);
  EXPECT_EQ(p1->status, "ongoing");
  EXPECT_FALSE(p1->cost_milli.has_value());
  auto stale = work_->PatchService(cw_, case_id_, s->id, 1, patch, Req());
  ASSERT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().details().at("current_version"), 2);
  ServiceInput clear_type;
  clear_type.cleared = {"type"};
  EXPECT_TRUE(work_->PatchService(cw_, case_id_, s->id, 2, clear_type, Req())
                  .status()
                  .fields()
                  .count("type"));
  EXPECT_EQ(work_->PatchService(other_, case_id_, s->id, 2, patch, Req()).status().code(),
            StatusCode::kNotFound);
  std::string other_case = MakeCase(cw_);
  EXPECT_EQ(work_->PatchService(cw_, other_case, s->id, 2, patch, Req()).status().code(),
            StatusCode::kNotFound);
}

TEST_F(CaseWorkServiceTest, NotesAreSealedAndReadsAudited) {
  auto n = work_->CreateNote(cw_, case_id_, "She fears her uncle in Nghe An", Req());
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_FALSE(StoredInClear("case_notes", "body", "uncle"));
  auto list = work_->ListNotes(cw_, case_id_, {}, Req());
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].text, "She fears her uncle in Nghe An");
  EXPECT_EQ(list->items[0].author, cw_.user_id);
  EXPECT_EQ(AuditActions().back(), "note.read_pii");

  EXPECT_TRUE(work_->CreateNote(cw_, case_id_, "  ", Req()).status().fields().count("text"));
  std::string long_text(20001, 'a');
  EXPECT_TRUE(work_->CreateNote(cw_, case_id_, long_text, Req()).status().fields().count("text"));
  std::string multibyte;
  for (int i = 0; i < 20000; ++i) multibyte += "\xe1\xbb\x85";  // 20000 characters, 60000 bytes
  EXPECT_TRUE(work_->CreateNote(cw_, case_id_, multibyte, Req()).ok());
  EXPECT_EQ(work_->ListNotes(other_, case_id_, {}, Req()).status().code(), StatusCode::kNotFound);
  Principal return_officer = PrincipalOf(MakeUser("return.officer", "return_officer", kul_));
  EXPECT_EQ(work_->CreateNote(return_officer, case_id_, "x", Req()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(CaseWorkServiceTest, TaskAssigneeMustBeOfTheCaseOffice) {
  TaskInput in;
  in.title = "Call the embassy";
  in.due_date = "2027-02-01";
  in.assignee = other_.user_id;
  auto bad = work_->CreateTask(cw_, case_id_, in, Req());
  EXPECT_TRUE(bad.status().fields().count("assignee"));
  in.assignee = "not-an-id";
  EXPECT_TRUE(work_->CreateTask(cw_, case_id_, in, Req()).status().fields().count("assignee"));
  TaskInput empty;
  auto missing = work_->CreateTask(cw_, case_id_, empty, Req());
  EXPECT_TRUE(missing.status().fields().count("title"));
  EXPECT_TRUE(missing.status().fields().count("due_date"));
}

TEST_F(CaseWorkServiceTest, TasksAreSealedPatchedAndListedAsOverdue) {
  TaskView t = MakeTask("2027-01-16");  // the clock starts on 2027-01-15
  EXPECT_EQ(t.task.assignee_id, cw_.user_id);
  EXPECT_FALSE(t.overdue);
  EXPECT_FALSE(StoredInClear("case_tasks", "title", "clinic"));
  MakeTask("2027-03-01");

  TaskQuery overdue;
  overdue.overdue = true;
  auto none = work_->FindTasks(cw_, overdue, Req());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->items.empty());
  clock_.Advance(3 * kDay);
  auto one = work_->FindTasks(cw_, overdue, Req());
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->items.size(), 1u);
  EXPECT_TRUE(one->items[0].overdue);
  EXPECT_EQ(one->items[0].task.title, "Accompany Huong to the clinic");
  EXPECT_FALSE(one->items[0].task.case_number.empty());

  TaskInput done;
  done.status = "done";
  auto patched = work_->PatchTask(cw_, case_id_, t.task.id, 1, done, Req());
  ASSERT_TRUE(patched.ok()) << patched.status().ToString();
  EXPECT_EQ(patched->task.version, 2);
  EXPECT_EQ(patched->task.title, "Accompany Huong to the clinic");
  auto stale = work_->PatchTask(cw_, case_id_, t.task.id, 1, done, Req());
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_TRUE(work_->FindTasks(cw_, overdue, Req())->items.empty());

  TaskQuery all;
  all.status = "all";
  auto mine = work_->FindTasks(cw_, all, Req());
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->items.size(), 2u);
  // The other office's caseworker has none, and cannot list this user's tasks either.
  EXPECT_TRUE(work_->FindTasks(other_, all, Req())->items.empty());
  all.assignee = cw_.user_id;
  EXPECT_TRUE(work_->FindTasks(other_, all, Req())->items.empty());
}

TEST_F(CaseWorkServiceTest, FindTasksPagesByDueDate) {
  for (const char* due : {"2027-05-01", "2027-04-01", "2027-06-01"}) MakeTask(due);
  TaskQuery q;
  q.page.limit = 2;
  auto first = work_->FindTasks(cw_, q, Req());
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].task.due_date, "2027-04-01");
  ASSERT_TRUE(first->next.has_value());
  q.page.after = *first->next;
  auto second = work_->FindTasks(cw_, q, Req());
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].task.due_date, "2027-06-01");
  EXPECT_FALSE(second->next.has_value());
  TaskQuery bad;
  bad.status = "later";
  EXPECT_TRUE(work_->FindTasks(cw_, bad, Req()).status().fields().count("status"));
}

}  // namespace
}  // namespace hw::service
