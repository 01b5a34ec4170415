// GET /cases/export?format=csv|xlsx&<the list's filters>: the filtered case list as a file.
// POST /cases/export {"format", filters..., "name"}: the same, for a name search (names are
// personal and never travel in a URL).
#include <map>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"

namespace hw::http {
namespace {

constexpr const char* kFilters[] = {
    "status",   "trafficking_status", "caseworker",    "citizenship", "exploitation", "gender",
    "age_band", "registered_from",    "registered_to", "name",        "sort"};

service::CaseQuery QueryFrom(std::map<std::string, std::string>& v) {
  service::CaseQuery q;
  q.status = v["status"];
  q.trafficking_status = v["trafficking_status"];
  q.caseworker = v["caseworker"];
  q.citizenship = v["citizenship"];
  q.exploitation = v["exploitation"];
  q.gender = v["gender"];
  q.age_band = v["age_band"];
  q.registered_from = v["registered_from"];
  q.registered_to = v["registered_to"];
  q.name = v["name"];
  q.sort = v["sort"];
  return q;
}

Response Export(service::ExportService& exports, const service::Principal& p,
                const service::CaseQuery& q, const std::string& format, const Request& req) {
  auto file = exports.Export(p, q, format, InfoOf(req));
  if (!file.ok()) return ErrorResponse(file.status(), req.request_id);
  Response res;
  res.status = 200;
  res.content_type = file->content_type;
  res.body = std::move(file->bytes);
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + file->filename + "\"");
  res.headers.emplace_back("X-Homeward-Rows", std::to_string(file->rows));
  res.headers.emplace_back("X-Homeward-Skipped", std::to_string(file->skipped));
  return res;
}

}  // namespace

void RegisterCaseExportRoutes(Api& api, Router& router) {
  service::ExportService& exports = api.services().exports;

  // A literal segment beats the parameter of /cases/{id}, so "export" is never taken for an id.
  router.Add("GET", "/api/v1/cases/export",
             api.Authed([&exports](Request& req, const service::Principal& p) {
               if (req.Query("name")) {
                 return ErrorResponse(
                     Status::InvalidField("name", "export by name with POST /api/v1/cases/export"),
                     req.request_id);
               }
               std::map<std::string, std::string> values;
               for (const char* key : kFilters) values[key] = req.Query(key).value_or("");
               return Export(exports, p, QueryFrom(values), req.Query("format").value_or("csv"),
                             req);
             }));

  router.Add("POST", "/api/v1/cases/export",
             api.Authed([&exports](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               std::vector<std::string> allowed(std::begin(kFilters), std::end(kFilters));
               allowed.emplace_back("format");
               r.OnlyAllow(allowed);
               std::map<std::string, std::string> values;
               for (const char* key : kFilters)
                 values[key] = r.String(key, false, 200).value_or("");
               std::string format = r.String("format", false, 10).value_or("csv");
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               return Export(exports, p, QueryFrom(values), format, req);
             }));
}

}  // namespace hw::http
