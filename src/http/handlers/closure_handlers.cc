// /cases/{id}/closure (request), .../closure/approve, .../closure/reject, /cases/{id}/reopen.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
#include "service/case_codec.h"

namespace hw::http {
namespace {

namespace json = boost::json;

// Long enough for 4000 characters of any script; the service counts the characters.
constexpr size_t kMaxTextBytes = 16000;

json::object ClosureJson(const service::ClosureView& v) {
  const domain::CaseRecord& c = v.record;
  const domain::Closure& cl = c.closure;
  json::object closure{{"state", cl.state}};
  if (!cl.requested_by.empty()) {
    closure["requested_by"] = cl.requested_by;
    closure["requested_at"] = FormatTimestamp(cl.requested_at);
  }
  if (!cl.decided_by.empty()) {
    closure["decided_by"] = cl.decided_by;
    closure["decided_at"] = FormatTimestamp(cl.decided_at);
  }
  if (v.with_pii) closure["comment"] = cl.comment;
  if (!cl.reopened_by.empty()) {
    closure["reopened_by"] = cl.reopened_by;
    closure["reopened_at"] = FormatTimestamp(cl.reopened_at);
    if (v.with_pii) closure["reopen_reason"] = cl.reopen_reason;
  }
  auto status = c.fields.find("cas_Status");
  json::object o{
      {"id", c.id},
      {"version", c.version},
      {"updated_at", FormatTimestamp(c.updated_at)},
      {"cas_Status",
       status == c.fields.end() ? json::value() : service::FieldValueToJson(status->second)},
      {"state", cl.state},
      {"closure", std::move(closure)}};
  if (v.with_pii) {
    auto reason = c.fields.find("cas_ReasonForCaseClosure");
    o["cas_ReasonForCaseClosure"] =
        reason == c.fields.end() ? json::value() : service::FieldValueToJson(reason->second);
  }
  return o;
}

enum class Step { kRequest, kApprove, kReject, kReopen };

Handler StepHandler(const Api& api, service::ClosureService& closures, Step step) {
  return api.Authed([&closures, step](Request& req, const service::Principal& p) {
    auto body = ParseObject(req);
    if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
    FieldReader r(*body);
    const bool reason = step == Step::kRequest || step == Step::kReopen;
    const char* text_field = reason ? "reason" : "comment";
    if (step == Step::kApprove) {
      r.OnlyAllow({"version", "comment", "referred"});
    } else {
      r.OnlyAllow({"version", text_field});
    }
    auto version = r.Integer("version", true);
    // Presence and length of the text are the service's to judge (in characters, not bytes).
    std::string text = r.String(text_field, false, kMaxTextBytes).value_or("");
    bool referred = step == Step::kApprove && r.Bool("referred", false).value_or(false);
    if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
    const std::string& id = req.params["id"];
    auto info = InfoOf(req);
    Result<service::ClosureView> result = Status::Internal("unreachable");
    switch (step) {
      case Step::kRequest:
        result = closures.Request(p, id, *version, text, info);
        break;
      case Step::kApprove:
        result = closures.Approve(p, id, *version, text, referred, info);
        break;
      case Step::kReject:
        result = closures.Reject(p, id, *version, text, info);
        break;
      case Step::kReopen:
        result = closures.Reopen(p, id, *version, text, info);
        break;
    }
    if (!result.ok()) return ErrorResponse(result.status(), req.request_id);
    return JsonOk(200, ClosureJson(*result));
  });
}

}  // namespace

void RegisterClosureRoutes(Api& api, Router& router) {
  service::ClosureService& closures = api.services().closures;
  router.Add("POST", "/api/v1/cases/{id}/closure", StepHandler(api, closures, Step::kRequest));
  router.Add("POST", "/api/v1/cases/{id}/closure/approve",
             StepHandler(api, closures, Step::kApprove));
  router.Add("POST", "/api/v1/cases/{id}/closure/reject",
             StepHandler(api, closures, Step::kReject));
  router.Add("POST", "/api/v1/cases/{id}/reopen", StepHandler(api, closures, Step::kReopen));
}

}  // namespace hw::http
