#include "service/office_service.h"

#include <charconv>

#include "common/id.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "storage/audit_store.h"
#include "storage/office_store.h"

namespace hw::service {

Result<Page<domain::Office>> OfficeService::List(const Principal& p, const PageRequest& page) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadOffice, ""));
  if (!page.after.empty() && !IsValidId(page.after)) {
    return Status::InvalidField("after", "must be a cursor returned as `next`");
  }
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto offices, storage::OfficeStore(*conn).List(page.after, page.limit + 1));
  Page<domain::Office> out;
  for (auto& o : offices) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next = out.items.back().id;
      break;
    }
    out.items.push_back(std::move(o));
  }
  return out;
}

Result<domain::Office> OfficeService::Create(const Principal& p, const domain::NewOffice& no,
                                             const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kCreateOffice, ""));
  HW_RETURN_IF_ERROR(domain::ValidateNewOffice(no));
  const TimeMs now = ctx_.clock.NowMs();
  domain::Office o;
  o.id = NewId();
  o.name = no.name;
  o.code = no.code;
  o.country = no.country;
  o.created_at = o.updated_at = now;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::OfficeStore offices(conn);
    HW_ASSIGN_OR_RETURN(auto org, offices.FirstOrganisation());
    if (!org) return Status::Internal("no organisation: the store was not initialised");
    o.organisation_id = org->id;
    Status inserted = offices.Insert(o);
    if (inserted.code() == StatusCode::kConflict) {
      return Status::ConflictField("code", "an office with this code exists");
    }
    HW_RETURN_IF_ERROR(inserted);
    return AppendAudit(conn, ctx_, p.user_id, info, {"office.create", "office", o.id, o.id});
  });
  if (!st.ok()) return st;
  return o;
}

Result<Page<domain::AuditEntry>> AuditService::List(const Principal& p, const PageRequest& page,
                                                    const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadAudit, ""));
  std::int64_t before = 0;
  if (!page.after.empty()) {
    auto [ptr, ec] =
        std::from_chars(page.after.data(), page.after.data() + page.after.size(), before);
    if (ec != std::errc() || ptr != page.after.data() + page.after.size() || before <= 0) {
      return Status::InvalidField("after", "must be a cursor returned as `next`");
    }
  }
  Page<domain::AuditEntry> out;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(auto entries, storage::AuditStore(conn).ListNewestFirst(
                                          OfficeFilter(p), before, page.limit + 1));
    for (auto& e : entries) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = std::to_string(out.items.back().seq);
        break;
      }
      out.items.push_back(std::move(e));
    }
    // Reading the trail is itself on the trail.
    return AppendAudit(conn, ctx_, p.user_id, info, {"audit.read", "audit", "", p.office_id});
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace hw::service
