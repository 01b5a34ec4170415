#include "service/login_throttle.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace hw::service {
namespace {

constexpr TimeMs kWindow = 15 * 60 * 1000;

TEST(LoginThrottleTest, CountsFailuresPerKey) {
  LoginThrottle t(kWindow);
  EXPECT_EQ(t.Failures("addr:1", 0), 0);
  EXPECT_EQ(t.RetryAfterMs("addr:1", 0), 0);
  EXPECT_EQ(t.RecordFailure("addr:1", 1000), 1);
  EXPECT_EQ(t.RecordFailure("addr:1", 2000), 2);
  EXPECT_EQ(t.RecordFailure("addr:2", 2000), 1);
  EXPECT_EQ(t.Failures("addr:1", 3000), 2);
  EXPECT_EQ(t.Failures("addr:2", 3000), 1);
  EXPECT_EQ(t.Failures("addr:3", 3000), 0);
}

TEST(LoginThrottleTest, WindowStartsAtTheFirstFailure) {
  LoginThrottle t(kWindow);
  t.RecordFailure("k", 1000);
  t.RecordFailure("k", 5000);
  EXPECT_EQ(t.RetryAfterMs("k", 5000), 1000 + kWindow - 5000);
  EXPECT_EQ(t.Failures("k", 1000 + kWindow - 1), 2);
  // The window has passed: the count is gone and a new failure starts a new window.
  EXPECT_EQ(t.Failures("k", 1000 + kWindow), 0);
  EXPECT_EQ(t.RetryAfterMs("k", 1000 + kWindow), 0);
  EXPECT_EQ(t.RetryAfterMs("k", 1000 + 2 * kWindow), 0);
  EXPECT_EQ(t.RecordFailure("k", 1000 + kWindow), 1);
  EXPECT_EQ(t.RetryAfterMs("k", 1000 + kWindow), kWindow);
}

TEST(LoginThrottleTest, ResetForgetsTheKey) {
  LoginThrottle t(kWindow);
  t.RecordFailure("k", 0);
  t.RecordFailure("other", 0);
  t.Reset("k");
  EXPECT_EQ(t.Failures("k", 1), 0);
  EXPECT_EQ(t.RetryAfterMs("k", 1), 0);
  EXPECT_EQ(t.Failures("other", 1), 1);
  t.Reset("never-seen");  // harmless
}

TEST(LoginThrottleTest, PrunesExpiredWindowsWhenLarge) {
  LoginThrottle t(kWindow);
  for (int i = 0; i <= 100000; ++i) t.RecordFailure("old:" + std::to_string(i), 0);
  t.RecordFailure("recent", kWindow - 1);
  // This insertion prunes every expired window but keeps the live ones.
  t.RecordFailure("new", kWindow + 10);
  EXPECT_EQ(t.Failures("recent", kWindow + 10), 1);
  EXPECT_EQ(t.Failures("new", kWindow + 10), 1);
  EXPECT_EQ(t.RetryAfterMs("old:5", kWindow + 10), 0);
}

TEST(LoginThrottleTest, ConcurrentFailuresAreAllCounted) {
  LoginThrottle t(kWindow);
  std::thread other([&] {
    for (int i = 0; i < 1000; ++i) t.RecordFailure("k", 10);
  });
  for (int i = 0; i < 1000; ++i) t.RecordFailure("k", 10);
  other.join();
  EXPECT_EQ(t.Failures("k", 10), 2000);
}

}  // namespace
}  // namespace hw::service
