// Creating a store, seeding roles, and the command-line administration that runs without a
// session (as Principal::System, audited as actor "system").
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "service/context.h"
#include "service/principal.h"
#include "service/role_catalog.h"

namespace hw::service {

struct InitOptions {
  std::string organisation_name = "Homeward";
  std::string office_name = "Headquarters";
  std::string office_code = "ORG-HQ";
  std::string office_country = "CH";
  std::string admin_password;
};

// Migrates, seeds roles, creates the organisation, the first office and user `admin`.
// Refuses (Conflict) when the store already has users.
Status InitializeStore(Context& ctx, RoleCatalog& roles, const InitOptions& opts);

// Migrates and upserts the built-in roles; run at every start so new permissions arrive.
Status PrepareStore(Context& ctx, RoleCatalog& roles);

// Synthetic demo data with a fixed seed: offices and one user per role with printed passwords.
struct DemoCredential {
  std::string username;
  std::string role;
  std::string office_code;
  std::string password;
};
Result<std::vector<DemoCredential>> SeedDemo(Context& ctx, RoleCatalog& roles);
// The demo caseworkers who register synthetic cases (Kuala Lumpur first), with their office's
// country; empty before `SeedDemo`.
struct DemoAuthor {
  Principal principal;
  std::string country;
};
Result<std::vector<DemoAuthor>> DemoAuthors(Context& ctx, RoleCatalog& roles);
// `count` synthetic cases across the demo offices (fixed seed); does nothing if cases exist.
Status SeedDemoCases(Context& ctx, RoleCatalog& roles, int count);

}  // namespace hw::service
