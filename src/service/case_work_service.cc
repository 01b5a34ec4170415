// Services and notes; tasks are in case_work_tasks.cc.
#include "service/case_work_service.h"

#include "common/id.h"
#include "domain/user.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_scope.h"
#include "storage/case_work_store.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

std::string NoteField(const std::string& id) { return "note:" + id; }

// Applies the given fields of `in` to `s`; type and status cannot be cleared.
void Apply(const ServiceInput& in, domain::AssistanceService& s, Status::Fields& errors) {
  auto set = [&](const char* name, const std::optional<std::string>& v, std::string& out) {
    if (v) out = *v;
    if (in.cleared.count(name)) out.clear();
  };
  set("type", in.type, s.type);
  set("provider", in.provider, s.provider);
  set("start_date", in.start_date, s.start_date);
  set("end_date", in.end_date, s.end_date);
  set("status", in.status, s.status);
  set("currency", in.currency, s.currency);
  set("funding_source", in.funding_source, s.funding_source);
  for (const char* required : {"type", "status"}) {
    if (in.cleared.count(required)) errors[required] = "is required";
  }
  if (in.cost) {
    auto milli = domain::CostToMilli(*in.cost);
    if (milli.ok()) {
      s.cost_milli = *milli;
    } else {
      errors.insert(milli.status().fields().begin(), milli.status().fields().end());
    }
  }
  if (in.cleared.count("cost")) s.cost_milli.reset();
}

// Validation of the merged record, with errors from Apply() first.
Status Check(const domain::AssistanceService& s, Status::Fields errors) {
  Status st = domain::ValidateAssistanceService(s);
  for (const auto& [field, message] : st.fields()) errors.emplace(field, message);
  if (!errors.empty()) return Status::InvalidArgument("invalid service", std::move(errors));
  return Status::Ok();
}

}  // namespace

Result<Page<domain::AssistanceService>> CaseWorkService::ListServices(const Principal& p,
                                                                      const std::string& case_id,
                                                                      const PageRequest& page) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCasePerm, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(*conn, p, case_id, kReadCasePerm));
  HW_ASSIGN_OR_RETURN(auto rows,
                      storage::CaseWorkStore(*conn).ListServices(c.id, page.after, page.limit + 1));
  Page<domain::AssistanceService> out;
  for (auto& s : rows) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next = out.items.back().id;
      break;
    }
    out.items.push_back(std::move(s));
  }
  return out;
}

Result<domain::AssistanceService> CaseWorkService::CreateService(const Principal& p,
                                                                 const std::string& case_id,
                                                                 const ServiceInput& in,
                                                                 const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  domain::AssistanceService s;
  s.status = "planned";
  Status::Fields errors = in.errors;
  Apply(in, s, errors);
  if (!in.type) errors.emplace("type", "is required");
  HW_RETURN_IF_ERROR(Check(s, std::move(errors)));
  const TimeMs now = ctx_.clock.NowMs();
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    s.id = NewId();
    s.case_id = c.id;
    s.office_id = c.office_id;
    s.created_by = p.user_id;
    s.created_at = s.updated_at = now;
    HW_RETURN_IF_ERROR(storage::CaseWorkStore(conn).InsertService(s));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"service.create", "service", s.id, c.office_id});
  });
  if (!st.ok()) return st;
  return s;
}

Result<domain::AssistanceService> CaseWorkService::PatchService(
    const Principal& p, const std::string& case_id, const std::string& service_id,
    long long version, const ServiceInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  const TimeMs now = ctx_.clock.NowMs();
  domain::AssistanceService s;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    storage::CaseWorkStore store(conn);
    HW_ASSIGN_OR_RETURN(auto found, store.GetService(service_id));
    if (!found || found->case_id != c.id) return Status::NotFound("service not found");
    s = *std::move(found);
    Status::Fields errors = in.errors;
    Apply(in, s, errors);
    HW_RETURN_IF_ERROR(Check(s, std::move(errors)));
    if (s.version != version) {
      return Status::Conflict("the service was changed by someone else")
          .WithDetail("current_version", s.version);
    }
    HW_RETURN_IF_ERROR(store.UpdateService(s, now));
    s.version += 1;
    s.updated_at = now;
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"service.update", "service", s.id, c.office_id});
  });
  if (!st.ok()) return st;
  return s;
}

Result<Page<domain::CaseNote>> CaseWorkService::ListNotes(const Principal& p,
                                                          const std::string& case_id,
                                                          const PageRequest& page,
                                                          const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCasePerm, ""));
  if (!p.Has(domain::perm::kViewPii)) return Status::PermissionDenied("notes need view_pii");
  const TimeMs now = ctx_.clock.NowMs();
  Page<domain::CaseNote> out;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kReadCasePerm));
    HW_ASSIGN_OR_RETURN(auto rows,
                        storage::CaseWorkStore(conn).ListNotes(c.id, page.after, page.limit + 1));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    CaseTextOpener opener(cipher, c.id);
    for (const auto& row : rows) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = out.items.back().id;
        break;
      }
      domain::CaseNote n{row.id, row.case_id, row.office_id, row.author, "", row.created_at};
      HW_ASSIGN_OR_RETURN(n.text, opener.Open(NoteField(row.id), row.body));
      out.items.push_back(std::move(n));
    }
    return AppendAudit(conn, ctx_, p.user_id, info, {"note.read_pii", "case", c.id, c.office_id});
  });
  if (!st.ok()) return st;
  return out;
}

Result<domain::CaseNote> CaseWorkService::CreateNote(const Principal& p, const std::string& case_id,
                                                     const std::string& text,
                                                     const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  if (!p.Has(domain::perm::kViewPii)) return Status::PermissionDenied("notes need view_pii");
  HW_RETURN_IF_ERROR(domain::ValidateNoteText(text));
  const TimeMs now = ctx_.clock.NowMs();
  domain::CaseNote note;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    note = {NewId(), c.id, c.office_id, p.user_id, text, now};
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    storage::NoteRow row{note.id, c.id, c.office_id, p.user_id, "", now};
    HW_ASSIGN_OR_RETURN(row.body, cipher.SealField(c.id, NoteField(note.id), text));
    HW_RETURN_IF_ERROR(storage::CaseWorkStore(conn).InsertNote(row));
    return AppendAudit(conn, ctx_, p.user_id, info, {"note.create", "note", note.id, c.office_id});
  });
  if (!st.ok()) return st;
  return note;
}

}  // namespace hw::service
