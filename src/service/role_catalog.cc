#include "service/role_catalog.h"

#include "storage/role_store.h"

namespace hw::service {

std::vector<domain::Role> DefaultRoles() {
  using domain::Scope;
  // Need-to-know: only roles that work with victims directly hold view_pii, and those must use a
  // second factor. Shelter addresses (view_shelter_location) are for shelter managers only: the
  // admin registers shelters but has organisation-wide scope and no second factor. Case, shelter
  // and programme permissions are declared now so later features grant them as data.
  return {
      {"admin",
       "Manages users, offices and configuration",
       Scope::kOrganisation,
       false,
       {"read:user", "create:user", "update:user", "read:office", "create:office", "read:role",
        "update:indicator_set", "read:shelter", "create:shelter", "update:shelter",
        "update:assessment_template"}},
      {"caseworker",
       "Registers, screens and assists victims of their office",
       Scope::kOffice,
       true,
       {"read:case", "create:case", "update:case", "view_pii", "read:office", "read:role",
        "read:shelter"}},
      {"supervisor",
       "Oversees an office's caseworkers and approves closures",
       Scope::kOffice,
       true,
       {"read:case", "update:case", "approve:case", "view_pii", "read:user", "read:office",
        "read:role", "read:shelter"}},
      {"shelter_manager",
       "Runs a shelter and its residents",
       Scope::kOffice,
       true,
       {"read:shelter", "create:shelter", "update:shelter", "read:resident", "update:resident",
        "view_shelter_location", "view_pii", "read:office", "read:assessment", "create:assessment",
        "update:assessment"}},
      {"return_officer",
       "Organises returns and reintegration",
       Scope::kOffice,
       true,
       {"read:case", "read:return", "update:return", "view_pii", "read:office"}},
      {"programme_manager",
       "Tracks projects, donors, funds and trainings",
       Scope::kOrganisation,
       false,
       {"read:project", "update:project", "read:statistics", "read:office", "read:shelter",
        "read:assessment", "create:assessment", "update:assessment"}},
      {"data_officer",
       "Produces statistics and anonymised data exports",
       Scope::kAll,
       false,
       {"read:statistics", "export:anonymised", "read:office"}},
      {"auditor",
       "Reviews the audit log and accounts",
       Scope::kOrganisation,
       false,
       {"read:audit", "read:user", "read:office", "read:role"}},
  };
}

Status RoleCatalog::Reload(storage::Database& db) {
  HW_ASSIGN_OR_RETURN(auto conn, db.Acquire());
  storage::RoleStore store(*conn);
  HW_ASSIGN_OR_RETURN(auto roles, store.List());
  std::lock_guard lock(mu_);
  roles_.clear();
  for (auto& r : roles) roles_[r.name] = std::move(r);
  return Status::Ok();
}

std::vector<domain::Role> RoleCatalog::All() const {
  std::lock_guard lock(mu_);
  std::vector<domain::Role> out;
  for (const auto& [name, role] : roles_) out.push_back(role);
  return out;
}

bool RoleCatalog::Exists(const std::string& name) const {
  std::lock_guard lock(mu_);
  return roles_.count(name) > 0;
}

void RoleCatalog::Resolve(const std::vector<std::string>& roles, std::set<std::string>* permissions,
                          domain::Scope* scope, bool* requires_totp) const {
  std::lock_guard lock(mu_);
  *scope = domain::Scope::kOwn;
  *requires_totp = false;
  for (const std::string& name : roles) {
    auto it = roles_.find(name);
    if (it == roles_.end()) continue;
    permissions->insert(it->second.permissions.begin(), it->second.permissions.end());
    if (static_cast<int>(it->second.scope) > static_cast<int>(*scope)) *scope = it->second.scope;
    *requires_totp = *requires_totp || it->second.requires_totp;
  }
}

}  // namespace hw::service
