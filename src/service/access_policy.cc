#include "service/access_policy.h"

#include "common/result.h"

namespace hw::service {

Principal Principal::System(const std::string& organisation_id) {
  Principal p;
  p.user_id = "system";
  p.username = "system";
  p.organisation_id = organisation_id;
  p.scope = domain::Scope::kAll;
  for (const char* perm :
       {domain::perm::kReadUser, domain::perm::kCreateUser, domain::perm::kUpdateUser,
        domain::perm::kReadOffice, domain::perm::kCreateOffice, domain::perm::kReadRole,
        domain::perm::kReadAudit}) {
    p.permissions.insert(perm);
  }
  return p;
}

Status RequireEnrolled(const Principal& p) {
  if (p.totp_enrolment_pending) {
    return Status::PermissionDenied("enrol a second factor (TOTP) first")
        .WithReason("totp_enrolment_required");
  }
  return Status::Ok();
}

Status Authorize(const Principal& p, const std::string& permission, const std::string& office_id) {
  HW_RETURN_IF_ERROR(RequireEnrolled(p));
  if (!p.Has(permission)) return Status::PermissionDenied("not permitted");
  if (office_id.empty() || p.scope == domain::Scope::kOrganisation ||
      p.scope == domain::Scope::kAll) {
    return Status::Ok();
  }
  if (office_id != p.office_id) return Status::PermissionDenied("not permitted");
  return Status::Ok();
}

std::string OfficeFilter(const Principal& p) {
  if (p.scope == domain::Scope::kOrganisation || p.scope == domain::Scope::kAll) return "";
  return p.office_id;
}

}  // namespace hw::service
