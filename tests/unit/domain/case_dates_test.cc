#include <gtest/gtest.h>

#include "domain/case.h"

namespace hw::domain {
namespace {

constexpr TimeMs kHourMs = 3600LL * 1000;

// 2026-11-28T00:00:00Z
constexpr TimeMs kMidnightUtc = 1795824000LL * 1000;

TEST(CaseDatesTest, TodayIsTheUtcDate) {
  EXPECT_EQ(TodayIso(kMidnightUtc), "2026-11-28");
  EXPECT_EQ(TodayIso(kMidnightUtc - 1), "2026-11-27");
}

TEST(CaseDatesTest, LatestTodayIsTheDateAtUtcPlus14) {
  // Kuala Lumpur (UTC+8) reaches the 29th at 16:00 UTC; Kiribati (UTC+14) at 10:00 UTC.
  EXPECT_EQ(LatestTodayIso(kMidnightUtc + 9 * kHourMs), "2026-11-28");
  EXPECT_EQ(LatestTodayIso(kMidnightUtc + 10 * kHourMs), "2026-11-29");
  EXPECT_EQ(LatestTodayIso(kMidnightUtc + 23 * kHourMs), "2026-11-29");
}

TEST(CaseDatesTest, ADateOfTheLocalTodayEastOfUtcIsNotInTheFuture) {
  // 17:00 UTC on the 28th is 01:00 on the 29th in Kuala Lumpur.
  const TimeMs now = kMidnightUtc + 17 * kHourMs;
  FieldMap fields{{"prs_Birthdate", std::string("2026-11-29")}};
  EXPECT_TRUE(ValidateCaseFields(fields, nullptr, LatestTodayIso(now)).ok());
  FieldMap later{{"prs_Birthdate", std::string("2026-11-30")}};
  EXPECT_FALSE(ValidateCaseFields(later, nullptr, LatestTodayIso(now)).ok());
}

}  // namespace
}  // namespace hw::domain
