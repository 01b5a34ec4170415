#include "service/case_service.h"

#include <boost/json.hpp>

#include "common/id.h"
#include "crypto/blind_index.h"
#include "domain/office.h"
#include "domain/vocabulary.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_codec.h"
#include "service/case_query.h"
#include "storage/case_store.h"
#include "storage/key_store.h"
#include "storage/office_store.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

namespace json = boost::json;

constexpr const char* kReadCase = "read:case";
constexpr const char* kCreateCase = "create:case";
constexpr const char* kUpdateCase = "update:case";

int CurrentYear(TimeMs now) { return std::stoi(FormatTimestamp(now).substr(0, 4)); }

void StripPii(domain::CaseRecord& c) {
  for (auto it = c.fields.begin(); it != c.fields.end();) {
    const domain::FieldSpec* spec = domain::FindCaseField(it->first);
    it = spec && spec->personal ? c.fields.erase(it) : std::next(it);
  }
  c.closure.comment.clear();
  c.closure.reopen_reason.clear();
}

// Field-level differences; personal fields say only that they changed.
json::array Diff(const domain::CaseRecord& before, const domain::CaseRecord& after) {
  json::array changes;
  for (const domain::FieldSpec& spec : domain::CaseFieldSpecs()) {
    auto a = before.fields.find(spec.name), b = after.fields.find(spec.name);
    domain::FieldValue va = a == before.fields.end() ? domain::FieldValue{} : a->second;
    domain::FieldValue vb = b == after.fields.end() ? domain::FieldValue{} : b->second;
    if (va == vb) continue;
    if (spec.personal) {
      changes.push_back(json::object{{"field", domain::FieldPath(spec)}, {"changed", true}});
    } else {
      changes.push_back(json::object{{"field", domain::FieldPath(spec)},
                                     {"from", FieldValueToJson(va)},
                                     {"to", FieldValueToJson(vb)}});
    }
  }
  bool events_changed = before.events.size() != after.events.size();
  for (size_t i = 0; !events_changed && i < before.events.size(); ++i) {
    const auto &x = before.events[i], &y = after.events[i];
    events_changed = x.type != y.type || x.country != y.country || x.city != y.city ||
                     x.start_date != y.start_date || x.end_date != y.end_date;
  }
  if (events_changed) changes.push_back(json::object{{"field", "events"}, {"changed", true}});
  return changes;
}

bool IsSet(const domain::FieldMap& f, const char* name) {
  auto it = f.find(name);
  return it != f.end() && !std::holds_alternative<std::monostate>(it->second);
}

// Birth date, birth year and estimated age must agree: an exact date fixes the year (kept in
// clear for statistics), and an estimated age stands only where no year is known.
Status ReconcileAge(const domain::FieldMap& given, domain::FieldMap& merged) {
  if (IsSet(given, "prs_Birthdate") && !given.count("prs_BirthYear")) {
    merged["prs_BirthYear"] =
        std::stoll(std::get<std::string>(merged["prs_Birthdate"]).substr(0, 4));
  }
  Status::Fields errors;
  if (IsSet(merged, "prs_Birthdate") && IsSet(merged, "prs_BirthYear") &&
      std::get<long long>(merged["prs_BirthYear"]) !=
          std::stoll(std::get<std::string>(merged["prs_Birthdate"]).substr(0, 4))) {
    errors["person.prs_BirthYear"] = "does not match prs_Birthdate";
  }
  if (IsSet(merged, "prs_EstimatedAge") && IsSet(merged, "prs_BirthYear")) {
    errors["person.prs_EstimatedAge"] = "give a birth year or an estimated age, not both";
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid case", std::move(errors));
  return Status::Ok();
}

// Writing personal fields needs the same permission as reading them.
Status CheckPersonalAllowed(const Principal& p, const CaseInput& in) {
  if (p.Has(domain::perm::kViewPii)) return Status::Ok();
  for (const auto& [name, value] : in.fields) {
    const domain::FieldSpec* spec = domain::FindCaseField(name);
    if (spec && spec->personal) {
      return Status::PermissionDenied("changing personal fields needs view_pii");
    }
  }
  return Status::Ok();
}

}  // namespace

