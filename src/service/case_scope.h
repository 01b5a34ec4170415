// Shared by the services of a case's sub-records (screening, services, notes, tasks): loading the
// case a request is about, within the caller's scope, and sealing free text under its data key.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "common/result.h"
#include "crypto/record_keys.h"
#include "service/principal.h"
#include "storage/case_store.h"
#include "storage/db.h"

namespace hw::service {

inline constexpr const char* kReadCasePerm = "read:case";
inline constexpr const char* kUpdateCasePerm = "update:case";

// The case `case_id` when `p` holds `permission` for its office. A missing case and a case of an
// office outside the caller's scope are the same NotFound, so ids of other offices leak nothing.
Result<storage::CaseRow> LoadScopedCase(storage::Connection& conn, const Principal& p,
                                        const std::string& case_id, const char* permission);

// Opens every sealed field of one case with a single key lookup.
class CaseTextOpener {
 public:
  CaseTextOpener(crypto::RecordCipher& cipher, std::string case_id)
      : cipher_(cipher), case_id_(std::move(case_id)) {}
  // "" for empty input. Errors: those of RecordCipher (a shredded case: NotFound).
  Result<std::string> Open(const std::string& field, const std::string& sealed);

 private:
  crypto::RecordCipher& cipher_;
  std::string case_id_;
  std::optional<crypto::Key32> key_;
};

}  // namespace hw::service
