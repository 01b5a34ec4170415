// The closure workflow of a case: a caseworker requests closure with a reason; a supervisor
// (approve:case) approves it (status Closed or ClosedReferred) or rejects it with a comment (the
// case stays as it was); a closed case is reopened (status Active) with a reason. Each step
// carries the case's `version` (stale -> Conflict with current_version), writes a field-history
// entry and an audit entry (case.closure_requested|approved|rejected|reopened) in one
// transaction. Another office's case is NotFound. The reason, the comment and the reopening
// reason are personal free text: sealed with the case, shown only with view_pii.
#pragma once

#include <string>

#include "common/result.h"
#include "domain/case.h"
#include "service/context.h"
#include "service/principal.h"

namespace hw::service {

struct ClosureView {
  domain::CaseRecord record;  // personal fields removed unless with_pii
  bool with_pii = false;
};

class ClosureService {
 public:
  explicit ClosureService(Context& ctx) : ctx_(ctx) {}

  // update:case. Errors: InvalidArgument (reason: 1..4000 characters), NotFound, Conflict
  // (stale version; the case is not Active or FollowUp; a request is already pending).
  Result<ClosureView> Request(const Principal& p, const std::string& case_id, long long version,
                              const std::string& reason, const RequestInfo& info);
  // approve:case. `referred` closes as ClosedReferred. Conflict when nothing is pending;
  // PermissionDenied (reason own_closure_request) for the person who requested it.
  Result<ClosureView> Approve(const Principal& p, const std::string& case_id, long long version,
                              const std::string& comment, bool referred, const RequestInfo& info);
  // approve:case; the comment is required.
  Result<ClosureView> Reject(const Principal& p, const std::string& case_id, long long version,
                             const std::string& comment, const RequestInfo& info);
  // update:case; the reason is required. Conflict unless the case is Closed or ClosedReferred.
  Result<ClosureView> Reopen(const Principal& p, const std::string& case_id, long long version,
                             const std::string& reason, const RequestInfo& info);

 private:
  enum class Step { kRequest, kApprove, kReject, kReopen };
  struct StepInput {
    Step step;
    long long version;
    std::string text;  // reason or comment
    bool referred = false;
  };
  Result<ClosureView> Run(const Principal& p, const std::string& case_id, const StepInput& in,
                          const RequestInfo& info);
  Context& ctx_;
};

// Number of characters (UTF-8 code points) of `s`.
size_t Utf8Length(const std::string& s);

}  // namespace hw::service
