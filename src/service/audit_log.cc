#include "service/audit_log.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
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

// The chain's last entry as this process's writer committed it.
struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};

struct AuditQueue {
  std::mutex mu;
  std::condition_variable wake;
  std::condition_variable idle;  // signalled after each batch
  std::vector<PendingAudit> queue;
  bool writer_running = false;
  bool committing = false;
  std::optional<ChainHead> head;  // the writer's alone (one writer thread at a time)
  std::chrono::steady_clock::time_point next_batch;  // the writer's too: kBatchSpacing
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

// The entries of `count` pending appends, chained on from (seq, prev).
std::vector<domain::AuditEntry> Chain(const PendingAudit* entries, size_t count, std::int64_t seq,
                                      std::string prev) {
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
  return chained;
}

// Appends `count` entries after reading the chain's head once; `head` gets the new head.
Status AppendBatch(storage::Connection& conn, const PendingAudit* entries, size_t count,
                   ChainHead* head = nullptr) {
  storage::AuditStore store(conn);
  HW_RETURN_IF_ERROR(store.LockForAppend());
  HW_ASSIGN_OR_RETURN(auto last, store.Last());
  std::vector<domain::AuditEntry> chained =
      Chain(entries, count, last ? last->seq : 0, last ? last->hash : kGenesis);
  HW_RETURN_IF_ERROR(store.InsertMany(chained));
  if (head && !chained.empty()) *head = {chained.back().seq, chained.back().hash};
  return Status::Ok();
}

// Commits one batch of the writer. On PostgreSQL, while the head this writer last committed is
// still the chain's head, that is one statement (AppendAtKnownHead) instead of a transaction of
// five (begin, lock, read the head, insert, commit); when another appender moved the head on,
// the statement is refused (Conflict) and the batch goes the long way, which reads the head.
Status CommitBatch(AuditQueue& q, std::vector<PendingAudit>& batch) {
  const Context& ctx = *batch.front().ctx;
  if (ctx.db.backend() == storage::Backend::kPostgres && q.head) {
    std::vector<domain::AuditEntry> chained =
        Chain(batch.data(), batch.size(), q.head->seq, q.head->hash);
    Status st = [&]() -> Status {
      HW_ASSIGN_OR_RETURN(auto conn, ctx.db.Acquire());
      return storage::AuditStore(*conn).AppendAtKnownHead(chained);
    }();
    q.head.reset();
    if (st.ok()) {
      q.head = ChainHead{chained.back().seq, chained.back().hash};
      return st;
    }
    if (st.code() != StatusCode::kConflict) return st;
  }
  ChainHead head;
  Status st = ctx.db.InTransaction([&](storage::Connection& conn) -> Status {
    return AppendBatch(conn, batch.data(), batch.size(), &head);
  });
  if (st.ok()) q.head = head;
  return st;
}

constexpr auto kWriterIdle = std::chrono::milliseconds(200);
// Under load, batches start at least this far apart so that each statement carries more
// entries: at ~2,000 audited list reads/s on PostgreSQL a batch held 1.9 entries, and 7 with
// this spacing (docs/benchmarks.md). A read after a quiet spell is not delayed: its batch is
// due at once. The longest added wait is this spacing.
constexpr auto kBatchSpacing = std::chrono::milliseconds(1);

// One writer per store: commits everything queued in one transaction, then the next batch
// (kBatchSpacing after the last one began), for as long as entries keep coming; ends after
// kWriterIdle without any.
void WriterLoop(AuditQueue* q) {
  std::unique_lock lock(q->mu);
  for (;;) {
    if (!q->wake.wait_for(lock, kWriterIdle, [q] { return !q->queue.empty(); })) {
      q->writer_running = false;
      return;
    }
    if (std::chrono::steady_clock::now() < q->next_batch) {
      lock.unlock();
      std::this_thread::sleep_until(q->next_batch);
      lock.lock();
    }
    q->next_batch = std::chrono::steady_clock::now() + kBatchSpacing;
    std::vector<PendingAudit> batch;
    batch.swap(q->queue);
    q->committing = true;
    lock.unlock();
    Status st = CommitBatch(*q, batch);
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
