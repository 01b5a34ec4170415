#include "storage/meta_store.h"

namespace hw::storage {

Result<std::optional<std::string>> MetaStore::Get(const std::string& key) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT value FROM meta WHERE key = $1", {key}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows[0].Text(0));
}

Status MetaStore::Put(const std::string& key, const std::string& value) {
  return conn_
      .Execute(
          "INSERT INTO meta (key, value) VALUES ($1, $2) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          {key, value})
      .status();
}

}  // namespace hw::storage
