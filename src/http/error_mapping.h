// The one place where a Status becomes an HTTP status and error body:
// {"error":{"code":"invalid_argument","message":"...","fields":{"name":"..."}}}
// Internal messages are logged (with the request id) and never sent.
#pragma once

#include <string>

#include "common/status.h"
#include "http/message.h"

namespace hw::http {

int HttpStatusFor(const Status& status);
Response ErrorResponse(const Status& status, const std::string& request_id);
// An error with an explicit HTTP status and code (400 invalid_json, 413, ...).
Response ErrorResponse(int http_status, const std::string& code, const std::string& message);

}  // namespace hw::http
