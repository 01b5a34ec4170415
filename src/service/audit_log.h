// The hash-chained audit log: hash = BLAKE2b(prev_hash || canonical entry). Entries hold no
// personal values. Append inside the transaction of the change it records, so a change and its
// audit entry commit or fail together.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
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

// Audit entries appended by a read, on their way to the database. The read's data may go out
// only once they are committed: Then() says when (and with what outcome), Wait() blocks for it.
class AuditCommit {
 public:
  // Calls `fn` once with the outcome: at once if it is known, else on the committing thread
  // (keep `fn` short: post the real work elsewhere). One callback per commit.
  void Then(std::function<void(const Status&)> fn);
  Status Wait();
  void Complete(const Status& st);  // by the committer

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  Status status_;
  std::function<void(const Status&)> then_;
};

// Appends in a transaction of its own, for reads. Entries of concurrent reads share one
// transaction (group commit) made by the store's audit writer thread, which commits everything
// queued, then the next batch, while entries keep coming. With `pending` null this returns once
// the entry is committed; else it stores the pending commit there and returns at once: the
// caller must hold the data back until the commit reports success (http: HoldUntilCommitted),
// and `ctx` must outlive the commit.
Status AppendAuditCommitted(const Context& ctx, const std::string& actor, const RequestInfo& req,
                            const AuditEvent& event,
                            std::shared_ptr<AuditCommit>* pending = nullptr);

// Returns once every entry handed to the store's audit writer is committed (or failed) and its
// callbacks have run: call before tearing down what those callbacks reach (the HTTP server) or
// the store itself.
void WaitForAuditWriter(const storage::Database& db);

struct AuditVerifyReport {
  std::int64_t entries = 0;
  bool intact = true;
  std::int64_t first_bad_seq = 0;  // when not intact
  std::string problem;             // e.g. "hash mismatch", "sequence gap"
};

// Recomputes the whole chain with the audit key derived from the master key.
Result<AuditVerifyReport> VerifyAuditChain(storage::Database& db, const crypto::Keyring& keyring);

}  // namespace hw::service
