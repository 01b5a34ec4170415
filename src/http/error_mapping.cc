#include "http/error_mapping.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

namespace hw::http {

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 422;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kRateLimited:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(int http_status, const std::string& code, const std::string& message) {
  boost::json::object err{{"code", code}, {"message", message}};
  return Response::Json(http_status, boost::json::serialize(boost::json::object{{"error", err}}));
}

Response ErrorResponse(const Status& s, const std::string& request_id) {
  int http_status = s.reason() == "invalid_json" ? 400 : HttpStatusFor(s);
  boost::json::object err;
  // An internal failure's reason (e.g. decrypt_failed) is for the log, not for the client.
  std::string code = s.reason().empty() || s.code() == StatusCode::kInternal
                         ? StatusCodeName(s.code())
                         : s.reason();
  err["code"] = code;
  if (s.code() == StatusCode::kInternal || s.code() == StatusCode::kUnavailable) {
    spdlog::error("request {} failed: {}", request_id, s.message());
    err["message"] =
        s.code() == StatusCode::kInternal ? "internal error" : "service temporarily unavailable";
    err["request_id"] = request_id;
  } else {
    err["message"] = s.message();
  }
  if (!s.fields().empty()) {
    boost::json::object fields;
    for (const auto& [name, msg] : s.fields()) fields[name] = msg;
    err["fields"] = std::move(fields);
  }
  for (const auto& [key, value] : s.details()) err[key] = value;
  Response r =
      Response::Json(http_status, boost::json::serialize(boost::json::object{{"error", err}}));
  if (s.code() == StatusCode::kRateLimited) {
    r.headers.emplace_back("Retry-After", std::to_string(s.retry_after_seconds()));
  }
  return r;
}

}  // namespace hw::http
