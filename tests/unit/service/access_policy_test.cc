#include "service/access_policy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "service/role_catalog.h"

namespace hw::service {
namespace {

Principal With(domain::Scope scope, std::set<std::string> permissions,
               const std::string& office = "office-a") {
  Principal p;
  p.user_id = "u1";
  p.office_id = office;
  p.scope = scope;
  p.permissions = std::move(permissions);
  return p;
}

TEST(AuthorizeTest, NeedsThePermission) {
  Principal p = With(domain::Scope::kAll, {"read:user"});
  EXPECT_TRUE(Authorize(p, "read:user", "").ok());
  Status st = Authorize(p, "create:user", "");
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(st.message(), "not permitted");
  EXPECT_TRUE(st.reason().empty());
  EXPECT_EQ(Authorize(Principal{}, "read:user", "").code(), StatusCode::kPermissionDenied);
}

TEST(AuthorizeTest, OfficeScopeCoversOnlyTheOwnOffice) {
  for (domain::Scope scope : {domain::Scope::kOwn, domain::Scope::kOffice}) {
    Principal p = With(scope, {"read:user"});
    EXPECT_TRUE(Authorize(p, "read:user", "office-a").ok());
    EXPECT_TRUE(Authorize(p, "read:user", "").ok());  // not about one office
    EXPECT_EQ(Authorize(p, "read:user", "office-b").code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(OfficeFilter(p), "office-a");
  }
}

TEST(AuthorizeTest, OrganisationAndAllScopesCoverEveryOffice) {
  for (domain::Scope scope : {domain::Scope::kOrganisation, domain::Scope::kAll}) {
    Principal p = With(scope, {"read:user"});
    EXPECT_TRUE(Authorize(p, "read:user", "office-a").ok());
    EXPECT_TRUE(Authorize(p, "read:user", "office-b").ok());
    EXPECT_EQ(Authorize(p, "create:user", "office-b").code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(OfficeFilter(p), "");
  }
}

TEST(AuthorizeTest, PendingTotpEnrolmentBlocksEverything) {
  Principal p = With(domain::Scope::kAll, {"read:user", "read:office"});
  p.totp_enrolment_pending = true;
  for (const char* perm : {"read:user", "read:office", "create:user"}) {
    Status st = Authorize(p, perm, "");
    EXPECT_EQ(st.code(), StatusCode::kPermissionDenied) << perm;
    EXPECT_EQ(st.reason(), "totp_enrolment_required") << perm;
  }
}

TEST(PrincipalTest, SystemIsAdministrationWithoutPii) {
  Principal p = Principal::System("org-1");
  EXPECT_EQ(p.user_id, "system");
  EXPECT_EQ(p.username, "system");
  EXPECT_EQ(p.organisation_id, "org-1");
  EXPECT_EQ(p.scope, domain::Scope::kAll);
  EXPECT_FALSE(p.totp_enrolment_pending);
  for (const char* perm : {"read:user", "create:user", "update:user", "read:office",
                           "create:office", "read:role", "read:audit"}) {
    EXPECT_TRUE(p.Has(perm)) << perm;
  }
  EXPECT_FALSE(p.Has(domain::perm::kViewPii));
  EXPECT_FALSE(p.Has("read:case"));
  EXPECT_TRUE(Authorize(p, "create:user", "any-office").ok());
}

TEST(DefaultRolesTest, TheEightRolesAndTheirRules) {
  auto roles = DefaultRoles();
  std::set<std::string> names;
  for (const auto& r : roles) names.insert(r.name);
  EXPECT_EQ(names, (std::set<std::string>{"admin", "caseworker", "supervisor", "shelter_manager",
                                          "return_officer", "programme_manager", "data_officer",
                                          "auditor"}));
  for (const auto& r : roles) {
    bool pii =
        std::find(r.permissions.begin(), r.permissions.end(), "view_pii") != r.permissions.end();
    // Need-to-know: whoever sees personal data needs a second factor.
    if (pii) {
      EXPECT_TRUE(r.requires_totp) << r.name;
    }
    EXPECT_FALSE(r.description.empty()) << r.name;
    EXPECT_FALSE(r.permissions.empty()) << r.name;
  }
  auto find = [&](const std::string& name) {
    return *std::find_if(roles.begin(), roles.end(), [&](const auto& r) { return r.name == name; });
  };
  EXPECT_EQ(find("admin").scope, domain::Scope::kOrganisation);
  EXPECT_FALSE(find("admin").requires_totp);
  EXPECT_EQ(find("caseworker").scope, domain::Scope::kOffice);
  EXPECT_EQ(find("data_officer").scope, domain::Scope::kAll);
  auto admin = find("admin").permissions;
  EXPECT_EQ(std::count(admin.begin(), admin.end(), "view_pii"), 0);
  auto auditor = find("auditor").permissions;
  EXPECT_EQ(std::count(auditor.begin(), auditor.end(), "read:audit"), 1);
}

}  // namespace
}  // namespace hw::service
