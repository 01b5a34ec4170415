// The copy of each case's wrapped data key in its row (0010_case_key_mirror), on both backends:
// it follows data_keys whichever is written first, a shred clears it, a replaced key replaces
// it, nothing else can set it, and migrating an existing store fills it.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "storage/case_store.h"
#include "storage/key_store.h"
#include "storage/migrations.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class CaseKeyMirrorTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    auto conn = Conn();
    office_ = SeedOffice(*conn, "KEY-T01").id;
  }

  static void Check(const Status& st) {
    if (!st.ok()) throw std::runtime_error(st.ToString());
  }

  // The key as every read of the case sees it: Get, GetMany and a list page agree.
  std::optional<std::string> KeyAsRead(Connection& conn, const std::string& id) {
    CaseStore cases(conn);
    auto one = cases.Get(id);
    if (!one.ok() || !one->has_value()) throw std::runtime_error("case not readable");
    auto many = cases.GetMany({id});
    EXPECT_TRUE(many.ok() && many->size() == 1u);
    if (many.ok() && many->size() == 1u) {
      EXPECT_EQ((*many)[0].wrapped_key, (*one)->wrapped_key);
    }
    CaseFilter f;
    f.office_id = office_;
    f.without_attrs = true;
    f.limit = 100;
    auto page = cases.List(f);
    EXPECT_TRUE(page.ok());
    bool listed = false;
    for (const CaseRow& r : page->first) {
      if (r.id != id) continue;
      listed = true;
      EXPECT_EQ(r.wrapped_key, (*one)->wrapped_key);
    }
    EXPECT_TRUE(listed);
    return (*one)->wrapped_key;
  }

  std::string office_;
};

const std::string kKey = std::string("wrapped\0key\xff", 12);

TEST_P(CaseKeyMirrorTest, AKeyWrittenBeforeItsCaseIsReadWithIt) {
  auto conn = Conn();
  CaseRow c = SampleCase(office_, "KEY-T01", 1);
  Check(SqlWrappedKeyStore(*conn, 1000).PutWrapped(c.id, kKey));
  Check(CaseStore(*conn).Insert(c));
  EXPECT_EQ(KeyAsRead(*conn, c.id), kKey);
}

TEST_P(CaseKeyMirrorTest, AKeyWrittenAfterItsCaseIsReadWithIt) {
  auto conn = Conn();
  CaseRow c = SampleCase(office_, "KEY-T01", 2);
  Check(CaseStore(*conn).Insert(c));
  EXPECT_EQ(KeyAsRead(*conn, c.id), std::nullopt);
  Check(SqlWrappedKeyStore(*conn, 1000).PutWrapped(c.id, kKey));
  EXPECT_EQ(KeyAsRead(*conn, c.id), kKey);
}

