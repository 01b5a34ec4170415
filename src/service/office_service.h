// Offices. Reading the list needs read:office; creating needs create:office.
#pragma once

#include "common/result.h"
#include "domain/audit.h"
#include "domain/office.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"

namespace hw::service {

class OfficeService {
 public:
  explicit OfficeService(Context& ctx) : ctx_(ctx) {}
  Result<Page<domain::Office>> List(const Principal& p, const PageRequest& page);
  // Errors: InvalidArgument naming fields; Conflict when the code is taken.
  Result<domain::Office> Create(const Principal& p, const domain::NewOffice& o,
                                const RequestInfo& info);

 private:
  Context& ctx_;
};

// The audit trail for auditors: newest first, within the caller's scope.
class AuditService {
 public:
  explicit AuditService(Context& ctx) : ctx_(ctx) {}
  Result<Page<domain::AuditEntry>> List(const Principal& p, const PageRequest& page,
                                        const RequestInfo& info);

 private:
  Context& ctx_;
};

}  // namespace hw::service
