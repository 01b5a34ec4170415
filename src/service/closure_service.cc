#include "service/closure_service.h"

#include <boost/json.hpp>

#include "common/id.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_codec.h"
#include "storage/case_store.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

namespace json = boost::json;

constexpr const char* kUpdateCase = "update:case";
constexpr const char* kApproveCase = "approve:case";
constexpr size_t kMaxText = 4000;

std::string CaseStatus(const domain::CaseRecord& c) {
  auto it = c.fields.find("cas_Status");
  if (it == c.fields.end()) return "";
  auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Ok when `text` has at most 4000 characters (and, when required, is not only spaces).
Status CheckText(const char* field, const std::string& text, bool required) {
  if (required && IsBlank(text)) return Status::InvalidField(field, "is required");
  if (Utf8Length(text) > kMaxText) {
    return Status::InvalidField(field,
                                "must be at most " + std::to_string(kMaxText) + " characters");
  }
  return Status::Ok();
}

void StripPersonal(domain::CaseRecord& c) {
  for (auto it = c.fields.begin(); it != c.fields.end();) {
    const domain::FieldSpec* spec = domain::FindCaseField(it->first);
    it = spec && spec->personal ? c.fields.erase(it) : std::next(it);
  }
  c.closure.comment.clear();
  c.closure.reopen_reason.clear();
}

// The history entry of one step: clear values in full, personal ones only as "changed".
json::array ClosureDiff(const domain::CaseRecord& before, const domain::CaseRecord& after) {
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
  auto text_or_null = [](const std::string& s) {
    return s.empty() ? json::value() : json::value(s);
  };
  const domain::Closure &x = before.closure, &y = after.closure;
  if (x.state != y.state) {
    changes.push_back(json::object{{"field", "closure.state"},
                                   {"from", text_or_null(x.state)},
                                   {"to", text_or_null(y.state)}});
  }
  if (x.comment != y.comment) {
    changes.push_back(json::object{{"field", "closure.comment"}, {"changed", true}});
  }
  if (x.reopen_reason != y.reopen_reason) {
    changes.push_back(json::object{{"field", "closure.reopen_reason"}, {"changed", true}});
  }
  return changes;
}

}  // namespace

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

Result<ClosureView> ClosureService::Request(const Principal& p, const std::string& case_id,
                                            long long version, const std::string& reason,
                                            const RequestInfo& info) {
  return Run(p, case_id, {Step::kRequest, version, reason}, info);
}

Result<ClosureView> ClosureService::Approve(const Principal& p, const std::string& case_id,
                                            long long version, const std::string& comment,
                                            bool referred, const RequestInfo& info) {
  return Run(p, case_id, {Step::kApprove, version, comment, referred}, info);
}

Result<ClosureView> ClosureService::Reject(const Principal& p, const std::string& case_id,
                                           long long version, const std::string& comment,
                                           const RequestInfo& info) {
  return Run(p, case_id, {Step::kReject, version, comment}, info);
}

Result<ClosureView> ClosureService::Reopen(const Principal& p, const std::string& case_id,
                                           long long version, const std::string& reason,
                                           const RequestInfo& info) {
  return Run(p, case_id, {Step::kReopen, version, reason}, info);
}

Result<ClosureView> ClosureService::Run(const Principal& p, const std::string& case_id,
                                        const StepInput& in, const RequestInfo& info) {
  const bool decision = in.step == Step::kApprove || in.step == Step::kReject;
  const char* permission = decision ? kApproveCase : kUpdateCase;
  HW_RETURN_IF_ERROR(Authorize(p, permission, ""));
  const bool reason = in.step == Step::kRequest || in.step == Step::kReopen;
  HW_RETURN_IF_ERROR(CheckText(reason ? "reason" : "comment", in.text, in.step != Step::kApprove));
  const TimeMs now = ctx_.clock.NowMs();
  ClosureView view{{}, p.Has(domain::perm::kViewPii)};
  const char* action = "";
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::CaseStore cases(conn);
    HW_ASSIGN_OR_RETURN(auto row, cases.Get(case_id));
    if (!row || !Authorize(p, permission, row->office_id).ok()) {
      return Status::NotFound("case not found");
    }
    if (row->version != in.version) {
      return Status::Conflict("the case was changed by someone else")
          .WithDetail("current_version", row->version);
    }
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    // Personal fields are decoded for the write so that it never drops them.
    HW_ASSIGN_OR_RETURN(domain::CaseRecord before, DecodeCase(*row, cipher, true));
    domain::CaseRecord after = before;
    domain::Closure& cl = after.closure;
    const std::string status = CaseStatus(before);
    const bool pending = before.closure.state == "requested";
    switch (in.step) {
      case Step::kRequest:
        if (status != "Active" && status != "FollowUp") {
          return Status::Conflict("only an Active or FollowUp case can be closed");
        }
        if (pending) return Status::Conflict("closure is already requested");
        cl.state = "requested";
        cl.requested_by = p.user_id;
        cl.requested_at = now;
        cl.decided_by.clear();
        cl.decided_at = 0;
        cl.comment.clear();
        after.fields["cas_ReasonForCaseClosure"] = in.text;
        action = "case.closure_requested";
        break;
      case Step::kApprove:
      case Step::kReject:
        if (!pending) return Status::Conflict("no closure request is pending");
        if (in.step == Step::kApprove && before.closure.requested_by == p.user_id) {
          return Status::PermissionDenied(
                     "a closure must be approved by someone other than who requested it")
              .WithReason("own_closure_request");
        }
        cl.state = in.step == Step::kApprove ? "approved" : "rejected";
        cl.decided_by = p.user_id;
        cl.decided_at = now;
        cl.comment = in.text;
        if (in.step == Step::kApprove) {
          after.fields["cas_Status"] = std::string(in.referred ? "ClosedReferred" : "Closed");
          action = "case.closure_approved";
        } else {
          // The case stays as it was; the reason belonged to the closure that did not happen.
          after.fields["cas_ReasonForCaseClosure"] = std::monostate{};
          action = "case.closure_rejected";
        }
        break;
      case Step::kReopen:
        if (status != "Closed" && status != "ClosedReferred") {
          return Status::Conflict("only a Closed or ClosedReferred case can be reopened");
        }
        cl.state = "reopened";
        cl.reopened_by = p.user_id;
        cl.reopened_at = now;
        cl.reopen_reason = in.text;
        after.fields["cas_Status"] = std::string("Active");
        after.fields["cas_ReasonForCaseClosure"] = std::monostate{};
        action = "case.closure_reopened";
        break;
    }
    after.updated_at = now;
    HW_ASSIGN_OR_RETURN(storage::CaseRow updated, EncodeCase(after, cipher));
    HW_RETURN_IF_ERROR(cases.Update(updated, now));
    HW_RETURN_IF_ERROR(cases.InsertHistory(
        case_id, row->office_id,
        {NewId(), p.user_id, now, json::serialize(ClosureDiff(before, after))}));
    HW_RETURN_IF_ERROR(
        AppendAudit(conn, ctx_, p.user_id, info, {action, "case", case_id, row->office_id}));
    after.version += 1;
    view.record = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!view.with_pii) StripPersonal(view.record);
  return view;
}

}  // namespace hw::service