TEST_P(CaseKeyMirrorTest, ShreddingClearsTheCopyInTheSameTransaction) {
  CaseRow c = SampleCase(office_, "KEY-T01", 3);
  CaseRow other = SampleCase(office_, "KEY-T01", 4);
  {
    auto conn = Conn();
    SqlWrappedKeyStore keys(*conn, 1000);
    Check(keys.PutWrapped(c.id, kKey));
    Check(keys.PutWrapped(other.id, "other key"));
    Check(CaseStore(*conn).Insert(c));
    Check(CaseStore(*conn).Insert(other));
  }
  Status st = db_->InTransaction([&](Connection& tx) -> Status {
    HW_RETURN_IF_ERROR(SqlWrappedKeyStore(tx, 2000).DeleteWrapped(c.id));
    EXPECT_EQ(KeyAsRead(tx, c.id), std::nullopt);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto conn = Conn();
  EXPECT_EQ(KeyAsRead(*conn, c.id), std::nullopt);
  auto raw =
      conn->Query("SELECT COUNT(*) FROM cases WHERE id = $1 AND wrapped_key IS NULL", {c.id});
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ((*raw)[0].Int(0), 1);
  EXPECT_EQ(KeyAsRead(*conn, other.id), "other key");  // only the shredded case lost its key
}

TEST_P(CaseKeyMirrorTest, AShredThatRollsBackKeepsTheKey) {
  CaseRow c = SampleCase(office_, "KEY-T01", 5);
  {
    auto conn = Conn();
    Check(SqlWrappedKeyStore(*conn, 1000).PutWrapped(c.id, kKey));
    Check(CaseStore(*conn).Insert(c));
  }
  Status st = db_->InTransaction([&](Connection& tx) -> Status {
    HW_RETURN_IF_ERROR(SqlWrappedKeyStore(tx, 2000).DeleteWrapped(c.id));
    return Status::Internal("the rest of the erasure failed");
  });
  EXPECT_FALSE(st.ok());
  auto conn = Conn();
  EXPECT_EQ(KeyAsRead(*conn, c.id), kKey);
}

TEST_P(CaseKeyMirrorTest, AReplacedKeyReplacesTheCopy) {
  auto conn = Conn();
  CaseRow c = SampleCase(office_, "KEY-T01", 6);
  Check(SqlWrappedKeyStore(*conn, 1000).PutWrapped(c.id, kKey));
  Check(CaseStore(*conn).Insert(c));
  ASSERT_TRUE(conn->Execute("UPDATE data_keys SET wrapped = $1 WHERE record_id = $2",
                            {Blob{"rewrapped"}, c.id})
                  .ok());
  EXPECT_EQ(KeyAsRead(*conn, c.id), "rewrapped");
}

TEST_P(CaseKeyMirrorTest, UpdatingACaseKeepsItsKey) {
  auto conn = Conn();
  CaseRow c = SampleCase(office_, "KEY-T01", 7);
  Check(SqlWrappedKeyStore(*conn, 1000).PutWrapped(c.id, kKey));
  Check(CaseStore(*conn).Insert(c));
  c.status = "FollowUp";
  Check(CaseStore(*conn).Update(c, 3000));
  EXPECT_EQ(KeyAsRead(*conn, c.id), kKey);
}

TEST_P(CaseKeyMirrorTest, TheCopyCannotBeSetToAnythingButTheKey) {
  auto conn = Conn();
  CaseRow with_key = SampleCase(office_, "KEY-T01", 8);
  CaseRow shredded = SampleCase(office_, "KEY-T01", 9);
  Check(SqlWrappedKeyStore(*conn, 1000).PutWrapped(with_key.id, kKey));
  Check(CaseStore(*conn).Insert(with_key));
  Check(CaseStore(*conn).Insert(shredded));
  for (const std::string& id : {with_key.id, shredded.id}) {
    auto st =
        conn->Execute("UPDATE cases SET wrapped_key = $1 WHERE id = $2", {Blob{"forged"}, id});
    ASSERT_TRUE(st.ok()) << st.status().ToString();
  }
  EXPECT_EQ(KeyAsRead(*conn, with_key.id), kKey);
  EXPECT_EQ(KeyAsRead(*conn, shredded.id), std::nullopt);
}

// A store migrated up to 0009 with cases and keys in it gets every key copied by 0010.
TEST_P(CaseKeyMirrorTest, MigratingAnExistingStoreCopiesEveryKey) {
  std::unique_ptr<Database> old;
  if (GetParam() == Backend::kSqlite) {
    auto db = OpenDatabase(url_ + ".old");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    old = std::move(db).value();
  } else {
    // Start this test's schema again, empty.
    {
      auto conn = Conn();
      ASSERT_TRUE(
          conn->ExecScript("DROP SCHEMA " + schema_ + " CASCADE; CREATE SCHEMA " + schema_).ok());
    }
    db_->CloseIdleConnections();
    auto db = OpenDatabase(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    old = std::move(db).value();
  }
  const auto& all = GetParam() == Backend::kSqlite ? sqlite_migrations() : postgres_migrations();
  Status st = old->InTransaction([&](Connection& conn) -> Status {
    HW_RETURN_IF_ERROR(conn.ExecScript(
        "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"));
    for (const Migration& m : all) {
      if (std::string(m.name) >= "0010") break;
      HW_RETURN_IF_ERROR(conn.ExecScript(m.sql));
      HW_RETURN_IF_ERROR(
          conn.Execute("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, 0)",
                       {std::string(m.name)})
              .status());
    }
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::vector<std::string> ids;
  {
    auto conn = old->Acquire();
    ASSERT_TRUE(conn.ok());
    org_id_.clear();  // the organisation seeded in SetUp is in the other store
    office_ = SeedOffice(**conn, "KEY-T02").id;
    for (int i = 0; i < 3; ++i) {
      CaseRow c = SampleCase(office_, "KEY-T02", 20 + i);
      ASSERT_TRUE((*conn)
                      ->Execute("INSERT INTO cases (id, office_id, number, status, citizenship, "
                                "exploitation, attrs, pii, created_at, updated_at, version) "
                                "VALUES ($1, $2, $3, 'Active', ',VN,', '', '{}', NULL, 1, 1, 1)",
                                {c.id, c.office_id, c.number})
                      .ok());
      if (i < 2) Check(SqlWrappedKeyStore(**conn, 1000).PutWrapped(c.id, "key " + c.number));
      ids.push_back(c.id);
    }
  }
  st = Migrate(*old);
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto conn = old->Acquire();
  ASSERT_TRUE(conn.ok());
  CaseStore cases(**conn);
  for (int i = 0; i < 3; ++i) {
    auto row = cases.Get(ids[static_cast<size_t>(i)]);
    ASSERT_TRUE(row.ok() && row->has_value());
    if (i < 2) {
      EXPECT_EQ((*row)->wrapped_key, "key " + (*row)->number);
    } else {
      EXPECT_EQ((*row)->wrapped_key, std::nullopt);  // a case without a key stays without
    }
  }
}

HW_INSTANTIATE_BACKENDS(CaseKeyMirrorTest);

}  // namespace
}  // namespace hw::storage
