// POST/DELETE /session, GET /me, TOTP enrolment.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"

namespace hw::http {
namespace {

namespace json = boost::json;

std::string SessionCookie(const std::string& token, bool secure, long max_age_s) {
  std::string c = "hw_session=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s);
  if (secure) c += "; Secure";
  return c;
}

}  // namespace

void RegisterSessionRoutes(Api& api, Router& router) {
  service::AuthService& auth = api.services().auth;
  const bool secure = api.options().secure_cookies;

  router.Add("POST", "/api/v1/session", [&auth, secure](Request& req) {
    auto body = ParseObject(req);
    if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
    FieldReader r(*body);
    service::LoginRequest login;
    login.username = r.String("username", true, 64).value_or("");
    login.password = r.String("password", true, 256).value_or("");
    login.totp = r.String("totp", false, 10);
    if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
    auto result = auth.Login(login, InfoOf(req));
    if (!result.ok()) return ErrorResponse(result.status(), req.request_id);
    Response res =
        JsonOk(200, {{"user", UserJson(result->user)}, {"csrf_token", result->csrf_token}});
    res.headers.emplace_back("Set-Cookie", SessionCookie(result->token, secure, 12L * 3600));
    return res;
  });

  router.Add("DELETE", "/api/v1/session",
             api.Authed([&auth, secure](Request& req, const service::Principal& p) {
               Status st = auth.Logout(p, InfoOf(req));
               if (!st.ok()) return ErrorResponse(st, req.request_id);
               Response res = Response::NoContent();
               res.headers.emplace_back("Set-Cookie", SessionCookie("", secure, 0));
               return res;
             }));

  router.Add("GET", "/api/v1/me", api.Authed([&auth](Request& req, const service::Principal& p) {
    auto me = auth.Me(p);
    if (!me.ok()) return ErrorResponse(me.status(), req.request_id);
    return JsonOk(200, {{"user", UserJson(*me)}, {"csrf_token", p.csrf_token}});
  }));

  router.Add(
      "POST", "/api/v1/me/totp", api.Authed([&auth](Request& req, const service::Principal& p) {
        auto body = ParseObject(req);
        if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
        auto enrol = auth.StartTotpEnrolment(p, InfoOf(req));
        if (!enrol.ok()) return ErrorResponse(enrol.status(), req.request_id);
        return JsonOk(200, {{"secret", enrol->secret_base32}, {"otpauth_uri", enrol->otpauth_uri}});
      }));

  router.Add("POST", "/api/v1/me/totp/confirm",
             api.Authed([&auth](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               auto code = r.String("code", true, 10);
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto user = auth.ConfirmTotpEnrolment(p, *code, InfoOf(req));
               if (!user.ok()) return ErrorResponse(user.status(), req.request_id);
               return JsonOk(200, {{"user", UserJson(*user)}});
             }));
}

}  // namespace hw::http
