// Reads cases by id for many concurrent callers with few statements: the ids asked for while a
// statement is out go together in the next one (CaseStore::GetMany), on the fetcher's own
// thread and pooled connection. Worth it where every statement costs a round trip to a database
// server and that server's per-statement work (PostgreSQL: about 130 µs of its CPU for a single
// audited case read at 1M cases, docs/benchmarks.md); an embedded SQLite lookup is cheaper than
// the hand-off, so there `batches()` is false and callers read inline (CaseStore::Get).
//
// Nothing here decides who may see a row: callers check the office scope of what they get back,
// exactly as after CaseStore::Get.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "storage/case_store.h"
#include "storage/db.h"

namespace hw::storage {

class CaseFetcher {
 public:
  // The row, nullopt when there is no such case, or the statement's error.
  using Done = std::function<void(Result<std::optional<CaseRow>>)>;
  // Ids per statement at most; more wait for the next one.
  static constexpr size_t kMaxBatch = 256;

  explicit CaseFetcher(Database& db) : db_(db) {}
  // Answers everything already asked for, then stops the thread.
  ~CaseFetcher();
  CaseFetcher(const CaseFetcher&) = delete;
  CaseFetcher& operator=(const CaseFetcher&) = delete;

  // True when reads are worth batching on this store (PostgreSQL).
  bool batches() const { return db_.backend() == Backend::kPostgres; }
  // Queues a read; `done` is called once, on the fetcher's thread: keep it short (hand the real
  // work to another thread). Starts the thread on first use.
  void Fetch(std::string id, Done done);
  // Returns once every read asked for so far has been answered.
  void Drain();

 private:
  struct Pending {
    std::string id;
    Done done;
  };
  void Loop();
  void Answer(std::vector<Pending>& batch);

  Database& db_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::vector<Pending> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hw::storage
