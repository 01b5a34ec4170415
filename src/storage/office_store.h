// Organisations and offices. All functions run on the caller's connection (and transaction).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/office.h"
#include "storage/db.h"

namespace hw::storage {

class OfficeStore {
 public:
  explicit OfficeStore(Connection& conn) : conn_(conn) {}

  Status InsertOrganisation(const domain::Organisation& org, TimeMs now);
  Result<std::optional<domain::Organisation>> FirstOrganisation();

  // Conflict when the code is taken.
  Status Insert(const domain::Office& office);
  Result<std::optional<domain::Office>> Get(const std::string& id);
  Result<std::optional<domain::Office>> FindByCode(const std::string& code);
  // Offices ordered by id, after `after` (exclusive, "" for the start), at most `limit`.
  Result<std::vector<domain::Office>> List(const std::string& after, int limit);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
