// Sign-in, sessions and the second factor.
// Thread-safe: one instance serves every request.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "service/context.h"
#include "service/login_throttle.h"
#include "service/principal.h"
#include "service/role_catalog.h"
#include "service/session_cache.h"
#include "service/user_view.h"

namespace hw::service {

struct LoginRequest {
  std::string username;
  std::string password;
  std::optional<std::string> totp;
};

struct LoginResult {
  std::string token;  // goes into the cookie only; stored hashed
  std::string csrf_token;
  UserView user;
  TimeMs expires_at = 0;
};

struct TotpEnrolment {
  std::string secret_base32;
  std::string otpauth_uri;
};

class AuthService {
 public:
  AuthService(Context& ctx, RoleCatalog& roles)
      : ctx_(ctx), roles_(roles), throttle_(ctx.security.lock_window_ms) {}

  // Errors: Unauthenticated "invalid username or password" (same for unknown users and wrong
  // passwords, same timing); Unauthenticated reason totp_required; RateLimited reason
  // too_many_attempts while the account or the address is locked.
  Result<LoginResult> Login(const LoginRequest& req, const RequestInfo& info);
  // Revokes the session.
  Status Logout(const Principal& p, const RequestInfo& info);
  // The caller behind a session token; Unauthenticated when absent, expired or revoked.
  // Served from the session cache while it is current (session_cache.h).
  Result<std::shared_ptr<const Principal>> Authenticate(const std::string& token);

  Result<UserView> Me(const Principal& p);
  Result<TotpEnrolment> StartTotpEnrolment(const Principal& p, const RequestInfo& info);
  // Errors: InvalidArgument on field "code" when it does not match.
  Result<UserView> ConfirmTotpEnrolment(const Principal& p, const std::string& code,
                                        const RequestInfo& info);

  UserView ViewOf(const domain::User& u) const;

 private:
  Status RecordFailure(domain::User& user, const RequestInfo& info, TimeMs now);
  Status LockedStatus(TimeMs retry_ms) const;

  Context& ctx_;
  RoleCatalog& roles_;
  LoginThrottle throttle_;
  SessionCache sessions_;
};

}  // namespace hw::service
