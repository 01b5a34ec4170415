#include "crypto/totp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace hw::crypto {
namespace {

struct Rfc6238Vector {
  int64_t time;
  const char* sha1;
  const char* sha256;
  const char* sha512;
};

// RFC 6238 Appendix B.
constexpr Rfc6238Vector kVectors[] = {
    {59, "94287082", "46119246", "90693936"},
    {1111111109, "07081804", "68084774", "25091201"},
    {1111111111, "14050471", "67062674", "99943326"},
    {1234567890, "89005924", "91819424", "93441116"},
    {2000000000, "69279037", "90698825", "38618901"},
    {20000000000, "65353130", "77737706", "47863826"},
};
constexpr char kSeed20[] = "12345678901234567890";
constexpr char kSeed32[] = "12345678901234567890123456789012";
constexpr char kSeed64[] = "1234567890123456789012345678901234567890123456789012345678901234";

TEST(TotpTest, Rfc6238AppendixBVectors) {
  for (const auto& v : kVectors) {
    EXPECT_EQ(*TotpCode(kSeed20, v.time, 8, TotpAlgorithm::kSha1), v.sha1) << v.time;
    EXPECT_EQ(*TotpCode(kSeed32, v.time, 8, TotpAlgorithm::kSha256), v.sha256) << v.time;
    EXPECT_EQ(*TotpCode(kSeed64, v.time, 8, TotpAlgorithm::kSha512), v.sha512) << v.time;
  }
}

TEST(TotpTest, SixDigitCodesAreTheLastSixDigits) {
  EXPECT_EQ(*TotpCode(kSeed20, 59), "287082");
  EXPECT_EQ(*TotpCode(kSeed20, 1111111109), "081804");  // keeps the leading zero
  EXPECT_EQ(*TotpCode(kSeed20, 59, 7), "4287082");
}

TEST(TotpTest, TotpCodeRejectsBadArguments) {
  EXPECT_EQ(TotpCode(kSeed20, 59, 5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TotpCode(kSeed20, 59, 9).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TotpCode("", 59).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TotpCode(kSeed20, -1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(InitTotp().ok());
}

TEST(Base32Test, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "MY"},
      {"fo", "MZXQ"},
      {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(Base32Encode(plain), encoded);
    auto decoded = Base32Decode(encoded);
    ASSERT_TRUE(decoded.ok()) << encoded;
    EXPECT_EQ(*decoded, plain);
  }
}

TEST(Base32Test, DecodeIsLenientAboutCaseSpacesAndPadding) {
  EXPECT_EQ(*Base32Decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(*Base32Decode("MZXW 6YTB OI"), "foobar");
  EXPECT_EQ(*Base32Decode("MZXW6YTBOI======"), "foobar");
  EXPECT_EQ(*Base32Decode("MY======"), "f");
}

TEST(Base32Test, DecodeRejectsInvalidInput) {
  for (const char* bad : {"MZXW1", "MZXW6YTB0I", "M", "MZX", "MZXW6Y", "MZ", "MY=A", "MZ-XW"}) {
    auto decoded = Base32Decode(bad);
    EXPECT_FALSE(decoded.ok()) << bad;
    if (!decoded.ok()) {
      EXPECT_EQ(decoded.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(TotpSecretTest, NewSecretIs160BitsOfBase32) {
  const std::string secret = NewTotpSecretBase32();
  EXPECT_EQ(secret.size(), 32u);
  auto bytes = Base32Decode(secret);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->size(), 20u);
  EXPECT_NE(NewTotpSecretBase32(), secret);
}

class VerifyTotpTest : public ::testing::Test {
 protected:
  const std::string secret_ = Base32Encode(kSeed20);  // GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
  const int64_t now_ = 1111111111;
  std::string CodeAt(int64_t t) { return *TotpCode(kSeed20, t); }
};

TEST_F(VerifyTotpTest, AcceptsTheCurrentCode) {
  EXPECT_EQ(secret_, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_TRUE(VerifyTotp(secret_, "050471", now_));
  EXPECT_TRUE(VerifyTotp(secret_, CodeAt(now_), now_, 0));
}

TEST_F(VerifyTotpTest, AcceptsOneStepEitherSideByDefault) {
  EXPECT_TRUE(VerifyTotp(secret_, CodeAt(now_ - 30), now_));
  EXPECT_TRUE(VerifyTotp(secret_, CodeAt(now_ + 30), now_));
  EXPECT_FALSE(VerifyTotp(secret_, CodeAt(now_ - 60), now_));
  EXPECT_FALSE(VerifyTotp(secret_, CodeAt(now_ + 60), now_));
  EXPECT_FALSE(VerifyTotp(secret_, CodeAt(now_ - 30), now_, 0));
  EXPECT_TRUE(VerifyTotp(secret_, CodeAt(now_ - 60), now_, 2));
}

TEST_F(VerifyTotpTest, MatchReportsTheStepForReplayProtection) {
  const int64_t step = now_ / 30;
  EXPECT_EQ(MatchTotpStep(secret_, CodeAt(now_), now_), step);
  EXPECT_EQ(MatchTotpStep(secret_, CodeAt(now_ - 30), now_), step - 1);
  EXPECT_EQ(MatchTotpStep(secret_, CodeAt(now_ + 30), now_), step + 1);
  EXPECT_EQ(MatchTotpStep(secret_, "000000", now_), std::nullopt);
}

TEST_F(VerifyTotpTest, RejectsMalformedCodesAndSecrets) {
  const std::string code = CodeAt(now_);
  EXPECT_FALSE(VerifyTotp(secret_, code.substr(0, 5), now_));
  EXPECT_FALSE(VerifyTotp(secret_, code + "0", now_));
  EXPECT_FALSE(VerifyTotp(secret_, "14050471", now_));  // the 8-digit form
  EXPECT_FALSE(VerifyTotp(secret_, "05047a", now_));
  EXPECT_FALSE(VerifyTotp(secret_, " 50471", now_));
  EXPECT_FALSE(VerifyTotp(secret_, "", now_));
  EXPECT_FALSE(VerifyTotp("not base32!", code, now_));
  EXPECT_FALSE(VerifyTotp("", code, now_));
  EXPECT_FALSE(VerifyTotp(secret_, code, now_, -1));
}

TEST_F(VerifyTotpTest, NearTheEpochDoesNotLookBeforeIt) {
  EXPECT_TRUE(VerifyTotp(secret_, CodeAt(0), 10));
  EXPECT_TRUE(VerifyTotp(secret_, CodeAt(30), 10));
}

TEST(OtpauthUriTest, PercentEncodesIssuerAndAccount) {
  EXPECT_EQ(OtpauthUri("Homeward Kampala", "amina.o@example.org", "GEZDGNBVGY3TQOJQ"),
            "otpauth://totp/Homeward%20Kampala:amina.o%40example.org?secret=GEZDGNBVGY3TQOJQ"
            "&issuer=Homeward%20Kampala&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("A&B:C", "ü/?", "S"),
            "otpauth://totp/A%26B%3AC:%C3%BC%2F%3F?secret=S&issuer=A%26B%3AC"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace hw::crypto
