// Sessions, keyed by the hash of the opaque token (the token itself is never stored).
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "storage/db.h"

namespace hw::storage {

struct SessionRow {
  std::string token_hash;
  std::string user_id;
  std::string office_id;
  std::string csrf_token;
  TimeMs created_at = 0;
  TimeMs last_seen_at = 0;
  TimeMs expires_at = 0;  // absolute limit
};

class SessionStore {
 public:
  explicit SessionStore(Connection& conn) : conn_(conn) {}
  Status Insert(const SessionRow& s);
  Result<std::optional<SessionRow>> Find(const std::string& token_hash);
  Status Touch(const std::string& token_hash, TimeMs now);
  Status Delete(const std::string& token_hash);
  Status DeleteForUser(const std::string& user_id);
  // Removes sessions idle since before `idle_cutoff` or past their absolute expiry.
  Status DeleteExpired(TimeMs idle_cutoff, TimeMs now);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
