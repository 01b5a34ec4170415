#include "storage/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <string>
#include <unordered_map>

namespace hw::storage {
namespace {

// "$12" -> "?12": SQLite's numbered parameter syntax.
std::string TranslatePlaceholders(std::string_view sql) {
  std::string out(sql);
  for (char& c : out) {
    if (c == '$') c = '?';
  }
  return out;
}

Status FromSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xFF;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Status::Conflict("unique constraint violated");
  }
  if (msg.find("append-only") != std::string::npos) {
    return Status::PermissionDenied("the audit log is append-only");
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Status::Unavailable("database busy");
  }
  return Status::Internal(std::string(what) + ": " + msg);
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Backend backend() const override { return Backend::kSqlite; }

  Status ExecScript(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) return FromSqlite(db_, sqlite3_extended_errcode(db_), "exec");
    return Status::Ok();
  }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    HW_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    Rows rows;
    int cols = sqlite3_column_count(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<size_t>(cols));
      for (int i = 0; i < cols; ++i) {
        if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
          cells.emplace_back(std::nullopt);
          continue;
        }
        if (sqlite3_column_type(stmt, i) == SQLITE_INTEGER) {  // no text round trip in SQLite
          cells.emplace_back(std::to_string(sqlite3_column_int64(stmt, i)));
          continue;
        }
        const void* data = sqlite3_column_blob(stmt, i);
        int n = sqlite3_column_bytes(stmt, i);
        cells.emplace_back(std::string(static_cast<const char*>(data), static_cast<size_t>(n)));
      }
      rows.emplace_back(std::move(cells));
    }
    Status st =
        rc == SQLITE_DONE ? Status::Ok() : FromSqlite(db_, sqlite3_extended_errcode(db_), "query");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!st.ok()) return st;
    return rows;
  }

  Result<std::int64_t> Execute(std::string_view sql, const std::vector<Value>& params) override {
    HW_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    Status st = rc == SQLITE_DONE ? Status::Ok()
                                  : FromSqlite(db_, sqlite3_extended_errcode(db_), "execute");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!st.ok()) return st;
    return static_cast<std::int64_t>(sqlite3_changes(db_));
  }

  // Prepared once per connection like any statement (sqlite3_exec would parse them each time).
  Status Begin() override { return Execute("BEGIN IMMEDIATE", {}).status(); }
  Status Commit() override { return Execute("COMMIT", {}).status(); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const std::vector<Value>& params) {
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      stmt = it->second;
    } else {
      std::string translated = TranslatePlaceholders(sql);
      int rc = sqlite3_prepare_v3(db_, translated.c_str(), static_cast<int>(translated.size()),
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return FromSqlite(db_, rc, "prepare");
      cache_.emplace(std::move(key), stmt);
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else if (auto* b = std::get_if<Blob>(&v)) {
        rc = sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return FromSqlite(db_, rc, "bind");
    }
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}
  Backend backend() const override { return Backend::kSqlite; }

 protected:
  Result<std::unique_ptr<Connection>> Open() override {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path_.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      Status st = FromSqlite(db, rc, "open");
      sqlite3_close_v2(db);
      return st;
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 5000);
    HW_RETURN_IF_ERROR(conn->ExecScript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA secure_delete=ON; PRAGMA trusted_schema=OFF;"
        // No memory map: in WAL mode SQLite unmaps the whole file whenever another connection
        // has committed, and every audited read commits, so each read paid for a 1 GiB munmap
        // and its TLB shootdown. Pages come through pread from the OS page cache instead.
        "PRAGMA mmap_size=0; PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;"));
    return std::unique_ptr<Connection>(std::move(conn));
  }

 private:
  std::string path_;
};

// Once per process, before SQLite initialises: no memory statistics. With them on, every
// sqlite3_malloc and sqlite3_free takes one process-wide mutex, which the request threads then
// queue on.
void ConfigureSqliteOnce() {
  static const int rc = [] {
    int r = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return r == SQLITE_OK ? sqlite3_initialize() : r;
  }();
  (void)rc;  // SQLITE_MISUSE if SQLite was already initialised: it then runs as configured.
}

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path) {
  ConfigureSqliteOnce();
  auto db = std::make_unique<SqliteDatabase>(path);
  // Open one connection now so a bad path fails at startup, not on the first request.
  HW_ASSIGN_OR_RETURN(auto conn, db->Acquire());
  (void)conn;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace hw::storage
