// The driver interface itself: values, rows, errors, transactions and the connection pool.
#include "storage/db.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;
using testing::TempDir;

// ---- Row, without a database -----------------------------------------------------------------

TEST(RowTest, Accessors) {
  Row r({std::string("hello"), std::nullopt, std::string("-42"), std::string("9223372036854775807"),
         std::string("")});
  EXPECT_EQ(r.size(), 5u);

  EXPECT_FALSE(r.IsNull(0));
  EXPECT_EQ(r.Text(0), "hello");
  EXPECT_EQ(r.OptText(0), "hello");

  EXPECT_TRUE(r.IsNull(1));
  EXPECT_EQ(r.Text(1), "");  // NULL reads as empty text
  EXPECT_EQ(r.OptText(1), std::nullopt);
  EXPECT_EQ(r.Int(1), 0);  // and as zero
  EXPECT_EQ(r.OptInt(1), std::nullopt);

  EXPECT_EQ(r.Int(2), -42);
  EXPECT_EQ(r.OptInt(2), -42);
  EXPECT_EQ(r.Int(3), std::numeric_limits<std::int64_t>::max());

  // Empty text is not NULL.
  EXPECT_FALSE(r.IsNull(4));
  EXPECT_EQ(r.OptText(4), "");
  EXPECT_EQ(r.OptInt(4), 0);
}

TEST(RowTest, OutOfRangeColumnThrows) {
  Row r({std::string("a")});
  EXPECT_THROW((void)r.Text(1), std::out_of_range);
  EXPECT_THROW((void)r.Int(1), std::out_of_range);
  EXPECT_THROW((void)r.IsNull(1), std::out_of_range);
  EXPECT_THROW((void)r.OptText(1), std::out_of_range);
}

TEST(RowTest, BytesAreKeptExactly) {
  std::string bytes("a\0b\xff", 4);
  Row r({bytes});
  EXPECT_EQ(r.Text(0).size(), 4u);
  EXPECT_EQ(r.Text(0), bytes);
}

// ---- Opening ---------------------------------------------------------------------------------

