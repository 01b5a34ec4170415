#include "service/session_cache.h"

namespace hw::service {

std::shared_ptr<const Principal> SessionCache::Find(const std::string& token_hash, TimeMs now,
                                                    std::uint64_t epoch, TimeMs idle_ms,
                                                    TimeMs touch_ms) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return nullptr;
  const CachedSession& e = it->second;
  bool usable = e.epoch == epoch && now >= e.read_at && now - e.read_at < kSessionCacheTtlMs &&
                now < e.expires_at && now - e.last_seen_at < idle_ms &&
                now - e.last_seen_at < touch_ms;
  if (!usable) {
    entries_.erase(it);
    return nullptr;
  }
  return e.principal;
}

void SessionCache::Put(const std::string& token_hash, CachedSession entry) {
  std::lock_guard lock(mu_);
  if (entries_.size() >= kMaxEntries) entries_.clear();  // stale ones go; live ones come back
  entries_[token_hash] = std::move(entry);
}

}  // namespace hw::service
