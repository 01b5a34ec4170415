// The assessment store on SQLite and PostgreSQL: templates by version, keyset listing, the
// previous finished assessment, guarded updates and the refusal to change a finished assessment.
#include "storage/assessment_store.h"

#include <gtest/gtest.h>

#include <string>

#include "common/id.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class AssessmentStoreTest : public StorageTest {
 protected:
  std::string Shelter(Connection& conn, const std::string& office_id, const std::string& name) {
    const std::string id = NewId();
    auto st = conn.Execute(
        "INSERT INTO shelters (id, office_id, name, operator_type, operator_org, status, capacity, "
        "services, accessibility, created_at, updated_at, version) VALUES "
        "($1, $2, $3, 'ngo', 'Test NGO', 'open', '{}', '[]', '{}', 1, 1, 1)",
        {id, office_id, name});
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    return id;
  }

  AssessmentRow Row(const std::string& shelter_id, const std::string& office_id,
                    const std::string& date, const std::string& status) {
    AssessmentRow a;
    a.id = NewId();
    a.shelter_id = shelter_id;
    a.office_id = office_id;
    a.template_id = "t";
    a.template_version = 1;
    a.assessed_on = date;
    a.status = status;
    a.scores = "{}";
    a.result = "{}";
    a.created_by = "u";
    a.created_at = a.updated_at = 5;
    if (status == "finished") {
      a.finished_by = "u";
      a.finished_at = 6;
    }
    return a;
  }
};

TEST_P(AssessmentStoreTest, TemplatesAreVersionedRows) {
  auto conn = Conn();
  AssessmentStore store(*conn);
  ASSERT_TRUE(store.InsertTemplate({"t", 1, "T1", "{}", "system", 1}).ok());
  ASSERT_TRUE(store.InsertTemplate({"t", 2, "T2", "{}", "admin", 2}).ok());
  ASSERT_TRUE(store.InsertTemplateIfAbsent({"t", 1, "changed", "{}", "system", 3}).ok());
  EXPECT_EQ(store.InsertTemplate({"t", 2, "dup", "{}", "admin", 4}).code(), StatusCode::kConflict);
  auto latest = store.GetTemplate("t", 0);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version, 2);
  auto v1 = store.GetTemplate("t", 1);
  ASSERT_TRUE(v1.ok() && v1->has_value());
  EXPECT_EQ((*v1)->title, "T1");  // never overwritten by the seed
  auto list = store.ListTemplates("t");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].version, 2);  // newest first
}

TEST_P(AssessmentStoreTest, ListsPreviousAndImmutability) {
  auto conn = Conn();
  const std::string office = SeedOffice(*conn, "MYS-KUL", 1).id;
  const std::string shelter = Shelter(*conn, office, "Rumah A");
  AssessmentStore store(*conn);
  ASSERT_TRUE(store.InsertTemplate({"t", 1, "T1", "{}", "system", 1}).ok());
  AssessmentRow old_one = Row(shelter, office, "2025-01-10", "finished");
  AssessmentRow draft_before = Row(shelter, office, "2025-06-01", "draft");
  AssessmentRow newer = Row(shelter, office, "2026-01-10", "finished");
  AssessmentRow current = Row(shelter, office, "2026-05-01", "draft");
  for (const auto* a : {&old_one, &draft_before, &newer, &current}) {
    ASSERT_TRUE(store.Insert(*a).ok());
  }

  auto got = store.Get(newer.id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->shelter_name, "Rumah A");
  EXPECT_EQ((*got)->finished_at, 6);

  // Previous: the latest finished one before, drafts skipped.
  auto prev = store.FindPrevious(shelter, current.assessed_on, current.id);
  ASSERT_TRUE(prev.ok() && prev->has_value());
  EXPECT_EQ((*prev)->id, newer.id);
  prev = store.FindPrevious(shelter, newer.assessed_on, newer.id);
  ASSERT_TRUE(prev.ok() && prev->has_value());
  EXPECT_EQ((*prev)->id, old_one.id);
  prev = store.FindPrevious(shelter, old_one.assessed_on, old_one.id);
  ASSERT_TRUE(prev.ok());
  EXPECT_FALSE(prev->has_value());

  // Newest assessed_on first, paged by (date, id).
  AssessmentFilter f;
  f.office_id = office;
  f.limit = 2;
  auto page = store.List(f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, current.id);
  EXPECT_EQ((*page)[1].id, newer.id);
  f.after_date = newer.assessed_on;
  f.after_id = newer.id;
  page = store.List(f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, draft_before.id);
  auto finished = store.ListFinished("t", office);
  ASSERT_TRUE(finished.ok());
  ASSERT_EQ(finished->size(), 2u);
  EXPECT_EQ((*finished)[0].id, newer.id);

  // Guarded update: stale -> Conflict with the current version.
  current.assessed_on = "2026-05-02";
  ASSERT_TRUE(store.Update(current, 9).ok());
  Status stale = store.Update(current, 10);
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  EXPECT_EQ(stale.details().at("current_version"), 2);

  // A finished row cannot be changed or deleted, even by hand.
  EXPECT_FALSE(store.Update(newer, 11).ok());
  EXPECT_FALSE(conn->Execute("DELETE FROM assessments WHERE id = $1", {newer.id}).ok());
  EXPECT_TRUE(conn->Execute("DELETE FROM assessments WHERE id = $1", {draft_before.id}).ok());
}

TEST_P(AssessmentStoreTest, RecommendationsByAssessment) {
  auto conn = Conn();
  const std::string office = SeedOffice(*conn, "MYS-KUL", 1).id;
  const std::string shelter = Shelter(*conn, office, "Rumah B");
  AssessmentStore store(*conn);
  ASSERT_TRUE(store.InsertTemplate({"t", 1, "T1", "{}", "system", 1}).ok());
  AssessmentRow a = Row(shelter, office, "2026-01-01", "finished");
  ASSERT_TRUE(store.Insert(a).ok());
  RecommendationRow r;
  r.id = NewId();
  r.assessment_id = a.id;
  r.shelter_id = shelter;
  r.office_id = office;
  r.text = "Fix the gate";
  r.area = "safety";
  r.priority = "high";
  r.status = "open";
  r.created_by = "u";
  r.created_at = r.updated_at = 1;
  ASSERT_TRUE(store.InsertRecommendation(r).ok());
  r.status = "done";
  r.area.clear();
  ASSERT_TRUE(store.UpdateRecommendation(r, 2).ok());  // allowed on a finished assessment
  auto got = store.GetRecommendation(r.id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->status, "done");
  EXPECT_EQ((*got)->area, "");
  EXPECT_EQ((*got)->version, 2);
  EXPECT_EQ(store.UpdateRecommendation(r, 3).code(), StatusCode::kConflict);
  auto list = store.ListRecommendations(a.id, "", 10);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
}

HW_INSTANTIATE_BACKENDS(AssessmentStoreTest);

}  // namespace
}  // namespace hw::storage
