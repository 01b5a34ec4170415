// Assessment templates and score sheets: validation and applying a PATCH of scores.
#include "domain/assessment.h"

#include <gtest/gtest.h>

#include <string>

namespace hw::domain {
namespace {

AssessmentItem Item(const std::string& key, double weight = 1, bool critical = false) {
  AssessmentItem i;
  i.key = key;
  i.statement = "Statement " + key;
  i.guidance = "Look at " + key;
  i.levels = {"none", "some", "most", "all"};
  i.weight = weight;
  i.critical = critical;
  return i;
}

AssessmentTemplate Small() {
  AssessmentTemplate t;
  t.id = "test-template";
  t.title = "Test";
  t.areas = {{"safety", "Safety", "Source A", {Item("s1", 3, true), Item("s2", 1)}},
             {"food", "Food", "Source B", {Item("f1", 2), Item("f2", 0.5, true)}}};
  return t;
}

ItemScorePatch Score(long long s) {
  ItemScorePatch p;
  p.score = s;
  return p;
}

TEST(AssessmentTemplateTest, SmallTemplateIsValid) {
  EXPECT_TRUE(ValidateAssessmentTemplate(Small()).ok());
  EXPECT_EQ(Small().ItemCount(), 4u);
  EXPECT_NE(Small().FindItem("food", "f2"), nullptr);
  EXPECT_EQ(Small().FindItem("food", "s1"), nullptr);
  EXPECT_EQ(Small().FindArea("kitchen"), nullptr);
}

TEST(AssessmentTemplateTest, NamesEachBadFieldByPath) {
  AssessmentTemplate t = Small();
  t.id = "Bad Id";
  t.title = " ";
  t.areas[0].key = "1safety";
  t.areas[1].items[0].weight = 0;
  t.areas[1].items[1].weight = 101;
  t.areas[1].items[1].levels[2] = "";
  t.areas[1].items.push_back(Item("f1"));
  t.areas[0].source = "";
  Status st = ValidateAssessmentTemplate(t);
  ASSERT_EQ(st.code(), StatusCode::kInvalidArgument);
  const auto& f = st.fields();
  EXPECT_TRUE(f.count("id"));
  EXPECT_TRUE(f.count("title"));
  EXPECT_TRUE(f.count("areas[0].key"));
  EXPECT_TRUE(f.count("areas[0].source"));
  EXPECT_TRUE(f.count("areas[1].items[0].weight"));
  EXPECT_TRUE(f.count("areas[1].items[1].weight"));
  EXPECT_TRUE(f.count("areas[1].items[1].levels"));
  EXPECT_EQ(f.at("areas[1].items[2].key"), "duplicate key 'f1'");
}

TEST(AssessmentTemplateTest, RefusesDuplicateAreasAndEmptyLists) {
  AssessmentTemplate t = Small();
  t.areas[1].key = "safety";
  EXPECT_EQ(ValidateAssessmentTemplate(t).fields().at("areas[1].key"), "duplicate key 'safety'");
  t = Small();
  t.areas[0].items.clear();
  EXPECT_TRUE(ValidateAssessmentTemplate(t).fields().count("areas[0].items"));
  t.areas.clear();
  EXPECT_TRUE(ValidateAssessmentTemplate(t).fields().count("areas"));
}

TEST(AssessmentTemplateTest, KeyAndIdPatterns) {
  EXPECT_TRUE(IsAssessmentKey("s1"));
  EXPECT_TRUE(IsAssessmentKey("child_care"));
  EXPECT_FALSE(IsAssessmentKey(""));
  EXPECT_FALSE(IsAssessmentKey("S1"));
  EXPECT_FALSE(IsAssessmentKey("s.1"));
  EXPECT_FALSE(IsAssessmentKey(std::string(33, 'a')));
  EXPECT_TRUE(IsTemplateId("homeward-shelter-standards"));
  EXPECT_FALSE(IsTemplateId("-x"));
  EXPECT_FALSE(IsTemplateId("a"));
  EXPECT_FALSE(IsTemplateId("a_b"));
}

TEST(ScorePatchTest, SetsScoresNaAndEvidence) {
  ScoreSheet sheet;
  ItemScorePatch na;
  na.na = true;
  na.evidence = "no children here";
  ScorePatch patch = {{"safety", {{"s1", Score(2)}, {"s2", na}}}};
  ASSERT_TRUE(ApplyScorePatch(Small(), patch, &sheet).ok());
  EXPECT_EQ(sheet["safety"]["s1"].score, 2);
  EXPECT_TRUE(sheet["safety"]["s2"].na);
  EXPECT_FALSE(sheet["safety"]["s2"].score);
  EXPECT_EQ(sheet["safety"]["s2"].evidence, "no children here");

  // A score clears n/a; evidence not sent is kept.
  ASSERT_TRUE(ApplyScorePatch(Small(), {{"safety", {{"s2", Score(0)}}}}, &sheet).ok());
  EXPECT_FALSE(sheet["safety"]["s2"].na);
  EXPECT_EQ(sheet["safety"]["s2"].score, 0);
  EXPECT_EQ(sheet["safety"]["s2"].evidence, "no children here");

  // n/a clears the score; score null clears it; a null entry forgets the item.
  ItemScorePatch mark;
  mark.na = true;
  ASSERT_TRUE(ApplyScorePatch(Small(), {{"safety", {{"s1", mark}}}}, &sheet).ok());
  EXPECT_FALSE(sheet["safety"]["s1"].score);
  ItemScorePatch clear_score;
  clear_score.clear_score = true;
  ASSERT_TRUE(ApplyScorePatch(Small(), {{"safety", {{"s2", clear_score}}}}, &sheet).ok());
  EXPECT_FALSE(sheet["safety"]["s2"].score);
  EXPECT_EQ(sheet["safety"]["s2"].evidence, "no children here");
  ItemScorePatch forget;
  forget.clear = true;
  ASSERT_TRUE(ApplyScorePatch(Small(), {{"safety", {{"s2", forget}}}}, &sheet).ok());
  EXPECT_EQ(sheet["safety"].count("s2"), 0u);
}

TEST(ScorePatchTest, RefusesEverythingWhenOneFieldIsBad) {
  ScoreSheet sheet;
  ASSERT_TRUE(ApplyScorePatch(Small(), {{"safety", {{"s1", Score(1)}}}}, &sheet).ok());
  ItemScorePatch both = Score(2);
  both.na = true;
  ItemScorePatch long_evidence;
  long_evidence.evidence = std::string(kMaxEvidenceChars + 1, 'x');
  ScorePatch patch = {{"safety", {{"s1", Score(4)}, {"s2", both}, {"s9", Score(1)}}},
                      {"kitchen", {{"k1", Score(1)}}},
                      {"food", {{"f1", Score(-1)}, {"f2", long_evidence}}}};
  Status st = ApplyScorePatch(Small(), patch, &sheet);
  ASSERT_EQ(st.code(), StatusCode::kInvalidArgument);
  const auto& f = st.fields();
  EXPECT_EQ(f.at("scores.safety.s1.score"), "must be an integer from 0 to 3 (or null)");
  EXPECT_EQ(f.at("scores.safety.s2.na"), "cannot be true together with a score");
  EXPECT_EQ(f.at("scores.safety.s9"), "unknown item");
  EXPECT_EQ(f.at("scores.kitchen"), "unknown area");
  EXPECT_TRUE(f.count("scores.food.f1.score"));
  EXPECT_TRUE(f.count("scores.food.f2.evidence"));
  EXPECT_EQ(sheet["safety"]["s1"].score, 1);  // untouched
}

TEST(ScorePatchTest, UnscoredItemsNameEachPath) {
  ScoreSheet sheet;
  ItemScorePatch na;
  na.na = true;
  ItemScorePatch only_evidence;
  only_evidence.evidence = "seen";
  ASSERT_TRUE(ApplyScorePatch(
                  Small(),
                  {{"safety", {{"s1", Score(3)}, {"s2", only_evidence}}}, {"food", {{"f2", na}}}},
                  &sheet)
                  .ok());
  Status::Fields f = UnscoredItems(Small(), sheet);
  EXPECT_EQ(f.size(), 2u);
  EXPECT_TRUE(f.count("scores.safety.s2"));
  EXPECT_TRUE(f.count("scores.food.f1"));
}

TEST(ScorePatchTest, NormaliseDropsEmptyAndUnknownEntries) {
  ScoreSheet sheet;
  sheet["safety"]["s1"] = ItemScore{};
  sheet["safety"]["s2"].score = 1;
  sheet["gone"]["x"].score = 2;
  NormaliseSheet(Small(), &sheet);
  EXPECT_EQ(sheet.size(), 1u);
  EXPECT_EQ(sheet["safety"].size(), 1u);
}

TEST(RecommendationTest, OverdueWhenPastDueAndNotDone) {
  EXPECT_TRUE(IsRecommendationOverdue("2026-01-01", "open", "2026-01-02"));
  EXPECT_TRUE(IsRecommendationOverdue("2026-01-01", "in_progress", "2026-01-02"));
  EXPECT_FALSE(IsRecommendationOverdue("2026-01-01", "done", "2026-01-02"));
  EXPECT_FALSE(IsRecommendationOverdue("2026-01-02", "open", "2026-01-02"));
  EXPECT_FALSE(IsRecommendationOverdue("", "open", "2026-01-02"));
}

}  // namespace
}  // namespace hw::domain
