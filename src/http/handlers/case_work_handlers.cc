// /cases/{id}/services, /cases/{id}/notes, /cases/{id}/tasks and /tasks.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
#include "service/case_work_service.h"

namespace hw::http {
namespace {

namespace json = boost::json;

constexpr size_t kMaxTextBytes = 80000;  // 20000 characters of up to 4 bytes

json::value CostJson(const std::optional<std::int64_t>& milli) {
  if (!milli) return nullptr;
  if (*milli % 1000 == 0) return json::value(*milli / 1000);
  return json::value(static_cast<double>(*milli) / 1000.0);
}

json::object ServiceJson(const domain::AssistanceService& s) {
  return {{"id", s.id},
          {"case_id", s.case_id},
          {"type", s.type},
          {"provider", OrNull(s.provider)},
          {"start_date", OrNull(s.start_date)},
          {"end_date", OrNull(s.end_date)},
          {"status", s.status},
          {"cost", CostJson(s.cost_milli)},
          {"currency", OrNull(s.currency)},
          {"funding_source", OrNull(s.funding_source)},
          {"created_by", s.created_by},
          {"created_at", FormatTimestamp(s.created_at)},
          {"updated_at", FormatTimestamp(s.updated_at)},
          {"version", s.version}};
}

json::object NoteJson(const domain::CaseNote& n) {
  return {{"id", n.id},
          {"case_id", n.case_id},
          {"text", n.text},
          {"author", n.author},
          {"created_at", FormatTimestamp(n.created_at)}};
}

json::object TaskJson(const service::TaskView& v) {
  const domain::CaseTask& t = v.task;
  json::object o{{"id", t.id}, {"case_id", t.case_id}, {"case_number", t.case_number}};
  if (v.with_pii) o["title"] = t.title;
  o["due_date"] = t.due_date;
  o["assignee"] = t.assignee_id;
  o["status"] = t.status;
  o["overdue"] = v.overdue;
  o["created_by"] = t.created_by;
  o["created_at"] = FormatTimestamp(t.created_at);
  o["updated_at"] = FormatTimestamp(t.updated_at);
  o["version"] = t.version;
  return o;
}

// A string field that may be absent; null clears it when `cleared` is given, else is refused.
std::optional<std::string> OptString(const json::object& body, const char* name,
                                     std::set<std::string>* cleared, Status::Fields& errors) {
  return OptionalString(body, name, kMaxTextBytes, {.cleared = cleared, .error = "is required"},
                        errors);
}

// Reads the fields of a service. Errors go to `in.errors`, so that the service reports them
// together with its validation. `version` non-null: a PATCH, which must carry the version.
service::ServiceInput ParseServiceInput(const json::object& body, long long* version) {
  FieldReader r(body);
  std::vector<std::string> allowed{"type",   "provider", "start_date", "end_date",
                                   "status", "cost",     "currency",   "funding_source"};
  r.OnlyAllow(allowed, version);
  service::ServiceInput in;
  Status::Fields& errors = in.errors;
  in.type = OptString(body, "type", &in.cleared, errors);
  in.provider = OptString(body, "provider", &in.cleared, errors);
  in.start_date = OptString(body, "start_date", &in.cleared, errors);
  in.end_date = OptString(body, "end_date", &in.cleared, errors);
  in.status = OptString(body, "status", &in.cleared, errors);
  in.currency = OptString(body, "currency", &in.cleared, errors);
  in.funding_source = OptString(body, "funding_source", &in.cleared, errors);
  in.cost = OptionalNumber(body, "cost", in.cleared, errors);
  r.MergeInto(errors);
  return in;
}

service::TaskInput ParseTaskInput(const json::object& body, long long* version) {
  FieldReader r(body);
  std::vector<std::string> allowed{"title", "due_date", "assignee", "status"};
  r.OnlyAllow(allowed, version);
  service::TaskInput in;
  in.title = OptString(body, "title", nullptr, in.errors);
  in.due_date = OptString(body, "due_date", nullptr, in.errors);
  in.assignee = OptString(body, "assignee", nullptr, in.errors);
  in.status = OptString(body, "status", nullptr, in.errors);
  r.MergeInto(in.errors);
  return in;
}

void RegisterServiceRoutes(Api& api, Router& router) {
  service::CaseWorkService& work = api.services().case_work;
  router.Add("GET", "/api/v1/cases/{id}/services",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(work.ListServices(p, req.params["id"], *page), req, ServiceJson);
             }));
  router.Add("POST", "/api/v1/cases/{id}/services",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               auto s = work.CreateService(p, req.params["id"], ParseServiceInput(*body, nullptr),
                                           InfoOf(req));
               if (!s.ok()) return ErrorResponse(s.status(), req.request_id);
               return JsonOk(201, ServiceJson(*s));
             }));
  router.Add("PATCH", "/api/v1/cases/{id}/services/{sid}",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               long long version = 0;
               auto in = ParseServiceInput(*body, &version);
               auto s = work.PatchService(p, req.params["id"], req.params["sid"], version, in,
                                          InfoOf(req));
               if (!s.ok()) return ErrorResponse(s.status(), req.request_id);
               return JsonOk(200, ServiceJson(*s));
             }));
}

