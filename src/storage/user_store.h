// Users, their roles, and login bookkeeping. Runs on the caller's connection (and transaction).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/user.h"
#include "storage/db.h"

namespace hw::storage {

class UserStore {
 public:
  explicit UserStore(Connection& conn) : conn_(conn) {}

  // Inserts the user and its roles. Conflict when the username is taken.
  Status Insert(const domain::User& user);
  Result<std::optional<domain::User>> Get(const std::string& id);
  Result<std::optional<domain::User>> FindByUsername(const std::string& username);
  // Ordered by id after `after`; `office_id` empty means every office.
  Result<std::vector<domain::User>> List(const std::string& office_id, const std::string& after,
                                         int limit);
  // Writes every mutable field when the stored version equals `user.version`, then bumps it.
  // Conflict (with detail current_version) when stale, NotFound when absent.
  Status Update(const domain::User& user, TimeMs now);
  // Counts one failed sign-in atomically (concurrent failures all count): restarts the window
  // when it is older than `window_start`, and locks until `lock_until` at `max_failures`.
  // Updates `user` with the stored counters.
  Status RecordLoginFailure(domain::User& user, TimeMs now, TimeMs window_start, int max_failures,
                            TimeMs lock_until);
  // Login bookkeeping; does not bump the version (a failed login is not an edit).
  Status SetLoginState(const domain::User& user);
  Result<std::int64_t> Count();

 private:
  Status LoadRoles(domain::User& user);
  Status WriteRoles(const domain::User& user);
  Connection& conn_;
};

}  // namespace hw::storage
