// Shelter assessments through the service: the shipped template, drafts saved and finished,
// immutability, follow-up changes, template versions, scope, sealing and recommendations.
#include "service/assessment_service.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "common/id.h"
#include "service/assessment_codec.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::ServiceTest;

constexpr char kToday[] = "2027-01-15";  // testing::kStart

class AssessmentServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    svc_ = std::make_unique<AssessmentService>(*ctx_);
    kul_ = MakeOffice("MYS-KUL");
    han_ = MakeOffice("VNM-HAN", "VN");
    manager_ = PrincipalOf(MakeUser("sm.kul", "shelter_manager", kul_));
    other_ = PrincipalOf(MakeUser("sm.han", "shelter_manager", han_));
    programme_ = PrincipalOf(MakeUser("pm.han", "programme_manager", han_));
    caseworker_ = PrincipalOf(MakeUser("cw.kul", "caseworker", kul_));
    admin_ = PrincipalOf(MakeUser("admin2", "admin", hq_));
    shelter_ = MakeShelter(kul_, "Rumah Ujian");
    auto t = DefaultAssessmentTemplate();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tmpl_ = *t;
  }
  void TearDown() override {
    svc_.reset();
    ServiceTest::TearDown();
  }

  // Shelters belong to the shelters feature; the tests only need a row to point at.
  std::string MakeShelter(const std::string& office_id, const std::string& name) {
    const std::string id = NewId();
    auto conn = Conn();
    auto st = conn->Execute(
        "INSERT INTO shelters (id, office_id, name, operator_type, operator_org, status, capacity, "
        "services, accessibility, created_at, updated_at, version) VALUES "
        "($1, $2, $3, 'ngo', 'Test NGO', 'open', '{\"women\":4}', '[]', '{}', 1, 1, 1)",
        {id, office_id, name});
    if (!st.ok()) throw std::runtime_error(st.status().ToString());
    return id;
  }

  AssessmentView Draft(const std::string& date = "2026-12-01") {
    NewAssessmentInput in;
    in.shelter_id = shelter_;
    in.assessed_on = date;
    auto a = svc_->Create(manager_, in, Req());
    if (!a.ok()) throw std::runtime_error(a.status().ToString());
    return *a;
  }

  // Every item scored `score`, except the children's area, marked n/a.
  domain::ScorePatch AllItems(int score, const std::string& evidence = "") {
    domain::ScorePatch patch;
    for (const auto& area : tmpl_.areas) {
      std::vector<std::pair<std::string, domain::ItemScorePatch>> items;
      for (const auto& item : area.items) {
        domain::ItemScorePatch p;
        if (area.key == "children") {
          p.na = true;
        } else {
          p.score = score;
        }
        if (!evidence.empty()) p.evidence = evidence;
        items.emplace_back(item.key, p);
      }
      patch.emplace_back(area.key, std::move(items));
    }
    return patch;
  }

  AssessmentView Save(const AssessmentView& a, domain::ScorePatch scores) {
    AssessmentPatchInput in;
    in.version = a.row.version;
    in.scores = std::move(scores);
    auto r = svc_->Update(manager_, a.row.id, in, Req());
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return *r;
  }

  AssessmentView Finished(int score, const std::string& date) {
    AssessmentView a = Save(Draft(date), AllItems(score));
    auto f = svc_->Finish(manager_, a.row.id, a.row.version, Req());
    if (!f.ok()) throw std::runtime_error(f.status().ToString());
    return *f;
  }

  std::unique_ptr<AssessmentService> svc_;
  std::string kul_, han_, shelter_;
  Principal manager_, other_, programme_, caseworker_, admin_;
  domain::AssessmentTemplate tmpl_;
};