Status CaseService::CheckOwner(storage::Connection& conn, const std::string& owner_id,
                               const std::string& office_id) {
  HW_ASSIGN_OR_RETURN(auto owner, storage::UserStore(conn).Get(owner_id));
  if (!owner || owner->disabled || owner->office_id != office_id) {
    return Status::InvalidField("cas_CaseOwner", "must be an active user of the case's office");
  }
  return Status::Ok();
}

Result<domain::CaseRecord> CaseService::Prepare(const Principal& p, const CaseInput& in,
                                                TimeMs now) {
  for (const auto& [name, value] : in.fields) {
    const domain::FieldSpec* spec = domain::FindCaseField(name);
    if (spec && !spec->settable) {
      return Status::InvalidField(domain::FieldPath(*spec), "is set by the case workflow");
    }
  }
  std::vector<domain::TraffickingEvent> events =
      in.events.value_or(std::vector<domain::TraffickingEvent>{});
  for (auto& e : events) e.id = NewId();
  HW_RETURN_IF_ERROR(domain::ValidateCaseFields(in.fields, &events, domain::LatestTodayIso(now)));

  domain::CaseRecord c;
  c.id = NewId();
  c.office_id = p.office_id;
  c.fields = in.fields;
  c.fields["cas_Status"] = std::string("Active");
  if (!IsSet(c.fields, "cas_CaseOwner")) c.fields["cas_CaseOwner"] = p.user_id;
  if (!IsSet(c.fields, "vic_TraffickingStatus")) {
    c.fields["vic_TraffickingStatus"] = std::string("PossibleVictimOfTrafficking");
  }
  HW_RETURN_IF_ERROR(ReconcileAge(in.fields, c.fields));
  c.events = std::move(events);
  c.created_at = c.updated_at = now;
  return c;
}

Status CaseService::Insert(storage::Connection& conn, const Principal& p, domain::CaseRecord& c,
                           const RequestInfo& info) {
  HW_RETURN_IF_ERROR(
      CheckOwner(conn, std::get<std::string>(c.fields["cas_CaseOwner"]), c.office_id));
  HW_ASSIGN_OR_RETURN(auto office, storage::OfficeStore(conn).Get(c.office_id));
  if (!office) return Status::Internal("the caller's office does not exist");
  storage::CaseStore cases(conn);
  int year = CurrentYear(c.created_at);
  HW_ASSIGN_OR_RETURN(std::int64_t seq, cases.NextNumber(c.office_id, year));
  char num[16];
  std::snprintf(num, sizeof num, "%05lld", static_cast<long long>(seq));
  c.number = office->code + "-" + std::to_string(year) + "-" + num;
  storage::SqlWrappedKeyStore keys(conn, c.created_at);
  crypto::RecordCipher cipher(ctx_.keyring, keys);
  HW_ASSIGN_OR_RETURN(storage::CaseRow row, EncodeCase(c, cipher));
  HW_RETURN_IF_ERROR(cases.Insert(row));
  HW_RETURN_IF_ERROR(
      cases.ReplaceNameTokens(c.id, c.office_id, CaseNameTokens(c, ctx_.keyring.index_key())));
  return AppendAudit(conn, ctx_, p.user_id, info, {"case.create", "case", c.id, c.office_id});
}

Result<CaseView> CaseService::Create(const Principal& p, const CaseInput& in,
                                     const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kCreateCase, p.office_id));
  HW_RETURN_IF_ERROR(CheckPersonalAllowed(p, in));
  HW_ASSIGN_OR_RETURN(domain::CaseRecord c, Prepare(p, in, ctx_.clock.NowMs()));
  HW_RETURN_IF_ERROR(ctx_.db.InTransaction(
      [&](storage::Connection& conn) -> Status { return Insert(conn, p, c, info); }));
  CaseView view{c, p.Has(domain::perm::kViewPii)};
  if (!view.with_pii) StripPii(view.record);
  return view;
}

Result<std::vector<std::string>> CaseService::CreateMany(const Principal& p,
                                                         const std::vector<CaseInput>& inputs,
                                                         const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kCreateCase, p.office_id));
  for (const CaseInput& in : inputs) HW_RETURN_IF_ERROR(CheckPersonalAllowed(p, in));
  const TimeMs now = ctx_.clock.NowMs();
  std::vector<domain::CaseRecord> records;
  records.reserve(inputs.size());
  for (const CaseInput& in : inputs) {
    HW_ASSIGN_OR_RETURN(domain::CaseRecord c, Prepare(p, in, now));
    records.push_back(std::move(c));
  }
  HW_RETURN_IF_ERROR(ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    for (domain::CaseRecord& c : records) HW_RETURN_IF_ERROR(Insert(conn, p, c, info));
    return Status::Ok();
  }));
  std::vector<std::string> ids;
  ids.reserve(records.size());
  for (const auto& c : records) ids.push_back(c.id);
  return ids;
}

