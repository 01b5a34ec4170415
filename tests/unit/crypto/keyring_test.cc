#include "crypto/keyring.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "crypto/encoding.h"
#include "crypto/field_cipher.h"

namespace hw::crypto {
namespace {

namespace fs = std::filesystem;

constexpr char kMasterHex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

Key32 SequentialKey() { return *Key32::FromHex(kMasterHex); }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& path, const std::string& text, mode_t mode) {
  std::ofstream(path, std::ios::binary) << text;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

mode_t FileMode(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

class KeyringFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/hw_keyring_test_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    ::unsetenv(Keyring::kEnvVar);
  }
  void TearDown() override {
    ::unsetenv(Keyring::kEnvVar);
    fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST_F(KeyringFileTest, CreateKeyFileWritesMode0600HexAndLoadsBack) {
  const fs::path path = dir_ / "master.key";
  auto created = Keyring::CreateKeyFile(path);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(FileMode(path), 0600u);
  const std::string text = ReadFile(path);
  ASSERT_EQ(text.size(), 65u);
  EXPECT_EQ(text.back(), '\n');
  EXPECT_TRUE(FromHex(text.substr(0, 64)).ok());

  auto loaded = Keyring::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Fingerprint(), created->Fingerprint());
  EXPECT_TRUE(loaded->index_key() == created->index_key());
  // A data key wrapped by the creator unwraps with the loaded keyring.
  const Key32 data_key = NewDataKey();
  auto unwrapped = loaded->UnwrapDataKey("rec", created->WrapDataKey("rec", data_key));
  ASSERT_TRUE(unwrapped.ok());
  EXPECT_TRUE(*unwrapped == data_key);
}

TEST_F(KeyringFileTest, CreateKeyFileIs0600EvenWithPermissiveUmask) {
  const mode_t old = ::umask(0);
  auto created = Keyring::CreateKeyFile(dir_ / "master.key");
  ::umask(old);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(FileMode(dir_ / "master.key"), 0600u);
}

TEST_F(KeyringFileTest, CreateKeyFileRefusesAnExistingFile) {
  const fs::path path = dir_ / "master.key";
  WriteFile(path, "precious", 0600);
  auto created = Keyring::CreateKeyFile(path);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kConflict);
  EXPECT_EQ(ReadFile(path), "precious");
}

TEST_F(KeyringFileTest, CreateKeyFileRefusesASymlink) {
  const fs::path target = dir_ / "target";
  fs::create_symlink(target, dir_ / "link.key");
  auto created = Keyring::CreateKeyFile(dir_ / "link.key");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kConflict);
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(KeyringFileTest, CreateKeyFileInMissingDirectoryIsUnavailable) {
  auto created = Keyring::CreateKeyFile(dir_ / "no" / "such" / "master.key");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kUnavailable);
}

TEST_F(KeyringFileTest, LoadRefusesAKeyFileReadableByOthers) {
  const fs::path path = dir_ / "master.key";
  WriteFile(path, std::string(kMasterHex) + "\n", 0644);
  auto loaded = Keyring::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(loaded.status().message().find("0644"), std::string::npos);
  EXPECT_NE(loaded.status().message().find("chmod 600"), std::string::npos);
  EXPECT_EQ(loaded.status().message().find(kMasterHex), std::string::npos);
}

TEST_F(KeyringFileTest, LoadRefusesAnyGroupOrOtherBit) {
  const fs::path path = dir_ / "master.key";
  for (mode_t mode : {0640, 0620, 0604, 0602, 0610, 0601}) {
    WriteFile(path, kMasterHex, mode);
    EXPECT_EQ(Keyring::Load(path).status().code(), StatusCode::kPermissionDenied)
        << std::oct << mode;
  }
  WriteFile(path, kMasterHex, 0400);
  EXPECT_TRUE(Keyring::Load(path).ok());
}

TEST_F(KeyringFileTest, LoadAcceptsSurroundingWhitespaceAndUppercase) {
  const fs::path path = dir_ / "master.key";
  std::string upper = kMasterHex;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  WriteFile(path, "  " + upper + "\r\n", 0600);
  auto loaded = Keyring::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Fingerprint(), Keyring::FromBytes(SequentialKey()).Fingerprint());
}

