#include "crypto/password.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

namespace hw::crypto {
namespace {

class PasswordTest : public ::testing::Test {
 protected:
  void SetUp() override { SetPasswordCostForTests(MinimumPasswordCost()); }
  void TearDown() override { SetPasswordCostForTests(DefaultPasswordCost()); }
};

TEST_F(PasswordTest, HashAndVerify) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("correct"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword(*hash, "Correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST_F(PasswordTest, SaltsDiffer) {
  auto a = HashPassword("same password here");
  auto b = HashPassword("same password here");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword(*b, "same password here"));
}

TEST_F(PasswordTest, MalformedHashesNeverVerify) {
  EXPECT_FALSE(VerifyPassword("", "anything at all"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "anything at all"));
  EXPECT_FALSE(VerifyPassword(std::string(500, '$'), "anything at all"));
}

TEST_F(PasswordTest, UnicodePasswordsAreNormalised) {
  const std::string composed = "pässwörd-ünïcode";  // U+00E4 ...
  const std::string decomposed =
      "pa\xCC\x88sswo\xCC\x88rd-u\xCC\x88ni\xCC\x88"
      "code";
  auto hash = HashPassword(composed);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(VerifyPassword(*hash, decomposed));
  EXPECT_FALSE(VerifyPassword(*hash, "passwordunicode"));
}

TEST_F(PasswordTest, InvalidUtf8IsHashedAsBytes) {
  const std::string bytes = "\xff\xfe not utf8 \xc3";
  auto hash = HashPassword(bytes);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(VerifyPassword(*hash, bytes));
  EXPECT_FALSE(VerifyPassword(*hash, "\xff\xfe not utf8 "));
}

TEST_F(PasswordTest, ExplicitCostIsRecordedAndRehashIsDetected) {
  auto light = HashPassword("a long enough password", MinimumPasswordCost());
  ASSERT_TRUE(light.ok());
  EXPECT_FALSE(PasswordNeedsRehash(*light));
  SetPasswordCostForTests(DefaultPasswordCost());
  EXPECT_TRUE(PasswordNeedsRehash(*light));
  EXPECT_TRUE(PasswordNeedsRehash("not a hash"));
  EXPECT_TRUE(PasswordNeedsRehash(std::string(300, 'x')));
}

TEST_F(PasswordTest, BadCostIsAnError) {
  auto hash = HashPassword("a long enough password", PasswordCost{0, 0});
  ASSERT_FALSE(hash.ok());
  EXPECT_EQ(hash.status().code(), StatusCode::kInternal);
}

TEST_F(PasswordTest, CurrentCostIsSettable) {
  EXPECT_EQ(CurrentPasswordCost().mem_limit, MinimumPasswordCost().mem_limit);
  SetPasswordCostForTests(DefaultPasswordCost());
  EXPECT_EQ(CurrentPasswordCost().ops_limit, DefaultPasswordCost().ops_limit);
  EXPECT_EQ(DefaultPasswordCost().mem_limit, 64u * 1024 * 1024);
}

TEST(PasswordDefaultCostTest, ProductionCostHashVerifies) {
  auto hash = HashPassword("correct horse battery staple", DefaultPasswordCost());
  ASSERT_TRUE(hash.ok());
  EXPECT_NE(hash->find("m=65536"), std::string::npos) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
}

TEST(PasswordPolicyTest, LengthInCharactersNotBytes) {
  EXPECT_TRUE(CheckPasswordPolicy("twelve chars").ok());
  EXPECT_TRUE(CheckPasswordPolicy(std::string(256, 'a')).ok());
  // 12 Cyrillic letters are 24 bytes but 12 characters.
  EXPECT_TRUE(CheckPasswordPolicy("абвгдежзийкл").ok());
  // 11 two-byte characters: 22 bytes but too short.
  EXPECT_FALSE(CheckPasswordPolicy("абвгдежзийк").ok());
  // 256 two-byte characters are 512 bytes but allowed.
  std::string long_cyrillic;
  for (int i = 0; i < 256; ++i) long_cyrillic += "ж";
  EXPECT_TRUE(CheckPasswordPolicy(long_cyrillic).ok());
}

TEST(PasswordPolicyTest, TooShortTooLongAndInvalid) {
  for (const std::string& bad : {std::string(), std::string("elevenchars"), std::string(257, 'a'),
                                 std::string("\xff") + std::string(20, 'a')}) {
    Status status = CheckPasswordPolicy(bad);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    ASSERT_EQ(status.fields().count("password"), 1u);
  }
  EXPECT_EQ(CheckPasswordPolicy("short").fields().at("password"),
            "must be at least 12 characters long");
  EXPECT_EQ(CheckPasswordPolicy(std::string(257, 'a')).fields().at("password"),
            "must be at most 256 characters long");
}

// Timing equalisation: an unknown-user login must cost about as much as a real verify. Minimums
// over several runs keep this stable on a loaded machine.
TEST(BurnPasswordVerifyTimeTest, TakesAsLongAsARealVerify) {
  const PasswordCost cost{2, 8u * 1024 * 1024};
  SetPasswordCostForTests(cost);
  auto hash = HashPassword("a real user's password", cost);
  ASSERT_TRUE(hash.ok());
  BurnPasswordVerifyTime();  // first call builds the dummy hash
  using Clock = std::chrono::steady_clock;
  auto min_duration = [](auto&& fn) {
    auto best = Clock::duration::max();
    for (int i = 0; i < 5; ++i) {
      const auto start = Clock::now();
      fn();
      best = std::min(best, Clock::now() - start);
    }
    return best;
  };
  const auto verify = min_duration([&] { (void)VerifyPassword(*hash, "wrong password guess"); });
  const auto burn = min_duration([] { BurnPasswordVerifyTime(); });
  // Same order of magnitude as a real verify (a shortcut would be ~0); loose bounds because a
  // loaded machine (sanitizer builds in parallel) makes single timings noisy.
  EXPECT_GT(burn.count(), verify.count() / 5);
  EXPECT_LT(burn.count(), verify.count() * 5);
  SetPasswordCostForTests(DefaultPasswordCost());
}

}  // namespace
}  // namespace hw::crypto
