#include "http/api.h"

#include "crypto/token.h"
#include "http/error_mapping.h"
#include "service/context.h"

namespace hw::http {

Api::Api(ApiServices services, ApiOptions options) : services_(services), options_(options) {
  RegisterSessionRoutes(*this, router_);
  RegisterUserRoutes(*this, router_);
  RegisterOfficeRoutes(*this, router_);
  RegisterCaseRoutes(*this, router_);
  RegisterConsentRoutes(*this, router_);
  RegisterClosureRoutes(*this, router_);
  RegisterCaseExportRoutes(*this, router_);
  RegisterScreeningRoutes(*this, router_);
  RegisterCaseWorkRoutes(*this, router_);
  RegisterShelterRoutes(*this, router_);
  RegisterAssessmentRoutes(*this, router_);
}

Handler Api::Authed(AuthedHandler fn) const {
  return AuthedShared(
      [fn = std::move(fn)](Request& req, std::shared_ptr<const service::Principal> p) {
        return fn(req, *p);
      });
}

Handler Api::AuthedShared(SharedAuthedHandler fn) const {
  service::AuthService* auth = &services_.auth;
  return [auth, fn = std::move(fn)](Request& req) -> Response {
    auto token = req.Cookie("hw_session");
    if (!token) return ErrorResponse(Status::Unauthenticated("sign in first"), req.request_id);
    auto principal = auth->Authenticate(*token);
    if (!principal.ok()) return ErrorResponse(principal.status(), req.request_id);
    bool mutating = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
    if (mutating) {
      const std::string& sent = req.Header("x-csrf-token");
      if (sent.empty() || !crypto::ConstantTimeEquals(sent, (*principal)->csrf_token)) {
        return ErrorResponse(403, "csrf", "missing or wrong X-CSRF-Token header");
      }
    }
    return fn(req, std::move(principal).value());
  };
}

}  // namespace hw::http
