#include "common/status.h"

namespace hw {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kPermissionDenied:
      return "permission_denied";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kRateLimited:
      return "rate_limited";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Status::ToString() const {
  std::string out = StatusCodeName(code_);
  if (!message_.empty()) out.append(": ").append(message_);
  for (const auto& [field, msg] : fields_)
    out.append(" [").append(field).append(": ").append(msg).append("]");
  return out;
}

}  // namespace hw