TEST(OpenDatabaseTest, SqlitePrefixAndPlainPathOpenTheSameFile) {
  TempDir dir;
  std::string path = (dir.path() / "x.db").string();
  {
    auto db = OpenDatabase("sqlite:" + path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_EQ((*db)->backend(), Backend::kSqlite);
    ASSERT_TRUE(Migrate(**db).ok());
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  auto db = OpenDatabase(path);
  ASSERT_TRUE(db.ok());
  auto conn = (*db)->Acquire();
  ASSERT_TRUE(conn.ok());
  auto rows = (*conn)->Query("SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_GE((*rows)[0].Int(0), 1);
}

TEST(OpenDatabaseTest, UnopenableSqlitePathFailsAtOpen) {
  TempDir dir;
  auto db = OpenDatabase((dir.path() / "no" / "such" / "dir" / "x.db").string());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kInternal);
}

TEST(OpenDatabaseTest, UnreachablePostgresIsUnavailable) {
  for (const char* url : {"postgresql://127.0.0.1:1/none?connect_timeout=2",
                          "postgres://127.0.0.1:1/none?connect_timeout=2"}) {
    auto db = OpenDatabase(url);
    ASSERT_FALSE(db.ok()) << url;
    EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
  }
}

// ---- Statements on both backends -------------------------------------------------------------

class DbTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = Conn();
    Status st = conn->ExecScript(std::string("CREATE TABLE scratch (id BIGINT PRIMARY KEY, "
                                             "t TEXT, n BIGINT, b ") +
                                 BlobType() + ")");
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  std::int64_t CountScratch() {
    auto conn = Conn();
    auto rows = conn->Query("SELECT COUNT(*) FROM scratch");
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    return (*rows)[0].Int(0);
  }
};

TEST_P(DbTest, ValuesRoundTripWithTheirTypes) {
  auto conn = Conn();
  EXPECT_EQ(conn->backend(), GetParam());
  const std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  const std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  auto n = conn->Execute("INSERT INTO scratch (id, t, n, b) VALUES ($1, $2, $3, $4)",
                         {std::int64_t{1}, std::string("text ünïcode ✓"), kMin, Blob{"raw"}});
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  ASSERT_TRUE(conn->Execute("INSERT INTO scratch (id, t, n, b) VALUES ($1, $2, $3, $4)",
                            {std::int64_t{2}, nullptr, kMax, nullptr})
                  .ok());

  auto rows = conn->Query("SELECT id, t, n, b FROM scratch ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  const Row& a = (*rows)[0];
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a.Int(0), 1);
  EXPECT_EQ(a.Text(1), "text ünïcode ✓");
  EXPECT_EQ(a.Int(2), kMin);
  EXPECT_EQ(a.Text(3), "raw");
  const Row& b = (*rows)[1];
  EXPECT_TRUE(b.IsNull(1));
  EXPECT_EQ(b.Int(2), kMax);
  EXPECT_TRUE(b.IsNull(3));
  EXPECT_EQ(b.OptText(3), std::nullopt);
}

// PostgreSQL results come in binary when every column's type allows (integers, booleans, text,
// bytea, json) and in text otherwise; Row reads both the same way.
TEST_P(DbTest, PostgresResultsReadTheSameInBinaryAndText) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "PostgreSQL result formats";
  auto conn = Conn();
  auto binary = conn->Query(
      "SELECT CAST(-5 AS SMALLINT), CAST(-70000 AS INTEGER), CAST(-9000000000 AS BIGINT), TRUE, "
      "FALSE, '', CAST('{\"a\": \"\u00e9\"}' AS JSON), CAST(NULL AS BIGINT), "
      "CAST('\\x00ff10' AS BYTEA), CAST(32767 AS SMALLINT)");
  ASSERT_TRUE(binary.ok()) << binary.status().ToString();
  // NUMERIC has no binary reader: the whole statement is read in text.
  auto text = conn->Query(
      "SELECT CAST(-5 AS SMALLINT), CAST(-70000 AS INTEGER), CAST(-9000000000 AS BIGINT), TRUE, "
      "FALSE, '', CAST('{\"a\": \"\u00e9\"}' AS JSON), CAST(NULL AS BIGINT), "
      "CAST('\\x00ff10' AS BYTEA), CAST(32767 AS SMALLINT), CAST(1.5 AS NUMERIC)");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  for (const Rows* rows : {&*binary, &*text}) {
    ASSERT_EQ(rows->size(), 1u);
    const Row& r = (*rows)[0];
    EXPECT_EQ(r.Int(0), -5);
    EXPECT_EQ(r.Int(1), -70000);
    EXPECT_EQ(r.Int(2), -9000000000);
    EXPECT_EQ(r.Text(3), "t");
    EXPECT_EQ(r.Text(4), "f");
    EXPECT_FALSE(r.IsNull(5));
    EXPECT_EQ(r.Text(5), "");
    EXPECT_EQ(r.Text(6), "{\"a\": \"\u00e9\"}");
    EXPECT_TRUE(r.IsNull(7));
    EXPECT_EQ(r.Text(8), std::string("\x00\xff\x10", 3));
    EXPECT_EQ(r.Int(9), 32767);
  }
  EXPECT_EQ((*text)[0].Text(10), "1.5");
}

TEST_P(DbTest, BlobsWithEveryByteValueRoundTrip) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  bytes += std::string("\0\0tail\0", 7);
  auto conn = Conn();
  ASSERT_TRUE(
      conn->Execute("INSERT INTO scratch (id, b) VALUES ($1, $2)", {std::int64_t{7}, Blob{bytes}})
          .ok());
  ASSERT_TRUE(conn->Execute("INSERT INTO scratch (id, b) VALUES ($1, $2)",
                            {std::int64_t{8}, Blob{std::string()}})
                  .ok());
  auto rows = conn->Query("SELECT b FROM scratch WHERE id = $1", {std::int64_t{7}});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0).size(), bytes.size());
  EXPECT_EQ((*rows)[0].Text(0), bytes);
  // An empty blob is an empty value, not NULL.
  rows = conn->Query("SELECT b FROM scratch WHERE id = $1", {std::int64_t{8}});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_FALSE((*rows)[0].IsNull(0));
  EXPECT_EQ((*rows)[0].Text(0), "");
}

