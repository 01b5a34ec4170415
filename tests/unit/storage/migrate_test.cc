#include <gtest/gtest.h>

#include <set>
#include <string>

#include "storage/db.h"
#include "storage/migrations.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

TEST(MigrationsTest, BothBackendsCarryTheSameMigrationsInOrder) {
  const auto& lite = sqlite_migrations();
  const auto& pg = postgres_migrations();
  ASSERT_FALSE(lite.empty());
  ASSERT_EQ(lite.size(), pg.size());
  for (size_t i = 0; i < lite.size(); ++i) {
    EXPECT_STREQ(lite[i].name, pg[i].name);
    EXPECT_GT(std::string(lite[i].sql).size(), 0u);
    EXPECT_GT(std::string(pg[i].sql).size(), 0u);
    if (i > 0) {
      EXPECT_LT(std::string(lite[i - 1].name), std::string(lite[i].name));
    }
  }
  EXPECT_STREQ(lite[0].name, "0001_platform");
}

class MigrateTest : public StorageTest {
 protected:
  std::set<std::string> Applied() {
    auto conn = Conn();
    auto rows = conn->Query("SELECT name FROM schema_migrations ORDER BY name");
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    std::set<std::string> out;
    for (const Row& r : *rows) out.insert(r.Text(0));
    return out;
  }
};

TEST_P(MigrateTest, RecordsEveryMigrationOnce) {
  std::set<std::string> applied = Applied();
  const auto& expected =
      GetParam() == Backend::kSqlite ? sqlite_migrations() : postgres_migrations();
  EXPECT_EQ(applied.size(), expected.size());
  for (const Migration& m : expected) EXPECT_EQ(applied.count(m.name), 1u) << m.name;
}

TEST_P(MigrateTest, IsIdempotentAndKeepsData) {
  {
    auto conn = Conn();
    SeedOffice(*conn, "KEP-T01");
  }
  for (int i = 0; i < 2; ++i) {
    Status st = Migrate(*db_);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  auto conn = Conn();
  auto rows = conn->Query("SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(static_cast<size_t>((*rows)[0].Int(0)), sqlite_migrations().size());
  auto office = OfficeStore(*conn).FindByCode("KEP-T01");
  ASSERT_TRUE(office.ok());
  EXPECT_TRUE(office->has_value());
}

TEST_P(MigrateTest, CreatesThePlatformTables) {
  auto conn = Conn();
  for (const char* table : {"organisations", "offices", "roles", "role_permissions", "users",
                            "user_roles", "sessions", "data_keys", "audit_log"}) {
    auto rows = conn->Query(std::string("SELECT COUNT(*) FROM ") + table);
    ASSERT_TRUE(rows.ok()) << table << ": " << rows.status().ToString();
    EXPECT_EQ((*rows)[0].Int(0), 0) << table;
  }
}

TEST_P(MigrateTest, PostgresTestsWorkInASchemaOfTheirOwn) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  auto conn = Conn();
  auto rows = conn->Query(
      "SELECT current_schema(), n.nspname FROM pg_class c JOIN pg_namespace n "
      "ON n.oid = c.relnamespace WHERE c.oid = to_regclass('audit_log')");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Text(0), schema_);
  EXPECT_EQ((*rows)[0].Text(1), schema_);  // the tables live there, not in public
}

// 0009_text_collation: ids, numbers and codes compare bytewise, as on SQLite, whatever locale
// the database was created with; a later migration that adds a text column must say COLLATE "C".
TEST_P(MigrateTest, EveryPostgresTextColumnComparesBytewise) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  auto conn = Conn();
  auto rows = conn->Query(
      "SELECT c.table_name || '.' || c.column_name, COALESCE(c.collation_name, '(default)') "
      "FROM information_schema.columns c JOIN information_schema.tables t "
      "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
      "AND t.table_type = 'BASE TABLE' "
      "WHERE c.table_schema = current_schema() AND c.data_type = 'text'");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_GT(rows->size(), 50u);  // the check reaches the schema's columns
  for (const Row& r : *rows) EXPECT_EQ(r.Text(1), "C") << r.Text(0);
}

TEST_P(MigrateTest, ReopeningTheStoreNeedsNoNewMigrations) {
  db_.reset();
  auto db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  db_ = std::move(db).value();
  ASSERT_TRUE(Migrate(*db_).ok());
  EXPECT_EQ(Applied().size(), sqlite_migrations().size());
}

HW_INSTANTIATE_BACKENDS(MigrateTest);

}  // namespace
}  // namespace hw::storage
