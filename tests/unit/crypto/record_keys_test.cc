#include "crypto/record_keys.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "crypto/field_cipher.h"

namespace hw::crypto {
namespace {

class RecordCipherTest : public ::testing::Test {
 protected:
  Keyring keyring_ = Keyring::FromBytes(Key32::Random());
  InMemoryWrappedKeyStore store_;
  RecordCipher cipher_{keyring_, store_};
};

TEST_F(RecordCipherTest, SealThenOpen) {
  auto sealed = cipher_.SealField("rec-1", "full_name", "Amina Okello");
  ASSERT_TRUE(sealed.ok());
  auto opened = cipher_.OpenField("rec-1", "full_name", *sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "Amina Okello");
}

TEST_F(RecordCipherTest, OneWrappedKeyPerRecordCreatedOnFirstUse) {
  EXPECT_EQ(store_.size(), 0u);
  ASSERT_TRUE(cipher_.SealField("rec-1", "full_name", "A").ok());
  ASSERT_TRUE(cipher_.SealField("rec-1", "phone", "B").ok());
  EXPECT_EQ(store_.size(), 1u);
  ASSERT_TRUE(cipher_.SealField("rec-2", "full_name", "C").ok());
  EXPECT_EQ(store_.size(), 2u);
  auto wrapped = store_.GetWrapped("rec-1");
  ASSERT_TRUE(wrapped.ok() && wrapped->has_value());
  EXPECT_EQ((*wrapped)->size(), Keyring::kWrappedSize);
}

TEST_F(RecordCipherTest, RecordsHaveDistinctKeys) {
  ASSERT_TRUE(cipher_.SealField("rec-2", "x", "y").ok());
  auto sealed = cipher_.SealField("rec-1", "full_name", "Amina");
  ASSERT_TRUE(sealed.ok());
  auto key1 = cipher_.GetDataKey("rec-1");
  auto key2 = cipher_.GetDataKey("rec-2");
  ASSERT_TRUE(key1.ok() && key2.ok());
  EXPECT_FALSE(*key1 == *key2);
  // Moving the ciphertext to another record does not open it.
  EXPECT_FALSE(cipher_.OpenField("rec-2", "full_name", *sealed).ok());
}

TEST_F(RecordCipherTest, ShreddedRecordCannotBeOpened) {
  auto sealed = cipher_.SealField("rec-1", "full_name", "Amina");
  ASSERT_TRUE(sealed.ok());
  ASSERT_TRUE(cipher_.Shred("rec-1").ok());
  auto opened = cipher_.OpenField("rec-1", "full_name", *sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(opened.status().message(), "record key destroyed");
  EXPECT_EQ(cipher_.GetDataKey("rec-1").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(cipher_.Shred("rec-1").ok());  // idempotent
}

TEST_F(RecordCipherTest, ShreddingIsPermanentEvenIfTheRecordIdIsReused) {
  auto sealed = cipher_.SealField("rec-1", "full_name", "Amina");
  ASSERT_TRUE(sealed.ok());
  ASSERT_TRUE(cipher_.Shred("rec-1").ok());
  ASSERT_TRUE(cipher_.SealField("rec-1", "full_name", "Someone else").ok());  // new key
  auto opened = cipher_.OpenField("rec-1", "full_name", *sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().reason(), kDecryptFailed);
}

TEST_F(RecordCipherTest, ShredOnlyAffectsItsRecord) {
  auto a = cipher_.SealField("rec-a", "f", "alpha");
  auto b = cipher_.SealField("rec-b", "f", "beta");
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(cipher_.Shred("rec-a").ok());
  EXPECT_FALSE(cipher_.OpenField("rec-a", "f", *a).ok());
  EXPECT_EQ(*cipher_.OpenField("rec-b", "f", *b), "beta");
}

TEST_F(RecordCipherTest, NeverSealedRecordIsNotFound) {
  EXPECT_EQ(cipher_.OpenField("nobody", "f", std::string(60, 'x')).status().code(),
            StatusCode::kNotFound);
}

TEST_F(RecordCipherTest, TamperedOrWrongFieldFails) {
  auto sealed = cipher_.SealField("rec-1", "phone", "+256 700 000000");
  ASSERT_TRUE(sealed.ok());
  std::string tampered = *sealed;
  tampered.back() = static_cast<char>(tampered.back() ^ 1);
  EXPECT_EQ(cipher_.OpenField("rec-1", "phone", tampered).status().reason(), kDecryptFailed);
  EXPECT_EQ(cipher_.OpenField("rec-1", "email", *sealed).status().reason(), kDecryptFailed);
}

TEST_F(RecordCipherTest, WrongMasterKeyFailsCleanly) {
  auto sealed = cipher_.SealField("rec-1", "f", "x");
  ASSERT_TRUE(sealed.ok());
  const Keyring other = Keyring::FromBytes(Key32::Random());
  RecordCipher wrong(other, store_);
  EXPECT_EQ(wrong.OpenField("rec-1", "f", *sealed).status().reason(), kDecryptFailed);
  EXPECT_EQ(wrong.SealField("rec-1", "f", "y").status().reason(), kDecryptFailed);
}

TEST_F(RecordCipherTest, MasterKeyRotationKeepsRecordsReadable) {
  auto sealed = cipher_.SealField("rec-1", "full_name", "Amina");
  ASSERT_TRUE(sealed.ok());
  const Keyring rotated = Keyring::FromBytes(Key32::Random());
  auto old_wrapped = store_.GetWrapped("rec-1");
  ASSERT_TRUE(old_wrapped.ok() && old_wrapped->has_value());
  auto new_wrapped = Keyring::Rewrap(keyring_, rotated, "rec-1", **old_wrapped);
  ASSERT_TRUE(new_wrapped.ok());
  InMemoryWrappedKeyStore new_store;
  ASSERT_TRUE(new_store.PutWrapped("rec-1", *new_wrapped).ok());

  RecordCipher after(rotated, new_store);
  EXPECT_EQ(*after.OpenField("rec-1", "full_name", *sealed), "Amina");
  RecordCipher stale(keyring_, new_store);
  EXPECT_FALSE(stale.OpenField("rec-1", "full_name", *sealed).ok());
}

TEST_F(RecordCipherTest, RecordIdWithNulIsRejected) {
  using namespace std::string_literals;
  EXPECT_EQ(cipher_.SealField("a\0b"s, "f", "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_.size(), 0u);
}

TEST_F(RecordCipherTest, ConcurrentFirstSealsAgreeOnOneKey) {
  constexpr int kThreads = 8;
  std::vector<std::string> sealed(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto s = cipher_.SealField("rec-race", "f", "v" + std::to_string(i));
      if (s.ok()) sealed[static_cast<std::size_t>(i)] = *s;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(store_.size(), 1u);
  for (int i = 0; i < kThreads; ++i) {
    auto opened = cipher_.OpenField("rec-race", "f", sealed[static_cast<std::size_t>(i)]);
    ASSERT_TRUE(opened.ok()) << i;
    EXPECT_EQ(*opened, "v" + std::to_string(i));
  }
}

TEST(InMemoryWrappedKeyStoreTest, PutDoesNotOverwrite) {
  InMemoryWrappedKeyStore store;
  ASSERT_TRUE(store.PutWrapped("r", "first").ok());
  EXPECT_EQ(store.PutWrapped("r", "second").code(), StatusCode::kConflict);
  EXPECT_EQ(**store.GetWrapped("r"), "first");
  EXPECT_TRUE(store.DeleteWrapped("r").ok());
  EXPECT_FALSE(store.GetWrapped("r")->has_value());
  EXPECT_TRUE(store.DeleteWrapped("r").ok());
}

// A store whose every call can be made to fail, and which can simulate losing the race to
// create a record's first key.
class ScriptedStore final : public WrappedKeyStore {
 public:
  Result<std::optional<std::string>> GetWrapped(std::string_view id) override {
    if (fail_get) return Status::Unavailable("database down");
    return inner.GetWrapped(id);
  }
  Status PutWrapped(std::string_view id, std::string_view wrapped) override {
    if (fail_put) return Status::Unavailable("database down");
    if (racing_writer) {
      // Another writer inserts its key between our Get and our Put.
      HW_RETURN_IF_ERROR(inner.PutWrapped(id, racing_writer->WrapDataKey(id, racer_key)));
    }
    return inner.PutWrapped(id, wrapped);
  }
  Status DeleteWrapped(std::string_view id) override {
    if (fail_delete) return Status::Unavailable("database down");
    return inner.DeleteWrapped(id);
  }

  InMemoryWrappedKeyStore inner;
  bool fail_get = false;
  bool fail_put = false;
  bool fail_delete = false;
  const Keyring* racing_writer = nullptr;
  Key32 racer_key = NewDataKey();
};

TEST(RecordCipherStoreTest, StoreErrorsPropagate) {
  const Keyring keyring = Keyring::FromBytes(Key32::Random());
  ScriptedStore store;
  RecordCipher cipher(keyring, store);
  store.fail_put = true;
  EXPECT_EQ(cipher.SealField("r", "f", "x").status().code(), StatusCode::kUnavailable);
  store.fail_put = false;
  auto sealed = cipher.SealField("r", "f", "x");
  ASSERT_TRUE(sealed.ok());
  store.fail_get = true;
  EXPECT_EQ(cipher.OpenField("r", "f", *sealed).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(cipher.SealField("r", "f", "x").status().code(), StatusCode::kUnavailable);
  store.fail_get = false;
  store.fail_delete = true;
  EXPECT_EQ(cipher.Shred("r").code(), StatusCode::kUnavailable);
  EXPECT_TRUE(cipher.OpenField("r", "f", *sealed).ok());
}

TEST(RecordCipherStoreTest, LosingTheFirstKeyRaceUsesTheWinnersKey) {
  const Keyring keyring = Keyring::FromBytes(Key32::Random());
  ScriptedStore store;
  store.racing_writer = &keyring;
  RecordCipher cipher(keyring, store);
  auto sealed = cipher.SealField("r", "f", "x");
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  store.racing_writer = nullptr;
  // Sealed under the winner's key, so it opens with the key that is actually stored.
  EXPECT_EQ(*Open(store.racer_key, "r", "f", *sealed), "x");
  EXPECT_EQ(*cipher.OpenField("r", "f", *sealed), "x");
}

}  // namespace
}  // namespace hw::crypto
