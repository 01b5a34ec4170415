// Sessions: authentication, idle and absolute timeouts, logout and revocation.
#include <gtest/gtest.h>

#include <string>

#include "crypto/token.h"
#include "service/auth_service.h"
#include "service/session_cache.h"
#include "storage/session_store.h"
#include "storage/user_store.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kMinute;
using testing::kPassword;
using testing::ServiceTest;

class SessionTest : public ServiceTest {
 protected:
  void ExpectEnded(const std::string& token) {
    auto p = auth_->Authenticate(token);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), StatusCode::kUnauthenticated);
  }
  bool SessionStored(const std::string& token) {
    auto conn = Conn();
    auto s = storage::SessionStore(*conn).Find(crypto::HashToken(token));
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    return s->has_value();
  }
};

TEST_F(SessionTest, MalformedOrUnknownTokensAreRejected) {
  ExpectEnded("");
  ExpectEnded(std::string(129, 'a'));
  ExpectEnded(crypto::RandomToken());
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  ExpectEnded(login->csrf_token);                // the CSRF token is not a session token
  ExpectEnded(crypto::HashToken(login->token));  // nor is the stored hash
}

TEST_F(SessionTest, IdleTimeoutEndsTheSession) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  // Activity keeps it alive well past 30 minutes in total.
  for (int i = 0; i < 3; ++i) {
    clock_.Advance(29 * kMinute);
    auto p = auth_->Authenticate(login->token);
    ASSERT_TRUE(p.ok()) << "round " << i << ": " << p.status().ToString();
  }
  clock_.Advance(30 * kMinute);  // 30 minutes without a request
  ExpectEnded(login->token);
  EXPECT_FALSE(SessionStored(login->token));  // and it is gone for good
  clock_.Advance(-29 * kMinute);
  ExpectEnded(login->token);
}

TEST_F(SessionTest, IdleJustUnderTheLimitIsStillAlive) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  clock_.Advance(30 * kMinute - 1);
  EXPECT_TRUE(auth_->Authenticate(login->token).ok());
}

TEST_F(SessionTest, RequestsWithinAMinuteDoNotRewriteLastSeen) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  const TimeMs start = clock_.NowMs();
  clock_.Advance(30'000);
  ASSERT_TRUE(auth_->Authenticate(login->token).ok());
  auto conn = Conn();
  auto s = storage::SessionStore(*conn).Find(crypto::HashToken(login->token));
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->last_seen_at, start);
  clock_.Advance(30'000);
  ASSERT_TRUE(auth_->Authenticate(login->token).ok());
  s = storage::SessionStore(*conn).Find(crypto::HashToken(login->token));
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->last_seen_at, start + 60'000);
}

TEST_F(SessionTest, AbsoluteTimeoutEndsEvenAnActiveSession) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  // A request every 20 minutes for 11 h 40 min.
  for (int i = 0; i < 35; ++i) {
    clock_.Advance(20 * kMinute);
    auto p = auth_->Authenticate(login->token);
    ASSERT_TRUE(p.ok()) << "after " << (i + 1) * 20 << " min: " << p.status().ToString();
  }
  clock_.Advance(20 * kMinute);  // exactly 12 h after login
  ExpectEnded(login->token);
  EXPECT_FALSE(SessionStored(login->token));
  // Signing in again gives a fresh session.
  auto again = Login("admin", kAdminPassword);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(auth_->Authenticate(again->token).ok());
}

TEST_F(SessionTest, LogoutKillsOnlyThatSession) {
  auto first = Login("admin", kAdminPassword);
  auto second = Login("admin", kAdminPassword);
  ASSERT_TRUE(first.ok() && second.ok());
  auto p = auth_->Authenticate(first->token);
  ASSERT_TRUE(p.ok());
  HW_ASSERT_OK(auth_->Logout(**p, Req()));
  ExpectEnded(first->token);
  EXPECT_FALSE(SessionStored(first->token));
  EXPECT_TRUE(auth_->Authenticate(second->token).ok());
  EXPECT_EQ(AuditActions().back(), "session.logout");
}

TEST_F(SessionTest, DisablingAUserEndsTheirSessions) {
  UserView bob = MakeUser("bob", "auditor", hq_);
  auto s1 = Login("bob", kPassword);
  auto s2 = Login("bob", kPassword);
  ASSERT_TRUE(s1.ok() && s2.ok());
  domain::UserPatch patch;
  patch.version = bob.user.version;
  patch.disabled = true;
  auto patched = users_->Patch(system_, bob.user.id, patch, Req());
  ASSERT_TRUE(patched.ok()) << patched.status().ToString();
  EXPECT_TRUE(patched->user.disabled);
  EXPECT_FALSE(SessionStored(s1->token));
  EXPECT_FALSE(SessionStored(s2->token));
  ExpectEnded(s1->token);
  ExpectEnded(s2->token);
}

TEST_F(SessionTest, ADisabledUsersLeftoverSessionIsRefusedAndRemoved) {
  // Even if a session row survives (written around the service), a disabled user is refused.
  MakeUser("bob", "auditor", hq_);
  auto s = Login("bob", kPassword);
  ASSERT_TRUE(s.ok());
  {
    auto conn = Conn();
    ASSERT_TRUE(
        conn->Execute("UPDATE users SET disabled = 1 WHERE username = $1", {std::string("bob")})
            .ok());
  }
  ExpectEnded(s->token);
  EXPECT_FALSE(SessionStored(s->token));
}

