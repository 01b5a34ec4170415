#include "domain/screening.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

namespace hw::domain {
namespace {

using Ids = std::vector<std::string>;

// A made-up set with three strong, three medium and three weak indicators in every dimension,
// ids "<dimension code>-<S|M|W><n>", so each test vector states its counts directly.
IndicatorSet TestSet(Population population) {
  IndicatorSet set;
  set.id = "test";
  set.source = "test";
  set.population = population;
  const std::vector<std::pair<Dimension, std::string>> codes = {
      {Dimension::kDeceptiveRecruitment, "DR"},
      {Dimension::kCoerciveRecruitment, "CR"},
      {Dimension::kRecruitmentByAbuseOfVulnerability, "VR"},
      {Dimension::kExploitativeConditions, "EX"},
      {Dimension::kCoercionAtDestination, "CD"},
      {Dimension::kAbuseOfVulnerabilityAtDestination, "VD"},
  };
  for (const auto& [dimension, code] : codes) {
    for (auto [strength, letter] :
         {std::pair{Strength::kStrong, "S"}, std::pair{Strength::kMedium, "M"},
          std::pair{Strength::kWeak, "W"}}) {
      for (int n = 1; n <= 3; ++n) {
        std::string id = code + "-" + letter + std::to_string(n);
        set.indicators.push_back({id, dimension, strength, "indicator " + id});
      }
    }
  }
  return set;
}

ScreeningResult Eval(const IndicatorSet& set, const Ids& ids) {
  auto r = EvaluateScreening(set, ids);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r.value() : ScreeningResult{};
}

bool Positive(const Ids& ids) {
  return Eval(TestSet(Population::kAdult), ids)
      .dimensions.at(Dimension::kDeceptiveRecruitment)
      .positive;
}

TEST(ScreeningRuleTest, DimensionRuleTable) {
  struct Case {
    int strong, medium, weak;
    bool positive;
  };
  for (const Case& c : std::vector<Case>{
           {2, 0, 0, true},
           {1, 1, 0, true},
           {1, 0, 1, true},
           {0, 3, 0, true},
           {0, 2, 1, true},
           {3, 3, 3, true},
           {1, 0, 0, false},
           {0, 2, 0, false},
           {0, 1, 2, false},
           {0, 0, 3, false},
           {0, 1, 1, false},
           {0, 0, 0, false},
           {0, 1, 9, false},
           {0, 0, 9, false},
           {0, 2, 0, false},
       }) {
    EXPECT_EQ(IsDimensionPositive(c.strong, c.medium, c.weak), c.positive)
        << c.strong << " strong, " << c.medium << " medium, " << c.weak << " weak";
  }
}

TEST(ScreeningRuleTest, EachPositivePatternThroughEvaluate) {
  EXPECT_TRUE(Positive({"DR-S1", "DR-S2"}));           // 2 strong
  EXPECT_TRUE(Positive({"DR-S1", "DR-M1"}));           // 1 strong + 1 medium
  EXPECT_TRUE(Positive({"DR-S1", "DR-W1"}));           // 1 strong + 1 weak
  EXPECT_TRUE(Positive({"DR-M1", "DR-M2", "DR-M3"}));  // 3 medium
  EXPECT_TRUE(Positive({"DR-M1", "DR-M2", "DR-W1"}));  // 2 medium + 1 weak
}

TEST(ScreeningRuleTest, NearMissesAreNotPositive) {
  EXPECT_FALSE(Positive({"DR-S1"}));                    // 1 strong alone
  EXPECT_FALSE(Positive({"DR-M1", "DR-M2"}));           // 2 medium alone
  EXPECT_FALSE(Positive({"DR-M1", "DR-W1", "DR-W2"}));  // 1 medium + 2 weak
  EXPECT_FALSE(Positive({"DR-W1", "DR-W2", "DR-W3"}));  // 3 weak
  EXPECT_FALSE(Positive({}));
  // Indicators of other dimensions do not count towards this one.
  EXPECT_FALSE(Positive({"DR-S1", "CR-M1", "EX-M1"}));
}

TEST(ScreeningRuleTest, RepeatedIdsCountOnce) {
  auto r = Eval(TestSet(Population::kAdult), {"DR-S1", "DR-S1", "DR-M1", "DR-M1", "DR-M1"});
  const DimensionResult& dr = r.dimensions.at(Dimension::kDeceptiveRecruitment);
  EXPECT_EQ(dr.strong, 1);
  EXPECT_EQ(dr.medium, 1);
  EXPECT_EQ(dr.indicator_ids, (Ids{"DR-S1", "DR-M1"}));
  EXPECT_TRUE(dr.positive);
  EXPECT_FALSE(Positive({"DR-S1", "DR-S1"}));  // still only 1 strong
  EXPECT_FALSE(Positive({"DR-M1", "DR-M1", "DR-M1"}));
}

TEST(ScreeningRuleTest, ResultCarriesCountsAndDrivingIdsInSetOrder) {
  auto r = Eval(TestSet(Population::kAdult), {"EX-W2", "EX-M1", "EX-S3"});
  ASSERT_EQ(r.dimensions.size(), 6u);
  const DimensionResult& ex = r.dimensions.at(Dimension::kExploitativeConditions);
  EXPECT_EQ(ex.strong, 1);
  EXPECT_EQ(ex.medium, 1);
  EXPECT_EQ(ex.weak, 1);
  EXPECT_TRUE(ex.positive);
  EXPECT_EQ(ex.indicator_ids, (Ids{"EX-S3", "EX-M1", "EX-W2"}));
  const DimensionResult& cd = r.dimensions.at(Dimension::kCoercionAtDestination);
  EXPECT_EQ(cd.strong + cd.medium + cd.weak, 0);
  EXPECT_TRUE(cd.indicator_ids.empty());
}

const Ids kRecruitment[] = {{"DR-S1", "DR-S2"}, {"CR-S1", "CR-M1"}, {"VR-M1", "VR-M2", "VR-W1"}};
const Ids kExploitation = {"EX-S1", "EX-W1"};
const Ids kCoercion = {"CD-M1", "CD-M2", "CD-M3"};

Ids Join(std::initializer_list<Ids> parts) {
  Ids out;
  for (const Ids& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(ScreeningRuleTest, AdultNeedsRecruitmentExploitationAndCoercion) {
  const IndicatorSet adult = TestSet(Population::kAdult);
  for (const Ids& recruitment : kRecruitment) {  // any one of the three recruitment dimensions
    EXPECT_TRUE(Eval(adult, Join({recruitment, kExploitation, kCoercion})).suggested_victim)
        << recruitment[0];
    EXPECT_FALSE(Eval(adult, Join({recruitment, kExploitation})).suggested_victim);
    EXPECT_FALSE(Eval(adult, Join({recruitment, kCoercion})).suggested_victim);
  }
  // Exploitation and coercion without a positive recruitment dimension: no suggestion, even with
  // abuse of vulnerability at destination positive and a near-miss in recruitment.
  EXPECT_FALSE(
      Eval(adult, Join({kExploitation, kCoercion, {"VD-S1", "VD-S2", "DR-S1"}})).suggested_victim);
  EXPECT_FALSE(Eval(adult, {}).suggested_victim);
}

TEST(ScreeningRuleTest, ChildNeedsOnlyRecruitmentAndExploitation) {
  const IndicatorSet child = TestSet(Population::kChild);
  for (const Ids& recruitment : kRecruitment) {
    EXPECT_TRUE(Eval(child, Join({recruitment, kExploitation})).suggested_victim);
    EXPECT_TRUE(Eval(child, Join({recruitment, kExploitation, kCoercion})).suggested_victim);
    EXPECT_FALSE(Eval(child, Join({recruitment, kCoercion})).suggested_victim);
  }
  EXPECT_FALSE(Eval(child, Join({kExploitation, kCoercion})).suggested_victim);
  // The same observations suggest a child but not an adult.
  Ids ids = Join({kRecruitment[0], kExploitation});
  EXPECT_TRUE(Eval(child, ids).suggested_victim);
  EXPECT_FALSE(Eval(TestSet(Population::kAdult), ids).suggested_victim);
}

TEST(ScreeningRuleTest, ExplanationNamesEachDimensionAndTheRule) {
  auto yes = Eval(TestSet(Population::kAdult), Join({kRecruitment[1], kExploitation, kCoercion}));
  ASSERT_EQ(yes.explanation.size(), 8u);
  EXPECT_EQ(yes.explanation[0], "Deceptive recruitment: not positive (0 strong, 0 medium, 0 weak)");
  EXPECT_EQ(yes.explanation[1],
            "Coercive recruitment: positive (1 strong, 1 medium, 0 weak: "
            "CR-S1, CR-M1)");
  EXPECT_NE(yes.explanation[6].find("Adult rule"), std::string::npos);
  EXPECT_NE(yes.explanation[6].find("met (coercive recruitment, exploitative conditions and "
                                    "coercion at destination)"),
            std::string::npos)
      << yes.explanation[6];
  EXPECT_NE(yes.explanation[7].find("caseworker decides"), std::string::npos);

  auto no = Eval(TestSet(Population::kAdult), kExploitation);
  EXPECT_NE(no.explanation[6].find("not met (lacking a positive recruitment dimension and "
                                   "positive coercion at destination)"),
            std::string::npos)
      << no.explanation[6];
  auto child = Eval(TestSet(Population::kChild), {});
  EXPECT_NE(child.explanation[6].find("Child rule"), std::string::npos);
}

TEST(ScreeningRuleTest, UnknownIndicatorIsRejected) {
  auto r = EvaluateScreening(TestSet(Population::kAdult), {"DR-S1", "XX-S9"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(r.status().fields().count("indicators"), 1u);
  EXPECT_EQ(r.status().fields().at("indicators"), "unknown indicator 'XX-S9'");
  // An id of another set is unknown too.
  auto other = EvaluateScreening(DefaultIndicatorSet(Population::kAdult, ExploitationKind::kLabour),
                                 {"CS-DR-S1"});
  EXPECT_FALSE(other.ok());
}

TEST(DefaultIndicatorSetsTest, FourSetsCoverEveryPopulationAndKind) {
  const auto& sets = DefaultIndicatorSets();
  ASSERT_EQ(sets.size(), 4u);
  std::set<std::string> ids;
  std::set<std::pair<Population, ExploitationKind>> combos;
  for (const auto& s : sets) {
    ids.insert(s.id);
    combos.insert({s.population, s.kind});
    EXPECT_EQ(s.version, 1);
    EXPECT_NE(s.source.find("Operational indicators of trafficking in human beings"),
              std::string::npos);
    EXPECT_NE(s.source.find("September 2009"), std::string::npos);
    EXPECT_TRUE(ValidateIndicatorSet(s).ok()) << s.id << ": " << ValidateIndicatorSet(s).ToString();
    EXPECT_EQ(&DefaultIndicatorSet(s.population, s.kind), &s);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"ilo-ec-2009-adult-labour", "ilo-ec-2009-adult-sexual",
                                        "ilo-ec-2009-child-labour", "ilo-ec-2009-child-sexual"}));
  EXPECT_EQ(combos.size(), 4u);
}

TEST(DefaultIndicatorSetsTest, IdsAreUniqueAndFollowTheScheme) {
  const std::regex scheme("(AL|AS|CL|CS)-(DR|CR|VR|EX|CD|VD)-[SMW][1-9][0-9]?");
  const std::map<Dimension, std::string> code = {
      {Dimension::kDeceptiveRecruitment, "DR"},
      {Dimension::kCoerciveRecruitment, "CR"},
      {Dimension::kRecruitmentByAbuseOfVulnerability, "VR"},
      {Dimension::kExploitativeConditions, "EX"},
      {Dimension::kCoercionAtDestination, "CD"},
      {Dimension::kAbuseOfVulnerabilityAtDestination, "VD"},
  };
  std::set<std::string> all;
  for (const auto& s : DefaultIndicatorSets()) {
    for (const auto& i : s.indicators) {
      EXPECT_TRUE(all.insert(i.id).second) << i.id;  // unique across all four sets
      EXPECT_TRUE(std::regex_match(i.id, scheme)) << i.id;
      EXPECT_EQ(i.id.substr(3, 2), code.at(i.dimension)) << i.id;
      EXPECT_EQ(i.id[6], StrengthName(i.strength)[0] - 'a' + 'A') << i.id;
      EXPECT_FALSE(i.text.empty()) << i.id;
    }
  }
  // Ids are stable: stored screenings refer to them.
  const auto& al = DefaultIndicatorSet(Population::kAdult, ExploitationKind::kLabour);
  EXPECT_EQ(al.indicators.front().id, "AL-DR-S1");
  EXPECT_EQ(al.indicators.front().text,
            "Deceived about the nature of the job, the location or the employer");
}

TEST(DefaultIndicatorSetsTest, EveryDimensionIsCoveredWithStrongIndicatorsWherePublished) {
  for (const auto& s : DefaultIndicatorSets()) {
    std::map<Dimension, std::map<Strength, int>> counts;
    for (const auto& i : s.indicators) ++counts[i.dimension][i.strength];
    ASSERT_EQ(counts.size(), 6u) << s.id;
    // The published lists have strong indicators for deception, coercion and exploitation, and
    // none for the two abuse-of-vulnerability dimensions.
    for (Dimension d : {Dimension::kDeceptiveRecruitment, Dimension::kCoerciveRecruitment,
                        Dimension::kExploitativeConditions, Dimension::kCoercionAtDestination}) {
      EXPECT_GE(counts[d][Strength::kStrong], 1) << s.id << " " << DimensionName(d);
    }
    for (Dimension d : {Dimension::kRecruitmentByAbuseOfVulnerability,
                        Dimension::kAbuseOfVulnerabilityAtDestination}) {
      EXPECT_EQ(counts[d][Strength::kStrong], 0) << s.id << " " << DimensionName(d);
      EXPECT_GE(counts[d][Strength::kMedium], 3) << s.id << " " << DimensionName(d);
    }
    if (s.population == Population::kChild) {  // the children's lists have no weak indicators
      for (auto& [d, by_strength] : counts) EXPECT_EQ(by_strength[Strength::kWeak], 0) << s.id;
    }
  }
}

TEST(DefaultIndicatorSetsTest, PublishedVectorsOnTheAdultLabourList) {
  const auto& al = DefaultIndicatorSet(Population::kAdult, ExploitationKind::kLabour);
  // Deceived about the job and the wages; excessive hours and low pay; documents confiscated and
  // debt bondage.
  Ids ids = {"AL-DR-S1", "AL-DR-M7", "AL-EX-S1", "AL-EX-M3", "AL-CD-S1", "AL-CD-S2"};
  auto r = EvaluateScreening(al, ids);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->suggested_victim);
  ids.pop_back();
  ids.pop_back();
  ids.push_back("AL-CD-W1");  // only a threat to inform family: coercion at destination not met
  r = EvaluateScreening(al, ids);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->suggested_victim);
  EXPECT_FALSE(r->dimensions.at(Dimension::kCoercionAtDestination).positive);
}

TEST(ValidateIndicatorSetTest, NamesEachProblem) {
  IndicatorSet bad = TestSet(Population::kAdult);
  bad.id.clear();
  bad.version = 0;
  bad.source.clear();
  bad.indicators.push_back(bad.indicators.front());
  Status s = ValidateIndicatorSet(bad);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.fields().size(), 4u);
  EXPECT_EQ(s.fields().at("indicators"), "indicator id 'DR-S1' repeated");

