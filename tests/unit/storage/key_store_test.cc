#include "storage/key_store.h"

#include <gtest/gtest.h>

#include <string>

#include "crypto/keyring.h"
#include "crypto/record_keys.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class KeyStoreTest : public StorageTest {};

TEST_P(KeyStoreTest, PutGetDelete) {
  auto conn = Conn();
  SqlWrappedKeyStore keys(*conn, 1234);
  std::string wrapped = std::string("\0\x01wrapped\xff\0", 11);
  auto none = keys.GetWrapped("rec-1");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(keys.PutWrapped("rec-1", wrapped).ok());
  auto got = keys.GetWrapped("rec-1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, wrapped);  // NUL bytes survive
  auto rows =
      conn->Query("SELECT created_at FROM data_keys WHERE record_id = $1", {std::string("rec-1")});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Int(0), 1234);

  ASSERT_TRUE(keys.DeleteWrapped("rec-1").ok());
  got = keys.GetWrapped("rec-1");
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
  EXPECT_TRUE(keys.DeleteWrapped("rec-1").ok());  // idempotent
}

TEST_P(KeyStoreTest, DuplicatePutIsConflictAndKeepsTheFirstKey) {
  auto conn = Conn();
  SqlWrappedKeyStore keys(*conn, 1);
  ASSERT_TRUE(keys.PutWrapped("rec-1", "first").ok());
  Status st = keys.PutWrapped("rec-1", "second");
  EXPECT_EQ(st.code(), StatusCode::kConflict) << st.ToString();
  auto got = keys.GetWrapped("rec-1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(**got, "first");
}

TEST_P(KeyStoreTest, RecordCipherSealsOpensAndShredsThroughTheStore) {
  crypto::Keyring keyring = crypto::Keyring::FromBytes(crypto::Key32::Random());
  auto conn = Conn();
  SqlWrappedKeyStore keys(*conn, 1);
  crypto::RecordCipher cipher(keyring, keys);
  auto sealed = cipher.SealField("prs-1", "name", "Jane Doe");
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  auto stored = keys.GetWrapped("prs-1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->size(), crypto::Keyring::kWrappedSize);

  auto opened = cipher.OpenField("prs-1", "name", *sealed);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, "Jane Doe");

  ASSERT_TRUE(cipher.Shred("prs-1").ok());
  auto gone = cipher.OpenField("prs-1", "name", *sealed);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.status().code(), StatusCode::kNotFound);
}

HW_INSTANTIATE_BACKENDS(KeyStoreTest);

}  // namespace
}  // namespace hw::storage
