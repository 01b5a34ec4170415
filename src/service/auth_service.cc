#include "service/auth_service.h"

#include "crypto/password.h"
#include "crypto/record_keys.h"
#include "crypto/token.h"
#include "crypto/totp.h"
#include "service/audit_log.h"
#include "storage/key_store.h"
#include "storage/session_store.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

constexpr const char* kBadCredentials = "invalid username or password";

Status BadCredentials() { return Status::Unauthenticated(kBadCredentials); }

}  // namespace

UserView AuthService::ViewOf(const domain::User& u) const {
  UserView v;
  v.user = u;
  v.user.password_hash.clear();
  v.user.totp_secret_sealed.clear();
  v.user.totp_pending_sealed.clear();
  domain::Scope scope;
  bool requires_totp = false;
  roles_.Resolve(u.roles, &v.permissions, &scope, &requires_totp);
  v.view_pii = v.permissions.count(domain::perm::kViewPii) > 0;
  v.totp_required = ctx_.security.require_totp && requires_totp && !u.totp_enabled;
  return v;
}

Status AuthService::LockedStatus(TimeMs retry_ms) const {
  int secs = static_cast<int>((retry_ms + 999) / 1000);
  return Status::RateLimited("too many failed sign-in attempts; try again later",
                             secs > 0 ? secs : 1)
      .WithReason("too_many_attempts");
}

Status AuthService::RecordFailure(domain::User& user, const RequestInfo& info, TimeMs now) {
  return ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_RETURN_IF_ERROR(storage::UserStore(conn).RecordLoginFailure(
        user, now, now - ctx_.security.lock_window_ms, ctx_.security.failures_before_lock,
        now + ctx_.security.lock_duration_ms));
    std::string action =
        user.locked_until && *user.locked_until > now ? "session.locked" : "session.login_failed";
    return AppendAudit(conn, ctx_, user.id, info, {action, "user", user.id, user.office_id});
  });
}

Result<LoginResult> AuthService::Login(const LoginRequest& req, const RequestInfo& info) {
  const TimeMs now = ctx_.clock.NowMs();
  const std::string addr_key = "addr:" + info.remote_address;
  if (throttle_.Failures(addr_key, now) >= ctx_.security.failures_per_address) {
    return LockedStatus(throttle_.RetryAfterMs(addr_key, now));
  }
  Status::Fields missing;
  if (req.username.empty()) missing["username"] = "is required";
  if (req.password.empty()) missing["password"] = "is required";
  if (!missing.empty()) return Status::InvalidArgument("invalid input", std::move(missing));

  const std::string username = domain::NormalizeUsername(req.username);
  std::optional<domain::User> found;
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_ASSIGN_OR_RETURN(found, storage::UserStore(*conn).FindByUsername(username));
  }
  if (!found) {
    // Behave exactly like a real account: same work, same lockout.
    const std::string name_key = "user:" + username;
    if (throttle_.Failures(name_key, now) >= ctx_.security.failures_before_lock) {
      return LockedStatus(throttle_.RetryAfterMs(name_key, now));
    }
    crypto::BurnPasswordVerifyTime();
    throttle_.RecordFailure(name_key, now);
    throttle_.RecordFailure(addr_key, now);
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction([&](storage::Connection& conn) {
      return AppendAudit(conn, ctx_, "-", info, {"session.login_failed", "session", "", ""});
    }));
    return BadCredentials();
  }
  domain::User user = std::move(*found);
  if (user.locked_until && *user.locked_until > now) {
    return LockedStatus(*user.locked_until - now);
  }
  bool password_ok = crypto::VerifyPassword(user.password_hash, req.password);
  if (!password_ok || user.disabled) {
    throttle_.RecordFailure(addr_key, now);
    HW_RETURN_IF_ERROR(RecordFailure(user, info, now));
    return BadCredentials();
  }
  if (user.totp_enabled) {
    if (!req.totp || req.totp->empty()) {
      return Status::Unauthenticated("a one-time code from your authenticator app is required")
          .WithReason("totp_required");
    }
    std::string secret;
    {
      HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
      storage::SqlWrappedKeyStore keys(*conn, now);
      crypto::RecordCipher cipher(ctx_.keyring, keys);
      HW_ASSIGN_OR_RETURN(secret,
                          cipher.OpenField(user.id, "totp_secret", user.totp_secret_sealed));
    }
    auto step = crypto::MatchTotpStep(secret, *req.totp, now / 1000);
    // A code is good once: a step at or before the last accepted one is a replay.
    if (!step || (user.totp_last_step && *step <= *user.totp_last_step)) {
      throttle_.RecordFailure(addr_key, now);
      HW_RETURN_IF_ERROR(RecordFailure(user, info, now));
      return BadCredentials();
    }
    user.totp_last_step = *step;
  }

  LoginResult result;
  result.token = crypto::RandomToken();
  result.csrf_token = crypto::RandomToken();
  result.expires_at = now + ctx_.security.session_absolute_ms;
  user.failed_logins = 0;
  user.first_failed_at.reset();
  user.locked_until.reset();
  user.last_login_at = now;
  HW_RETURN_IF_ERROR(ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_RETURN_IF_ERROR(storage::UserStore(conn).SetLoginState(user));
    storage::SessionRow s{crypto::HashToken(result.token),
                          user.id,
                          user.office_id,
                          result.csrf_token,
                          now,
                          now,
                          result.expires_at};
    HW_RETURN_IF_ERROR(storage::SessionStore(conn).Insert(s));
    return AppendAudit(conn, ctx_, user.id, info,
                       {"session.login", "user", user.id, user.office_id});
  }));
  result.user = ViewOf(user);
  return result;
}

