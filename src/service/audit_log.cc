#include "service/audit_log.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "crypto/hash.h"
#include "storage/audit_store.h"

namespace hw::service {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// Keyed with the audit key: whoever can edit the database but lacks the master key cannot
// forge a chain that verifies.
std::string ChainHash(const crypto::Keyring& keyring, const std::string& prev_hash,
                      const domain::AuditEntry& e) {
  return crypto::Blake2bKeyedHex(keyring.audit_key(), prev_hash + domain::CanonicalAuditEntry(e));
}

// Group commit state per store. It holds no pointer into the store (each caller brings its own
// context), so a store that goes away leaves only an idle queue behind.
struct PendingAudit {
  const Context* ctx = nullptr;
  const std::string* actor = nullptr;
  const RequestInfo* req = nullptr;
  const AuditEvent* event = nullptr;
  Status result;
  bool done = false;
};

struct AuditQueue {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<PendingAudit*> queue;
  bool committing = false;
};

AuditQueue& QueueFor(const storage::Database* db) {
  static std::mutex mu;
  static std::unordered_map<const storage::Database*, std::unique_ptr<AuditQueue>> queues;
  std::lock_guard lock(mu);
  auto& q = queues[db];
  if (!q) q = std::make_unique<AuditQueue>();
  return *q;
}

}  // namespace

Status AppendAuditCommitted(const Context& ctx, const std::string& actor, const RequestInfo& req,
                            const AuditEvent& event) {
  AuditQueue& q = QueueFor(&ctx.db);
  PendingAudit mine{&ctx, &actor, &req, &event, Status::Ok(), false};
  std::unique_lock lock(q.mu);
  q.queue.push_back(&mine);
  while (!mine.done) {
    if (q.committing) {
      q.cv.wait(lock);
      continue;
    }
    // Lead: commit everything queued, ours included, in one transaction.
    q.committing = true;
    std::vector<PendingAudit*> batch;
    batch.swap(q.queue);
    lock.unlock();
    Status st = ctx.db.InTransaction([&](storage::Connection& conn) -> Status {
      for (const PendingAudit* p : batch) {
        HW_RETURN_IF_ERROR(AppendAudit(conn, *p->ctx, *p->actor, *p->req, *p->event));
      }
      return Status::Ok();
    });
    lock.lock();
    for (PendingAudit* p : batch) {
      p->result = st;
      p->done = true;
    }
    q.committing = false;
    q.cv.notify_all();
  }
  return mine.result;
}

Status AppendAudit(storage::Connection& conn, const Context& ctx, const std::string& actor,
                   const RequestInfo& req, const AuditEvent& event) {
  storage::AuditStore store(conn);
  HW_RETURN_IF_ERROR(store.LockForAppend());
  HW_ASSIGN_OR_RETURN(auto last, store.Last());
  domain::AuditEntry e;
  e.seq = last ? last->seq + 1 : 1;
  e.time = ctx.clock.NowMs();
  e.actor = actor.empty() ? "-" : actor;
  e.action = event.action;
  e.entity = event.entity;
  e.entity_id = event.entity_id;
  e.office_id = event.office_id;
  e.request_id = req.request_id;
  e.prev_hash = last ? last->hash : kGenesis;
  e.hash = ChainHash(ctx.keyring, e.prev_hash, e);
  return store.Insert(e);
}

Result<AuditVerifyReport> VerifyAuditChain(storage::Database& db, const crypto::Keyring& keyring) {
  HW_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  storage::AuditStore store(*conn);
  AuditVerifyReport report;
  std::string prev = kGenesis;
  std::int64_t expected_seq = 1;
  constexpr int kBatch = 5000;
  for (std::int64_t after = 0;;) {
    HW_ASSIGN_OR_RETURN(auto batch, store.ScanFrom(after, kBatch));
    for (const domain::AuditEntry& e : batch) {
      const char* problem = nullptr;
      if (e.seq != expected_seq) {
        problem = "sequence gap (an entry is missing)";
      } else if (e.prev_hash != prev) {
        problem = "prev_hash does not match the previous entry";
      } else if (ChainHash(keyring, prev, e) != e.hash) {
        problem = "hash mismatch (the entry was altered)";
      }
      if (problem) {
        report.intact = false;
        report.first_bad_seq = e.seq;
        report.problem = problem;
        return report;
      }
      prev = e.hash;
      ++expected_seq;
      ++report.entries;
      after = e.seq;
    }
    if (batch.size() < static_cast<size_t>(kBatch)) break;
  }
  return report;
}

}  // namespace hw::service
