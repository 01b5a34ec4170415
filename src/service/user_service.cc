#include "service/user_service.h"

#include "common/id.h"
#include "crypto/password.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "storage/office_store.h"
#include "storage/session_store.h"
#include "storage/user_store.h"

namespace hw::service {

Result<Page<UserView>> UserService::List(const Principal& p, const PageRequest& page) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadUser, ""));
  if (!page.after.empty() && !IsValidId(page.after)) {
    return Status::InvalidField("after", "must be a cursor returned as `next`");
  }
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto users,
                      storage::UserStore(*conn).List(OfficeFilter(p), page.after, page.limit + 1));
  Page<UserView> out;
  for (const auto& u : users) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next = out.items.back().user.id;
      break;
    }
    out.items.push_back(auth_.ViewOf(u));
  }
  return out;
}

Result<UserView> UserService::Get(const Principal& p, const std::string& id) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadUser, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(*conn).Get(id));
  // Out of scope looks exactly like absent: no probing for other offices' ids.
  if (!user || !Authorize(p, domain::perm::kReadUser, user->office_id).ok()) {
    return Status::NotFound("user not found");
  }
  return auth_.ViewOf(*user);
}

Status UserService::ValidateRolesAndOffice(storage::Connection& conn,
                                           const std::vector<std::string>* roles,
                                           const std::string* office_id, Status::Fields& fields) {
  if (roles) {
    if (roles->empty()) fields["roles"] = "at least one role is required";
    for (const std::string& r : *roles) {
      if (!roles_.Exists(r)) {
        std::string allowed;
        for (const auto& role : roles_.All()) {
          if (!allowed.empty()) allowed += ", ";
          allowed += role.name;
        }
        std::string message = "unknown role '";
        message.append(r).append("'; allowed: ").append(allowed);
        fields["roles"] = message;
        break;
      }
    }
  }
  if (office_id) {
    if (office_id->empty()) {
      fields["office_id"] = "is required";
    } else {
      HW_ASSIGN_OR_RETURN(auto office, storage::OfficeStore(conn).Get(*office_id));
      if (!office) fields["office_id"] = "unknown office";
    }
  }
  return Status::Ok();
}

Result<UserView> UserService::Create(const Principal& p, const domain::NewUser& nu,
                                     const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kCreateUser, ""));
  const TimeMs now = ctx_.clock.NowMs();
  domain::User u;
  u.id = NewId();
  u.username = domain::NormalizeUsername(nu.username);
  u.display_name = nu.display_name;
  u.office_id = nu.office_id;
  u.roles = nu.roles;
  u.created_at = u.updated_at = now;
  // Argon2id takes a while: hash before taking the write lock, not while holding it.
  std::string password_hash;
  if (crypto::CheckPasswordPolicy(nu.password).ok()) {
    HW_ASSIGN_OR_RETURN(password_hash, crypto::HashPassword(nu.password));
  }
  Status result = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    Status::Fields fields;
    Status name_status = domain::ValidateUsername(u.username);
    if (!name_status.ok()) fields.insert(name_status.fields().begin(), name_status.fields().end());
    Status pw_status = crypto::CheckPasswordPolicy(nu.password);
    if (!pw_status.ok()) fields.insert(pw_status.fields().begin(), pw_status.fields().end());
    if (u.display_name.size() > 200) fields["display_name"] = "must be at most 200 characters";
    HW_RETURN_IF_ERROR(ValidateRolesAndOffice(conn, &u.roles, &u.office_id, fields));
    if (!fields.empty()) return Status::InvalidArgument("invalid user", std::move(fields));
    // A scoped creator can only place users in an office they may manage.
    HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kCreateUser, u.office_id));
    u.password_hash = password_hash;
    Status inserted = storage::UserStore(conn).Insert(u);
    if (inserted.code() == StatusCode::kConflict) {
      return Status::ConflictField("username", "the username is taken");
    }
    HW_RETURN_IF_ERROR(inserted);
    return AppendAudit(conn, ctx_, p.user_id, info, {"user.create", "user", u.id, u.office_id});
  });
  if (!result.ok()) return result;
  return auth_.ViewOf(u);
}

Result<UserView> UserService::Patch(const Principal& p, const std::string& id,
                                    const domain::UserPatch& patch, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateUser, ""));
  const TimeMs now = ctx_.clock.NowMs();
  domain::User updated;
  std::string password_hash;  // hashed before taking the write lock
  if (patch.password && crypto::CheckPasswordPolicy(*patch.password).ok()) {
    HW_ASSIGN_OR_RETURN(password_hash, crypto::HashPassword(*patch.password));
  }
  Status result = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::UserStore users(conn);
    HW_ASSIGN_OR_RETURN(auto user, users.Get(id));
    if (!user || !Authorize(p, domain::perm::kUpdateUser, user->office_id).ok()) {
      return Status::NotFound("user not found");
    }
    Status::Fields fields;
    HW_RETURN_IF_ERROR(ValidateRolesAndOffice(conn, patch.roles ? &*patch.roles : nullptr,
                                              patch.office_id ? &*patch.office_id : nullptr,
                                              fields));
    if (patch.password) {
      Status pw = crypto::CheckPasswordPolicy(*patch.password);
      if (!pw.ok()) fields.insert(pw.fields().begin(), pw.fields().end());
    }
    if (patch.display_name && patch.display_name->size() > 200) {
      fields["display_name"] = "must be at most 200 characters";
    }
    if (patch.disabled && *patch.disabled && id == p.user_id) {
      fields["disabled"] = "you cannot disable your own account";
    }
    if (!fields.empty()) return Status::InvalidArgument("invalid user", std::move(fields));
    if (patch.office_id)
      HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateUser, *patch.office_id));
    if (user->version != patch.version) {
      return Status::Conflict("the user was changed by someone else")
          .WithDetail("current_version", user->version);
    }
    bool revoke_sessions = false;
    if (patch.roles) user->roles = *patch.roles;
    if (patch.office_id) {
      revoke_sessions = revoke_sessions || *patch.office_id != user->office_id;
      user->office_id = *patch.office_id;
    }
    if (patch.display_name) user->display_name = *patch.display_name;
    if (patch.disabled) {
      revoke_sessions = revoke_sessions || *patch.disabled;
      user->disabled = *patch.disabled;
    }
    if (patch.password) {
      user->password_hash = password_hash;
      user->failed_logins = 0;
      user->first_failed_at.reset();
      user->locked_until.reset();
      revoke_sessions = true;
    }
    HW_RETURN_IF_ERROR(users.Update(*user, now));
    if (revoke_sessions) HW_RETURN_IF_ERROR(storage::SessionStore(conn).DeleteForUser(user->id));
    HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                   {patch.password ? "user.reset_password" : "user.update", "user",
                                    user->id, user->office_id}));
    user->version += 1;
    user->updated_at = now;
    updated = *user;
    return Status::Ok();
  });
  if (!result.ok()) return result;
  return auth_.ViewOf(updated);
}

Result<std::vector<domain::Role>> UserService::Roles(const Principal& p) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadRole, ""));
  return roles_.All();
}

}  // namespace hw::service
