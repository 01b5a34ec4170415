#include "storage/session_store.h"

namespace hw::storage {

Status SessionStore::Insert(const SessionRow& s) {
  return conn_
      .Execute(
          "INSERT INTO sessions (token_hash, user_id, office_id, csrf_token, created_at, "
          "last_seen_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)",
          {s.token_hash, s.user_id, s.office_id, s.csrf_token, s.created_at, s.last_seen_at,
           s.expires_at})
      .status();
}

Result<std::optional<SessionRow>> SessionStore::Find(const std::string& token_hash) {
  HW_ASSIGN_OR_RETURN(Rows rows,
                      conn_.Query("SELECT token_hash, user_id, office_id, csrf_token, created_at, "
                                  "last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
                                  {token_hash}));
  if (rows.empty()) return std::optional<SessionRow>();
  const Row& r = rows[0];
  return std::optional<SessionRow>(
      SessionRow{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5), r.Int(6)});
}

Status SessionStore::Touch(const std::string& token_hash, TimeMs now) {
  return conn_
      .Execute("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", {now, token_hash})
      .status();
}

// Ending sessions moves the access epoch on, so cached sessions (AuthService) are re-read.
Status SessionStore::Delete(const std::string& token_hash) {
  HW_RETURN_IF_ERROR(
      conn_.Execute("DELETE FROM sessions WHERE token_hash = $1", {token_hash}).status());
  conn_.NoteAccessChange();
  return Status::Ok();
}

Status SessionStore::DeleteForUser(const std::string& user_id) {
  HW_RETURN_IF_ERROR(conn_.Execute("DELETE FROM sessions WHERE user_id = $1", {user_id}).status());
  conn_.NoteAccessChange();
  return Status::Ok();
}

Status SessionStore::DeleteExpired(TimeMs idle_cutoff, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t n,
      conn_.Execute("DELETE FROM sessions WHERE last_seen_at < $1 OR expires_at < $2",
                    {idle_cutoff, now}));
  if (n > 0) conn_.NoteAccessChange();
  return Status::Ok();
}

}  // namespace hw::storage
