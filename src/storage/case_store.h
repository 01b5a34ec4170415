// Cases as stored: clear columns for filtering, `attrs` (JSON of the other clear fields), `pii`
// (sealed personal fields), blind name tokens, per-office yearly counters and the change history.
// Runs on the caller's connection (and transaction).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "storage/db.h"

namespace hw::storage {

struct CaseRow {
  std::string id;
  std::string office_id;
  std::string number;
  std::string status;
  std::string trafficking_status;
  std::string owner_id;
  std::string gender;
  std::optional<std::int64_t> birth_year;
  std::string citizenship;   // ",VN,KH,"
  std::string exploitation;  // ",ForcedLabour,"
  std::string referral_date;
  std::string attrs;  // JSON text
  std::string pii;    // sealed bytes ("" = none)
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;
  // Read by Get, GetMany and List only: the record's wrapped data key (nullopt: none, or shredded).
  std::optional<std::string> wrapped_key;
};

struct CaseFilter {
  std::string office_id;  // "" = every office
  std::string status, trafficking_status, owner_id, citizenship, exploitation, gender;
  std::optional<std::int64_t> birth_year_from, birth_year_to;
  std::optional<TimeMs> created_from, created_to;  // [from, to)
  std::vector<std::string> name_tokens;            // blind indexes; all must match
  bool sort_by_number = false;                     // else newest registration first
  std::string after;                               // cursor from the previous page
  bool without_attrs = false;  // rows leave attrs empty: for lists that show columns only
  int limit = 50;
};

struct CaseHistoryRow {
  std::string id;
  std::string actor;
  TimeMs time = 0;
  std::string changes;  // JSON text
};

class CaseStore {
 public:
  explicit CaseStore(Connection& conn) : conn_(conn) {}

  Status Insert(const CaseRow& row);
  Result<std::optional<CaseRow>> Get(const std::string& id);
  // The cases of `ids` that exist, in no particular order, in one statement (CaseFetcher).
  Result<std::vector<CaseRow>> GetMany(const std::vector<std::string>& ids);
  // Version-checked; Conflict (detail current_version) when stale, NotFound when absent.
  Status Update(const CaseRow& row, TimeMs now);
  // Rows of one page plus the cursor of the next (nullopt at the end).
  Result<std::pair<std::vector<CaseRow>, std::optional<std::string>>> List(const CaseFilter& f);
  // The next number in the office's yearly sequence (1, 2, ...).
  Result<std::int64_t> NextNumber(const std::string& office_id, int year);
  Status ReplaceNameTokens(const std::string& case_id, const std::string& office_id,
                           const std::vector<std::string>& tokens);
  Status InsertHistory(const std::string& case_id, const std::string& office_id,
                       const CaseHistoryRow& h);
  Result<std::vector<CaseHistoryRow>> History(const std::string& case_id, const std::string& after,
                                              int limit);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
