// A freshly initialised store (SQLite in a temporary directory) with every service wired to it,
// a ManualClock, a random master key and the cheapest password cost.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/clock.h"
#include "crypto/keyring.h"
#include "crypto/password.h"
#include "crypto/totp.h"
#include "service/access_policy.h"
#include "service/auth_service.h"
#include "service/bootstrap.h"
#include "service/office_service.h"
#include "service/user_service.h"
#include "storage/db.h"
#include "storage/office_store.h"
#include "unit/storage/storage_fixture.h"

namespace hw::service::testing {

#define HW_ASSERT_OK(expr)                                                   \
  do {                                                                       \
    const ::hw::Status hw_assert_ok_status = (expr);                         \
    ASSERT_TRUE(hw_assert_ok_status.ok()) << hw_assert_ok_status.ToString(); \
  } while (false)

inline constexpr TimeMs kStart = 1'800'000'000'000;  // 2027-01-15, on a 30 s TOTP boundary
inline constexpr TimeMs kMinute = 60 * 1000;
inline constexpr char kAdminPassword[] = "admin password 1234";
inline constexpr char kPassword[] = "correct horse battery";

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest() : keyring_(crypto::Keyring::FromBytes(crypto::Key32::Random())), clock_(kStart) {}

  void SetUp() override {
    crypto::SetPasswordCostForTests(crypto::MinimumPasswordCost());
    dir_ = std::make_unique<storage::testing::TempDir>();
    auto db = storage::OpenDatabase((dir_->path() / "homeward.db").string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    ctx_ = std::make_unique<Context>(Context{*db_, keyring_, clock_, SecurityConfig{}});
    auth_ = std::make_unique<AuthService>(*ctx_, roles_);
    users_ = std::make_unique<UserService>(*ctx_, roles_, *auth_);
    offices_ = std::make_unique<OfficeService>(*ctx_);
    audit_ = std::make_unique<AuditService>(*ctx_);
    if (!InitializeOnSetUp()) return;
    InitOptions opts;
    opts.admin_password = kAdminPassword;
    HW_ASSERT_OK(InitializeStore(*ctx_, roles_, opts));
    auto conn = db_->Acquire();
    ASSERT_TRUE(conn.ok());
    auto org = storage::OfficeStore(**conn).FirstOrganisation();
    ASSERT_TRUE(org.ok() && org->has_value());
    org_id_ = (*org)->id;
    auto hq = storage::OfficeStore(**conn).FindByCode("ORG-HQ");
    ASSERT_TRUE(hq.ok() && hq->has_value());
    hq_ = (*hq)->id;
    system_ = Principal::System(org_id_);
  }

  void TearDown() override {
    audit_.reset();
    offices_.reset();
    users_.reset();
    auth_.reset();
    ctx_.reset();
    db_.reset();
    dir_.reset();
    crypto::SetPasswordCostForTests(crypto::DefaultPasswordCost());
  }

  // Tests of bootstrap itself start from an empty, unmigrated store.
  virtual bool InitializeOnSetUp() const { return true; }

  static RequestInfo Req(const std::string& addr = "192.0.2.1") { return {"req-test", addr}; }

  storage::PooledConnection Conn() {
    auto conn = db_->Acquire();
    if (!conn.ok()) throw std::runtime_error(conn.status().ToString());
    return std::move(conn).value();
  }

  std::int64_t Count(const std::string& table, const std::string& where = "") {
    auto conn = Conn();
    auto rows =
        conn->Query("SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where));
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    return (*rows)[0].Int(0);
  }

  // Audit actions, oldest first.
  std::vector<std::string> AuditActions() {
    auto conn = Conn();
    auto rows = conn->Query("SELECT action FROM audit_log ORDER BY seq");
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    std::vector<std::string> out;
    for (const auto& r : *rows) out.push_back(r.Text(0));
    return out;
  }

  // Creates an office as the system (CLI) actor.
  std::string MakeOffice(const std::string& code, const std::string& country = "MY") {
    auto o = offices_->Create(system_, {"Office " + code, code, country}, Req());
    if (!o.ok()) throw std::runtime_error(o.status().ToString());
    return o->id;
  }

  // Creates a user as the system (CLI) actor.
  UserView MakeUser(const std::string& username, const std::string& role,
                    const std::string& office_id) {
    auto u = users_->Create(system_, {username, "", kPassword, {role}, office_id}, Req());
    if (!u.ok()) throw std::runtime_error(u.status().ToString());
    return *u;
  }

  // The principal a session of `v` would carry once any required second factor is enrolled.
  Principal PrincipalOf(const UserView& v) const {
    Principal p;
    p.user_id = v.user.id;
    p.username = v.user.username;
    p.office_id = v.user.office_id;
    p.organisation_id = org_id_;
    p.roles = v.user.roles;
    bool requires_totp = false;
    roles_.Resolve(v.user.roles, &p.permissions, &p.scope, &requires_totp);
    return p;
  }

  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& addr = "192.0.2.1",
                            std::optional<std::string> totp = std::nullopt) {
    return auth_->Login({username, password, std::move(totp)}, Req(addr));
  }

  // Logs in and authenticates: the principal of a fresh session.
  Principal SignIn(const std::string& username, const std::string& password) {
    auto login = Login(username, password);
    if (!login.ok()) throw std::runtime_error(login.status().ToString());
    auto p = auth_->Authenticate(login->token);
    if (!p.ok()) throw std::runtime_error(p.status().ToString());
    return **p;
  }

  // The 6-digit code of `secret_base32` at `ms`.
  static std::string CodeAt(const std::string& secret_base32, TimeMs ms) {
    auto raw = crypto::Base32Decode(secret_base32);
    if (!raw.ok()) throw std::runtime_error(raw.status().ToString());
    auto code = crypto::TotpCode(*raw, ms / 1000);
    if (!code.ok()) throw std::runtime_error(code.status().ToString());
    return *code;
  }

  // A 6-digit code that matches no step within the verification window around `ms`.
  static std::string WrongCodeAt(const std::string& secret_base32, TimeMs ms) {
    std::set<std::string> near;
    for (int step = -2; step <= 2; ++step) {
      near.insert(CodeAt(secret_base32, ms + step * crypto::kTotpStepSeconds * 1000));
    }
    for (int n = 123456;; ++n) {
      std::string candidate = std::to_string(n % 1000000);
      candidate.insert(0, 6 - candidate.size(), '0');
      if (!near.count(candidate)) return candidate;
    }
  }

  std::unique_ptr<storage::testing::TempDir> dir_;
  std::unique_ptr<storage::Database> db_;
  crypto::Keyring keyring_;
  ManualClock clock_;
  RoleCatalog roles_;
  std::unique_ptr<Context> ctx_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<OfficeService> offices_;
  std::unique_ptr<AuditService> audit_;
  std::string org_id_;
  std::string hq_;
  Principal system_;
};

}  // namespace hw::service::testing
