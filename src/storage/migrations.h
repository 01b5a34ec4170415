// Schema migrations embedded in the binary, one list per backend, applied in name order.
#pragma once

#include <string>
#include <vector>

namespace hw::storage {

struct Migration {
  const char* name;  // e.g. "0001_platform"
  const char* sql;
};

const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();

}  // namespace hw::storage
