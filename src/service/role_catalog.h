// The roles and what they grant, read from the store once and cached (roles are seeded data that
// changes only with a migration or `homeward` admin command, which call Reload).
// Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/user.h"
#include "service/config.h"
#include "storage/db.h"

namespace hw::service {

// The built-in roles with their permissions, scopes and second-factor rules.
std::vector<domain::Role> DefaultRoles();

class RoleCatalog {
 public:
  Status Reload(storage::Database& db);
  std::vector<domain::Role> All() const;
  bool Exists(const std::string& name) const;
  // Union of the permissions of `roles`, their widest scope, and whether any needs TOTP.
  void Resolve(const std::vector<std::string>& roles, std::set<std::string>* permissions,
               domain::Scope* scope, bool* requires_totp) const;

 private:
  mutable std::mutex mu_;
  std::map<std::string, domain::Role> roles_;
};

}  // namespace hw::service