TEST_P(DbTest, ParametersAreNeverSpliced) {
  auto conn = Conn();
  const std::string evil = "x'); DROP TABLE scratch; --";
  ASSERT_TRUE(
      conn->Execute("INSERT INTO scratch (id, t) VALUES ($1, $2)", {std::int64_t{1}, evil}).ok());
  auto rows = conn->Query("SELECT t FROM scratch WHERE t = $1", {evil});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), evil);
}

TEST_P(DbTest, ExecuteCountsChangedRows) {
  auto conn = Conn();
  for (std::int64_t i = 1; i <= 5; ++i) {
    ASSERT_TRUE(conn->Execute("INSERT INTO scratch (id, n) VALUES ($1, $2)", {i, i % 2}).ok());
  }
  auto n = conn->Execute("UPDATE scratch SET t = $1 WHERE n = $2",
                         {std::string("odd"), std::int64_t{1}});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3);
  n = conn->Execute("DELETE FROM scratch WHERE id > $1", {std::int64_t{100}});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
  n = conn->Execute("DELETE FROM scratch WHERE n = $1", {std::int64_t{0}});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2);
}

TEST_P(DbTest, ReusedStatementsRebindParameters) {
  auto conn = Conn();
  const char* insert = "INSERT INTO scratch (id, t) VALUES ($1, $2)";
  ASSERT_TRUE(conn->Execute(insert, {std::int64_t{1}, std::string("one")}).ok());
  ASSERT_TRUE(conn->Execute(insert, {std::int64_t{2}, nullptr}).ok());
  const char* select = "SELECT t FROM scratch WHERE id = $1";
  for (int round = 0; round < 2; ++round) {
    auto one = conn->Query(select, {std::int64_t{1}});
    auto two = conn->Query(select, {std::int64_t{2}});
    ASSERT_TRUE(one.ok() && two.ok());
    EXPECT_EQ((*one)[0].Text(0), "one");
    EXPECT_TRUE((*two)[0].IsNull(0));
  }
}

TEST_P(DbTest, UniqueViolationIsConflict) {
  auto conn = Conn();
  ASSERT_TRUE(conn->Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).ok());
  auto dup = conn->Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), StatusCode::kConflict);
  EXPECT_EQ(dup.status().message(), "unique constraint violated");
  // The connection stays usable after the error.
  auto rows = conn->Query("SELECT COUNT(*) FROM scratch");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ((*rows)[0].Int(0), 1);
}

TEST_P(DbTest, BadSqlIsInternal) {
  auto conn = Conn();
  auto q = conn->Query("SELEKT nothing");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), StatusCode::kInternal);
  auto missing = conn->Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInternal);
  auto e = conn->Execute("INSERT INTO no_such_table VALUES ($1)", {std::int64_t{1}});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kInternal);
  Status script = conn->ExecScript("CREATE TABLEX oops");
  EXPECT_EQ(script.code(), StatusCode::kInternal);
}

