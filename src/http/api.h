// The /api/v1 surface: routes, the session and CSRF middleware, and the thin handlers.
// Thread-safe after construction.
#pragma once

#include <memory>

#include "http/message.h"
#include "http/router.h"
#include "service/assessment_service.h"
#include "service/auth_service.h"
#include "service/case_export.h"
#include "service/case_service.h"
#include "service/case_work_service.h"
#include "service/closure_service.h"
#include "service/consent_service.h"
#include "service/office_service.h"
#include "service/principal.h"
#include "service/screening_service.h"
#include "service/shelter_service.h"
#include "service/user_service.h"

namespace hw::http {

struct ApiServices {
  service::AuthService& auth;
  service::UserService& users;
  service::OfficeService& offices;
  service::AuditService& audit;
  service::CaseService& cases;
  service::ConsentService& consents;
  service::ClosureService& closures;
  service::ExportService& exports;
  service::ScreeningService& screening;
  service::CaseWorkService& case_work;
  service::ShelterService& shelters;
  service::AssessmentService& assessments;
};

struct ApiOptions {
  bool secure_cookies = true;  // false only when serving plain HTTP on loopback
};

using AuthedHandler = std::function<Response(Request&, const service::Principal&)>;
// For handlers whose response is made later (Response::defer) and keeps the principal.
using SharedAuthedHandler =
    std::function<Response(Request&, std::shared_ptr<const service::Principal>)>;

class Api {
 public:
  Api(ApiServices services, ApiOptions options);
  Response Handle(Request& req) const { return router_.Dispatch(req); }

  // Wraps a handler with: session cookie -> principal (401 without), CSRF check on mutating
  // methods (403 csrf).
  Handler Authed(AuthedHandler fn) const;
  Handler AuthedShared(SharedAuthedHandler fn) const;
  ApiServices& services() { return services_; }
  const ApiOptions& options() const { return options_; }

 private:
  ApiServices services_;
  ApiOptions options_;
  Router router_;
};

// Route registration, one function per feature (handlers/<feature>_handlers.cc).
void RegisterSessionRoutes(Api& api, Router& router);
void RegisterUserRoutes(Api& api, Router& router);
void RegisterOfficeRoutes(Api& api, Router& router);
void RegisterCaseRoutes(Api& api, Router& router);
void RegisterConsentRoutes(Api& api, Router& router);
void RegisterClosureRoutes(Api& api, Router& router);
void RegisterCaseExportRoutes(Api& api, Router& router);
void RegisterScreeningRoutes(Api& api, Router& router);
void RegisterCaseWorkRoutes(Api& api, Router& router);
void RegisterShelterRoutes(Api& api, Router& router);
void RegisterAssessmentRoutes(Api& api, Router& router);

}  // namespace hw::http
