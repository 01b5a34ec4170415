// The hash-chained audit log: hash = BLAKE2b(prev_hash || canonical entry). Entries hold no
// personal values. Append inside the transaction of the change it records, so a change and its
// audit entry commit or fail together.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "domain/audit.h"
#include "service/context.h"
#include "service/principal.h"
#include "storage/db.h"

namespace hw::service {

struct AuditEvent {
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string office_id;
};

// Appends on `conn`, which must be inside a write transaction.
Status AppendAudit(storage::Connection& conn, const Context& ctx, const std::string& actor,
                   const RequestInfo& req, const AuditEvent& event);

// Appends in a transaction of its own and returns once the entry is committed: for reads, whose
// data goes out only after their audit entry is durable. Concurrent callers share one
// transaction (group commit): the first waiting caller commits everything queued so far.
Status AppendAuditCommitted(const Context& ctx, const std::string& actor, const RequestInfo& req,
                            const AuditEvent& event);

struct AuditVerifyReport {
  std::int64_t entries = 0;
  bool intact = true;
  std::int64_t first_bad_seq = 0;  // when not intact
  std::string problem;             // e.g. "hash mismatch", "sequence gap"
};

// Recomputes the whole chain with the audit key derived from the master key.
Result<AuditVerifyReport> VerifyAuditChain(storage::Database& db, const crypto::Keyring& keyring);

}  // namespace hw::service
