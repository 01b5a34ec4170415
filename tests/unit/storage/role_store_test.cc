#include "storage/role_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class RoleStoreTest : public StorageTest {};

TEST_P(RoleStoreTest, UpsertInsertsAndListReadsBack) {
  auto conn = Conn();
  RoleStore store(*conn);
  auto empty = store.List();
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  domain::Role cw{"caseworker",
                  "Registers victims",
                  domain::Scope::kOffice,
                  true,
                  {"view_pii", "read:case", "create:case"}};
  domain::Role aud{
      "auditor", "Reads the audit log", domain::Scope::kOrganisation, false, {"read:audit"}};
  domain::Role own{"self", "Only their own", domain::Scope::kOwn, false, {}};
  domain::Role all{
      "data_officer", "Everything anonymised", domain::Scope::kAll, false, {"read:statistics"}};
  for (const auto* r : {&cw, &aud, &own, &all}) ASSERT_TRUE(store.Upsert(*r).ok()) << r->name;

  auto roles = store.List();
  ASSERT_TRUE(roles.ok()) << roles.status().ToString();
  ASSERT_EQ(roles->size(), 4u);
  // Ordered by name, permissions sorted.
  EXPECT_EQ((*roles)[0].name, "auditor");
  EXPECT_EQ((*roles)[0].scope, domain::Scope::kOrganisation);
  EXPECT_FALSE((*roles)[0].requires_totp);
  EXPECT_EQ((*roles)[0].permissions, std::vector<std::string>{"read:audit"});
  EXPECT_EQ((*roles)[1].name, "caseworker");
  EXPECT_EQ((*roles)[1].description, "Registers victims");
  EXPECT_EQ((*roles)[1].scope, domain::Scope::kOffice);
  EXPECT_TRUE((*roles)[1].requires_totp);
  EXPECT_EQ((*roles)[1].permissions,
            (std::vector<std::string>{"create:case", "read:case", "view_pii"}));
  EXPECT_EQ((*roles)[2].name, "data_officer");
  EXPECT_EQ((*roles)[2].scope, domain::Scope::kAll);
  EXPECT_EQ((*roles)[3].name, "self");
  EXPECT_EQ((*roles)[3].scope, domain::Scope::kOwn);
  EXPECT_TRUE((*roles)[3].permissions.empty());
}

TEST_P(RoleStoreTest, UpsertReplacesDescriptionScopeAndPermissions) {
  auto conn = Conn();
  RoleStore store(*conn);
  domain::Role r{"supervisor", "old", domain::Scope::kOffice, true, {"read:case", "approve:case"}};
  ASSERT_TRUE(store.Upsert(r).ok());
  r.description = "new";
  r.scope = domain::Scope::kOrganisation;
  r.requires_totp = false;
  r.permissions = {"read:user"};
  ASSERT_TRUE(store.Upsert(r).ok());
  auto roles = store.List();
  ASSERT_TRUE(roles.ok());
  ASSERT_EQ(roles->size(), 1u);
  EXPECT_EQ((*roles)[0].description, "new");
  EXPECT_EQ((*roles)[0].scope, domain::Scope::kOrganisation);
  EXPECT_FALSE((*roles)[0].requires_totp);
  EXPECT_EQ((*roles)[0].permissions, std::vector<std::string>{"read:user"});
}

TEST_P(RoleStoreTest, DuplicatePermissionIsConflict) {
  domain::Role r{"x", "dup", domain::Scope::kOffice, false, {"read:case", "read:case"}};
  Status st = db_->InTransaction([&](Connection& c) { return RoleStore(c).Upsert(r); });
  EXPECT_EQ(st.code(), StatusCode::kConflict);
  auto conn = Conn();
  auto roles = RoleStore(*conn).List();
  ASSERT_TRUE(roles.ok());
  EXPECT_TRUE(roles->empty());  // rolled back together
}

HW_INSTANTIATE_BACKENDS(RoleStoreTest);

}  // namespace
}  // namespace hw::storage
