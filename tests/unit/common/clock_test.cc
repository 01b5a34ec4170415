#include "common/clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace hw {
namespace {

TEST(ClockTest, SystemClockIsWallTimeInMilliseconds) {
  SystemClock clock;
  auto expected = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  TimeMs now = clock.NowMs();
  EXPECT_NEAR(static_cast<double>(now), static_cast<double>(expected), 1000.0);
  EXPECT_GT(now, 1'600'000'000'000);  // after 2020: milliseconds, not seconds
}

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(1'000);
  EXPECT_EQ(clock.NowMs(), 1'000);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(clock.NowMs(), 1'000);
  clock.Advance(15 * 60 * 1000);
  EXPECT_EQ(clock.NowMs(), 1'000 + 900'000);
  clock.Advance(0);
  EXPECT_EQ(clock.NowMs(), 901'000);
}

TEST(ClockTest, ManualClockWorksThroughTheInterface) {
  ManualClock manual(5);
  const Clock& clock = manual;
  manual.Advance(5);
  EXPECT_EQ(clock.NowMs(), 10);
}

TEST(ClockTest, ManualClockIsSafeToAdvanceConcurrently) {
  ManualClock clock(0);
  std::thread t([&] {
    for (int i = 0; i < 10000; ++i) clock.Advance(1);
  });
  for (int i = 0; i < 10000; ++i) clock.Advance(1);
  t.join();
  EXPECT_EQ(clock.NowMs(), 20000);
}

TEST(FormatTimestampTest, Rfc3339UtcWithMilliseconds) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTimestamp(1), "1970-01-01T00:00:00.001Z");
  EXPECT_EQ(FormatTimestamp(999), "1970-01-01T00:00:00.999Z");
  EXPECT_EQ(FormatTimestamp(1'000), "1970-01-01T00:00:01.000Z");
  EXPECT_EQ(FormatTimestamp(1'234'567'890'123), "2009-02-13T23:31:30.123Z");
  EXPECT_EQ(FormatTimestamp(1'795'864'427'123), "2026-11-28T11:13:47.123Z");
}

TEST(FormatTimestampTest, LeapDayAndYearEnd) {
  EXPECT_EQ(FormatTimestamp(951'782'400'000), "2000-02-29T00:00:00.000Z");
  EXPECT_EQ(FormatTimestamp(1'704'067'199'999), "2023-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatTimestamp(1'704'067'200'000), "2024-01-01T00:00:00.000Z");
}

TEST(FormatTimestampTest, BeforeTheEpochAndCenturyRules) {
  EXPECT_EQ(FormatTimestamp(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatTimestamp(-2'208'988'800'000), "1900-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTimestamp(4'107'542'400'000), "2100-03-01T00:00:00.000Z");  // 2100: no Feb 29
  EXPECT_EQ(FormatTimestamp(253'402'300'799'999), "9999-12-31T23:59:59.999Z");
}

TEST(FormatTimestampTest, FixedWidthAndLexicographicallyOrdered) {
  std::string a = FormatTimestamp(1'704'067'199'999);
  std::string b = FormatTimestamp(1'704'067'200'000);
  EXPECT_EQ(a.size(), 24u);
  EXPECT_EQ(b.size(), 24u);
  EXPECT_LT(a, b);
}

}  // namespace
}  // namespace hw
