#include "crypto/field_cipher.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace hw::crypto {
namespace {

using namespace std::string_literals;

class FieldCipherTest : public ::testing::Test {
 protected:
  Key32 key_ = NewDataKey();
  const std::string record_ = "0190c8a2-7b1e-7c3d-8e4f-5a6b7c8d9e0f";
};

TEST_F(FieldCipherTest, RoundTrip) {
  for (const std::string& plaintext :
       {""s, "Amina"s, "Nguyễn Thị Hương"s, "binary\0with\xffnul"s, std::string(1 << 20, 'x')}) {
    const std::string sealed = Seal(key_, record_, "full_name", plaintext);
    EXPECT_EQ(sealed.size(), plaintext.size() + kSealOverhead);
    auto opened = Open(key_, record_, "full_name", sealed);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    EXPECT_EQ(*opened, plaintext);
  }
}

TEST_F(FieldCipherTest, CiphertextHidesPlaintextAndUsesFreshNonces) {
  const std::string a = Seal(key_, record_, "full_name", "Amina Okello");
  const std::string b = Seal(key_, record_, "full_name", "Amina Okello");
  EXPECT_NE(a, b);
  EXPECT_NE(a.substr(0, kSealNonceSize), b.substr(0, kSealNonceSize));
  EXPECT_EQ(a.find("Amina"), std::string::npos);
}

TEST_F(FieldCipherTest, EveryFlippedByteIsDetected) {
  const std::string sealed = Seal(key_, record_, "phone", "+256 700 000000");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::string tampered = sealed;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x80);
    auto opened = Open(key_, record_, "phone", tampered);
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_EQ(opened.status().code(), StatusCode::kInternal);
    EXPECT_EQ(opened.status().reason(), kDecryptFailed);
  }
}

TEST_F(FieldCipherTest, WrongKeyFails) {
  const std::string sealed = Seal(key_, record_, "phone", "secret");
  auto opened = Open(NewDataKey(), record_, "phone", sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().reason(), kDecryptFailed);
  EXPECT_EQ(opened.status().message().find("secret"), std::string::npos);
}

TEST_F(FieldCipherTest, WrongRecordIdFails) {
  const std::string sealed = Seal(key_, record_, "phone", "secret");
  EXPECT_FALSE(Open(key_, "0190c8a2-7b1e-7c3d-8e4f-5a6b7c8d9e10", "phone", sealed).ok());
  EXPECT_FALSE(Open(key_, "", "phone", sealed).ok());
}

TEST_F(FieldCipherTest, WrongFieldNameFails) {
  const std::string sealed = Seal(key_, record_, "phone", "secret");
  EXPECT_FALSE(Open(key_, record_, "email", sealed).ok());
  EXPECT_FALSE(Open(key_, record_, "phone ", sealed).ok());
  EXPECT_FALSE(Open(key_, record_, "", sealed).ok());
}

TEST_F(FieldCipherTest, RecordAndFieldBoundaryIsUnambiguous) {
  const std::string sealed = Seal(key_, "ab", "c", "secret");
  EXPECT_FALSE(Open(key_, "a", "bc", sealed).ok());
  EXPECT_FALSE(Open(key_, "abc", "", sealed).ok());
  EXPECT_TRUE(Open(key_, "ab", "c", sealed).ok());
}

TEST_F(FieldCipherTest, TruncatedInputFails) {
  const std::string sealed = Seal(key_, record_, "note", "a longer narrative");
  for (std::size_t len : {std::size_t{0}, std::size_t{1}, kSealNonceSize, kSealOverhead - 1,
                          kSealOverhead, sealed.size() - 1}) {
    auto opened = Open(key_, record_, "note", sealed.substr(0, len));
    ASSERT_FALSE(opened.ok()) << "length " << len;
    EXPECT_EQ(opened.status().reason(), kDecryptFailed);
  }
  EXPECT_FALSE(Open(key_, record_, "note", sealed + "\0"s).ok());
}

TEST_F(FieldCipherTest, RecordIdWithNulIsRejected) {
  EXPECT_THROW(Seal(key_, "a\0b"s, "f", "x"), std::invalid_argument);
  const std::string sealed = Seal(key_, "a", "f", "x");
  EXPECT_EQ(Open(key_, "a\0b"s, "f", sealed).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(FieldCipherTest, NewDataKeysDiffer) { EXPECT_FALSE(NewDataKey() == NewDataKey()); }

}  // namespace
}  // namespace hw::crypto
