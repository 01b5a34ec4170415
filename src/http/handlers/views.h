// JSON shapes shared by handlers, and small request helpers.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>

#include "common/result.h"
#include "domain/audit.h"
#include "domain/office.h"
#include "http/error_mapping.h"
#include "http/json_util.h"
#include "http/message.h"
#include "service/audit_log.h"
#include "service/context.h"
#include "service/page.h"
#include "service/user_view.h"

namespace hw::http {

boost::json::object UserJson(const service::UserView& v);
boost::json::object OfficeJson(const domain::Office& o);
boost::json::object AuditJson(const domain::AuditEntry& e);

// limit (1..200, default 50) and after; errors name the parameter.
Result<service::PageRequest> ParsePage(const Request& req);
service::RequestInfo InfoOf(const Request& req);
Response JsonOk(int status, const boost::json::object& body);
// Holds `res` back until `commit` (a read's audit entry) is committed; no-op when null.
void HoldUntilCommitted(Response& res, std::shared_ptr<service::AuditCommit> commit);

// 200 with {"items":[to_json(item)...],"next":...}, or the error of `page`.
template <typename T, typename F>
Response ListResponse(const Result<service::Page<T>>& page, const Request& req, F to_json) {
  if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
  boost::json::array items;
  for (const auto& item : page->items) items.push_back(to_json(item));
  return Response::Json(200, ListBody(std::move(items), page->next));
}

}  // namespace hw::http
