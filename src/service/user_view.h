// What the API shows of a user: no password hash, no TOTP secret.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/user.h"

namespace hw::service {

struct UserView {
  domain::User user;  // secrets cleared
  std::set<std::string> permissions;
  bool view_pii = false;
  bool totp_required = false;  // must enrol before doing anything else
};

}  // namespace hw::service
