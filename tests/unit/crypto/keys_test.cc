#include "crypto/keys.h"

#include <gtest/gtest.h>

#include <string>

namespace hw::crypto {
namespace {

TEST(Key32Test, DefaultIsAllZero) {
  Key32 key;
  for (std::size_t i = 0; i < Key32::kSize; ++i) EXPECT_EQ(key.data()[i], 0);
  EXPECT_EQ(Key32::size(), 32u);
}

TEST(Key32Test, RandomKeysDiffer) {
  EXPECT_FALSE(Key32::Random() == Key32::Random());
  EXPECT_FALSE(Key32::Random() == Key32());
}

TEST(Key32Test, FromBytesNeedsExactly32Bytes) {
  const std::string raw(32, 'k');
  auto key = Key32::FromBytes(raw);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->data()[0], 'k');
  EXPECT_EQ(Key32::FromBytes(std::string(31, 'k')).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Key32::FromBytes(std::string(33, 'k')).status().code(), StatusCode::kInvalidArgument);
}

TEST(Key32Test, HexRoundTrip) {
  const Key32 key = Key32::Random();
  const SecretBytes hex = key.ToHex();
  ASSERT_EQ(hex.size(), 64u);
  auto back = Key32::FromHex(std::string_view(reinterpret_cast<const char*>(hex.data()), 64));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(*back == key);
}

TEST(Key32Test, FromHexRejectsBadInputWithoutEchoingIt) {
  const std::string secretish = std::string(62, 'a') + "zz";
  auto bad = Key32::FromHex(secretish);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message().find("aaaa"), std::string::npos);
  EXPECT_FALSE(Key32::FromHex(std::string(63, 'a')).ok());
  EXPECT_FALSE(Key32::FromHex(std::string(66, 'a')).ok());
  EXPECT_FALSE(Key32::FromHex("").ok());
}

TEST(Key32Test, CopiesAreEqualAndIndependent) {
  const Key32 a = Key32::Random();
  Key32 b = a;
  EXPECT_TRUE(a == b);
  b.data()[0] ^= 1;
  EXPECT_FALSE(a == b);
  b = a;
  EXPECT_TRUE(a == b);
}

TEST(SecretBytesTest, BehavesLikeAVectorAcrossReallocations) {
  SecretBytes bytes;
  for (int i = 0; i < 1000; ++i) bytes.push_back(static_cast<unsigned char>(i));
  ASSERT_EQ(bytes.size(), 1000u);
  EXPECT_EQ(bytes[999], static_cast<unsigned char>(999 % 256));
  SecretBytes copy = bytes;
  EXPECT_EQ(copy, bytes);
}

TEST(SecretBytesTest, SecureZeroWipes) {
  unsigned char buf[16];
  for (auto& b : buf) b = 0xAB;
  SecureZero(buf, sizeof buf);
  for (auto b : buf) EXPECT_EQ(b, 0);
  SecureZero(nullptr, 0);  // harmless
}

}  // namespace
}  // namespace hw::crypto
