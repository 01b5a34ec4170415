#include "crypto/encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace hw::crypto {
namespace {

using namespace std::string_literals;

TEST(EncodingTest, HexRoundTripsAnyBytes) {
  const std::string bytes = "\x00\x01\x7f\x80\xfe\xff"s;
  EXPECT_EQ(ToHex(bytes), "00017f80feff");
  auto back = FromHex("00017F80FEFF");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, bytes);
  EXPECT_EQ(ToHex(""), "");
  EXPECT_EQ(*FromHex(""), "");
}

TEST(EncodingTest, FromHexRejectsOddLengthAndNonHex) {
  EXPECT_EQ(FromHex("abc").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FromHex("zz").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FromHex("0g").status().code(), StatusCode::kInvalidArgument);
}

TEST(EncodingTest, Base64UrlIsUnpaddedAndUrlSafe) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff\xbf"), "-_-_");
  auto back = Base64UrlDecode("-_-_");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "\xfb\xff\xbf");
  EXPECT_EQ(*Base64UrlDecode("Zm9vYmFy"), "foobar");
}

TEST(EncodingTest, Base64UrlDecodeRejectsOtherAlphabetsAndPadding) {
  EXPECT_FALSE(Base64UrlDecode("+/+/").ok());
  EXPECT_FALSE(Base64UrlDecode("Zg==").ok());
  EXPECT_FALSE(Base64UrlDecode("Z").ok());
  EXPECT_FALSE(Base64UrlDecode("Zm9v YmFy").ok());
}

}  // namespace
}  // namespace hw::crypto
