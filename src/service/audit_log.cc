#include "service/audit_log.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
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

// Group commit state per store. Entries are copied in, so a caller need not wait; the queue
// holds no pointer into the store (each entry brings its context), so a store that goes away
// leaves only an idle queue behind.
struct PendingAudit {
  const Context* ctx = nullptr;
  std::string actor;
  RequestInfo req;
  AuditEvent event;
  std::shared_ptr<AuditCommit> commit;
};

struct AuditQueue {
  std::mutex mu;
  std::condition_variable wake;
  std::condition_variable idle;  // signalled after each batch
  std::vector<PendingAudit> queue;
  bool writer_running = false;
  bool committing = false;
};

// Never destroyed: a writer thread may still be waiting on its queue while the process exits.
AuditQueue& QueueFor(const storage::Database* db) {
  static std::mutex& mu = *new std::mutex;
  static auto& queues = *new std::unordered_map<const storage::Database*, AuditQueue*>;
  std::lock_guard lock(mu);
  AuditQueue*& q = queues[db];
  if (!q) q = new AuditQueue;
  return *q;
}

// Appends `count` entries after reading the chain's head once.
Status AppendBatch(storage::Connection& conn, const PendingAudit* entries, size_t count) {
  storage::AuditStore store(conn);
  HW_RETURN_IF_ERROR(store.LockForAppend());
  HW_ASSIGN_OR_RETURN(auto last, store.Last());
  std::int64_t seq = last ? last->seq : 0;
  std::string prev = last ? last->hash : kGenesis;
  std::vector<domain::AuditEntry> chained;
  chained.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const PendingAudit& p = entries[i];
    domain::AuditEntry e;
    e.seq = ++seq;
    e.time = p.ctx->clock.NowMs();
    e.actor = p.actor.empty() ? "-" : p.actor;
    e.action = p.event.action;
    e.entity = p.event.entity;
    e.entity_id = p.event.entity_id;
    e.office_id = p.event.office_id;
    e.request_id = p.req.request_id;
    e.prev_hash = std::move(prev);
    e.hash = ChainHash(p.ctx->keyring, e.prev_hash, e);
    prev = e.hash;
    chained.push_back(std::move(e));
  }
  return store.InsertMany(chained);
}

constexpr auto kWriterIdle = std::chrono::milliseconds(200);

// One writer per store: commits everything queued in one transaction, then the next batch,
// for as long as entries keep coming; ends after kWriterIdle without any.
void WriterLoop(AuditQueue* q) {
  std::unique_lock lock(q->mu);
  for (;;) {
    if (!q->wake.wait_for(lock, kWriterIdle, [q] { return !q->queue.empty(); })) {
      q->writer_running = false;
      return;
    }
    std::vector<PendingAudit> batch;
    batch.swap(q->queue);
    q->committing = true;
    lock.unlock();
    Status st = batch.front().ctx->db.InTransaction([&](storage::Connection& conn) -> Status {
      return AppendBatch(conn, batch.data(), batch.size());
    });
    for (PendingAudit& p : batch) p.commit->Complete(st);
    lock.lock();
    q->committing = false;
    q->idle.notify_all();
  }
}

}  // namespace

void AuditCommit::Then(std::function<void(const Status&)> fn) {
  std::unique_lock lock(mu_);
  if (!done_) {
    then_ = std::move(fn);
    return;
  }
  Status st = status_;
  lock.unlock();
  fn(st);
}

Status AuditCommit::Wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return done_; });
  return status_;
}

void AuditCommit::Complete(const Status& st) {
  std::function<void(const Status&)> fn;
  {
    std::lock_guard lock(mu_);
    done_ = true;
    status_ = st;
    fn = std::move(then_);
  }
  cv_.notify_all();
  if (fn) fn(st);
}

Status AppendAuditCommitted(const Context& ctx, const std::string& actor, const RequestInfo& req,
                            const AuditEvent& event, std::shared_ptr<AuditCommit>* pending) {
  AuditQueue& q = QueueFor(&ctx.db);
  auto commit = std::make_shared<AuditCommit>();
  {
    std::lock_guard lock(q.mu);
    q.queue.push_back({&ctx, actor, req, event, commit});
    if (!q.writer_running) {
      q.writer_running = true;
      std::thread(WriterLoop, &q).detach();
    } else {
      q.wake.notify_one();
    }
  }
  if (pending) {
    *pending = std::move(commit);
    return Status::Ok();
  }
  return commit->Wait();
}

void WaitForAuditWriter(const storage::Database& db) {
  AuditQueue& q = QueueFor(&db);
  std::unique_lock lock(q.mu);
  q.idle.wait(lock, [&q] { return q.queue.empty() && !q.committing; });
}

Status AppendAudit(storage::Connection& conn, const Context& ctx, const std::string& actor,
                   const RequestInfo& req, const AuditEvent& event) {
  PendingAudit one{&ctx, actor, req, event, nullptr};
  return AppendBatch(conn, &one, 1);
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
