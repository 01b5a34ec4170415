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

// Keys read with their records (CaseRow::wrapped_key) open them without another query; a record
// read as shredded stays shredded; others fall through to the table.
TEST_P(KeyStoreTest, PrefetchedKeysAnswerFirstAndFallThrough) {
  crypto::Keyring keyring = crypto::Keyring::FromBytes(crypto::Key32::Random());
  auto conn = Conn();
  SqlWrappedKeyStore table(*conn, 1);
  crypto::RecordCipher direct(keyring, table);
  auto a = direct.SealField("rec-a", "f", "alpha");
  auto b = direct.SealField("rec-b", "f", "beta");
  ASSERT_TRUE(a.ok() && b.ok());
  auto wrapped_a = table.GetWrapped("rec-a");
  ASSERT_TRUE(wrapped_a.ok() && wrapped_a->has_value());

  PrefetchedKeyStore keys(table);
  keys.Add("rec-a", *wrapped_a);
  keys.Add("rec-gone", std::nullopt);
  // The table no longer has rec-a's key, but what was read with the record still opens it.
  ASSERT_TRUE(table.DeleteWrapped("rec-a").ok());
  crypto::RecordCipher cipher(keyring, keys);
  auto opened_a = cipher.OpenField("rec-a", "f", *a);
  ASSERT_TRUE(opened_a.ok()) << opened_a.status().ToString();
  EXPECT_EQ(*opened_a, "alpha");
  auto opened_b = cipher.OpenField("rec-b", "f", *b);  // not prefetched: from the table
  ASSERT_TRUE(opened_b.ok());
  EXPECT_EQ(*opened_b, "beta");
  auto gone = keys.GetWrapped("rec-gone");
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  // Writes go to the table and forget the prefetched value.
  ASSERT_TRUE(keys.DeleteWrapped("rec-a").ok());
  auto after = keys.GetWrapped("rec-a");
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value());
}

HW_INSTANTIATE_BACKENDS(KeyStoreTest);

}  // namespace
}  // namespace hw::storage
