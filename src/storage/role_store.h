// Roles and their permissions, seeded as data.
#pragma once

#include <vector>

#include "common/result.h"
#include "domain/user.h"
#include "storage/db.h"

namespace hw::storage {

class RoleStore {
 public:
  explicit RoleStore(Connection& conn) : conn_(conn) {}
  // Inserts or replaces the role and its permission list.
  Status Upsert(const domain::Role& role);
  Result<std::vector<domain::Role>> List();

 private:
  Connection& conn_;
};

}  // namespace hw::storage
