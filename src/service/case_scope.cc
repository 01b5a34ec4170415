#include "service/case_scope.h"

#include "crypto/field_cipher.h"
#include "service/access_policy.h"

namespace hw::service {

Result<storage::CaseRow> LoadScopedCase(storage::Connection& conn, const Principal& p,
                                        const std::string& case_id, const char* permission) {
  HW_ASSIGN_OR_RETURN(auto row, storage::CaseStore(conn).Get(case_id));
  if (!row || !Authorize(p, permission, row->office_id).ok()) {
    return Status::NotFound("case not found");
  }
  return *std::move(row);
}

Result<std::string> CaseTextOpener::Open(const std::string& field, const std::string& sealed) {
  if (sealed.empty()) return std::string();
  if (!key_) {
    HW_ASSIGN_OR_RETURN(crypto::Key32 key, cipher_.GetDataKey(case_id_));
    key_ = key;
  }
  return crypto::Open(*key_, case_id_, field, sealed);
}

}  // namespace hw::service