TEST_P(DbTest, NotNullViolationIsInternalNotConflict) {
  auto conn = Conn();
  auto r = conn->Execute("INSERT INTO offices (id) VALUES ($1)", {std::string("o1")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

TEST_P(DbTest, ForeignKeysAreEnforced) {
  auto conn = Conn();
  domain::Office o{NewId(), "no-such-organisation", "Nowhere", "NOW-HRE", "MY", 1, 1, 1};
  Status st = OfficeStore(*conn).Insert(o);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kInternal);
}

TEST_P(DbTest, ScriptRunsSeveralStatements) {
  auto conn = Conn();
  Status st =
      conn->ExecScript("INSERT INTO scratch (id) VALUES (1); INSERT INTO scratch (id) VALUES (2);");
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(CountScratch(), 2);
}

// ---- Transactions ----------------------------------------------------------------------------

TEST_P(DbTest, TransactionCommitsOnOk) {
  Status st = db_->InTransaction([](Connection& c) -> Status {
    HW_RETURN_IF_ERROR(
        c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).status());
    return c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{2}}).status();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(CountScratch(), 2);
}

TEST_P(DbTest, TransactionRollsBackOnErrorStatus) {
  Status st = db_->InTransaction([](Connection& c) -> Status {
    HW_RETURN_IF_ERROR(
        c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).status());
    return Status::InvalidField("name", "no");
  });
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.fields().at("name"), "no");  // the caller's status comes back unchanged
  EXPECT_EQ(CountScratch(), 0);
}

TEST_P(DbTest, TransactionRollsBackOnStatementError) {
  Status st = db_->InTransaction([](Connection& c) -> Status {
    HW_RETURN_IF_ERROR(
        c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).status());
    HW_RETURN_IF_ERROR(
        c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{2}}).status());
    return c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).status();
  });
  EXPECT_EQ(st.code(), StatusCode::kConflict);
  EXPECT_EQ(CountScratch(), 0);
  // The pool's connection is healthy and outside any transaction afterwards.
  st = db_->InTransaction([](Connection& c) {
    return c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{3}}).status();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(CountScratch(), 1);
}

TEST_P(DbTest, TransactionRollsBackAndRethrowsOnException) {
  EXPECT_THROW((void)db_->InTransaction([](Connection& c) -> Status {
    (void)c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}});
    throw std::logic_error("broken invariant");
  }),
               std::logic_error);
  EXPECT_EQ(CountScratch(), 0);
}

TEST_P(DbTest, UncommittedWritesAreInvisibleToOtherConnections) {
  auto writer = Conn();
  ASSERT_TRUE(writer->Begin().ok());
  ASSERT_TRUE(writer->Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).ok());
  {
    auto reader = Conn();  // the pool opens a second connection
    auto rows = reader->Query("SELECT COUNT(*) FROM scratch");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    EXPECT_EQ((*rows)[0].Int(0), 0);
  }
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_EQ(CountScratch(), 1);
}

TEST_P(DbTest, ExplicitRollbackDiscardsWrites) {
  auto conn = Conn();
  ASSERT_TRUE(conn->Begin().ok());
  ASSERT_TRUE(conn->Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).ok());
  conn->Rollback();
  conn->Rollback();  // harmless outside a transaction
  auto rows = conn->Query("SELECT COUNT(*) FROM scratch");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Int(0), 0);
}

TEST_P(DbTest, ConnectionReturnedMidTransactionIsRolledBack) {
  {
    auto conn = Conn();
    ASSERT_TRUE(conn->Begin().ok());
    ASSERT_TRUE(conn->Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{1}}).ok());
    // Goes back to the pool without Commit.
  }
  EXPECT_EQ(CountScratch(), 0);
  // The pooled connection is reusable for a new transaction.
  Status st = db_->InTransaction([](Connection& c) {
    return c.Execute("INSERT INTO scratch (id) VALUES ($1)", {std::int64_t{2}}).status();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(CountScratch(), 1);
}

TEST_P(DbTest, PoolReusesIdleConnections) {
  Connection* first = nullptr;
  {
    auto conn = Conn();
    first = &*conn;
  }
  auto again = Conn();
  EXPECT_EQ(&*again, first);
  auto second = Conn();  // the idle one is taken: a new one opens
  EXPECT_NE(&*second, first);
  EXPECT_TRUE(second->Healthy());
  auto rows = second->Query("SELECT COUNT(*) FROM scratch");
  EXPECT_TRUE(rows.ok());
}

HW_INSTANTIATE_BACKENDS(DbTest);

}  // namespace
}  // namespace hw::storage
