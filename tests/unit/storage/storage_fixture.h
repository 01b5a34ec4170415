// A fresh, migrated store per test, on each backend: SQLite in a temporary directory always, and
// PostgreSQL when HOMEWARD_TEST_PG_URL is set. Each PostgreSQL test gets a schema of its own
// (hw_test_<random>, first on every pooled connection's search_path through the URL's `options`),
// dropped at the end: tests can run in parallel (ctest -j) against one server, and nothing outside
// their schema is touched.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/id.h"
#include "domain/office.h"
#include "domain/user.h"
#include "storage/case_store.h"
#include "storage/db.h"
#include "storage/office_store.h"
#include "storage/role_store.h"

namespace hw::storage::testing {

inline const char* PgUrlFromEnv() {
  const char* url = std::getenv("HOMEWARD_TEST_PG_URL");
  return url && *url ? url : nullptr;
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

// A unique empty directory under the system temp dir, removed with everything in it on scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hw-test-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class StorageTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      const char* url = PgUrlFromEnv();
      if (!url) GTEST_SKIP() << "HOMEWARD_TEST_PG_URL is not set";
      base_url_ = url;
      schema_ = "hw_test_" + NewId().substr(24);  // the 12 random hex digits of a UUIDv7
      {
        auto admin = OpenDatabase(base_url_);
        ASSERT_TRUE(admin.ok()) << admin.status().ToString();
        auto conn = (*admin)->Acquire();
        ASSERT_TRUE(conn.ok()) << conn.status().ToString();
        Status created = (*conn)->ExecScript("CREATE SCHEMA " + schema_);
        ASSERT_TRUE(created.ok()) << created.ToString();
      }
      url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
             "options=-c%20search_path%3D" + schema_ +
             "%20-c%20synchronous_commit%3Doff";  // test data: do not wait for the WAL flush
      auto db = OpenDatabase(url_);
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      db_ = std::move(db).value();
    } else {
      dir_ = std::make_unique<TempDir>();
      url_ = (dir_->path() / "homeward.db").string();
      auto db = OpenDatabase(url_);
      ASSERT_TRUE(db.ok()) << db.status().ToString();
      db_ = std::move(db).value();
    }
    ASSERT_EQ(db_->backend(), GetParam());
    Status migrated = Migrate(*db_);
    ASSERT_TRUE(migrated.ok()) << migrated.ToString();
  }

  void TearDown() override {
    db_.reset();
    dir_.reset();
    if (!schema_.empty()) {
      auto admin = OpenDatabase(base_url_);
      if (admin.ok()) {
        auto conn = (*admin)->Acquire();
        if (conn.ok()) {
          Status dropped = (*conn)->ExecScript("DROP SCHEMA " + schema_ + " CASCADE");
          EXPECT_TRUE(dropped.ok()) << dropped.ToString();
        }
      }
    }
  }

  // A connection from the pool; fails the test when none can be had.
  PooledConnection Conn() {
    auto conn = db_->Acquire();
    if (!conn.ok()) throw std::runtime_error(conn.status().ToString());
    return std::move(conn).value();
  }

  // The SQL type of raw bytes on this backend.
  const char* BlobType() const { return GetParam() == Backend::kSqlite ? "BLOB" : "BYTEA"; }

  // One organisation (created on first use) and an office in it.
  domain::Office SeedOffice(Connection& conn, const std::string& code, TimeMs now = 1000) {
    OfficeStore offices(conn);
    if (org_id_.empty()) {
      org_id_ = NewId();
      Status st = offices.InsertOrganisation({org_id_, "Test organisation"}, now);
      if (!st.ok()) throw std::runtime_error(st.ToString());
    }
    domain::Office o{NewId(), org_id_, "Office " + code, code, "MY", now, now, 1};
    Status st = offices.Insert(o);
    if (!st.ok()) throw std::runtime_error(st.ToString());
    return o;
  }

  // Roles referenced by user_roles: "admin" and "caseworker".
  void SeedRoles(Connection& conn) {
    RoleStore roles(conn);
    for (const char* name : {"admin", "caseworker"}) {
      domain::Role r;
      r.name = name;
      r.description = std::string("The ") + name;
      r.permissions = {"read:office"};
      Status st = roles.Upsert(r);
      if (!st.ok()) throw std::runtime_error(st.ToString());
    }
  }

  // Case `n` of an office whose code is `code`: numbered CODE-2026-1000n, Active, Vietnamese,
  // attrs {"n":n} and sealed bytes with a NUL in them; not yet inserted.
  static CaseRow SampleCase(const std::string& office_id, const std::string& code, int n) {
    CaseRow c;
    c.id = NewId();
    c.office_id = office_id;
    c.number = code + "-2026-" + std::to_string(10000 + n);
    c.status = "Active";
    c.citizenship = ",VN,";
    c.exploitation = ",ForcedLabour,";
    c.attrs = "{\"n\":" + std::to_string(n) + "}";
    c.pii = std::string("sealed\0bytes", 12) + std::to_string(n);
    c.created_at = 1000 + n;
    c.updated_at = 1000 + n;
    return c;
  }

  static domain::User MakeUser(const std::string& office_id, const std::string& username,
                               std::vector<std::string> roles = {"caseworker"}) {
    domain::User u;
    u.id = NewId();
    u.office_id = office_id;
    u.username = username;
    u.display_name = "Display " + username;
    u.password_hash = "$argon2id$placeholder";
    u.roles = std::move(roles);
    u.created_at = 1000;
    u.updated_at = 1000;
    return u;
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<TempDir> dir_;
  std::string url_;       // what the test opens (PostgreSQL: bound to its own schema)
  std::string base_url_;  // PostgreSQL only: HOMEWARD_TEST_PG_URL
  std::string schema_;    // PostgreSQL only
  std::string org_id_;
};

#define HW_INSTANTIATE_BACKENDS(suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(                                                                  \
      Backends, suite,                                                                       \
      ::testing::Values(::hw::storage::Backend::kSqlite, ::hw::storage::Backend::kPostgres), \
      ::hw::storage::testing::BackendName)

}  // namespace hw::storage::testing