Status AuthService::Logout(const Principal& p, const RequestInfo& info) {
  return ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_RETURN_IF_ERROR(storage::SessionStore(conn).Delete(p.session_hash));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"session.logout", "user", p.user_id, p.office_id});
  });
}

Result<std::shared_ptr<const Principal>> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return Status::Unauthenticated("sign in first");
  const TimeMs now = ctx_.clock.NowMs();
  const std::string hash = crypto::HashToken(token);
  // Read before the database: an entry stored with it is dropped by any change committed after.
  const std::uint64_t epoch = ctx_.db.access_epoch();
  if (auto cached = sessions_.Find(hash, now, epoch, ctx_.security.session_idle_ms,
                                   ctx_.security.session_touch_interval_ms)) {
    return cached;
  }
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  storage::SessionStore sessions(*conn);
  HW_ASSIGN_OR_RETURN(auto session, sessions.Find(hash));
  if (!session) return Status::Unauthenticated("your session has ended; sign in again");
  if (now >= session->expires_at || now - session->last_seen_at >= ctx_.security.session_idle_ms) {
    (void)sessions.Delete(hash);
    return Status::Unauthenticated("your session has ended; sign in again");
  }
  HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(*conn).Get(session->user_id));
  if (!user || user->disabled) {
    (void)sessions.Delete(hash);
    return Status::Unauthenticated("your session has ended; sign in again");
  }
  TimeMs last_seen = session->last_seen_at;
  if (now - last_seen >= ctx_.security.session_touch_interval_ms) {
    HW_RETURN_IF_ERROR(sessions.Touch(hash, now));
    last_seen = now;
  }
  auto p = std::make_shared<Principal>();
  p->user_id = user->id;
  p->username = user->username;
  p->office_id = user->office_id;
  p->roles = user->roles;
  bool requires_totp = false;
  roles_.Resolve(user->roles, &p->permissions, &p->scope, &requires_totp);
  p->totp_enrolment_pending = ctx_.security.require_totp && requires_totp && !user->totp_enabled;
  p->session_hash = hash;
  p->csrf_token = session->csrf_token;
  std::shared_ptr<const Principal> shared = std::move(p);
  sessions_.Put(hash, {shared, session->expires_at, last_seen, now, epoch});
  return shared;
}

Result<UserView> AuthService::Me(const Principal& p) {
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(*conn).Get(p.user_id));
  if (!user) return Status::Unauthenticated("your session has ended; sign in again");
  return ViewOf(*user);
}

Result<TotpEnrolment> AuthService::StartTotpEnrolment(const Principal& p, const RequestInfo& info) {
  TotpEnrolment out;
  out.secret_base32 = crypto::NewTotpSecretBase32();
  out.otpauth_uri = crypto::OtpauthUri("Homeward", p.username, out.secret_base32);
  const TimeMs now = ctx_.clock.NowMs();
  HW_RETURN_IF_ERROR(ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::UserStore users(conn);
    HW_ASSIGN_OR_RETURN(auto user, users.Get(p.user_id));
    if (!user) return Status::NotFound("user not found");
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    HW_ASSIGN_OR_RETURN(user->totp_pending_sealed,
                        cipher.SealField(user->id, "totp_pending", out.secret_base32));
    HW_RETURN_IF_ERROR(users.Update(*user, now));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"user.totp_enrolment_started", "user", p.user_id, p.office_id});
  }));
  return out;
}

Result<UserView> AuthService::ConfirmTotpEnrolment(const Principal& p, const std::string& code,
                                                   const RequestInfo& info) {
  const TimeMs now = ctx_.clock.NowMs();
  domain::User updated;
  HW_RETURN_IF_ERROR(ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::UserStore users(conn);
    HW_ASSIGN_OR_RETURN(auto user, users.Get(p.user_id));
    if (!user) return Status::NotFound("user not found");
    if (user->totp_pending_sealed.empty()) {
      return Status::InvalidField("code", "start the enrolment first");
    }
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    HW_ASSIGN_OR_RETURN(std::string secret,
                        cipher.OpenField(user->id, "totp_pending", user->totp_pending_sealed));
    auto step = crypto::MatchTotpStep(secret, code, now / 1000);
    if (!step) {
      return Status::InvalidField("code", "does not match; check the clock of your device");
    }
    HW_ASSIGN_OR_RETURN(user->totp_secret_sealed,
                        cipher.SealField(user->id, "totp_secret", secret));
    user->totp_pending_sealed.clear();
    user->totp_enabled = true;
    HW_RETURN_IF_ERROR(users.Update(*user, now));
    // The confirming code is spent: RFC 6238 section 5.2 forbids accepting it again at sign-in.
    user->totp_last_step = *step;
    HW_RETURN_IF_ERROR(users.SetLoginState(*user));
    HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                   {"user.totp_enabled", "user", p.user_id, p.office_id}));
    user->version += 1;
    user->updated_at = now;
    updated = *user;
    return Status::Ok();
  }));
  return ViewOf(updated);
}

}  // namespace hw::service
