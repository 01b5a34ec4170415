// Response headers every answer of the server carries (API, static files, errors, /healthz).
// Beast-free: operates on hw::http::Response so it is unit-testable and shared by every path,
// including the server's own error answers (400, 413, 431, 503).
#pragma once

#include <string_view>

#include "http/message.h"

namespace hw::http {

// The UI is same-origin only: no inline scripts or styles, no framing, no plugins.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// True for paths whose answers must never be stored by a browser or proxy: /api/* and /healthz.
bool IsNoStorePath(std::string_view path);

// Sets the security headers on `res`, replacing any same-named header a handler set (names
// compare case-insensitively). With `no_store`, also forces `Cache-Control: no-store`; without
// it, a Cache-Control chosen by the handler (e.g. static assets) is kept.
void ApplySecurityHeaders(Response& res, bool no_store);

}  // namespace hw::http
