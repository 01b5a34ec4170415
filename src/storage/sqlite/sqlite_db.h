// SQLite backend: one file, WAL mode, a connection per concurrent caller from the pool.
#pragma once

#include <memory>
#include <string>

#include "storage/db.h"

namespace hw::storage {

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);

}  // namespace hw::storage
