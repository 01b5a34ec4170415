// PostgreSQL 15 backend over libpq: pooled connections, prepared statements cached per connection.
#pragma once

#include <memory>
#include <string>

#include "storage/db.h"

namespace hw::storage {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url);

}  // namespace hw::storage
