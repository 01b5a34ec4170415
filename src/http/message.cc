#include "http/message.h"

namespace hw::http {

const std::string& Request::Header(const std::string& lower_name) const {
  static const std::string kEmpty;
  auto it = headers.find(lower_name);
  return it == headers.end() ? kEmpty : it->second;
}

std::optional<std::string> Request::Cookie(const std::string& name) const {
  const std::string& cookie = Header("cookie");
  size_t pos = 0;
  while (pos < cookie.size()) {
    size_t end = cookie.find(';', pos);
    if (end == std::string::npos) end = cookie.size();
    size_t start = cookie.find_first_not_of(' ', pos);
    if (start < end) {
      size_t eq = cookie.find('=', start);
      if (eq != std::string::npos && eq < end && cookie.compare(start, eq - start, name) == 0 &&
          eq - start == name.size()) {
        return cookie.substr(eq + 1, end - eq - 1);
      }
    }
    pos = end + 1;
  }
  return std::nullopt;
}

std::optional<std::string> Request::Query(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Response Response::Json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace hw::http
