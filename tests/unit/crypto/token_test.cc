#include "crypto/token.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "crypto/encoding.h"

namespace hw::crypto {
namespace {

TEST(TokenTest, RandomTokenIs256BitBase64Url) {
  const std::string token = RandomToken();
  EXPECT_EQ(token.size(), 43u);
  for (char c : token) {
    EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_')
        << c;
  }
  auto raw = Base64UrlDecode(token);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->size(), 32u);
}

TEST(TokenTest, RandomTokensAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(RandomToken());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(TokenTest, HashTokenIsBlake2b256Hex) {
  // Python: hashlib.blake2b(b"abc", digest_size=32).hexdigest()
  EXPECT_EQ(HashToken("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  const std::string token = RandomToken();
  EXPECT_EQ(HashToken(token), HashToken(token));
  EXPECT_NE(HashToken(token), HashToken(RandomToken()));
  EXPECT_EQ(HashToken(token).size(), 64u);
}

TEST(TokenTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("csrf-token", "csrf-token"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", "csrf-tokeN"));
  EXPECT_FALSE(ConstantTimeEquals("csrf-token", "csrf-toke"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
  EXPECT_FALSE(ConstantTimeEquals("x", ""));
}

}  // namespace
}  // namespace hw::crypto
