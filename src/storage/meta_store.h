// Key/value facts about the store itself.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "storage/db.h"

namespace hw::storage {

class MetaStore {
 public:
  explicit MetaStore(Connection& conn) : conn_(conn) {}
  Result<std::optional<std::string>> Get(const std::string& key);
  Status Put(const std::string& key, const std::string& value);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
