// Indicator sets (versioned, never changed once written) and the screenings of cases.
// Runs on the caller's connection (and transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "storage/db.h"

namespace hw::storage {

struct IndicatorSetRow {
  std::string id;
  std::int64_t version = 1;
  std::string source;
  std::string population;  // adult | child
  std::string kind;        // labour | sexual
  std::string body;        // JSON list of indicators
  std::string created_by;
  TimeMs created_at = 0;
};

struct ScreeningRow {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::string indicator_set;
  std::int64_t set_version = 1;
  std::string observed;  // JSON list of ids
  std::string result;    // JSON
  bool suggested_victim = false;
  std::string notes;          // sealed bytes, "" = none
  std::string decision;       // "" = not decided
  std::string justification;  // sealed bytes
  std::string decided_by;
  TimeMs decided_at = 0;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;
};

class ScreeningStore {
 public:
  explicit ScreeningStore(Connection& conn) : conn_(conn) {}

  // Conflict when (id, version) exists.
  Status InsertSet(const IndicatorSetRow& row);
  // Inserts unless (id, version) exists; for seeding the shipped defaults.
  Status InsertSetIfAbsent(const IndicatorSetRow& row);
  // Every version of every set, by id then version.
  Result<std::vector<IndicatorSetRow>> ListSets();
  // `version` 0 = the latest version.
  Result<std::optional<IndicatorSetRow>> GetSet(const std::string& id, std::int64_t version);

  Status Insert(const ScreeningRow& row);
  Result<std::optional<ScreeningRow>> Get(const std::string& id);
  // Oldest first, ids after `after`, at most `limit`.
  Result<std::vector<ScreeningRow>> ListByCase(const std::string& case_id, const std::string& after,
                                               int limit);
  // Records the decision when the stored version equals `row.version`; bumps it.
  // Conflict (detail current_version) when stale.
  Status UpdateDecision(const ScreeningRow& row, TimeMs now);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