TEST_F(AssessmentServiceTest, ShippedTemplateIsValidAndSeeded) {
  EXPECT_EQ(tmpl_.id, "homeward-shelter-standards");
  const std::set<std::string> expected = {"safety", "environment", "staffing", "confidentiality",
                                          "rights", "health",      "food",     "children",
                                          "legal",  "exit"};
  std::set<std::string> keys;
  int critical = 0;
  for (const auto& area : tmpl_.areas) {
    keys.insert(area.key);
    EXPECT_FALSE(area.source.empty()) << area.key;
    EXPECT_GE(area.items.size(), 3u) << area.key;
    EXPECT_LE(area.items.size(), 5u) << area.key;
    for (const auto& item : area.items) critical += item.critical;
  }
  EXPECT_EQ(keys, expected);
  EXPECT_GT(critical, 10);
  EXPECT_TRUE(domain::ValidateAssessmentTemplate(tmpl_).ok());

  auto list = svc_->ListTemplates(admin_, "", {});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].tmpl.version, 1);
  EXPECT_TRUE(list->items[0].latest);
  // Seeding again changes nothing.
  HW_ASSERT_OK(SeedAssessmentTemplates(*db_, clock_.NowMs()));
  EXPECT_EQ(Count("assessment_templates"), 1);
}

TEST_F(AssessmentServiceTest, DraftIsSavedScoredAndFinished) {
  AssessmentView a = Draft();
  EXPECT_EQ(a.row.status, "draft");
  EXPECT_EQ(a.row.template_version, 1);
  EXPECT_EQ(a.row.shelter_name, "Rumah Ujian");
  EXPECT_FALSE(a.score.overall.score);

  a = Save(a, AllItems(2, "Checked the log book."));
  EXPECT_EQ(a.row.version, 2);
  EXPECT_TRUE(a.score.complete);
  EXPECT_DOUBLE_EQ(*a.score.overall.score, 200.0 / 3.0);
  EXPECT_TRUE(a.score.critical_gaps.empty());

  // Resumed elsewhere: the stored draft reads back the same.
  auto again = svc_->Get(programme_, a.row.id);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->sheet.at("safety").at("s1").score, 2);
  EXPECT_EQ(again->sheet.at("safety").at("s1").evidence, "Checked the log book.");
  EXPECT_TRUE(again->sheet.at("children").at("ch1").na);

  auto finished = svc_->Finish(manager_, a.row.id, a.row.version, Req());
  ASSERT_TRUE(finished.ok()) << finished.status().ToString();
  EXPECT_EQ(finished->row.status, "finished");
  EXPECT_EQ(finished->row.finished_by, manager_.user_id);

  // Immutable: saving or finishing again is a conflict, whatever the version.
  AssessmentPatchInput patch;
  patch.version = finished->row.version;
  auto save = svc_->Update(manager_, a.row.id, patch, Req());
  EXPECT_EQ(save.status().code(), StatusCode::kConflict);
  EXPECT_EQ(save.status().reason(), "assessment_finished");
  auto refinish = svc_->Finish(manager_, a.row.id, finished->row.version, Req());
  EXPECT_EQ(refinish.status().reason(), "assessment_finished");
  // The store refuses it too.
  auto conn = Conn();
  EXPECT_FALSE(conn->Execute("UPDATE assessments SET status = 'draft'").ok());
}

