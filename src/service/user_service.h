// User administration. Authorisation: read/create/update:user within the caller's scope.
#pragma once

#include "common/result.h"
#include "service/auth_service.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"
#include "service/role_catalog.h"
#include "service/user_view.h"

namespace hw::service {

class UserService {
 public:
  UserService(Context& ctx, RoleCatalog& roles, AuthService& auth)
      : ctx_(ctx), roles_(roles), auth_(auth) {}

  Result<Page<UserView>> List(const Principal& p, const PageRequest& page);
  Result<UserView> Get(const Principal& p, const std::string& id);
  // Errors: InvalidArgument naming fields; Conflict when the username is taken.
  Result<UserView> Create(const Principal& p, const domain::NewUser& u, const RequestInfo& info);
  // Errors: as Create; Conflict with current_version when patch.version is stale.
  Result<UserView> Patch(const Principal& p, const std::string& id, const domain::UserPatch& patch,
                         const RequestInfo& info);
  // Admin-only views of the role table.
  Result<std::vector<domain::Role>> Roles(const Principal& p);

 private:
  Status ValidateRolesAndOffice(storage::Connection& conn, const std::vector<std::string>* roles,
                                const std::string* office_id, Status::Fields& fields);
  Context& ctx_;
  RoleCatalog& roles_;
  AuthService& auth_;
};

}  // namespace hw::service