void RegisterNoteRoutes(Api& api, Router& router) {
  service::CaseWorkService& work = api.services().case_work;
  router.Add("GET", "/api/v1/cases/{id}/notes",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(work.ListNotes(p, req.params["id"], *page, InfoOf(req)), req,
                                   NoteJson);
             }));
  router.Add("POST", "/api/v1/cases/{id}/notes",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"text"});
               auto text = r.String("text", true, kMaxTextBytes);
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto n = work.CreateNote(p, req.params["id"], *text, InfoOf(req));
               if (!n.ok()) return ErrorResponse(n.status(), req.request_id);
               return JsonOk(201, NoteJson(*n));
             }));
}

void RegisterTaskRoutes(Api& api, Router& router) {
  service::CaseWorkService& work = api.services().case_work;
  router.Add("GET", "/api/v1/cases/{id}/tasks",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(work.ListTasks(p, req.params["id"], *page, InfoOf(req)), req,
                                   TaskJson);
             }));
  router.Add("POST", "/api/v1/cases/{id}/tasks",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               auto t = work.CreateTask(p, req.params["id"], ParseTaskInput(*body, nullptr),
                                        InfoOf(req));
               if (!t.ok()) return ErrorResponse(t.status(), req.request_id);
               return JsonOk(201, TaskJson(*t));
             }));
  router.Add("PATCH", "/api/v1/cases/{id}/tasks/{tid}",
             api.Authed([&work](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               long long version = 0;
               auto in = ParseTaskInput(*body, &version);
               auto t =
                   work.PatchTask(p, req.params["id"], req.params["tid"], version, in, InfoOf(req));
               if (!t.ok()) return ErrorResponse(t.status(), req.request_id);
               return JsonOk(200, TaskJson(*t));
             }));
  router.Add("GET", "/api/v1/tasks", api.Authed([&work](Request& req, const service::Principal& p) {
    auto page = ParsePage(req);
    if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
    service::TaskQuery q;
    q.page = *page;
    q.assignee = req.Query("assignee").value_or("me");
    q.status = req.Query("status").value_or("open");
    std::string overdue = req.Query("overdue").value_or("false");
    if (overdue != "true" && overdue != "false") {
      return ErrorResponse(Status::InvalidField("overdue", "must be true or false"),
                           req.request_id);
    }
    q.overdue = overdue == "true";
    return ListResponse(work.FindTasks(p, q, InfoOf(req)), req, TaskJson);
  }));
}

}  // namespace

void RegisterCaseWorkRoutes(Api& api, Router& router) {
  RegisterServiceRoutes(api, router);
  RegisterNoteRoutes(api, router);
  RegisterTaskRoutes(api, router);
}

}  // namespace hw::http