TEST_F(KeyringFileTest, LoadFollowsSymlinksAndChecksTheTarget) {
  const fs::path target = dir_ / "real.key";
  WriteFile(target, kMasterHex, 0600);
  fs::create_symlink(target, dir_ / "link.key");
  EXPECT_TRUE(Keyring::Load(dir_ / "link.key").ok());
  ASSERT_EQ(::chmod(target.c_str(), 0644), 0);
  EXPECT_EQ(Keyring::Load(dir_ / "link.key").status().code(), StatusCode::kPermissionDenied);
}

TEST_F(KeyringFileTest, LoadRejectsMalformedFilesWithoutEchoingThem) {
  const fs::path path = dir_ / "master.key";
  for (const std::string& text :
       {std::string(), std::string(63, 'a'), std::string(65, 'a'), std::string(62, 'a') + "xy",
        std::string(kMasterHex) + " " + kMasterHex, std::string(10000, 'a')}) {
    WriteFile(path, text, 0600);
    auto loaded = Keyring::Load(path);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(loaded.status().message().find("aaaa"), std::string::npos);
  }
}

TEST_F(KeyringFileTest, LoadMissingFileIsNotFound) {
  EXPECT_EQ(Keyring::Load(dir_ / "absent.key").status().code(), StatusCode::kNotFound);
}

