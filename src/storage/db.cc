#include "storage/db.h"

#include <charconv>

namespace hw::storage {

const std::string& Row::Text(size_t i) const {
  static const std::string kEmpty;
  const auto& c = cells_.at(i);
  return c ? *c : kEmpty;
}

std::int64_t Row::Int(size_t i) const { return OptInt(i).value_or(0); }

std::optional<std::int64_t> Row::OptInt(size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) return std::nullopt;
  std::int64_t v = 0;
  std::from_chars(c->data(), c->data() + c->size(), v);
  return v;
}

PooledConnection::~PooledConnection() {
  if (db_ && conn_) db_->Release(std::move(conn_));
}

Result<PooledConnection> Database::Acquire() {
  {
    std::lock_guard lock(pool_mu_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return PooledConnection(this, std::move(conn));
    }
  }
  HW_ASSIGN_OR_RETURN(auto conn, Open());
  return PooledConnection(this, std::move(conn));
}

void Database::Release(std::unique_ptr<Connection> conn) {
  conn->Rollback();  // never hand out a connection left inside a transaction
  if (!conn->Healthy()) return;
  std::lock_guard lock(pool_mu_);
  if (idle_.size() < 64) idle_.push_back(std::move(conn));
}

Status Database::InTransaction(const std::function<Status(Connection&)>& fn) {
  HW_ASSIGN_OR_RETURN(auto conn, Acquire());
  HW_RETURN_IF_ERROR(conn->Begin());
  Status st;
  try {
    st = fn(*conn);
  } catch (...) {
    conn->Rollback();
    throw;
  }
  if (!st.ok()) {
    conn->Rollback();
    return st;
  }
  return conn->Commit();
}

}  // namespace hw::storage
