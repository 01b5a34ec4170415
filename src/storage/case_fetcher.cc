#include "storage/case_fetcher.h"

#include <unordered_map>
#include <utility>

namespace hw::storage {

CaseFetcher::~CaseFetcher() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void CaseFetcher::Fetch(std::string id, Done done) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({std::move(id), std::move(done)});
    if (!thread_.joinable()) thread_ = std::thread([this] { Loop(); });
  }
  wake_.notify_one();
}

void CaseFetcher::Drain() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

// Takes whatever is queued (up to kMaxBatch), reads it in one statement, answers, repeats: no
// timer, so a lone read goes out at once and batches grow only while the store is busy.
void CaseFetcher::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to answer
    std::vector<Pending> batch;
    if (queue_.size() <= kMaxBatch) {
      batch.swap(queue_);
    } else {
      auto split = queue_.begin() + static_cast<std::ptrdiff_t>(kMaxBatch);
      batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(split));
      queue_.erase(queue_.begin(), split);
    }
    busy_ = true;
    lock.unlock();
    Answer(batch);
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
}

void CaseFetcher::Answer(std::vector<Pending>& batch) {
  std::vector<std::string> ids;
  ids.reserve(batch.size());
  for (const Pending& p : batch) ids.push_back(p.id);
  Result<std::vector<CaseRow>> rows = [&]() -> Result<std::vector<CaseRow>> {
    HW_ASSIGN_OR_RETURN(auto conn, db_.Acquire());
    return CaseStore(*conn).GetMany(ids);
  }();  // the connection is back in the pool before anyone is answered
  if (!rows.ok()) {
    for (Pending& p : batch) p.done(rows.status());
    return;
  }
  // Several callers may ask for the same case: each gets a copy, the last one the row itself.
  std::unordered_map<std::string, std::pair<CaseRow*, size_t>> found;  // keys copied: rows move out
  for (CaseRow& r : *rows) found[r.id] = {&r, 0};
  for (const Pending& p : batch) {
    if (auto it = found.find(p.id); it != found.end()) ++it->second.second;
  }
  for (Pending& p : batch) {
    auto it = found.find(p.id);
    if (it == found.end()) {
      p.done(std::optional<CaseRow>());
    } else if (--it->second.second == 0) {
      p.done(std::optional<CaseRow>(std::move(*it->second.first)));
    } else {
      p.done(std::optional<CaseRow>(*it->second.first));
    }
  }
}

}  // namespace hw::storage