TEST_F(KeyringFileTest, LoadDirectoryIsInvalid) {
  ASSERT_EQ(::chmod(dir_.c_str(), 0700), 0);
  EXPECT_EQ(Keyring::Load(dir_).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(KeyringFileTest, EnvironmentVariableWinsOverFile) {
  const fs::path path = dir_ / "master.key";
  ASSERT_TRUE(Keyring::CreateKeyFile(path).ok());
  ::setenv(Keyring::kEnvVar, kMasterHex, 1);
  auto loaded = Keyring::LoadFromEnvOrFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Fingerprint(), Keyring::FromBytes(SequentialKey()).Fingerprint());
  // No file needed when the variable is set.
  EXPECT_TRUE(Keyring::LoadFromEnvOrFile(dir_ / "absent.key").ok());
}

TEST_F(KeyringFileTest, MalformedEnvironmentVariableIsAnErrorNotAFallback) {
  const fs::path path = dir_ / "master.key";
  ASSERT_TRUE(Keyring::CreateKeyFile(path).ok());
  ::setenv(Keyring::kEnvVar, "abcd", 1);
  auto loaded = Keyring::LoadFromEnvOrFile(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(loaded.status().message().find(Keyring::kEnvVar), std::string::npos);
}

TEST_F(KeyringFileTest, EmptyEnvironmentVariableFallsBackToFile) {
  const fs::path path = dir_ / "master.key";
  auto created = Keyring::CreateKeyFile(path);
  ASSERT_TRUE(created.ok());
  ::setenv(Keyring::kEnvVar, "", 1);
  auto loaded = Keyring::LoadFromEnvOrFile(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Fingerprint(), created->Fingerprint());
  ::unsetenv(Keyring::kEnvVar);
  EXPECT_EQ(Keyring::LoadFromEnvOrFile(dir_ / "absent.key").status().code(), StatusCode::kNotFound);
}

// Known answers computed independently (Python hashlib.blake2b with key = master, salt = subkey
// id, person = "homeward"): they pin the key derivation, which stored data depends on.
TEST(KeyringTest, SubkeysMatchIndependentDerivation) {
  const Keyring keyring = Keyring::FromBytes(SequentialKey());
  auto hex = [](const Key32& k) {
    return ToHex(std::string_view(reinterpret_cast<const char*>(k.data()), Key32::kSize));
  };
  EXPECT_EQ(hex(keyring.index_key()),
            "76aa9163074bfb684786d1b2ab670227b96f88de3483a69c40587eb2413a1856");
  EXPECT_EQ(hex(keyring.audit_key()),
            "d23b83f3e017b0ce624ed7d0a6ede4717d23de464193da090aad27a72a74b9de");
  EXPECT_EQ(hex(keyring.token_key()),
            "68426c34c94e38a6ffdb0e39aec337e37a52dfa049efb5d5b98412e1abb5ee5e");
  EXPECT_EQ(keyring.Fingerprint(), "b07c202417ad904c");
}

TEST(KeyringTest, DifferentMastersGiveDifferentSubkeys) {
  const Keyring a = Keyring::FromBytes(Key32::Random());
  const Keyring b = Keyring::FromBytes(Key32::Random());
  EXPECT_FALSE(a.index_key() == b.index_key());
  EXPECT_NE(a.Fingerprint(), b.Fingerprint());
  EXPECT_FALSE(a.index_key() == a.audit_key());
  EXPECT_FALSE(a.audit_key() == a.token_key());
}

TEST(KeyringTest, FromHexValidates) {
  EXPECT_TRUE(Keyring::FromHex(kMasterHex).ok());
  EXPECT_EQ(Keyring::FromHex("00").status().code(), StatusCode::kInvalidArgument);
}

class WrapTest : public ::testing::Test {
 protected:
  Keyring keyring_ = Keyring::FromBytes(Key32::Random());
  Key32 data_key_ = NewDataKey();
};

TEST_F(WrapTest, RoundTrip) {
  const std::string wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  EXPECT_EQ(wrapped.size(), Keyring::kWrappedSize);
  auto unwrapped = keyring_.UnwrapDataKey("rec-1", wrapped);
  ASSERT_TRUE(unwrapped.ok());
  EXPECT_TRUE(*unwrapped == data_key_);
}

TEST_F(WrapTest, WrappingTwiceUsesFreshNonces) {
  EXPECT_NE(keyring_.WrapDataKey("rec-1", data_key_), keyring_.WrapDataKey("rec-1", data_key_));
}

TEST_F(WrapTest, EveryFlippedByteIsDetected) {
  const std::string wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    std::string tampered = wrapped;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    auto result = keyring_.UnwrapDataKey("rec-1", tampered);
    ASSERT_FALSE(result.ok()) << "byte " << i;
    EXPECT_EQ(result.status().code(), StatusCode::kInternal);
    EXPECT_EQ(result.status().reason(), kDecryptFailed);
  }
}

TEST_F(WrapTest, WrongRecordFails) {
  const std::string wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  EXPECT_EQ(keyring_.UnwrapDataKey("rec-2", wrapped).status().reason(), kDecryptFailed);
  EXPECT_FALSE(keyring_.UnwrapDataKey("", wrapped).ok());
}

TEST_F(WrapTest, WrongMasterKeyFails) {
  const std::string wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  const Keyring other = Keyring::FromBytes(Key32::Random());
  EXPECT_EQ(other.UnwrapDataKey("rec-1", wrapped).status().reason(), kDecryptFailed);
}

TEST_F(WrapTest, TruncatedOrExtendedInputFails) {
  const std::string wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  EXPECT_FALSE(keyring_.UnwrapDataKey("rec-1", "").ok());
  EXPECT_FALSE(keyring_.UnwrapDataKey("rec-1", wrapped.substr(0, 24)).ok());
  EXPECT_FALSE(keyring_.UnwrapDataKey("rec-1", wrapped.substr(0, wrapped.size() - 1)).ok());
  EXPECT_FALSE(keyring_.UnwrapDataKey("rec-1", wrapped + "x").ok());
}

TEST_F(WrapTest, RewrapMovesADataKeyToTheNewMasterKey) {
  const Keyring rotated = Keyring::FromBytes(Key32::Random());
  const std::string old_wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  auto new_wrapped = Keyring::Rewrap(keyring_, rotated, "rec-1", old_wrapped);
  ASSERT_TRUE(new_wrapped.ok());
  EXPECT_NE(*new_wrapped, old_wrapped);

  auto with_new = rotated.UnwrapDataKey("rec-1", *new_wrapped);
  ASSERT_TRUE(with_new.ok());
  EXPECT_TRUE(*with_new == data_key_);
  EXPECT_FALSE(keyring_.UnwrapDataKey("rec-1", *new_wrapped).ok());

  // A field sealed before rotation opens with the data key unwrapped by the new master key.
  const std::string sealed = Seal(data_key_, "rec-1", "name", "Amina");
  EXPECT_EQ(*Open(*with_new, "rec-1", "name", sealed), "Amina");
}

TEST_F(WrapTest, RewrapWithTheWrongSourceKeyFails) {
  const Keyring stranger = Keyring::FromBytes(Key32::Random());
  const std::string wrapped = keyring_.WrapDataKey("rec-1", data_key_);
  auto result = Keyring::Rewrap(stranger, keyring_, "rec-1", wrapped);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().reason(), kDecryptFailed);
  EXPECT_FALSE(Keyring::Rewrap(keyring_, stranger, "rec-2", wrapped).ok());
}

}  // namespace
}  // namespace hw::crypto
