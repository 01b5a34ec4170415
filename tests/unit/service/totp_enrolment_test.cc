// The second factor: roles that see personal data must enrol; then every sign-in needs a code,
// and a code is good once.
#include <gtest/gtest.h>

#include <string>

#include "crypto/totp.h"
#include "service/auth_service.h"
#include "storage/user_store.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kMinute;
using testing::kPassword;
using testing::ServiceTest;

constexpr TimeMs kStep = crypto::kTotpStepSeconds * 1000;

class TotpTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    carol_ = MakeUser("carol", "caseworker", hq_);
  }

  // Signs carol in with her password only and returns her (enrolment-pending) principal.
  Principal PendingCarol() {
    auto login = Login("carol", kPassword);
    if (!login.ok()) throw std::runtime_error(login.status().ToString());
    EXPECT_TRUE(login->user.totp_required);
    auto p = auth_->Authenticate(login->token);
    if (!p.ok()) throw std::runtime_error(p.status().ToString());
    token_ = login->token;
    return **p;
  }

  // Enrols carol and returns the secret.
  std::string EnrolCarol() {
    Principal p = PendingCarol();
    auto start = auth_->StartTotpEnrolment(p, Req());
    if (!start.ok()) throw std::runtime_error(start.status().ToString());
    auto done = auth_->ConfirmTotpEnrolment(p, CodeAt(start->secret_base32, clock_.NowMs()), Req());
    if (!done.ok()) throw std::runtime_error(done.status().ToString());
    return start->secret_base32;
  }

  UserView carol_;
  std::string token_;
};

TEST_F(TotpTest, RolesWithPersonalDataMustEnrolFirst) {
  EXPECT_TRUE(carol_.totp_required);
  Principal p = PendingCarol();
  EXPECT_TRUE(p.totp_enrolment_pending);
  Status st = Authorize(p, "read:office", "");
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(st.reason(), "totp_enrolment_required");
  // The services refuse it the same way.
  auto offices = offices_->List(p, {});
  ASSERT_FALSE(offices.ok());
  EXPECT_EQ(offices.status().reason(), "totp_enrolment_required");
  // Me still works so the UI can show the enrolment screen.
  auto me = auth_->Me(p);
  ASSERT_TRUE(me.ok());
  EXPECT_TRUE(me->totp_required);
}

TEST_F(TotpTest, RolesWithoutPersonalDataNeedNoEnrolment) {
  UserView aud = MakeUser("audrey", "auditor", hq_);
  EXPECT_FALSE(aud.totp_required);
  Principal p = SignIn("audrey", kPassword);
  EXPECT_FALSE(p.totp_enrolment_pending);
  EXPECT_TRUE(Authorize(p, "read:audit", "").ok());
}

TEST_F(TotpTest, RequirementCanBeSwitchedOff) {
  ctx_->security.require_totp = false;
  auto login = Login("carol", kPassword);
  ASSERT_TRUE(login.ok());
  EXPECT_FALSE(login->user.totp_required);
  auto p = auth_->Authenticate(login->token);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE((*p)->totp_enrolment_pending);
  EXPECT_TRUE(Authorize(**p, "read:office", "").ok());
}

TEST_F(TotpTest, EnrolmentStartsWithASecretAndAnOtpauthUri) {
  Principal p = PendingCarol();
  auto start = auth_->StartTotpEnrolment(p, Req());
  ASSERT_TRUE(start.ok()) << start.status().ToString();
  EXPECT_EQ(start->secret_base32.size(), 32u);
  EXPECT_TRUE(crypto::Base32Decode(start->secret_base32).ok());
  EXPECT_EQ(
      start->otpauth_uri.rfind("otpauth://totp/Homeward:carol?secret=" + start->secret_base32, 0),
      0u)
      << start->otpauth_uri;
  // Stored sealed, never in clear.
  auto conn = Conn();
  auto rows = conn->Query("SELECT totp_pending, totp_secret, totp_enabled FROM users WHERE id = $1",
                          {carol_.user.id});
  ASSERT_TRUE(rows.ok());
  const std::string& pending = (*rows)[0].Text(0);
  EXPECT_FALSE(pending.empty());
  EXPECT_EQ(pending.find(start->secret_base32), std::string::npos);
  auto raw = crypto::Base32Decode(start->secret_base32);
  EXPECT_EQ(pending.find(*raw), std::string::npos);
  EXPECT_TRUE((*rows)[0].IsNull(1));
  EXPECT_EQ((*rows)[0].Int(2), 0);
  EXPECT_EQ(AuditActions().back(), "user.totp_enrolment_started");
  // Until confirmed, nothing changes for the user.
  EXPECT_TRUE(SignIn("carol", kPassword).totp_enrolment_pending);
}

TEST_F(TotpTest, ConfirmWithoutStartingIsRefused) {
  Principal p = PendingCarol();
  auto r = auth_->ConfirmTotpEnrolment(p, "123456", Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().count("code"), 1u);
}

