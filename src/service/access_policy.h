// Authorisation: role permissions (action x resource) limited by a scope. The UI only mirrors this.
#pragma once

#include <string>

#include "common/status.h"
#include "service/principal.h"

namespace hw::service {

// Ok unless the principal still has to enrol a second factor (then only /me and enrolment work).
Status RequireEnrolled(const Principal& p);

// Ok when `p` holds `permission` and `office_id` lies within the principal's scope
// ("" = the check is not about one office, e.g. listing).
Status Authorize(const Principal& p, const std::string& permission, const std::string& office_id);

// The office filter for a list: "" when the scope covers every office, else the caller's office.
std::string OfficeFilter(const Principal& p);

}  // namespace hw::service
