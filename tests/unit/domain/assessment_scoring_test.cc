// Scoring against a brute-force reference on randomly generated templates and score sheets
// (fixed seed), plus the follow-up comparison.
#include "domain/assessment_scoring.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace hw::domain {
namespace {

// Uniform in [lo, hi] from raw engine output, so the sequence is the same with every library.
int Uniform(std::mt19937& rng, int lo, int hi) {
  return lo + static_cast<int>(rng() % static_cast<std::uint32_t>(hi - lo + 1));
}

AssessmentTemplate RandomTemplate(std::mt19937& rng) {
  AssessmentTemplate t;
  t.id = "random";
  t.title = "Random";
  const int areas = Uniform(rng, 1, 8);
  for (int a = 0; a < areas; ++a) {
    AssessmentArea area;
    area.key = "a" + std::to_string(a);
    area.title = "Area " + std::to_string(a);
    area.source = "src";
    const int items = Uniform(rng, 1, 6);
    for (int i = 0; i < items; ++i) {
      AssessmentItem item;
      item.key = "i" + std::to_string(i);
      item.statement = "s";
      item.levels = {"0", "1", "2", "3"};
      // Whole, half and odd weights, up to the maximum.
      const int kind = Uniform(rng, 0, 3);
      item.weight = kind == 0   ? Uniform(rng, 1, 5)
                    : kind == 1 ? Uniform(rng, 1, 9) / 2.0
                    : kind == 2 ? Uniform(rng, 1, 1000) / 10.0
                                : 1.0 / Uniform(rng, 1, 7);
      item.critical = Uniform(rng, 0, 3) == 0;
      area.items.push_back(item);
    }
    t.areas.push_back(area);
  }
  return t;
}

ScoreSheet RandomSheet(const AssessmentTemplate& t, std::mt19937& rng) {
  ScoreSheet sheet;
  for (const auto& area : t.areas) {
    for (const auto& item : area.items) {
      const int roll = Uniform(rng, 0, 9);
      if (roll < 6) {
        sheet[area.key][item.key].score = Uniform(rng, 0, 3);
      } else if (roll < 8) {
        sheet[area.key][item.key].na = true;
      }  // else unscored
    }
  }
  return sheet;
}

// The reference: every item of the template is expanded into a flat list of (area, weight,
// score|na|none), and each total is recomputed from that list independently, as the mean of
// the normalised scores weighted by weight.
struct Flat {
  std::string area;
  double weight;
  int state;  // -2 unscored, -1 n/a, 0..3 score
  bool critical;
};

std::vector<Flat> Flatten(const AssessmentTemplate& t, const ScoreSheet& sheet) {
  std::vector<Flat> out;
  for (const auto& area : t.areas) {
    for (const auto& item : area.items) {
      int state = -2;
      auto a = sheet.find(area.key);
      if (a != sheet.end()) {
        auto i = a->second.find(item.key);
        if (i != a->second.end()) state = i->second.score ? *i->second.score : -1;
      }
      out.push_back({area.key, item.weight, state, item.critical});
    }
  }
  return out;
}

std::optional<double> Reference(const std::vector<Flat>& flat, const std::string& area) {
  long double weighted = 0, weights = 0;
  for (const Flat& f : flat) {
    if (!area.empty() && f.area != area) continue;
    if (f.state < 0) continue;
    weighted += static_cast<long double>(f.weight) * (f.state / 3.0L);
    weights += f.weight;
  }
  if (weights == 0) return std::nullopt;
  return static_cast<double>(weighted / weights * 100.0L);
}

TEST(AssessmentScoringTest, MatchesBruteForceOnRandomAssessments) {
  std::mt19937 rng(4242);
  for (int round = 0; round < 500; ++round) {
    const AssessmentTemplate t = RandomTemplate(rng);
    ASSERT_TRUE(ValidateAssessmentTemplate(t).ok());
    const ScoreSheet sheet = RandomSheet(t, rng);
    const std::vector<Flat> flat = Flatten(t, sheet);
    const AssessmentScore s = ScoreAssessment(t, sheet);

    const auto overall = Reference(flat, "");
    ASSERT_EQ(s.overall.score.has_value(), overall.has_value()) << "round " << round;
    if (overall) {
      EXPECT_NEAR(*s.overall.score, *overall, 1e-9) << "round " << round;
    }
    ASSERT_EQ(s.areas.size(), t.areas.size());
    int scored = 0, na = 0, unscored = 0;
    size_t gaps = 0;
    for (const Flat& f : flat) {
      scored += f.state >= 0;
      na += f.state == -1;
      unscored += f.state == -2;
      gaps += f.critical && (f.state == 0 || f.state == 1);
    }
    EXPECT_EQ(s.overall.scored, scored);
    EXPECT_EQ(s.overall.na, na);
    EXPECT_EQ(s.overall.unscored, unscored);
    EXPECT_EQ(s.critical_gaps.size(), gaps);
    EXPECT_EQ(s.complete, unscored == 0);
    for (size_t a = 0; a < t.areas.size(); ++a) {
      const auto ref = Reference(flat, t.areas[a].key);
      ASSERT_EQ(s.areas[a].totals.score.has_value(), ref.has_value()) << "round " << round;
      if (ref) {
        EXPECT_NEAR(*s.areas[a].totals.score, *ref, 1e-9) << "round " << round;
      }
      EXPECT_EQ(s.areas[a].key, t.areas[a].key);
      EXPECT_LE(s.areas[a].totals.points, s.areas[a].totals.max_points + 1e-9);
    }
    for (const CriticalGap& g : s.critical_gaps) {
      EXPECT_TRUE(t.FindItem(g.area, g.item)->critical);
      EXPECT_LE(g.score, 1);
    }
  }
}

AssessmentTemplate Fixed() {
  AssessmentTemplate t;
  t.id = "fixed";
  t.title = "Fixed";
  auto item = [](const char* key, double weight, bool critical) {
    AssessmentItem i;
    i.key = key;
    i.statement = std::string("Statement ") + key;
    i.levels = {"0", "1", "2", "3"};
    i.weight = weight;
    i.critical = critical;
    return i;
  };
  t.areas = {{"safety", "Safety", "src", {item("s1", 3, true), item("s2", 1, false)}},
             {"food", "Food", "src", {item("f1", 2, false)}}};
  return t;
}

TEST(AssessmentScoringTest, WorkedExample) {
  ScoreSheet sheet;
  sheet["safety"]["s1"].score = 1;  // critical gap
  sheet["safety"]["s2"].score = 3;
  sheet["food"]["f1"].na = true;
  const AssessmentScore s = ScoreAssessment(Fixed(), sheet);
  // safety: (3*1 + 1*3) / (3*3 + 1*3) = 6/12 = 50%; food: n/a only -> no score.
  EXPECT_DOUBLE_EQ(*s.areas[0].totals.score, 50.0);
  EXPECT_DOUBLE_EQ(s.areas[0].totals.points, 6.0);
  EXPECT_DOUBLE_EQ(s.areas[0].totals.max_points, 12.0);
  EXPECT_EQ(s.areas[0].critical_gaps, 1);
  EXPECT_FALSE(s.areas[1].totals.score);
  EXPECT_EQ(s.areas[1].totals.na, 1);
  EXPECT_DOUBLE_EQ(*s.overall.score, 50.0);
  EXPECT_TRUE(s.complete);
  ASSERT_EQ(s.critical_gaps.size(), 1u);
  EXPECT_EQ(s.critical_gaps[0].item, "s1");

  const AssessmentScore empty = ScoreAssessment(Fixed(), {});
  EXPECT_FALSE(empty.overall.score);
  EXPECT_EQ(empty.overall.unscored, 3);
  EXPECT_FALSE(empty.complete);
}

TEST(AssessmentScoringTest, RoundsToOneDecimal) {
  EXPECT_DOUBLE_EQ(RoundScore(66.666666), 66.7);
  EXPECT_DOUBLE_EQ(RoundScore(33.333333), 33.3);
  EXPECT_DOUBLE_EQ(RoundScore(0.05), 0.1);
  EXPECT_DOUBLE_EQ(RoundScore(100.0), 100.0);
  EXPECT_FALSE(RoundScore(std::optional<double>()));
}

TEST(AssessmentChangesTest, ComparesItemByItem) {
  ScoreSheet before, after;
  before["safety"]["s1"].score = 1;
  before["safety"]["s2"].score = 3;
  before["food"]["f1"].score = 2;
  after["safety"]["s1"].score = 3;
  after["safety"]["s2"].score = 2;
  after["food"]["f1"].na = true;
  const AssessmentTemplate t = Fixed();
  const AssessmentChanges c = DiffAssessments(t, after, &t, &before);
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(c.items[0].item, "s1");
  EXPECT_EQ(c.items[0].previous_score, 1);
  EXPECT_EQ(c.items[0].current_score, 3);
  EXPECT_EQ(c.items[0].delta, 2);
  EXPECT_EQ(c.items[0].change, ChangeKind::kImproved);
  EXPECT_EQ(c.items[1].delta, -1);
  EXPECT_EQ(c.items[1].change, ChangeKind::kWorsened);
  EXPECT_FALSE(c.items[2].delta);
  EXPECT_TRUE(c.items[2].current_na);
  EXPECT_EQ(c.items[2].change, ChangeKind::kNotComparable);
  // safety: before (3+3)/12 = 50.0, after (9+2)/12 = 91.7; overall before 10/18 = 55.6.
  EXPECT_DOUBLE_EQ(*c.areas[0].previous, 50.0);
  EXPECT_DOUBLE_EQ(*c.areas[0].current, 91.7);
  EXPECT_DOUBLE_EQ(*c.areas[0].delta, 41.7);
  EXPECT_DOUBLE_EQ(*c.overall.previous, 55.6);
  EXPECT_DOUBLE_EQ(*c.overall.current, 91.7);
  EXPECT_DOUBLE_EQ(*c.overall.delta, 36.1);
  EXPECT_FALSE(c.areas[1].current);
  EXPECT_FALSE(c.areas[1].delta);
}

TEST(AssessmentChangesTest, MatchesItemsAcrossTemplateVersions) {
  AssessmentTemplate v1 = Fixed();
  AssessmentTemplate v2 = Fixed();
  v2.version = 2;
  v2.areas[0].items.pop_back();  // s2 removed
  v2.areas[1].items.push_back(v2.areas[1].items[0]);
  v2.areas[1].items.back().key = "f2";  // f2 added
  ScoreSheet before, after;
  before["safety"]["s1"].score = 2;
  before["safety"]["s2"].score = 0;
  after["safety"]["s1"].score = 2;
  after["food"]["f2"].score = 1;
  const AssessmentChanges c = DiffAssessments(v2, after, &v1, &before);
  ASSERT_EQ(c.items.size(), 4u);
  EXPECT_EQ(c.items[0].change, ChangeKind::kUnchanged);
  EXPECT_EQ(c.items[2].item, "f2");
  EXPECT_FALSE(c.items[2].previous_score);  // new in v2
  EXPECT_EQ(c.items[3].item, "s2");         // only in the previous version
  EXPECT_EQ(c.items[3].previous_score, 0);
  EXPECT_FALSE(c.items[3].current_score);
}

TEST(AssessmentChangesTest, WithoutPreviousEverythingPreviousIsEmpty) {
  ScoreSheet after;
  after["safety"]["s1"].score = 2;
  const AssessmentChanges c = DiffAssessments(Fixed(), after, nullptr, nullptr);
  ASSERT_EQ(c.items.size(), 3u);
  for (const ItemChange& i : c.items) {
    EXPECT_FALSE(i.previous_score);
    EXPECT_FALSE(i.delta);
  }
  EXPECT_FALSE(c.overall.previous);
  EXPECT_DOUBLE_EQ(*c.overall.current, 66.7);
}

}  // namespace
}  // namespace hw::domain