TEST_F(TotpTest, WrongCodeIsRefusedOnFieldCode) {
  Principal p = PendingCarol();
  auto start = auth_->StartTotpEnrolment(p, Req());
  ASSERT_TRUE(start.ok());
  for (const std::string& bad : {WrongCodeAt(start->secret_base32, clock_.NowMs()),
                                 std::string("12345"), std::string("abcdef"), std::string("")}) {
    auto r = auth_->ConfirmTotpEnrolment(p, bad, Req());
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().fields().count("code"), 1u) << bad;
  }
  // A code from ten minutes ago is outside the window.
  auto old = auth_->ConfirmTotpEnrolment(
      p, CodeAt(start->secret_base32, clock_.NowMs() - 10 * kMinute), Req());
  if (CodeAt(start->secret_base32, clock_.NowMs() - 10 * kMinute) !=
      CodeAt(start->secret_base32, clock_.NowMs())) {
    EXPECT_EQ(old.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_TRUE(SignIn("carol", kPassword).totp_enrolment_pending);
}

TEST_F(TotpTest, ConfirmingEnablesTheSecondFactor) {
  Principal p = PendingCarol();
  auto start = auth_->StartTotpEnrolment(p, Req());
  ASSERT_TRUE(start.ok());
  auto done = auth_->ConfirmTotpEnrolment(p, CodeAt(start->secret_base32, clock_.NowMs()), Req());
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_TRUE(done->user.totp_enabled);
  EXPECT_FALSE(done->totp_required);
  EXPECT_TRUE(done->view_pii);
  EXPECT_TRUE(done->user.totp_secret_sealed.empty());      // not in the view
  EXPECT_EQ(done->user.version, carol_.user.version + 2);  // start and confirm
  EXPECT_EQ(AuditActions().back(), "user.totp_enabled");

  // The session that enrolled is now a full one.
  auto again = auth_->Authenticate(token_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE((*again)->totp_enrolment_pending);
  EXPECT_TRUE(Authorize(**again, "read:office", "").ok());
  // The pending secret is gone and the secret is sealed.
  auto conn = Conn();
  auto rows =
      conn->Query("SELECT totp_pending, totp_secret FROM users WHERE id = $1", {carol_.user.id});
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE((*rows)[0].IsNull(0));
  EXPECT_FALSE((*rows)[0].IsNull(1));
  EXPECT_EQ((*rows)[0].Text(1).find(start->secret_base32), std::string::npos);
}

TEST_F(TotpTest, SignInThenNeedsACode) {
  std::string secret = EnrolCarol();
  clock_.Advance(kStep);

  auto no_code = Login("carol", kPassword);
  ASSERT_FALSE(no_code.ok());
  EXPECT_EQ(no_code.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(no_code.status().reason(), "totp_required");
  auto empty_code = Login("carol", kPassword, "192.0.2.1", std::string());
  EXPECT_EQ(empty_code.status().reason(), "totp_required");

  // A wrong password never reveals that a code would be needed.
  auto wrong_pw = Login("carol", "wrong password!", "192.0.2.1", CodeAt(secret, clock_.NowMs()));
  EXPECT_EQ(wrong_pw.status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(wrong_pw.status().reason().empty());

  auto wrong_code = Login("carol", kPassword, "192.0.2.1", WrongCodeAt(secret, clock_.NowMs()));
  ASSERT_FALSE(wrong_code.ok());
  EXPECT_EQ(wrong_code.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong_code.status().message(), "invalid username or password");

  auto ok = Login("carol", kPassword, "192.0.2.1", CodeAt(secret, clock_.NowMs()));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_FALSE(ok->user.totp_required);
  auto p = auth_->Authenticate(ok->token);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE((*p)->totp_enrolment_pending);
  EXPECT_TRUE((*p)->Has("view_pii"));
}

TEST_F(TotpTest, ACodeIsGoodOnlyOnce) {
  std::string secret = EnrolCarol();
  clock_.Advance(kStep);
  const std::string code = CodeAt(secret, clock_.NowMs());
  ASSERT_TRUE(Login("carol", kPassword, "192.0.2.1", code).ok());

  auto replay = Login("carol", kPassword, "198.51.100.7", code);
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.status().code(), StatusCode::kUnauthenticated);
  // An earlier code still inside the window is refused too.
  auto earlier = Login("carol", kPassword, "192.0.2.1", CodeAt(secret, clock_.NowMs() - kStep));
  EXPECT_FALSE(earlier.ok());

  clock_.Advance(kStep);
  EXPECT_TRUE(Login("carol", kPassword, "192.0.2.1", CodeAt(secret, clock_.NowMs())).ok());
}

TEST_F(TotpTest, TheEnrolmentCodeCannotBeReplayedToSignIn) {
  Principal p = PendingCarol();
  auto start = auth_->StartTotpEnrolment(p, Req());
  ASSERT_TRUE(start.ok());
  const std::string code = CodeAt(start->secret_base32, clock_.NowMs());
  ASSERT_TRUE(auth_->ConfirmTotpEnrolment(p, code, Req()).ok());
  auto replay = Login("carol", kPassword, "192.0.2.1", code);
  EXPECT_FALSE(replay.ok()) << "the code that confirmed the enrolment signed in again";
}

TEST_F(TotpTest, WrongCodesCountTowardsTheLockout) {
  std::string secret = EnrolCarol();
  clock_.Advance(kStep);
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(Login("carol", kPassword, "192.0.2.1", WrongCodeAt(secret, clock_.NowMs())).ok());
  }
  auto locked = Login("carol", kPassword, "192.0.2.1", CodeAt(secret, clock_.NowMs()));
  EXPECT_EQ(locked.status().code(), StatusCode::kRateLimited);
  EXPECT_EQ(locked.status().reason(), "too_many_attempts");
}

TEST_F(TotpTest, SecretSealedUnderAnotherMasterKeyDoesNotOpen) {
  std::string secret = EnrolCarol();
  clock_.Advance(kStep);
  crypto::Keyring other = crypto::Keyring::FromBytes(crypto::Key32::Random());
  Context other_ctx{*db_, other, clock_, SecurityConfig{}};
  AuthService other_auth(other_ctx, roles_);
  auto r = other_auth.Login({"carol", kPassword, CodeAt(secret, clock_.NowMs())}, Req());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace hw::service
