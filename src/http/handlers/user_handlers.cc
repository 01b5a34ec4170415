// /users and /roles.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"

namespace hw::http {

namespace json = boost::json;

void RegisterUserRoutes(Api& api, Router& router) {
  service::UserService& users = api.services().users;

  router.Add("GET", "/api/v1/users",
             api.Authed([&users](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               auto result = users.List(p, *page);
               if (!result.ok()) return ErrorResponse(result.status(), req.request_id);
               json::array items;
               for (const auto& u : result->items) items.push_back(UserJson(u));
               return Response::Json(200, ListBody(std::move(items), result->next));
             }));

  router.Add("GET", "/api/v1/users/{id}",
             api.Authed([&users](Request& req, const service::Principal& p) {
               auto user = users.Get(p, req.params["id"]);
               if (!user.ok()) return ErrorResponse(user.status(), req.request_id);
               return JsonOk(200, UserJson(*user));
             }));

  router.Add("POST", "/api/v1/users",
             api.Authed([&users](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"username", "password", "roles", "office_id", "display_name"});
               domain::NewUser nu;
               nu.username = r.String("username", true, 64).value_or("");
               nu.password = r.String("password", true, 256).value_or("");
               nu.roles = r.StringList("roles", true).value_or(std::vector<std::string>{});
               nu.office_id = r.String("office_id", true, 64).value_or("");
               nu.display_name = r.String("display_name", false, 200).value_or("");
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto user = users.Create(p, nu, InfoOf(req));
               if (!user.ok()) return ErrorResponse(user.status(), req.request_id);
               return JsonOk(201, UserJson(*user));
             }));

  router.Add(
      "PATCH", "/api/v1/users/{id}",
      api.Authed([&users](Request& req, const service::Principal& p) {
        auto body = ParseObject(req);
        if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
        FieldReader r(*body);
        r.OnlyAllow({"version", "roles", "office_id", "disabled", "password", "display_name"});
        domain::UserPatch patch;
        patch.version = r.Integer("version", true).value_or(0);
        patch.roles = r.StringList("roles", false);
        patch.office_id = r.String("office_id", false, 64);
        patch.disabled = r.Bool("disabled", false);
        patch.password = r.String("password", false, 256);
        patch.display_name = r.String("display_name", false, 200);
        if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
        auto user = users.Patch(p, req.params["id"], patch, InfoOf(req));
        if (!user.ok()) return ErrorResponse(user.status(), req.request_id);
        return JsonOk(200, UserJson(*user));
      }));

  router.Add("GET", "/api/v1/roles",
             api.Authed([&users](Request& req, const service::Principal& p) {
               auto roles = users.Roles(p);
               if (!roles.ok()) return ErrorResponse(roles.status(), req.request_id);
               json::array items;
               for (const auto& role : *roles) {
                 items.push_back(json::object{
                     {"name", role.name},
                     {"description", role.description},
                     {"scope", domain::ScopeName(role.scope)},
                     {"requires_totp", role.requires_totp},
                     {"permissions", json::array(role.permissions.begin(), role.permissions.end())},
                 });
               }
               return Response::Json(200, ListBody(std::move(items), std::nullopt));
             }));
}

}  // namespace hw::http
