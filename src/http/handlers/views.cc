#include "http/handlers/views.h"

#include <boost/json.hpp>
#include <charconv>

#include "http/json_util.h"

namespace hw::http {

namespace json = boost::json;

json::object UserJson(const service::UserView& v) {
  const domain::User& u = v.user;
  json::array roles(u.roles.begin(), u.roles.end());
  json::array perms(v.permissions.begin(), v.permissions.end());
  return json::object{
      {"id", u.id},
      {"username", u.username},
      {"display_name", u.display_name},
      {"office_id", u.office_id},
      {"roles", std::move(roles)},
      {"permissions", std::move(perms)},
      {"view_pii", v.view_pii},
      {"totp_enabled", u.totp_enabled},
      {"totp_required", v.totp_required},
      {"disabled", u.disabled},
      {"locked_until", TimeOrNull(u.locked_until)},
      {"last_login_at", TimeOrNull(u.last_login_at)},
      {"version", u.version},
      {"created_at", FormatTimestamp(u.created_at)},
      {"updated_at", FormatTimestamp(u.updated_at)},
  };
}

json::object OfficeJson(const domain::Office& o) {
  return json::object{
      {"id", o.id},
      {"organisation_id", o.organisation_id},
      {"name", o.name},
      {"code", o.code},
      {"country", o.country},
      {"version", o.version},
      {"created_at", FormatTimestamp(o.created_at)},
      {"updated_at", FormatTimestamp(o.updated_at)},
  };
}

json::object AuditJson(const domain::AuditEntry& e) {
  return json::object{
      {"seq", e.seq},
      {"time", FormatTimestamp(e.time)},
      {"actor", e.actor},
      {"action", e.action},
      {"entity", e.entity},
      {"entity_id", e.entity_id},
      {"office_id", e.office_id},
      {"request_id", e.request_id},
      {"hash", e.hash},
  };
}

Result<service::PageRequest> ParsePage(const Request& req) {
  service::PageRequest page;
  if (auto limit_param = req.Query("limit")) {
    const std::string& limit = *limit_param;
    int n = 0;
    auto [ptr, ec] = std::from_chars(limit.data(), limit.data() + limit.size(), n);
    if (ec != std::errc() || ptr != limit.data() + limit.size() || n < 1 ||
        n > service::kMaxPageSize) {
      return Status::InvalidField("limit", "must be an integer from 1 to 200");
    }
    page.limit = n;
  }
  if (auto after = req.Query("after")) {
    if (after->size() > 100) return Status::InvalidField("after", "is not a valid cursor");
    page.after = *after;
  }
  return page;
}

service::RequestInfo InfoOf(const Request& req) {
  return service::RequestInfo{req.request_id, req.remote_address};
}

Response JsonOk(int status, const json::object& body) {
  return Response::Json(status, json::serialize(body));
}

void HoldUntilCommitted(Response& res, std::shared_ptr<service::AuditCommit> commit) {
  if (!commit) return;
  res.hold = [commit = std::move(commit)](std::function<void(bool)> release) {
    commit->Then([release = std::move(release)](const Status& st) { release(st.ok()); });
  };
}

}  // namespace hw::http