Result<CaseView> CaseService::Get(const Principal& p, const std::string& id,
                                  const RequestInfo& info, std::shared_ptr<AuditCommit>* audit) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCase, ""));
  std::optional<storage::CaseRow> row;
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_ASSIGN_OR_RETURN(row, storage::CaseStore(*conn).Get(id));
  }
  return ViewOf(p, std::move(row), info, audit);
}

void CaseService::GetAsync(std::shared_ptr<const Principal> p, std::string id, RequestInfo info,
                           const Poster& post, CaseReadDone done) {
  if (Status st = Authorize(*p, kReadCase, ""); !st.ok()) return done(st, nullptr);
  fetcher_.Fetch(std::move(id),
                 [this, p = std::move(p), info = std::move(info), post,
                  done = std::move(done)](Result<std::optional<storage::CaseRow>> row) mutable {
                   // On the fetcher's thread: only hand over.
                   post([this, p = std::move(p), info = std::move(info), done = std::move(done),
                         row = std::move(row)]() mutable {
                     if (!row.ok()) return done(row.status(), nullptr);
                     std::shared_ptr<AuditCommit> audit;
                     Result<CaseView> view = ViewOf(*p, std::move(row).value(), info, &audit);
                     done(std::move(view), std::move(audit));
                   });
                 });
}

Result<CaseView> CaseService::ViewOf(const Principal& p, std::optional<storage::CaseRow> row,
                                     const RequestInfo& info, std::shared_ptr<AuditCommit>* audit) {
  if (!row || !Authorize(p, kReadCase, row->office_id).ok()) {
    return Status::NotFound("case not found");
  }
  const bool with_pii = p.Has(domain::perm::kViewPii);
  CaseView view{{}, with_pii};
  {
    // The row brought its own data key: nothing else is looked up.
    storage::PrefetchedKeyStore keys(storage::NoWrappedKeys());
    keys.Add(row->id, row->wrapped_key);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    HW_ASSIGN_OR_RETURN(view.record, DecodeCase(*row, cipher, with_pii));
  }
  // Every view of personal fields is on the audit trail: the data goes out only once the entry
  // is committed (concurrent reads share a commit).
  if (with_pii) {
    HW_RETURN_IF_ERROR(AppendAuditCommitted(
        ctx_, p.user_id, info, {"case.read_pii", "case", row->id, row->office_id}, audit));
  }
  return view;
}