TEST_F(AssessmentServiceTest, FinishNeedsEveryItemScoredOrNa) {
  AssessmentView a = Draft();
  a = Save(a, {{"safety", {{"s1", [] {
                              domain::ItemScorePatch p;
                              p.score = 3;
                              return p;
                            }()}}}});
  auto f = svc_->Finish(manager_, a.row.id, a.row.version, Req());
  ASSERT_EQ(f.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(f.status().fields().size(), tmpl_.ItemCount() - 1);
  EXPECT_TRUE(f.status().fields().count("scores.safety.s2"));
  EXPECT_FALSE(f.status().fields().count("scores.safety.s1"));
}

TEST_F(AssessmentServiceTest, StaleVersionIsAConflictAndBadScoresAreNamed) {
  AssessmentView a = Draft();
  Save(a, AllItems(1));
  AssessmentPatchInput stale;
  stale.version = a.row.version;
  auto r = svc_->Update(manager_, a.row.id, stale, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(r.status().details().at("current_version"), 2);

  AssessmentPatchInput bad;
  bad.version = 2;
  domain::ItemScorePatch four;
  four.score = 4;
  bad.scores = {{"safety", {{"s1", four}, {"zz", four}}}, {"nope", {}}};
  r = svc_->Update(manager_, a.row.id, bad, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(r.status().fields().count("scores.safety.s1.score"));
  EXPECT_TRUE(r.status().fields().count("scores.safety.zz"));
  EXPECT_TRUE(r.status().fields().count("scores.nope"));
}

TEST_F(AssessmentServiceTest, ScopeAndPermissions) {
  AssessmentView a = Draft();
  EXPECT_EQ(svc_->Get(other_, a.row.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(svc_->Get(programme_, a.row.id).ok());  // organisation scope
  EXPECT_EQ(svc_->Get(caseworker_, a.row.id).status().code(), StatusCode::kPermissionDenied);
  NewAssessmentInput in;
  in.shelter_id = shelter_;
  in.assessed_on = kToday;
  auto c = svc_->Create(other_, in, Req());
  ASSERT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(c.status().fields().at("shelter_id"), "unknown shelter");
  in.assessed_on = "2027-01-16";
  in.shelter_id = shelter_;
  c = svc_->Create(manager_, in, Req());
  EXPECT_EQ(c.status().fields().at("assessed_on"), "must not be in the future");
  auto list = svc_->List(other_, {});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->items.empty());
}

TEST_F(AssessmentServiceTest, EvidenceAndSummaryAreSealed) {
  AssessmentView a = Draft();
  AssessmentPatchInput in;
  in.version = a.row.version;
  in.summary = "Overall remarks about the visit";
  in.scores = AllItems(2, "Unique evidence phrase 7731");
  auto saved = svc_->Update(manager_, a.row.id, in, Req());
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->summary, "Overall remarks about the visit");
  auto conn = Conn();
  auto rows = conn->Query("SELECT scores, sealed, result FROM assessments");
  ASSERT_TRUE(rows.ok());
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*rows)[0].Text(i).find("7731"), std::string::npos);
    EXPECT_EQ((*rows)[0].Text(i).find("Overall remarks"), std::string::npos);
  }
}

TEST_F(AssessmentServiceTest, FollowUpShowsChangesSinceThePreviousFinishedAssessment) {
  AssessmentView first = Finished(1, "2026-01-10");
  AssessmentView second = Save(Draft("2026-12-01"), AllItems(3));
  EXPECT_EQ(second.previous_id, first.row.id);
  auto changes = svc_->Changes(manager_, second.row.id);
  ASSERT_TRUE(changes.ok()) << changes.status().ToString();
  EXPECT_EQ(changes->previous_id, first.row.id);
  EXPECT_EQ(changes->previous_assessed_on, "2026-01-10");
  EXPECT_DOUBLE_EQ(*changes->changes.overall.previous, 33.3);
  EXPECT_DOUBLE_EQ(*changes->changes.overall.current, 100.0);
  EXPECT_DOUBLE_EQ(*changes->changes.overall.delta, 66.7);
  EXPECT_EQ(changes->changes.items[0].delta, 2);
  // The first has no earlier one; a draft is never a baseline.
  auto first_changes = svc_->Changes(manager_, first.row.id);
  ASSERT_TRUE(first_changes.ok());
  EXPECT_TRUE(first_changes->previous_id.empty());
}

TEST_F(AssessmentServiceTest, NewTemplateVersionKeepsOldAssessmentsOnTheirVersion) {
  AssessmentView old = Finished(2, "2026-06-01");
  domain::AssessmentTemplate edited = tmpl_;
  edited.areas[0].items[0].statement = "Edited statement";
  edited.areas[0].items.pop_back();
  auto missing = svc_->CreateTemplateVersion(admin_, edited, std::nullopt, Req());
  EXPECT_TRUE(missing.status().fields().count("version"));
  auto denied = svc_->CreateTemplateVersion(manager_, edited, 1, Req());
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  auto v2 = svc_->CreateTemplateVersion(admin_, edited, 1, Req());
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->tmpl.version, 2);
  auto stale = svc_->CreateTemplateVersion(admin_, edited, 1, Req());
  EXPECT_EQ(stale.status().details().at("current_version"), 2);

  auto reread = svc_->Get(manager_, old.row.id);
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread->row.template_version, 1);
  EXPECT_EQ(reread->tmpl.areas[0].items.size(), tmpl_.areas[0].items.size());
  AssessmentView fresh = Draft();
  EXPECT_EQ(fresh.row.template_version, 2);
  auto v1 = svc_->GetTemplate(manager_, tmpl_.id, 1);
  ASSERT_TRUE(v1.ok());
  EXPECT_FALSE(v1->latest);
}

