// Victim cases: registration, reading (personal fields need view_pii; every such read is audited),
// versioned updates with field-level history, and search. Office scope applies throughout:
// another office's case looks exactly like a missing one.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/case.h"
#include "service/audit_log.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"
#include "storage/case_fetcher.h"

namespace hw::service {

struct CaseInput {
  domain::FieldMap fields;  // only the fields given
  std::optional<std::vector<domain::TraffickingEvent>> events;
};

struct CaseView {
  domain::CaseRecord record;  // personal fields removed unless `with_pii`
  bool with_pii = false;
};

struct CaseQuery {
  std::string status, trafficking_status, caseworker, citizenship, exploitation, gender, age_band;
  std::string registered_from, registered_to;  // YYYY-MM-DD, inclusive
  std::string name;
  std::string sort;  // "registered" (default) | "number"
  PageRequest page;
};

// A row of the case list: what the list shows, from the row's columns (no attrs), and the
// display name from the sealed personal fields (view_pii only).
struct CaseListItem {
  std::string id, number, office_id;
  std::string status, trafficking_status, owner_id, gender, referral_date;  // "" = none
  std::vector<std::string> citizenship, exploitation;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 0;
  std::string display_name;  // only with view_pii
  std::string age_band;
};

struct CaseHistoryEntry {
  std::string id;
  std::string actor;
  TimeMs time = 0;
  std::string changes_json;
};

// Runs a piece of work on a thread of the caller's choosing (an HTTP server's I/O threads).
using Poster = std::function<void(std::function<void()>)>;
// The outcome of GetAsync: the view, and the read's pending audit commit (null without one).
using CaseReadDone = std::function<void(Result<CaseView>, std::shared_ptr<AuditCommit>)>;

class CaseService {
 public:
  explicit CaseService(Context& ctx) : ctx_(ctx), fetcher_(ctx.db) {}

  Result<CaseView> Create(const Principal& p, const CaseInput& in, const RequestInfo& info);
  // Registers many cases in one transaction (imports, benchmarks): all or none, each audited.
  Result<std::vector<std::string>> CreateMany(const Principal& p,
                                              const std::vector<CaseInput>& inputs,
                                              const RequestInfo& info);
  // Reads with personal fields are audited. With `audit` null these return once the entry is
  // committed; else they leave the pending commit there and the caller holds the data back
  // until it succeeds (AppendAuditCommitted).
  Result<CaseView> Get(const Principal& p, const std::string& id, const RequestInfo& info,
                       std::shared_ptr<AuditCommit>* audit = nullptr);
  // Get without holding the calling thread while the store answers, where reads are batched
  // (reads_batched(): PostgreSQL): the row comes from the store's CaseFetcher together with
  // the rows of concurrent reads, then `post` runs the rest (scope check, decryption, audit)
  // and `done`. The same rules and answers as Get; `done` is called exactly once, its data to
  // be held back until the audit commit succeeds. Where reads are not batched, prefer Get.
  void GetAsync(std::shared_ptr<const Principal> p, std::string id, RequestInfo info,
                const Poster& post, CaseReadDone done);
  bool reads_batched() const { return fetcher_.batches(); }
  // Returns once every GetAsync so far has had its row (shutdown: before the threads that
  // `post` hands work to go away).
  void DrainReads() { fetcher_.Drain(); }
  Result<CaseView> Patch(const Principal& p, const std::string& id, long long version,
                         const CaseInput& in, const RequestInfo& info);
  Result<Page<CaseListItem>> List(const Principal& p, const CaseQuery& q, const RequestInfo& info,
                                  std::shared_ptr<AuditCommit>* audit = nullptr);
  Result<Page<CaseHistoryEntry>> History(const Principal& p, const std::string& id,
                                         const PageRequest& page);

 private:
  // Validates an input and fills in what registration sets (id, status, owner, dates).
  static Result<domain::CaseRecord> Prepare(const Principal& p, const CaseInput& in, TimeMs now);
  // Numbers, seals and stores a prepared case inside the caller's transaction.
  Status Insert(storage::Connection& conn, const Principal& p, domain::CaseRecord& c,
                const RequestInfo& info);
  Status CheckOwner(storage::Connection& conn, const std::string& owner_id,
                    const std::string& office_id);
  // The rest of a read once its row is in: scope, decryption, audit (Get and GetAsync).
  Result<CaseView> ViewOf(const Principal& p, std::optional<storage::CaseRow> row,
                          const RequestInfo& info, std::shared_ptr<AuditCommit>* audit);
  Context& ctx_;
  storage::CaseFetcher fetcher_;
};

}  // namespace hw::service
