// The audit table: append and read only (the schema's triggers refuse UPDATE and DELETE).
// Hashing the chain is the service's job (service/audit_log); this stores and fetches rows.
#pragma once

#include <optional>
#include <vector>

#include "common/result.h"
#include "domain/audit.h"
#include "storage/db.h"

namespace hw::storage {

class AuditStore {
 public:
  explicit AuditStore(Connection& conn) : conn_(conn) {}
  // Serialises appenders until the transaction ends (PostgreSQL advisory lock; SQLite's
  // BEGIN IMMEDIATE already holds the write lock).
  Status LockForAppend();
  Result<std::optional<domain::AuditEntry>> Last();
  Status Insert(const domain::AuditEntry& e);
  // Many entries in as few statements as possible (one per kInsertChunk): one round trip each.
  Status InsertMany(const std::vector<domain::AuditEntry>& entries);
  static constexpr size_t kInsertChunk = 32;
  // PostgreSQL only, outside a transaction: appends entries that continue a head the caller
  // already knows (it appended it), in one statement that first takes the append lock, so a
  // transaction that locked and read the head before cannot be overtaken. Conflict when the
  // head has moved on (another appender): read it again under the lock (LockForAppend, Last).
  Status AppendAtKnownHead(const std::vector<domain::AuditEntry>& entries);
  // Newest first, seq < before (0 = from the newest); office_id "" = every office.
  Result<std::vector<domain::AuditEntry>> ListNewestFirst(const std::string& office_id,
                                                          std::int64_t before, int limit);
  // Oldest first, seq > after: for verifying the chain in batches.
  Result<std::vector<domain::AuditEntry>> ScanFrom(std::int64_t after, int limit);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
