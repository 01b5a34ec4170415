#include "service/shelter_occupancy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace hw::service {
namespace {

// The definition, literally: a stay counts on day d when admitted on or before d and not yet
// discharged on d (the discharge day is not counted).
bool CountsOn(const Stay& s, std::int64_t d) {
  return s.admitted <= d && (!s.discharged || d < *s.discharged);
}

TEST(Occupancy, DischargeDayIsNotCounted) {
  // Admitted day 10, discharged day 12: counted on 10 and 11 only.
  std::vector<Stay> stays{{0, 10, 12}, {1, 11, std::nullopt}, {2, 11, 11}};
  OccupancyReport r = ComputeOccupancy(stays, 9, 13);
  ASSERT_EQ(r.days.size(), 5u);
  EXPECT_EQ(r.days[0][0], 0);                           // day 9
  EXPECT_EQ(r.days[1][0], 1);                           // day 10
  EXPECT_EQ(r.days[2][0], 1);                           // day 11
  EXPECT_EQ(r.days[3][0], 0);                           // day 12: discharged
  EXPECT_EQ(r.days[4][1], 1);                           // the open stay of men
  for (const auto& day : r.days) EXPECT_EQ(day[2], 0);  // a same-day stay counts on no day
  EXPECT_EQ(r.current[1], 1);
  EXPECT_EQ(r.current[0], 0);
  EXPECT_EQ(r.completed_stays, 2);  // discharged on 12 and 11, both within [9, 13]
  EXPECT_EQ(r.completed_nights, 2);
  ASSERT_TRUE(r.average_length_of_stay);
  EXPECT_DOUBLE_EQ(*r.average_length_of_stay, 1.0);
}

TEST(Occupancy, AverageOnlyOverStaysDischargedInRange) {
  std::vector<Stay> stays{{0, 0, 10}, {0, 0, 3}, {0, 5, 30}};
  OccupancyReport r = ComputeOccupancy(stays, 4, 20);
  EXPECT_EQ(r.completed_stays, 1);
  EXPECT_DOUBLE_EQ(*r.average_length_of_stay, 10.0);
  r = ComputeOccupancy(stays, 0, 40);
  EXPECT_EQ(r.completed_stays, 3);
  EXPECT_DOUBLE_EQ(*r.average_length_of_stay, 12.7);  // (10 + 3 + 25) / 3 = 12.67
  r = ComputeOccupancy({{0, 0, std::nullopt}}, 0, 0);
  EXPECT_FALSE(r.average_length_of_stay);
}

TEST(Occupancy, MatchesBruteForceOnRandomHistories) {
  std::mt19937 rng(4242);  // fixed seed: the same histories every run
  auto uniform = [&rng](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<std::uint32_t>(hi - lo + 1));
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<Stay> stays;
    const int n = uniform(0, 60);
    for (int i = 0; i < n; ++i) {
      Stay s;
      s.population = static_cast<size_t>(uniform(0, 4));
      s.admitted = uniform(-50, 150);
      if (uniform(0, 2) > 0) s.discharged = s.admitted + uniform(0, 60);
      stays.push_back(s);
    }
    const std::int64_t from = uniform(-20, 100);
    const std::int64_t to = from + uniform(0, 80);
    OccupancyReport r = ComputeOccupancy(stays, from, to);
    ASSERT_EQ(r.days.size(), static_cast<size_t>(to - from + 1));
    for (std::int64_t d = from; d <= to; ++d) {
      PopulationCounts expected{};
      for (const Stay& s : stays) {
        if (CountsOn(s, d)) ++expected[s.population];
      }
      ASSERT_EQ(r.days[static_cast<size_t>(d - from)], expected)
          << "round " << round << " day " << d;
    }
    PopulationCounts current{};
    std::int64_t completed = 0, nights = 0;
    for (const Stay& s : stays) {
      if (!s.discharged) ++current[s.population];
      if (s.discharged && *s.discharged >= from && *s.discharged <= to) {
        ++completed;
        nights += *s.discharged - s.admitted;
      }
    }
    EXPECT_EQ(r.current, current);
    EXPECT_EQ(r.completed_stays, completed);
    if (completed == 0) {
      EXPECT_FALSE(r.average_length_of_stay);
    } else {
      double mean = static_cast<double>(nights) / static_cast<double>(completed);
      EXPECT_NEAR(*r.average_length_of_stay, mean, 0.05 + 1e-9);
    }
  }
}

TEST(Occupancy, PopulationIndexFollowsTheVocabulary) {
  EXPECT_EQ(PopulationIndex("women"), 0u);
  EXPECT_EQ(PopulationIndex("families"), 4u);
  EXPECT_FALSE(PopulationIndex("pets"));
}

}  // namespace
}  // namespace hw::service
