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

void Connection::NoteAccessChange() {
  if (in_transaction_) {
    access_changed_ = true;
  } else if (access_epoch_) {
    access_epoch_->fetch_add(1, std::memory_order_acq_rel);
  }
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
  conn->access_epoch_ = &access_epoch_;
  return PooledConnection(this, std::move(conn));
}

void Database::Release(std::unique_ptr<Connection> conn) {
  conn->Rollback();  // never hand out a connection left inside a transaction
  if (!conn->Healthy()) return;
  std::lock_guard lock(pool_mu_);
  if (idle_.size() < 64) idle_.push_back(std::move(conn));
}

void Database::CloseIdleConnections() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(pool_mu_);
    closing.swap(idle_);
  }
}

Status Database::InTransaction(const std::function<Status(Connection&)>& fn) {
  HW_ASSIGN_OR_RETURN(auto conn, Acquire());
  HW_RETURN_IF_ERROR(conn->Begin());
  conn->in_transaction_ = true;
  conn->access_changed_ = false;
  Status st;
  try {
    st = fn(*conn);
  } catch (...) {
    conn->in_transaction_ = false;
    conn->Rollback();
    throw;
  }
  conn->in_transaction_ = false;
  if (!st.ok()) {
    conn->Rollback();
    return st;
  }
  st = conn->Commit();
  // Only after the commit: a reader that sees the new epoch also sees the change. (A failed
  // commit may still have committed on some backends; moving on costs only a cache miss.)
  if (conn->access_changed_) access_epoch_.fetch_add(1, std::memory_order_acq_rel);
  conn->access_changed_ = false;
  return st;
}

}  // namespace hw::storage