Result<CaseView> CaseService::Patch(const Principal& p, const std::string& id, long long version,
                                    const CaseInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCase, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  for (const auto& [name, value] : in.fields) {
    const domain::FieldSpec* spec = domain::FindCaseField(name);
    if (spec && !spec->settable) {
      return Status::InvalidField(domain::FieldPath(*spec), "is set by the case workflow");
    }
    if (spec && spec->personal && !with_pii) {
      return Status::PermissionDenied("changing personal fields needs view_pii");
    }
  }
  std::vector<domain::TraffickingEvent> events =
      in.events.value_or(std::vector<domain::TraffickingEvent>{});
  HW_RETURN_IF_ERROR(domain::ValidateCaseFields(in.fields, in.events ? &events : nullptr,
                                                domain::LatestTodayIso(now)));
  CaseView view{{}, with_pii};
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::CaseStore cases(conn);
    HW_ASSIGN_OR_RETURN(auto row, cases.Get(id));
    if (!row || !Authorize(p, kUpdateCase, row->office_id).ok()) {
      return Status::NotFound("case not found");
    }
    if (row->version != version) {
      return Status::Conflict("the case was changed by someone else")
          .WithDetail("current_version", row->version);
    }
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    // Personal fields are always decoded for the write so that an update never drops them.
    HW_ASSIGN_OR_RETURN(domain::CaseRecord before, DecodeCase(*row, cipher, true));
    domain::CaseRecord after = before;
    for (const auto& [name, value] : in.fields) after.fields[name] = value;
    HW_RETURN_IF_ERROR(ReconcileAge(in.fields, after.fields));
    if (in.events) {
      for (size_t i = 0; i < events.size(); ++i) {
        // Keep the id of an event that is still there; new ones get one.
        events[i].id = i < before.events.size() ? before.events[i].id : NewId();
      }
      after.events = events;
    }
    auto owner = in.fields.find("cas_CaseOwner");
    if (owner != in.fields.end()) {
      auto* owner_id = std::get_if<std::string>(&owner->second);
      if (!owner_id) return Status::InvalidField("cas_CaseOwner", "is required");
      HW_RETURN_IF_ERROR(CheckOwner(conn, *owner_id, row->office_id));
    }
    json::array changes = Diff(before, after);
    if (!changes.empty()) {
      after.updated_at = now;
      HW_ASSIGN_OR_RETURN(storage::CaseRow updated, EncodeCase(after, cipher));
      HW_RETURN_IF_ERROR(cases.Update(updated, now));
      HW_RETURN_IF_ERROR(cases.ReplaceNameTokens(id, row->office_id,
                                                 CaseNameTokens(after, ctx_.keyring.index_key())));
      HW_RETURN_IF_ERROR(cases.InsertHistory(id, row->office_id,
                                             {NewId(), p.user_id, now, json::serialize(changes)}));
      HW_RETURN_IF_ERROR(
          AppendAudit(conn, ctx_, p.user_id, info, {"case.update", "case", id, row->office_id}));
      after.version += 1;
    }
    view.record = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!with_pii) StripPii(view.record);
  return view;
}

Result<Page<CaseListItem>> CaseService::List(const Principal& p, const CaseQuery& q,
                                             const RequestInfo& info,
                                             std::shared_ptr<AuditCommit>* audit) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCase, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  const int year = CurrentYear(now);
  HW_ASSIGN_OR_RETURN(storage::CaseFilter f, BuildCaseFilter(p, q, ctx_.keyring, now));
  f.without_attrs = true;  // a list row shows columns and the display name only

  Page<CaseListItem> out;
  auto run = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(auto page, storage::CaseStore(conn).List(f));
    storage::SqlWrappedKeyStore sql_keys(conn, now);
    storage::PrefetchedKeyStore keys(sql_keys);
    for (const auto& row : page.first) keys.Add(row.id, row.wrapped_key);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    out.items.reserve(page.first.size());
    for (auto& row : page.first) {
      CaseListItem item;
      if (with_pii) {
        HW_ASSIGN_OR_RETURN(item.display_name, SealedDisplayName(row, cipher));
      }
      item.age_band = domain::AgeBand(row.birth_year, year);
      item.citizenship = SplitListColumn(row.citizenship);
      item.exploitation = SplitListColumn(row.exploitation);
      item.id = std::move(row.id);
      item.number = std::move(row.number);
      item.office_id = std::move(row.office_id);
      item.status = std::move(row.status);
      item.trafficking_status = std::move(row.trafficking_status);
      item.owner_id = std::move(row.owner_id);
      item.gender = std::move(row.gender);
      item.referral_date = std::move(row.referral_date);
      item.created_at = row.created_at;
      item.updated_at = row.updated_at;
      item.version = row.version;
      out.items.push_back(std::move(item));
    }
    out.next = page.second;
    return Status::Ok();
  };
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(run(*conn));
  }
  if (with_pii && !out.items.empty()) {
    HW_RETURN_IF_ERROR(AppendAuditCommitted(ctx_, p.user_id, info,
                                            {"case.list_pii", "case", "", p.office_id}, audit));
  }
  return out;
}

Result<Page<CaseHistoryEntry>> CaseService::History(const Principal& p, const std::string& id,
                                                    const PageRequest& page) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCase, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  storage::CaseStore cases(*conn);
  HW_ASSIGN_OR_RETURN(auto row, cases.Get(id));
  if (!row || !Authorize(p, kReadCase, row->office_id).ok()) {
    return Status::NotFound("case not found");
  }
  HW_ASSIGN_OR_RETURN(auto rows, cases.History(id, page.after, page.limit + 1));
  Page<CaseHistoryEntry> out;
  for (const auto& h : rows) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next = out.items.back().id;
      break;
    }
    out.items.push_back({h.id, h.actor, h.time, h.changes});
  }
  return out;
}

}  // namespace hw::service
