// Sign-in: credentials, lockout and the per-address limit.
#include "service/auth_service.h"

#include <gtest/gtest.h>

#include <string>

#include "crypto/token.h"
#include "storage/user_store.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kMinute;
using testing::kPassword;
using testing::kStart;
using testing::ServiceTest;

constexpr char kBadCredentials[] = "invalid username or password";

class AuthServiceTest : public ServiceTest {
 protected:
  domain::User Stored(const std::string& username) {
    auto conn = Conn();
    auto u = storage::UserStore(*conn).FindByUsername(username);
    if (!u.ok() || !u->has_value()) throw std::runtime_error("no user " + username);
    return **u;
  }

  void ExpectBadCredentials(const Result<LoginResult>& r) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(r.status().message(), kBadCredentials);
    EXPECT_TRUE(r.status().reason().empty());
    EXPECT_TRUE(r.status().fields().empty());
  }

  void ExpectLocked(const Result<LoginResult>& r, int retry_after) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kRateLimited) << r.status().ToString();
    EXPECT_EQ(r.status().reason(), "too_many_attempts");
    EXPECT_EQ(r.status().retry_after_seconds(), retry_after);
  }
};

TEST_F(AuthServiceTest, LoginReturnsATokenAndASessionThatAuthenticates) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->token.size(), 43u);
  EXPECT_EQ(login->csrf_token.size(), 43u);
  EXPECT_NE(login->token, login->csrf_token);
  EXPECT_EQ(login->expires_at, kStart + 12 * 60 * kMinute);
  EXPECT_EQ(login->user.user.username, "admin");
  EXPECT_TRUE(login->user.user.password_hash.empty());  // never leaves the service
  EXPECT_FALSE(login->user.totp_required);
  EXPECT_FALSE(login->user.view_pii);
  EXPECT_EQ(login->user.permissions.count("create:user"), 1u);

  auto p = auth_->Authenticate(login->token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->user_id, login->user.user.id);
  EXPECT_EQ((*p)->username, "admin");
  EXPECT_EQ((*p)->office_id, hq_);
  EXPECT_EQ((*p)->roles, std::vector<std::string>{"admin"});
  EXPECT_EQ((*p)->scope, domain::Scope::kOrganisation);
  EXPECT_TRUE((*p)->Has("create:office"));
  EXPECT_FALSE((*p)->Has("view_pii"));
  EXPECT_FALSE((*p)->totp_enrolment_pending);
  EXPECT_EQ((*p)->csrf_token, login->csrf_token);
  EXPECT_EQ((*p)->session_hash, crypto::HashToken(login->token));

  // Only the token's hash is stored.
  EXPECT_EQ(Count("sessions"), 1);
  auto conn = Conn();
  auto rows = conn->Query("SELECT token_hash FROM sessions");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Text(0), crypto::HashToken(login->token));
  EXPECT_EQ(Stored("admin").last_login_at, kStart);
}

TEST_F(AuthServiceTest, UsernamesAreCaseInsensitive) {
  EXPECT_TRUE(Login("ADMIN", kAdminPassword).ok());
  EXPECT_TRUE(Login("Admin", kAdminPassword).ok());
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = Login("admin", "not the admin password");
  auto unknown = Login("nobody.here", "not the admin password");
  ExpectBadCredentials(wrong);
  ExpectBadCredentials(unknown);
  EXPECT_EQ(wrong.status().ToString(), unknown.status().ToString());
  EXPECT_EQ(Count("sessions"), 0);
}

TEST_F(AuthServiceTest, MissingCredentialsNameTheFields) {
  auto r = Login("", "");
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().count("username"), 1u);
  EXPECT_EQ(r.status().fields().count("password"), 1u);
  r = Login("admin", "");
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().size(), 1u);
  EXPECT_EQ(r.status().fields().count("password"), 1u);
}

TEST_F(AuthServiceTest, FiveFailuresLockTheAccountEvenForTheRightPassword) {
  for (int i = 0; i < 5; ++i)
    ExpectBadCredentials(Login("admin", "wrong password " + std::to_string(i)));
  domain::User admin = Stored("admin");
  EXPECT_EQ(admin.failed_logins, 5);
  EXPECT_EQ(admin.locked_until, kStart + 15 * kMinute);

  ExpectLocked(Login("admin", kAdminPassword), 900);
  // From another address too: the lock is on the account.
  ExpectLocked(Login("admin", kAdminPassword, "198.51.100.7"), 900);

  clock_.Advance(14 * kMinute);
  ExpectLocked(Login("admin", kAdminPassword), 60);
  clock_.Advance(59'500);
  ExpectLocked(Login("admin", kAdminPassword), 1);  // rounded up, never 0

  clock_.Advance(500);  // 15 minutes after the fifth failure
  auto ok = Login("admin", kAdminPassword);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  admin = Stored("admin");
  EXPECT_EQ(admin.failed_logins, 0);
  EXPECT_FALSE(admin.locked_until.has_value());
  EXPECT_FALSE(admin.first_failed_at.has_value());

  auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "session.login_failed"), 4);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "session.locked"), 1);
  EXPECT_EQ(actions.back(), "session.login");
}

