// Signed-in callers remembered between requests, so that a request does not read its session,
// user and roles from the database each time.
//
// An entry is used only while all of these hold, else the caller is read again:
//  - the database's access epoch is the one the entry was read at: any committed change to
//    sessions, users or roles through this process (sign-out, disable, new roles, TOTP) ends
//    every entry at once;
//  - it was read less than kSessionCacheTtlMs ago: changes made by another process (the
//    command line, a second server on the same PostgreSQL) are seen within that time;
//  - the session is neither expired nor idle, and is not due for its last-seen touch.
// Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "service/principal.h"

namespace hw::service {

inline constexpr TimeMs kSessionCacheTtlMs = 1000;

struct CachedSession {
  std::shared_ptr<const Principal> principal;
  TimeMs expires_at = 0;
  TimeMs last_seen_at = 0;
  TimeMs read_at = 0;
  std::uint64_t epoch = 0;
};

class SessionCache {
 public:
  // The caller behind `token_hash` if its entry is still usable (see above).
  std::shared_ptr<const Principal> Find(const std::string& token_hash, TimeMs now,
                                        std::uint64_t epoch, TimeMs idle_ms, TimeMs touch_ms);
  void Put(const std::string& token_hash, CachedSession entry);

 private:
  static constexpr std::size_t kMaxEntries = 10000;
  std::mutex mu_;
  std::unordered_map<std::string, CachedSession> entries_;
};

}  // namespace hw::service
