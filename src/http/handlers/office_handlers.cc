// /offices and /audit.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"

namespace hw::http {

namespace json = boost::json;

void RegisterOfficeRoutes(Api& api, Router& router) {
  service::OfficeService& offices = api.services().offices;
  service::AuditService& audit = api.services().audit;

  router.Add("GET", "/api/v1/offices",
             api.Authed([&offices](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               auto result = offices.List(p, *page);
               if (!result.ok()) return ErrorResponse(result.status(), req.request_id);
               json::array items;
               for (const auto& o : result->items) items.push_back(OfficeJson(o));
               return Response::Json(200, ListBody(std::move(items), result->next));
             }));

  router.Add("POST", "/api/v1/offices",
             api.Authed([&offices](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"name", "code", "country"});
               domain::NewOffice no;
               no.name = r.String("name", true, 200).value_or("");
               no.code = r.String("code", true, 16).value_or("");
               no.country = r.String("country", true, 2).value_or("");
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto office = offices.Create(p, no, InfoOf(req));
               if (!office.ok()) return ErrorResponse(office.status(), req.request_id);
               return JsonOk(201, OfficeJson(*office));
             }));

  router.Add("GET", "/api/v1/audit",
             api.Authed([&audit](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               auto result = audit.List(p, *page, InfoOf(req));
               if (!result.ok()) return ErrorResponse(result.status(), req.request_id);
               json::array items;
               for (const auto& e : result->items) items.push_back(AuditJson(e));
               return Response::Json(200, ListBody(std::move(items), result->next));
             }));
}

}  // namespace hw::http
