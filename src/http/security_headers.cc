#include "http/security_headers.h"

#include <algorithm>
#include <string>
#include <utility>

namespace hw::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) {
             return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
           };
           return lower(x) == lower(y);
         });
}

void SetHeader(Response& res, std::string_view name, std::string_view value) {
  std::erase_if(res.headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  res.headers.emplace_back(std::string(name), std::string(value));
}

}  // namespace

bool IsNoStorePath(std::string_view path) {
  return path == "/healthz" || path == "/api" || path.starts_with("/api/");
}

void ApplySecurityHeaders(Response& res, bool no_store) {
  SetHeader(res, "Content-Security-Policy", kContentSecurityPolicy);
  SetHeader(res, "X-Content-Type-Options", "nosniff");
  SetHeader(res, "Referrer-Policy", "no-referrer");
  SetHeader(res, "X-Frame-Options", "DENY");
  SetHeader(res, "Cross-Origin-Opener-Policy", "same-origin");
  SetHeader(res, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (no_store) SetHeader(res, "Cache-Control", "no-store");
}

}  // namespace hw::http
