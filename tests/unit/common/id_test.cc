#include "common/id.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <thread>

namespace hw {
namespace {

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The 48-bit big-endian Unix millisecond timestamp at the front of a UUIDv7.
std::int64_t TimestampOf(const std::string& id) {
  std::string hex = id.substr(0, 8) + id.substr(9, 4);
  return static_cast<std::int64_t>(std::stoull(hex, nullptr, 16));
}

TEST(IdTest, NewIdIsCanonicalUuidV7) {
  for (int i = 0; i < 200; ++i) {
    std::string id = NewId();
    ASSERT_EQ(id.size(), 36u) << id;
    EXPECT_EQ(id[8], '-');
    EXPECT_EQ(id[13], '-');
    EXPECT_EQ(id[18], '-');
    EXPECT_EQ(id[23], '-');
    EXPECT_EQ(id[14], '7') << "version nibble: " << id;
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << "variant: " << id;
    for (char c : id) {
      EXPECT_TRUE(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
    }
    EXPECT_TRUE(IsValidId(id)) << id;
  }
}

TEST(IdTest, NewIdEmbedsTheCurrentTime) {
  std::int64_t before = NowMs();
  std::string id = NewId();
  std::int64_t after = NowMs();
  std::int64_t ts = TimestampOf(id);
  EXPECT_GE(ts, before);
  EXPECT_LE(ts, after);
}

TEST(IdTest, NewIdsAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    EXPECT_TRUE(seen.insert(NewId()).second);
  }
}

TEST(IdTest, LaterIdsSortAfterEarlierOnes) {
  std::string previous = NewId();
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::string next = NewId();
    EXPECT_LT(previous, next);
    EXPECT_LT(TimestampOf(previous), TimestampOf(next));
    previous = next;
  }
}

TEST(IdTest, NewIdIsThreadSafe) {
  std::set<std::string> a, b;
  std::thread t([&] {
    for (int i = 0; i < 2000; ++i) a.insert(NewId());
  });
  for (int i = 0; i < 2000; ++i) b.insert(NewId());
  t.join();
  EXPECT_EQ(a.size(), 2000u);
  EXPECT_EQ(b.size(), 2000u);
  for (const auto& id : a) EXPECT_EQ(b.count(id), 0u);
}

TEST(IdTest, IsValidIdAcceptsCanonicalUuidsOfAnyVersion) {
  EXPECT_TRUE(IsValidId("00000000-0000-0000-0000-000000000000"));
  EXPECT_TRUE(IsValidId("0190b6d4-2f7c-7abc-8def-0123456789ab"));
  EXPECT_TRUE(IsValidId("123e4567-e89b-42d3-a456-426614174000"));  // v4
}

TEST(IdTest, IsValidIdRejectsEverythingElse) {
  EXPECT_FALSE(IsValidId(""));
  EXPECT_FALSE(IsValidId("0190b6d4-2f7c-7abc-8def-0123456789a"));    // short
  EXPECT_FALSE(IsValidId("0190b6d4-2f7c-7abc-8def-0123456789abc"));  // long
  EXPECT_FALSE(IsValidId("0190B6D4-2F7C-7ABC-8DEF-0123456789AB"));   // upper case
  EXPECT_FALSE(IsValidId("0190b6d42f7c-7abc-8def-0123456789ab-"));   // dash misplaced
  EXPECT_FALSE(IsValidId("0190b6d4-2f7c-7abc-8def_0123456789ab"));   // wrong separator
  EXPECT_FALSE(IsValidId("0190b6d4-2f7c-7abc-8def-0123456789ag"));   // not hex
  EXPECT_FALSE(IsValidId("{190b6d4-2f7c-7abc-8def-0123456789ab"));
  EXPECT_FALSE(IsValidId("0190b6d4 2f7c 7abc 8def 0123456789ab"));
  EXPECT_FALSE(IsValidId("' OR 1=1 --------------------------"));
  EXPECT_FALSE(IsValidId(std::string("0190b6d4-2f7c-7abc-8def-0123456789a\0", 36)));
}

}  // namespace
}  // namespace hw
