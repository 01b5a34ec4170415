#include "service/bootstrap.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "service/audit_log.h"
#include "storage/role_store.h"
#include "storage/user_store.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kMinute;
using testing::ServiceTest;

// Starts from an empty store.
class BootstrapTest : public ServiceTest {
 protected:
  bool InitializeOnSetUp() const override { return false; }

  Status Init(const std::string& password = kAdminPassword) {
    InitOptions opts;
    opts.admin_password = password;
    return InitializeStore(*ctx_, roles_, opts);
  }
};

TEST_F(BootstrapTest, PrepareStoreSeedsTheEightRoles) {
  HW_ASSERT_OK(PrepareStore(*ctx_, roles_));
  auto conn = Conn();
  auto stored = storage::RoleStore(*conn).List();
  ASSERT_TRUE(stored.ok());
  std::set<std::string> names;
  for (const auto& r : *stored) names.insert(r.name);
  EXPECT_EQ(names, (std::set<std::string>{"admin", "auditor", "caseworker", "data_officer",
                                          "programme_manager", "return_officer", "shelter_manager",
                                          "supervisor"}));
  EXPECT_EQ(roles_.All().size(), 8u);
  for (const auto& r : DefaultRoles()) EXPECT_TRUE(roles_.Exists(r.name)) << r.name;
  EXPECT_FALSE(roles_.Exists("wizard"));
  // What is stored is what the code declares.
  for (const auto& want : DefaultRoles()) {
    for (const auto& got : *stored) {
      if (got.name != want.name) continue;
      std::set<std::string> a(want.permissions.begin(), want.permissions.end());
      std::set<std::string> b(got.permissions.begin(), got.permissions.end());
      EXPECT_EQ(a, b) << want.name;
      EXPECT_EQ(got.scope, want.scope) << want.name;
      EXPECT_EQ(got.requires_totp, want.requires_totp) << want.name;
    }
  }
}

TEST_F(BootstrapTest, PrepareStoreIsIdempotentAndRestoresPermissions) {
  HW_ASSERT_OK(PrepareStore(*ctx_, roles_));
  std::int64_t permissions = Count("role_permissions");
  {
    auto conn = Conn();
    ASSERT_TRUE(conn->Execute("DELETE FROM role_permissions WHERE role = $1 AND permission = $2",
                              {std::string("admin"), std::string("create:user")})
                    .ok());
  }
  HW_ASSERT_OK(PrepareStore(*ctx_, roles_));
  EXPECT_EQ(Count("roles"), 8);
  EXPECT_EQ(Count("role_permissions"), permissions);
  std::set<std::string> perms;
  domain::Scope scope;
  bool totp = false;
  roles_.Resolve({"admin"}, &perms, &scope, &totp);
  EXPECT_EQ(perms.count("create:user"), 1u);
}

TEST_F(BootstrapTest, InitializeCreatesOrganisationOfficeAndAdmin) {
  InitOptions opts;
  opts.organisation_name = "Counter-Trafficking Programme";
  opts.office_name = "Geneva";
  opts.office_code = "CHE-GVA";
  opts.office_country = "CH";
  opts.admin_password = kAdminPassword;
  HW_ASSERT_OK(InitializeStore(*ctx_, roles_, opts));

  auto conn = Conn();
  auto org = storage::OfficeStore(*conn).FirstOrganisation();
  ASSERT_TRUE(org.ok() && org->has_value());
  EXPECT_EQ((*org)->name, "Counter-Trafficking Programme");
  auto office = storage::OfficeStore(*conn).FindByCode("CHE-GVA");
  ASSERT_TRUE(office.ok() && office->has_value());
  EXPECT_EQ((*office)->name, "Geneva");
  EXPECT_EQ((*office)->country, "CH");
  EXPECT_EQ((*office)->organisation_id, (*org)->id);

  auto admin = storage::UserStore(*conn).FindByUsername("admin");
  ASSERT_TRUE(admin.ok() && admin->has_value());
  EXPECT_EQ((*admin)->roles, std::vector<std::string>{"admin"});
  EXPECT_EQ((*admin)->office_id, (*office)->id);
  EXPECT_EQ((*admin)->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(crypto::VerifyPassword((*admin)->password_hash, kAdminPassword));

  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"store.init", "user.create"}));
  auto login = Login("admin", kAdminPassword);
  EXPECT_TRUE(login.ok()) << login.status().ToString();
}

TEST_F(BootstrapTest, InitializeRefusesASecondTime) {
  HW_ASSERT_OK(Init());
  Status again = Init("another admin password");
  EXPECT_EQ(again.code(), StatusCode::kConflict) << again.ToString();
  EXPECT_EQ(Count("users"), 1);
  EXPECT_EQ(Count("offices"), 1);
  EXPECT_EQ(Count("organisations"), 1);
  // The first admin's password still works; the second was never stored.
  EXPECT_TRUE(Login("admin", kAdminPassword).ok());
  EXPECT_FALSE(Login("admin", "another admin password").ok());
}

