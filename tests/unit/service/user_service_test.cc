#include "service/user_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "storage/user_store.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kPassword;
using testing::ServiceTest;

class UserServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    kl_ = MakeOffice("MYS-KUL");
    admin_ = SignIn("admin", kAdminPassword);
  }

  static domain::NewUser Valid(const std::string& username, const std::string& office) {
    return {username, "Display Name", kPassword, {"caseworker"}, office};
  }

  // A principal of `role` in `office` (second factor treated as enrolled).
  Principal As(const std::string& username, const std::string& role, const std::string& office) {
    return PrincipalOf(MakeUser(username, role, office));
  }

  std::string kl_;
  Principal admin_;
};

TEST_F(UserServiceTest, CreateStoresTheUserAndAudits) {
  auto u = users_->Create(admin_, {"Dora.K", "Dora K.", kPassword, {"caseworker"}, kl_}, Req());
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_TRUE(IsValidId(u->user.id));
  EXPECT_EQ(u->user.username, "dora.k");  // normalised
  EXPECT_EQ(u->user.display_name, "Dora K.");
  EXPECT_EQ(u->user.office_id, kl_);
  EXPECT_EQ(u->user.roles, std::vector<std::string>{"caseworker"});
  EXPECT_EQ(u->user.version, 1);
  EXPECT_EQ(u->user.created_at, clock_.NowMs());
  EXPECT_TRUE(u->user.password_hash.empty());
  EXPECT_TRUE(u->totp_required);
  EXPECT_TRUE(u->view_pii);
  EXPECT_EQ(u->permissions.count("create:case"), 1u);

  auto conn = Conn();
  auto stored = storage::UserStore(*conn).Get(u->user.id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_TRUE(crypto::VerifyPassword((*stored)->password_hash, kPassword));
  auto rows = conn->Query(
      "SELECT actor, action, entity, entity_id, office_id FROM audit_log "
      "ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Text(0), admin_.user_id);
  EXPECT_EQ((*rows)[0].Text(1), "user.create");
  EXPECT_EQ((*rows)[0].Text(2), "user");
  EXPECT_EQ((*rows)[0].Text(3), u->user.id);
  EXPECT_EQ((*rows)[0].Text(4), kl_);
  EXPECT_TRUE(Login("dora.k", kPassword).ok());
}

TEST_F(UserServiceTest, CreateNamesEveryBadField) {
  std::int64_t before = Count("users");
  auto r = users_->Create(admin_, {"x!", std::string(201, 'd'), "short", {}, ""}, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
  const auto& f = r.status().fields();
  for (const char* field : {"username", "password", "roles", "office_id", "display_name"}) {
    EXPECT_EQ(f.count(field), 1u) << field << " in " << r.status().ToString();
  }
  EXPECT_EQ(f.size(), 5u);
  EXPECT_EQ(Count("users"), before);
}

TEST_F(UserServiceTest, CreateValidatesEachFieldAlone) {
  struct Case {
    domain::NewUser user;
    const char* field;
  };
  const Case cases[] = {
      {{"ab", "", kPassword, {"caseworker"}, kl_}, "username"},
      {{".dot", "", kPassword, {"caseworker"}, kl_}, "username"},
      {{"has space", "", kPassword, {"caseworker"}, kl_}, "username"},
      {{std::string(65, 'a'), "", kPassword, {"caseworker"}, kl_}, "username"},
      {{"okname", "", "elevenchars", {"caseworker"}, kl_}, "password"},
      {{"okname", "", kPassword, {}, kl_}, "roles"},
      {{"okname", "", kPassword, {"caseworker", "wizard"}, kl_}, "roles"},
      {{"okname", "", kPassword, {"caseworker"}, ""}, "office_id"},
      {{"okname", "", kPassword, {"caseworker"}, NewId()}, "office_id"},
  };
  for (const Case& c : cases) {
    auto r = users_->Create(admin_, c.user, Req());
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.field << " " << c.user.username;
    EXPECT_EQ(r.status().fields().size(), 1u) << r.status().ToString();
    EXPECT_EQ(r.status().fields().count(c.field), 1u) << r.status().ToString();
  }
  auto unknown_role = users_->Create(admin_, {"okname", "", kPassword, {"wizard"}, kl_}, Req());
  const std::string& msg = unknown_role.status().fields().at("roles");
  EXPECT_NE(msg.find("wizard"), std::string::npos) << msg;
  EXPECT_NE(msg.find("caseworker"), std::string::npos) << msg;  // lists what is allowed
  auto unknown_office = users_->Create(admin_, Valid("okname", NewId()), Req());
  EXPECT_EQ(unknown_office.status().fields().at("office_id"), "unknown office");
}

TEST_F(UserServiceTest, DuplicateUsernameIsConflictOnUsername) {
  ASSERT_TRUE(users_->Create(admin_, Valid("erin", kl_), Req()).ok());
  std::int64_t audit_before = Count("audit_log");
  for (const char* name : {"erin", "ERIN"}) {
    auto r = users_->Create(admin_, Valid(name, hq_), Req());
    ASSERT_EQ(r.status().code(), StatusCode::kConflict) << name;
    EXPECT_EQ(r.status().fields().count("username"), 1u);
  }
  auto admin_again = users_->Create(admin_, Valid("admin", hq_), Req());
  EXPECT_EQ(admin_again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Count("audit_log"), audit_before);  // failed writes leave no audit entry
}

TEST_F(UserServiceTest, RolesWithoutCreateUserAreDenied) {
  for (const char* role : {"caseworker", "supervisor", "auditor", "data_officer"}) {
    Principal p = As(std::string("u.") + role, role, kl_);
    auto r = users_->Create(p, Valid("newbie", kl_), Req());
    ASSERT_EQ(r.status().code(), StatusCode::kPermissionDenied) << role;
    EXPECT_TRUE(r.status().reason().empty());
    domain::UserPatch patch;
    patch.version = 1;
    patch.display_name = "x";
    EXPECT_EQ(users_->Patch(p, admin_.user_id, patch, Req()).status().code(),
              StatusCode::kPermissionDenied)
        << role;
  }
}

TEST_F(UserServiceTest, APendingSecondFactorBlocksAdministration) {
  Principal p = admin_;
  p.totp_enrolment_pending = true;
  auto r = users_->Create(p, Valid("newbie", kl_), Req());
  EXPECT_EQ(r.status().reason(), "totp_enrolment_required");
  EXPECT_EQ(users_->List(p, {}).status().reason(), "totp_enrolment_required");
}

TEST_F(UserServiceTest, ScopedCreatorsStayInTheirOffice) {
  Principal local = As("local.admin", "caseworker", kl_);
  local.permissions.insert("create:user");  // a hypothetical office-scoped user manager
  ASSERT_EQ(local.scope, domain::Scope::kOffice);
  auto elsewhere = users_->Create(local, Valid("frank", hq_), Req());
  EXPECT_EQ(elsewhere.status().code(), StatusCode::kPermissionDenied);
  auto here = users_->Create(local, Valid("frank", kl_), Req());
  EXPECT_TRUE(here.ok()) << here.status().ToString();
}

TEST_F(UserServiceTest, GetAndListRespectTheOfficeScope) {
  UserView in_kl = MakeUser("kl.worker", "caseworker", kl_);
  UserView in_hq = MakeUser("hq.worker", "caseworker", hq_);
  Principal supervisor = As("kl.super", "supervisor", kl_);

  auto own_office = users_->Get(supervisor, in_kl.user.id);
  ASSERT_TRUE(own_office.ok()) << own_office.status().ToString();
  EXPECT_EQ(own_office->user.username, "kl.worker");

  auto other_office = users_->Get(supervisor, in_hq.user.id);
  ASSERT_EQ(other_office.status().code(), StatusCode::kNotFound);
  auto absent = users_->Get(supervisor, NewId());
  ASSERT_EQ(absent.status().code(), StatusCode::kNotFound);
  // Out of scope and absent are indistinguishable.
  EXPECT_EQ(other_office.status().message(), absent.status().message());

  auto listed = users_->List(supervisor, {});
  ASSERT_TRUE(listed.ok());
  std::set<std::string> names;
  for (const auto& v : listed->items) {
    EXPECT_EQ(v.user.office_id, kl_);
    names.insert(v.user.username);
  }
  EXPECT_EQ(names, (std::set<std::string>{"kl.worker", "kl.super"}));

  auto everyone = users_->List(admin_, {});
  ASSERT_TRUE(everyone.ok());
  EXPECT_EQ(everyone->items.size(), 4u);  // admin, kl.worker, hq.worker, kl.super
  EXPECT_FALSE(everyone->next.has_value());
  EXPECT_TRUE(users_->Get(admin_, in_hq.user.id).ok());

  Principal caseworker = As("kl.cw", "caseworker", kl_);
  EXPECT_EQ(users_->Get(caseworker, in_kl.user.id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(users_->List(caseworker, {}).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(UserServiceTest, ListPages) {
  for (int i = 0; i < 4; ++i) MakeUser("user" + std::to_string(i), "auditor", kl_);
  std::vector<std::string> seen;
  PageRequest page{2, ""};
  int pages = 0;
  for (;;) {
    auto r = users_->List(admin_, page);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_LE(r->items.size(), 2u);
    for (const auto& v : r->items) {
      EXPECT_TRUE(v.user.password_hash.empty());
      seen.push_back(v.user.id);
    }
    ++pages;
    if (!r->next) break;
    EXPECT_EQ(*r->next, r->items.back().user.id);
    page.after = *r->next;
  }
  EXPECT_EQ(pages, 3);  // 2 + 2 + 1
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 5u);
}

TEST_F(UserServiceTest, BadCursorIsInvalidArgumentOnAfter) {
  for (const char* after : {"abc", "' OR 1=1 --", "0190B6D4-2F7C-7ABC-8DEF-0123456789AB"}) {
    auto r = users_->List(admin_, {10, after});
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << after;
    EXPECT_EQ(r.status().fields().count("after"), 1u) << after;
  }
  EXPECT_TRUE(users_->List(admin_, {10, NewId()}).ok());  // any well-formed id is a cursor
}

TEST_F(UserServiceTest, PatchUpdatesAndBumpsTheVersion) {
  UserView u = MakeUser("gina", "caseworker", kl_);
  domain::UserPatch patch;
  patch.version = 1;
  patch.roles = std::vector<std::string>{"supervisor", "caseworker"};
  patch.display_name = "Gina G.";
  clock_.Advance(1000);
  auto r = users_->Patch(admin_, u.user.id, patch, Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->user.version, 2);
  EXPECT_EQ(r->user.updated_at, clock_.NowMs());
  EXPECT_EQ(r->user.display_name, "Gina G.");
  EXPECT_EQ(r->permissions.count("approve:case"), 1u);
  EXPECT_TRUE(r->user.password_hash.empty());
  EXPECT_EQ(AuditActions().back(), "user.update");

  auto got = users_->Get(admin_, u.user.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->user.version, 2);
  EXPECT_EQ(got->user.roles, (std::vector<std::string>{"caseworker", "supervisor"}));
  EXPECT_EQ(got->user.display_name, "Gina G.");
}

TEST_F(UserServiceTest, StalePatchIsConflictWithTheCurrentVersion) {
  UserView u = MakeUser("hank", "caseworker", kl_);
  domain::UserPatch first;
  first.version = 1;
  first.display_name = "first";
  ASSERT_TRUE(users_->Patch(admin_, u.user.id, first, Req()).ok());
  domain::UserPatch stale;
  stale.version = 1;
  stale.display_name = "second";
  auto r = users_->Patch(admin_, u.user.id, stale, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kConflict) << r.status().ToString();
  EXPECT_EQ(r.status().details().at("current_version"), 2);
  auto got = users_->Get(admin_, u.user.id);
  EXPECT_EQ(got->user.display_name, "first");
  domain::UserPatch future;
  future.version = 7;
  future.display_name = "future";
  EXPECT_EQ(users_->Patch(admin_, u.user.id, future, Req()).status().code(), StatusCode::kConflict);
}

TEST_F(UserServiceTest, PatchOfAnUnknownUserIsNotFound) {
  domain::UserPatch patch;
  patch.version = 1;
  patch.display_name = "x";
  EXPECT_EQ(users_->Patch(admin_, NewId(), patch, Req()).status().code(), StatusCode::kNotFound);
}

TEST_F(UserServiceTest, PatchOutOfScopeIsNotFound) {
  UserView in_hq = MakeUser("ivan", "caseworker", hq_);
  UserView in_kl = MakeUser("jane", "caseworker", kl_);
  Principal local = As("kl.manager", "supervisor", kl_);
  local.permissions.insert("update:user");  // office-scoped updater
  domain::UserPatch patch;
  patch.version = 1;
  patch.display_name = "renamed";
  EXPECT_EQ(users_->Patch(local, in_hq.user.id, patch, Req()).status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(users_->Patch(local, in_kl.user.id, patch, Req()).ok());
  // Nor may it move its own users out of its office.
  domain::UserPatch move;
  move.version = 2;
  move.office_id = hq_;
  EXPECT_EQ(users_->Patch(local, in_kl.user.id, move, Req()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(UserServiceTest, PatchValidatesFields) {
  UserView u = MakeUser("kate", "caseworker", kl_);
  domain::UserPatch patch;
  patch.version = 1;
  patch.roles = std::vector<std::string>{};
  patch.office_id = NewId();
  patch.password = "short";
  patch.display_name = std::string(201, 'k');
  auto r = users_->Patch(admin_, u.user.id, patch, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  for (const char* field : {"roles", "office_id", "password", "display_name"}) {
    EXPECT_EQ(r.status().fields().count(field), 1u) << field;
  }
  // Validation comes before the version check: a stale and invalid patch is a 422.
  patch.version = 99;
  EXPECT_EQ(users_->Patch(admin_, u.user.id, patch, Req()).status().code(),
            StatusCode::kInvalidArgument);
  auto got = users_->Get(admin_, u.user.id);
  EXPECT_EQ(got->user.version, 1);
}

TEST_F(UserServiceTest, NobodyDisablesThemselves) {
  domain::UserPatch patch;
  patch.version = 1;
  patch.disabled = true;
  auto r = users_->Patch(admin_, admin_.user_id, patch, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().count("disabled"), 1u);
}

TEST_F(UserServiceTest, ReEnablingAUserLetsThemSignInAgain) {
  UserView u = MakeUser("lena", "auditor", kl_);
  domain::UserPatch off;
  off.version = 1;
  off.disabled = true;
  ASSERT_TRUE(users_->Patch(admin_, u.user.id, off, Req()).ok());
  EXPECT_FALSE(Login("lena", kPassword).ok());
  domain::UserPatch on;
  on.version = 2;
  on.disabled = false;
  auto r = users_->Patch(admin_, u.user.id, on, Req());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->user.disabled);
  EXPECT_TRUE(Login("lena", kPassword).ok());
}

TEST_F(UserServiceTest, PasswordResetIsAuditedAsSuch) {
  UserView u = MakeUser("mia", "auditor", kl_);
  domain::UserPatch patch;
  patch.version = 1;
  patch.password = "another long password";
  ASSERT_TRUE(users_->Patch(admin_, u.user.id, patch, Req()).ok());
  EXPECT_EQ(AuditActions().back(), "user.reset_password");
}

TEST_F(UserServiceTest, RolesNeedReadRole) {
  auto roles = users_->Roles(admin_);
  ASSERT_TRUE(roles.ok());
  EXPECT_EQ(roles->size(), 8u);
  Principal pm = As("prog.manager", "programme_manager", kl_);
  EXPECT_EQ(users_->Roles(pm).status().code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace hw::service
