// Users, roles and the permissions a role grants.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"

namespace hw::domain {

// How far a role's permissions reach.
enum class Scope { kOwn, kOffice, kOrganisation, kAll };
Scope ParseScope(const std::string& s);
const char* ScopeName(Scope s);

struct Role {
  std::string name;
  std::string description;
  Scope scope = Scope::kOffice;
  bool requires_totp = false;
  std::vector<std::string> permissions;  // "action:resource" and "view_pii"
};

struct User {
  std::string id;
  std::string office_id;
  std::string username;
  std::string display_name;
  std::string password_hash;
  bool disabled = false;
  bool totp_enabled = false;
  std::string totp_secret_sealed;           // sealed with the user's data key
  std::string totp_pending_sealed;          // enrolment awaiting confirmation
  std::optional<long long> totp_last_step;  // last accepted TOTP time step (no replays)
  long long failed_logins = 0;
  std::optional<TimeMs> first_failed_at;
  std::optional<TimeMs> locked_until;
  std::optional<TimeMs> last_login_at;
  std::vector<std::string> roles;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::vector<std::string> roles;
  std::string office_id;
};

struct UserPatch {
  long long version = 0;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::string> office_id;
  std::optional<bool> disabled;
  std::optional<std::string> password;
  std::optional<std::string> display_name;
};

// Lower-cases and checks a username: 3-64 of [a-z0-9._-], starting with a letter or digit.
Status ValidateUsername(const std::string& username);
std::string NormalizeUsername(const std::string& username);

// Permission names used by the platform.
namespace perm {
inline constexpr const char* kReadUser = "read:user";
inline constexpr const char* kCreateUser = "create:user";
inline constexpr const char* kUpdateUser = "update:user";
inline constexpr const char* kReadOffice = "read:office";
inline constexpr const char* kCreateOffice = "create:office";
inline constexpr const char* kReadRole = "read:role";
inline constexpr const char* kReadAudit = "read:audit";
inline constexpr const char* kViewPii = "view_pii";
}  // namespace perm

}  // namespace hw::domain