TEST_F(AssessmentServiceTest, RecommendationsTrackOwnersAndOverdue) {
  AssessmentView a = Finished(1, "2026-06-01");
  RecommendationInput in;
  in.text = "Fix the back gate lock";
  in.area = "safety";
  in.item = "s2";
  in.owner_user_id = manager_.user_id;
  in.priority = "high";
  in.due_date = "2027-01-01";
  auto rec = svc_->AddRecommendation(manager_, a.row.id, in, Req());
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_TRUE(rec->overdue);
  EXPECT_EQ(rec->row.status, "open");

  RecommendationInput done;
  done.status = "done";
  auto updated =
      svc_->UpdateRecommendation(manager_, a.row.id, rec->row.id, rec->row.version, done, Req());
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_FALSE(updated->overdue);
  EXPECT_EQ(updated->row.version, 2);

  RecommendationInput bad;
  bad.text = " ";
  bad.item = "s2";
  bad.priority = "urgent";
  bad.owner_user_id = "nobody";
  auto refused = svc_->AddRecommendation(manager_, a.row.id, bad, Req());
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  const auto& f = refused.status().fields();
  EXPECT_TRUE(f.count("text"));
  EXPECT_EQ(f.at("area"), "is required with item");
  EXPECT_TRUE(f.count("priority"));
  EXPECT_EQ(f.at("owner_user_id"), "unknown user");

  auto list = svc_->ListRecommendations(programme_, a.row.id, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->items.size(), 1u);
  EXPECT_EQ(svc_->ListRecommendations(other_, a.row.id, {}).status().code(), StatusCode::kNotFound);
}

TEST_F(AssessmentServiceTest, ComparisonAndExport) {
  Finished(1, "2026-01-01");
  AssessmentView latest = Finished(2, "2026-06-01");
  const std::string second = MakeShelter(kul_, "Rumah Kedua");
  NewAssessmentInput in;
  in.shelter_id = second;
  in.assessed_on = "2026-07-01";
  auto other_shelter = svc_->Create(manager_, in, Req());
  ASSERT_TRUE(other_shelter.ok());
  AssessmentView b = Save(*other_shelter, AllItems(3));
  ASSERT_TRUE(svc_->Finish(manager_, b.row.id, b.row.version, Req()).ok());

  auto rows = svc_->Comparison(manager_, "", "safety");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].latest.row.shelter_id, second);  // highest safety score first
  EXPECT_EQ((*rows)[1].latest.row.id, latest.row.id);   // the latest of the first shelter
  EXPECT_DOUBLE_EQ(*(*rows)[1].area_score, 66.7);
  EXPECT_TRUE(svc_->Comparison(manager_, "", "kitchen").status().fields().count("area"));
  EXPECT_TRUE(svc_->Comparison(other_, "", "").value().empty());

  auto csv = svc_->Export(manager_, latest.row.id, "csv", Req());
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_NE(csv->bytes.find("section,area,area_title,item"), std::string::npos);
  EXPECT_NE(csv->bytes.find("overall,,,,,,,,,66.7,33.3,33.4"), std::string::npos) << csv->bytes;
  EXPECT_EQ(csv->filename, "assessment-rumah-ujian-2026-06-01.csv");
  auto xlsx = svc_->Export(manager_, latest.row.id, "", Req());
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");
  EXPECT_TRUE(
      svc_->Export(manager_, latest.row.id, "pdf", Req()).status().fields().count("format"));
}

}  // namespace
}  // namespace hw::service
