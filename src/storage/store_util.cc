#include "storage/store_util.h"

namespace hw::storage {

Value TextOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

Value BlobOrNull(const std::string& bytes) {
  if (bytes.empty()) return nullptr;
  return Blob{bytes};
}

Status StaleOrMissing(Connection& conn, const char* table, const std::string& id,
                      const char* what) {
  HW_ASSIGN_OR_RETURN(
      Rows rows, conn.Query(std::string("SELECT version FROM ") + table + " WHERE id = $1", {id}));
  if (rows.empty()) return Status::NotFound(std::string(what) + " not found");
  return Status::Conflict(std::string("the ") + what + " was changed by someone else")
      .WithDetail("current_version", rows[0].Int(0));
}

std::string PgTextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const std::string& v : values) {
    if (out.size() > 1) out.push_back(',');
    out.push_back('"');
    for (char ch : v) {
      if (ch == '"' || ch == '\\') out.push_back('\\');
      out.push_back(ch);
    }
    out.push_back('"');
  }
  out.push_back('}');
  return out;
}

}  // namespace hw::storage
