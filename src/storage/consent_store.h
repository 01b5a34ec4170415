// The consent history of cases (table case_consents). Append-only: there is no update. Runs on
// the caller's connection (and transaction). The witness arrives and leaves sealed; the store
// never sees it in clear.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/consent.h"
#include "storage/db.h"

namespace hw::storage {

struct ConsentRow {
  domain::Consent consent;     // consent.witness unused here
  std::string sealed_witness;  // "" = none
};

class ConsentStore {
 public:
  explicit ConsentStore(Connection& conn) : conn_(conn) {}

  // Appends `row`, giving it the next seq of its case (written back into row.consent.seq).
  // Concurrent appends to one case serialise on the case row (a no-op update takes its lock).
  Status Append(ConsentRow& row);
  // The whole history of a case, newest first.
  Result<std::vector<ConsentRow>> ListForCase(const std::string& case_id);
  // The latest entry of `kind` for a case (for sharing: of the organisation with that key).
  Result<std::optional<ConsentRow>> Latest(const std::string& case_id, const std::string& kind,
                                           const std::string& organisation_key);
  // The state of the latest entry of `kind` (without organisation) for each of `case_ids` that
  // has one. At most 1000 ids per call.
  Result<std::map<std::string, std::string>> LatestStates(const std::vector<std::string>& case_ids,
                                                          const std::string& kind);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