TEST_F(SessionTest, PasswordResetRevokesSessionsAndLiftsTheLock) {
  UserView bob = MakeUser("bob", "auditor", hq_);
  auto s = Login("bob", kPassword);
  ASSERT_TRUE(s.ok());
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(Login("bob", "wrong password!").ok());
  EXPECT_EQ(Login("bob", kPassword).status().code(), StatusCode::kRateLimited);

  domain::UserPatch patch;
  patch.version = bob.user.version;
  patch.password = "a brand new password";
  auto patched = users_->Patch(system_, bob.user.id, patch, Req());
  ASSERT_TRUE(patched.ok()) << patched.status().ToString();
  ExpectEnded(s->token);
  EXPECT_FALSE(Login("bob", kPassword).ok());
  EXPECT_TRUE(Login("bob", "a brand new password").ok());
  EXPECT_EQ(AuditActions().back(), "session.login");
}

TEST_F(SessionTest, MovingAUserToAnotherOfficeRevokesSessions) {
  std::string kl = MakeOffice("MYS-KUL");
  UserView bob = MakeUser("bob", "auditor", hq_);
  auto s = Login("bob", kPassword);
  ASSERT_TRUE(s.ok());
  domain::UserPatch patch;
  patch.version = bob.user.version;
  patch.office_id = kl;
  ASSERT_TRUE(users_->Patch(system_, bob.user.id, patch, Req()).ok());
  ExpectEnded(s->token);
  auto again = SignIn("bob", kPassword);
  EXPECT_EQ(again.office_id, kl);
}

TEST_F(SessionTest, RenamingAUserKeepsSessions) {
  UserView bob = MakeUser("bob", "auditor", hq_);
  auto s = Login("bob", kPassword);
  ASSERT_TRUE(s.ok());
  domain::UserPatch patch;
  patch.version = bob.user.version;
  patch.display_name = "Bob B.";
  ASSERT_TRUE(users_->Patch(system_, bob.user.id, patch, Req()).ok());
  EXPECT_TRUE(auth_->Authenticate(s->token).ok());
}

}  // namespace
}  // namespace hw::service

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kMinute;
using testing::kPassword;

// The session cache (session_cache.h): a request after a change made through this process sees
// the change at once; a change made behind its back (another process) within kSessionCacheTtlMs.

TEST_F(SessionTest, DisablingAUserEndsTheirCachedSessionAtOnce) {
  UserView u = MakeUser("vera", "auditor", hq_);
  auto login = Login("vera", kPassword);
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->Authenticate(login->token).ok());  // now cached
  domain::UserPatch off;
  off.version = 1;
  off.disabled = true;
  ASSERT_TRUE(users_->Patch(system_, u.user.id, off, Req()).ok());
  ExpectEnded(login->token);
}

TEST_F(SessionTest, NewRolesReachACachedSessionAtOnce) {
  UserView u = MakeUser("wim", "auditor", hq_);
  auto login = Login("wim", kPassword);
  ASSERT_TRUE(login.ok());
  auto before = auth_->Authenticate(login->token);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE((*before)->Has("create:user"));
  domain::UserPatch patch;
  patch.version = 1;
  patch.roles = std::vector<std::string>{"admin"};
  ASSERT_TRUE(users_->Patch(system_, u.user.id, patch, Req()).ok());
  auto after = auth_->Authenticate(login->token);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE((*after)->Has("create:user"));
}

TEST_F(SessionTest, AChangeFromAnotherProcessIsSeenWithinTheCacheTime) {
  UserView u = MakeUser("xena", "auditor", hq_);
  auto login = Login("xena", kPassword);
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->Authenticate(login->token).ok());
  {
    // As another process would: straight to the database, unseen by this one.
    auto conn = Conn();
    ASSERT_TRUE(conn->Execute("UPDATE users SET disabled = 1 WHERE id = $1", {u.user.id}).ok());
  }
  EXPECT_TRUE(auth_->Authenticate(login->token).ok());  // still the cached answer
  clock_.Advance(kSessionCacheTtlMs);
  ExpectEnded(login->token);
}

TEST_F(SessionTest, ACachedSessionStillEndsWhenIdleOrExpired) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->Authenticate(login->token).ok());
  clock_.Advance(30 * kMinute);
  ExpectEnded(login->token);
}

TEST_F(SessionTest, TheCacheStillTouchesLastSeen) {
  auto login = Login("admin", kAdminPassword);
  ASSERT_TRUE(login.ok());
  const TimeMs start = clock_.NowMs();
  for (int i = 0; i < 70; ++i) {  // a request a second for 70 s
    ASSERT_TRUE(auth_->Authenticate(login->token).ok());
    clock_.Advance(1000);
  }
  auto conn = Conn();
  auto s = storage::SessionStore(*conn).Find(crypto::HashToken(login->token));
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->last_seen_at, start + 60'000);
}

}  // namespace
}  // namespace hw::service