TEST_F(BootstrapTest, AnotherMasterKeyIsRefusedAtStartup) {
  HW_ASSERT_OK(Init());
  HW_ASSERT_OK(PrepareStore(*ctx_, roles_));  // the right key passes every time
  crypto::Keyring other = crypto::Keyring::FromBytes(crypto::Key32::Random());
  Context wrong{*db_, other, clock_, SecurityConfig{}};
  RoleCatalog roles;
  Status st = PrepareStore(wrong, roles);
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied) << st.ToString();
  InitOptions opts;
  opts.admin_password = kAdminPassword;
  EXPECT_EQ(InitializeStore(wrong, roles, opts).code(), StatusCode::kPermissionDenied);
  EXPECT_FALSE(SeedDemo(wrong, roles).ok());
  EXPECT_EQ(Count("users"), 1);
}

TEST_F(BootstrapTest, WeakAdminPasswordLeavesNothingBehind) {
  Status st = Init("short");
  ASSERT_EQ(st.code(), StatusCode::kInvalidArgument) << st.ToString();
  EXPECT_EQ(st.fields().count("password"), 1u);
  EXPECT_EQ(Count("users"), 0);
  EXPECT_EQ(Count("offices"), 0);
  EXPECT_EQ(Count("organisations"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
  HW_ASSERT_OK(Init());  // and a proper attempt then succeeds
}

TEST_F(BootstrapTest, SeedDemoNeedsAnInitialisedStore) {
  auto demo = SeedDemo(*ctx_, roles_);
  ASSERT_FALSE(demo.ok());
  EXPECT_EQ(demo.status().code(), StatusCode::kNotFound);
}

TEST_F(BootstrapTest, SeedDemoCreatesOfficesUsersAndCasesOnce) {
  // Late in the year, so every synthetic date of the current year lies in the past (see
  // SeedDemoWorksEarlyInTheYear for the rest of the year).
  clock_.Advance(320LL * 24 * 60 * kMinute);  // 2027-12-01
  HW_ASSERT_OK(Init());
  auto demo = SeedDemo(*ctx_, roles_);
  ASSERT_TRUE(demo.ok()) << demo.status().ToString();
  EXPECT_EQ(Count("offices"), 6);  // HQ + 5
  EXPECT_GE(demo->size(), 8u);
  EXPECT_EQ(Count("users"), 1 + static_cast<std::int64_t>(demo->size()));  // admin + the demo's
  const std::int64_t cases = Count("cases");
  EXPECT_GT(cases, 0);

  auto conn = Conn();
  storage::OfficeStore offices(*conn);
  std::map<std::string, std::string> office_by_code;
  for (const char* code : {"MYS-KUL", "VNM-HAN", "MMR-RGN", "MDA-KIV", "UGA-KLA"}) {
    auto o = offices.FindByCode(code);
    ASSERT_TRUE(o.ok() && o->has_value()) << code;
    office_by_code[code] = (*o)->id;
  }
  std::set<std::string> roles_seen;
  std::set<std::string> offices_with_caseworker;
  for (const DemoCredential& c : *demo) {
    roles_seen.insert(c.role);
    if (c.role == "caseworker") offices_with_caseworker.insert(c.office_code);
    EXPECT_GE(c.password.size(), 12u) << c.username;
    auto u = storage::UserStore(*conn).FindByUsername(c.username);
    ASSERT_TRUE(u.ok() && u->has_value()) << c.username;
    EXPECT_EQ((*u)->roles, std::vector<std::string>{c.role});
    EXPECT_EQ((*u)->office_id, office_by_code[c.office_code]) << c.username;
    auto login = Login(c.username, c.password);
    EXPECT_TRUE(login.ok()) << c.username << ": " << login.status().ToString();
  }
  // A user for every role: admin comes from init, the demo adds the others.
  std::set<std::string> want;
  for (const auto& r : DefaultRoles()) {
    if (r.name != "admin") want.insert(r.name);
  }
  EXPECT_EQ(roles_seen, want);
  EXPECT_EQ(offices_with_caseworker.size(), 5u);

  auto again = SeedDemo(*ctx_, roles_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(Count("offices"), 6);
  EXPECT_EQ(Count("users"), 1 + static_cast<std::int64_t>(demo->size()));
  EXPECT_EQ(Count("cases"), cases);
  auto verified = VerifyAuditChain(*db_, keyring_);
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

// `homeward demo` must work on any day: synthetic dates may not lie in the future.
TEST_F(BootstrapTest, SeedDemoWorksEarlyInTheYear) {
  HW_ASSERT_OK(Init());  // the clock stands at 2027-01-15
  auto demo = SeedDemo(*ctx_, roles_);
  ASSERT_TRUE(demo.ok()) << demo.status().ToString();
  EXPECT_GT(Count("cases"), 0);
}

TEST_F(BootstrapTest, DemoPasswordsDifferPerInstallation) {
  clock_.Advance(320LL * 24 * 60 * kMinute);
  HW_ASSERT_OK(Init());
  auto demo = SeedDemo(*ctx_, roles_);
  ASSERT_TRUE(demo.ok()) << demo.status().ToString();
  std::set<std::string> passwords;
  for (const auto& c : *demo) passwords.insert(c.password);
  EXPECT_EQ(passwords.size(), demo->size());
}

}  // namespace
}  // namespace hw::service
