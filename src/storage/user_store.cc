#include "storage/user_store.h"

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kCols =
    "id, office_id, username, display_name, password_hash, disabled, totp_secret, totp_pending, "
    "totp_enabled, failed_logins, first_failed_at, locked_until, last_login_at, created_at, "
    "updated_at, version, totp_last_step";

domain::User FromRow(const Row& r) {
  domain::User u;
  u.id = r.Text(0);
  u.office_id = r.Text(1);
  u.username = r.Text(2);
  u.display_name = r.Text(3);
  u.password_hash = r.Text(4);
  u.disabled = r.Int(5) != 0;
  u.totp_secret_sealed = r.Text(6);
  u.totp_pending_sealed = r.Text(7);
  u.totp_enabled = r.Int(8) != 0;
  u.failed_logins = r.Int(9);
  u.first_failed_at = r.OptInt(10);
  u.locked_until = r.OptInt(11);
  u.last_login_at = r.OptInt(12);
  u.created_at = r.Int(13);
  u.updated_at = r.Int(14);
  u.version = r.Int(15);
  u.totp_last_step = r.OptInt(16);
  return u;
}

Value OptBlob(const std::string& s) {
  if (s.empty()) return nullptr;
  return Blob{s};
}

Value OptTime(const std::optional<TimeMs>& t) {
  if (!t) return nullptr;
  return std::int64_t{*t};
}

}  // namespace

Status UserStore::Insert(const domain::User& u) {
  HW_RETURN_IF_ERROR(
      conn_
          .Execute(
              "INSERT INTO users (id, office_id, username, display_name, password_hash, disabled, "
              "totp_enabled, created_at, updated_at, version) "
              "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
              {u.id, u.office_id, u.username, u.display_name, u.password_hash,
               std::int64_t{u.disabled}, std::int64_t{u.totp_enabled}, u.created_at, u.updated_at,
               static_cast<std::int64_t>(u.version)})
          .status());
  return WriteRoles(u);
}

// Every write of a user's state or roles moves the access epoch on (cached sessions re-read).
Status UserStore::WriteRoles(const domain::User& u) {
  HW_RETURN_IF_ERROR(conn_.Execute("DELETE FROM user_roles WHERE user_id = $1", {u.id}).status());
  for (const std::string& role : u.roles) {
    HW_RETURN_IF_ERROR(
        conn_.Execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {u.id, role})
            .status());
  }
  conn_.NoteAccessChange();
  return Status::Ok();
}

Status UserStore::LoadRoles(domain::User& u) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT role FROM user_roles WHERE user_id = $1 "
                                             "ORDER BY role",
                                             {u.id}));
  u.roles.clear();
  for (const Row& r : rows) u.roles.push_back(r.Text(0));
  return Status::Ok();
}

Result<std::optional<domain::User>> UserStore::Get(const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows, conn_.Query(std::string("SELECT ") + kCols + " FROM users WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<domain::User>();
  domain::User u = FromRow(rows[0]);
  HW_RETURN_IF_ERROR(LoadRoles(u));
  return std::optional<domain::User>(std::move(u));
}

Result<std::optional<domain::User>> UserStore::FindByUsername(const std::string& username) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(std::string("SELECT ") + kCols + " FROM users WHERE username = $1", {username}));
  if (rows.empty()) return std::optional<domain::User>();
  domain::User u = FromRow(rows[0]);
  HW_RETURN_IF_ERROR(LoadRoles(u));
  return std::optional<domain::User>(std::move(u));
}

Result<std::vector<domain::User>> UserStore::List(const std::string& office_id,
                                                  const std::string& after, int limit) {
  Rows rows;
  if (office_id.empty()) {
    HW_ASSIGN_OR_RETURN(rows, conn_.Query(std::string("SELECT ") + kCols +
                                              " FROM users WHERE id > $1 ORDER BY id LIMIT $2",
                                          {after, std::int64_t{limit}}));
  } else {
    HW_ASSIGN_OR_RETURN(rows, conn_.Query(std::string("SELECT ") + kCols +
                                              " FROM users WHERE office_id = $1 AND id > $2 "
                                              "ORDER BY id LIMIT $3",
                                          {office_id, after, std::int64_t{limit}}));
  }
  std::vector<domain::User> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    domain::User u = FromRow(r);
    HW_RETURN_IF_ERROR(LoadRoles(u));
    out.push_back(std::move(u));
  }
  return out;
}

Status UserStore::Update(const domain::User& u, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute(
          "UPDATE users SET office_id=$1, display_name=$2, password_hash=$3, disabled=$4, "
          "totp_secret=$5, totp_pending=$6, totp_enabled=$7, failed_logins=$8, "
          "first_failed_at=$9, locked_until=$10, updated_at=$11, version=version+1 "
          "WHERE id=$12 AND version=$13",
          {u.office_id, u.display_name, u.password_hash, std::int64_t{u.disabled},
           OptBlob(u.totp_secret_sealed), OptBlob(u.totp_pending_sealed),
           std::int64_t{u.totp_enabled}, static_cast<std::int64_t>(u.failed_logins),
           OptTime(u.first_failed_at), OptTime(u.locked_until), now, u.id,
           static_cast<std::int64_t>(u.version)}));
  if (changed == 0) return StaleOrMissing(conn_, "users", u.id, "user");
  return WriteRoles(u);
}

Status UserStore::SetLoginState(const domain::User& u) {
  return conn_
      .Execute(
          "UPDATE users SET failed_logins=$1, first_failed_at=$2, locked_until=$3, "
          "last_login_at=$4, totp_last_step=$5 WHERE id=$6",
          {static_cast<std::int64_t>(u.failed_logins), OptTime(u.first_failed_at),
           OptTime(u.locked_until), OptTime(u.last_login_at), OptTime(u.totp_last_step), u.id})
      .status();
}

Status UserStore::RecordLoginFailure(domain::User& u, TimeMs now, TimeMs window_start,
                                     int max_failures, TimeMs lock_until) {
  // SET expressions see the row's old values on both backends, so this is one atomic step.
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(
          "UPDATE users SET "
          "failed_logins = CASE WHEN first_failed_at IS NULL OR first_failed_at <= $2 THEN 1 "
          "ELSE failed_logins + 1 END, "
          "first_failed_at = CASE WHEN first_failed_at IS NULL OR first_failed_at <= $2 THEN $1 "
          "ELSE first_failed_at END, "
          "locked_until = CASE WHEN (CASE WHEN first_failed_at IS NULL OR first_failed_at <= $2 "
          "THEN 1 ELSE failed_logins + 1 END) >= $3 THEN $4 ELSE locked_until END "
          "WHERE id = $5 RETURNING failed_logins, first_failed_at, locked_until",
          {now, window_start, std::int64_t{max_failures}, lock_until, u.id}));
  if (rows.empty()) return Status::NotFound("user not found");
  u.failed_logins = rows[0].Int(0);
  u.first_failed_at = rows[0].OptInt(1);
  u.locked_until = rows[0].OptInt(2);
  return Status::Ok();
}

Result<std::int64_t> UserStore::Count() {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT COUNT(*) FROM users"));
  return rows.empty() ? std::int64_t{0} : rows[0].Int(0);
}

}  // namespace hw::storage