  IndicatorSet missing = TestSet(Population::kChild);
  std::erase_if(missing.indicators, [](const Indicator& i) {
    return i.dimension == Dimension::kCoercionAtDestination;
  });
  EXPECT_EQ(ValidateIndicatorSet(missing).fields().at("indicators"),
            "every dimension needs an indicator; none for coercion_at_destination");

  IndicatorSet blank = TestSet(Population::kChild);
  blank.indicators[4].text.clear();
  EXPECT_EQ(ValidateIndicatorSet(blank).fields().at("indicators"),
            "every indicator needs an id and a text");
  EXPECT_TRUE(ValidateIndicatorSet(TestSet(Population::kChild)).ok());
}

TEST(ScreeningNamesTest, WireNamesRoundTrip) {
  std::set<std::string_view> names;
  for (Dimension d : kAllDimensions) {
    names.insert(DimensionName(d));
    EXPECT_EQ(ParseDimension(DimensionName(d)), d);
    EXPECT_FALSE(DimensionLabel(d).empty());
  }
  EXPECT_EQ(names.size(), 6u);
  for (Strength s : {Strength::kStrong, Strength::kMedium, Strength::kWeak}) {
    EXPECT_EQ(ParseStrength(StrengthName(s)), s);
  }
  EXPECT_EQ(StrengthName(Strength::kMedium), "medium");
  EXPECT_EQ(ParsePopulation(PopulationName(Population::kChild)), Population::kChild);
  EXPECT_EQ(ParsePopulation("adult"), Population::kAdult);
  EXPECT_EQ(ParseExploitationKind(ExploitationKindName(ExploitationKind::kSexual)),
            ExploitationKind::kSexual);
  EXPECT_EQ(ParseExploitationKind("labour"), ExploitationKind::kLabour);
  EXPECT_FALSE(ParseDimension("Deceptive recruitment").has_value());
  EXPECT_FALSE(ParseStrength("STRONG").has_value());
  EXPECT_FALSE(ParsePopulation("").has_value());
  EXPECT_FALSE(ParseExploitationKind("labor").has_value());
}

}  // namespace
}  // namespace hw::domain