TEST_F(AuthServiceTest, FailuresOutsideTheWindowDoNotAccumulate) {
  for (int i = 0; i < 4; ++i) ExpectBadCredentials(Login("admin", "wrong password!"));
  clock_.Advance(15 * kMinute);
  for (int i = 0; i < 4; ++i) ExpectBadCredentials(Login("admin", "wrong password!"));
  EXPECT_EQ(Stored("admin").failed_logins, 4);
  EXPECT_TRUE(Login("admin", kAdminPassword).ok());
}

TEST_F(AuthServiceTest, SuccessResetsTheFailureCount) {
  for (int i = 0; i < 4; ++i) ExpectBadCredentials(Login("admin", "wrong password!"));
  ASSERT_TRUE(Login("admin", kAdminPassword).ok());
  for (int i = 0; i < 4; ++i) ExpectBadCredentials(Login("admin", "wrong password!"));
  EXPECT_TRUE(Login("admin", kAdminPassword).ok());
}

TEST_F(AuthServiceTest, UnknownUsernamesLockOutTheSameWay) {
  for (int i = 0; i < 5; ++i) ExpectBadCredentials(Login("ghost.user", "whatever password"));
  ExpectLocked(Login("ghost.user", "whatever password"), 900);
  ExpectLocked(Login("GHOST.USER", "whatever password", "198.51.100.7"), 900);
  // Another unknown name is not affected.
  ExpectBadCredentials(Login("other.ghost", "whatever password"));
  clock_.Advance(15 * kMinute);
  ExpectBadCredentials(Login("ghost.user", "whatever password"));
}

TEST_F(AuthServiceTest, PerAddressLimitStopsSprayingAcrossAccounts) {
  const std::string addr = "203.0.113.9";
  const int limit = ctx_->security.failures_per_address;
  ASSERT_EQ(limit, 50);
  for (int i = 0; i < limit; ++i) {
    ExpectBadCredentials(Login("spray" + std::to_string(i), "some password", addr));
  }
  ExpectLocked(Login("admin", kAdminPassword, addr), 900);
  ExpectLocked(Login("", "", addr), 900);  // checked before anything else
  // The account itself is not locked: another address signs in.
  EXPECT_TRUE(Login("admin", kAdminPassword, "198.51.100.7").ok());
  EXPECT_EQ(Stored("admin").failed_logins, 0);

  clock_.Advance(15 * kMinute);
  EXPECT_TRUE(Login("admin", kAdminPassword, addr).ok());
}

TEST_F(AuthServiceTest, WrongPasswordsOfRealAccountsCountForTheAddress) {
  ctx_->security.failures_per_address = 3;
  const std::string addr = "203.0.113.10";
  MakeUser("bob", "auditor", hq_);
  MakeUser("carl", "auditor", hq_);
  ExpectBadCredentials(Login("bob", "wrong password!", addr));
  ExpectBadCredentials(Login("carl", "wrong password!", addr));
  ExpectBadCredentials(Login("nobody", "wrong password!", addr));
  ExpectLocked(Login("bob", kPassword, addr), 900);
  EXPECT_TRUE(Login("bob", kPassword, "198.51.100.7").ok());
}

TEST_F(AuthServiceTest, DisabledUserCannotSignInAndLooksLikeBadCredentials) {
  UserView bob = MakeUser("bob", "auditor", hq_);
  domain::UserPatch patch;
  patch.version = bob.user.version;
  patch.disabled = true;
  ASSERT_TRUE(users_->Patch(system_, bob.user.id, patch, Req()).ok());
  ExpectBadCredentials(Login("bob", kPassword));
  EXPECT_EQ(Count("sessions"), 0);
}

TEST_F(AuthServiceTest, MeReturnsTheCallerWithoutSecrets) {
  Principal p = SignIn("admin", kAdminPassword);
  auto me = auth_->Me(p);
  ASSERT_TRUE(me.ok());
  EXPECT_EQ(me->user.username, "admin");
  EXPECT_TRUE(me->user.password_hash.empty());
  EXPECT_TRUE(me->user.totp_secret_sealed.empty());
  EXPECT_TRUE(me->user.totp_pending_sealed.empty());

  Principal ghost = p;
  ghost.user_id = NewId();
  EXPECT_EQ(auth_->Me(ghost).status().code(), StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace hw::service
