// The authenticated caller: who they are, what their roles allow and how far.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/user.h"

namespace hw::service {

struct Principal {
  std::string user_id;
  std::string username;
  std::string office_id;
  std::string organisation_id;
  std::vector<std::string> roles;
  std::set<std::string> permissions;
  domain::Scope scope = domain::Scope::kOwn;  // the widest scope among the roles
  bool totp_enrolment_pending = false;        // may only use /me and TOTP enrolment
  std::string session_hash;                   // the session this request came with
  std::string csrf_token;

  bool Has(const std::string& permission) const { return permissions.count(permission) > 0; }
  // The built-in actor for command-line administration (homeward user add, demo, init).
  static Principal System(const std::string& organisation_id);
};

}  // namespace hw::service
