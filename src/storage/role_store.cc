#include "storage/role_store.h"

#include <map>

namespace hw::storage {

Status RoleStore::Upsert(const domain::Role& role) {
  HW_RETURN_IF_ERROR(
      conn_.Execute("DELETE FROM role_permissions WHERE role = $1", {role.name}).status());
  HW_RETURN_IF_ERROR(
      conn_
          .Execute(
              "INSERT INTO roles (name, description, scope, requires_totp) VALUES ($1,$2,$3,$4) "
              "ON CONFLICT (name) DO UPDATE SET description = excluded.description, "
              "scope = excluded.scope, requires_totp = excluded.requires_totp",
              {role.name, role.description, std::string(domain::ScopeName(role.scope)),
               std::int64_t{role.requires_totp}})
          .status());
  for (const std::string& p : role.permissions) {
    HW_RETURN_IF_ERROR(
        conn_
            .Execute("INSERT INTO role_permissions (role, permission) VALUES ($1, $2)",
                     {role.name, p})
            .status());
  }
  conn_.NoteAccessChange();  // cached sessions re-read their permissions
  return Status::Ok();
}

Result<std::vector<domain::Role>> RoleStore::List() {
  HW_ASSIGN_OR_RETURN(Rows roles, conn_.Query("SELECT name, description, scope, requires_totp "
                                              "FROM roles ORDER BY name"));
  HW_ASSIGN_OR_RETURN(Rows perms, conn_.Query("SELECT role, permission FROM role_permissions "
                                              "ORDER BY role, permission"));
  std::map<std::string, std::vector<std::string>> by_role;
  for (const Row& r : perms) by_role[r.Text(0)].push_back(r.Text(1));
  std::vector<domain::Role> out;
  for (const Row& r : roles) {
    domain::Role role;
    role.name = r.Text(0);
    role.description = r.Text(1);
    role.scope = domain::ParseScope(r.Text(2));
    role.requires_totp = r.Int(3) != 0;
    role.permissions = by_role[role.name];
    out.push_back(std::move(role));
  }
  return out;
}

}  // namespace hw::storage
