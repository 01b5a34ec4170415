// The one storage interface both backends implement: connections, parameterised statements and
// transactions over a portable SQL subset. Feature stores (user_store.h, ...) are written once
// against it; backend differences live in sqlite/ and postgres/ and in per-backend migrations.
//
// SQL placeholders are written $1, $2, ... for both backends.
// Thread safety: a Database is safe to share; a Connection is used by one thread at a time.
// Errors: every call returns Status/Result; unique violations become Conflict, a refused write
// to the audit table becomes PermissionDenied, anything else Internal (message for logs only).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

namespace hw::storage {

enum class Backend { kSqlite, kPostgres };

// Raw bytes (ciphertext, wrapped keys): bound as BLOB / BYTEA.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, std::int64_t, std::string, Blob>;

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool IsNull(size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& Text(size_t i) const;  // "" when NULL
  std::int64_t Int(size_t i) const;         // 0 when NULL
  std::optional<std::int64_t> OptInt(size_t i) const;
  std::optional<std::string> OptText(size_t i) const { return cells_.at(i); }
  // Moves the cell out ("" / nullopt when NULL): for a row read once into a record.
  std::string TakeText(size_t i) { return std::move(cells_.at(i)).value_or(std::string()); }
  std::optional<std::string> TakeOptText(size_t i) { return std::move(cells_.at(i)); }
  size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;  // blobs arrive as raw bytes
};

using Rows = std::vector<Row>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // Runs one or more statements without parameters (migrations, BEGIN/COMMIT).
  virtual Status ExecScript(std::string_view sql) = 0;
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Returns the number of rows changed.
  virtual Result<std::int64_t> Execute(std::string_view sql,
                                       const std::vector<Value>& params = {}) = 0;
  // Begins a write transaction (SQLite: BEGIN IMMEDIATE so writers serialise up front).
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  // False once the connection is broken; the pool then drops it.
  virtual bool Healthy() const { return true; }

  // Stores call this after writing what decides who may do what (sessions, users, roles): the
  // database's access epoch moves on once the write is committed, at once outside a transaction.
  void NoteAccessChange();

 private:
  friend class Database;
  std::atomic<std::uint64_t>* access_epoch_ = nullptr;
  bool in_transaction_ = false;
  bool access_changed_ = false;
};

class Database;

// A pooled connection; returns itself to the pool on destruction.
class PooledConnection {
 public:
  PooledConnection(Database* db, std::unique_ptr<Connection> conn)
      : db_(db), conn_(std::move(conn)) {}
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) = delete;
  ~PooledConnection();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Backend backend() const = 0;
  // Borrows a connection from the pool (opening one if none is idle).
  Result<PooledConnection> Acquire();
  // Runs `fn` inside a write transaction; commits when it returns ok, else rolls back.
  Status InTransaction(const std::function<Status(Connection&)>& fn);
  // Moves on after every committed change to sessions, users or roles made through this
  // process. A cache of access decisions read at epoch E is current while the epoch is still E
  // (changes by other processes are not seen: such caches also expire by time).
  std::uint64_t access_epoch() const { return access_epoch_.load(std::memory_order_acquire); }
  // Closes the idle pooled connections: after a migration, whose changes to a table (a column's
  // collation, say) would make statements prepared on them before it fail.
  void CloseIdleConnections();

 protected:
  virtual Result<std::unique_ptr<Connection>> Open() = 0;

 private:
  friend class PooledConnection;
  void Release(std::unique_ptr<Connection> conn);

  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::atomic<std::uint64_t> access_epoch_{0};
};

// Opens `url`: "sqlite:PATH" / a plain path, or "postgresql://...". Does not migrate.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url);

// Applies pending migrations in order, recording them in schema_migrations.
Status Migrate(Database& db);

}  // namespace hw::storage
