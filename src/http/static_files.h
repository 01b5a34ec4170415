// StaticFiles: serves the built UI (web/dist) for every path the API does not own.
//
// Safety: the request path (already percent-decoded by the server) is split into segments;
// any ".", "..", dot-file / dot-directory segment, backslash or NUL is rejected outright, the
// candidate is resolved with realpath and must stay under the real root (so a symlink cannot
// lead outside it), and only regular files are served.
//
// Behaviour: GET and HEAD only (others -> 405 with `Allow: GET, HEAD`). A missing file whose
// last segment has no extension serves index.html (single-page app routes such as
// /cases/123). Files under assets/ (content-hashed by Vite) are cached for a year; everything
// else, index.html included, gets `Cache-Control: no-cache`. No root configured, a missing root
// or a rejected / missing file -> 404 {"error":{"code":"not_found",...}}.
//
// Files are read from disk on every request (no cache), so a rebuilt UI is picked up at once.
// Thread safety: immutable after construction; Serve() may be called concurrently.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "http/message.h"

namespace hw::http {

class StaticFiles {
 public:
  enum class Lookup {
    kFound,     // `file` is a regular file inside the root
    kMissing,   // a well-formed path that names no file (SPA fallback may apply)
    kRejected,  // unsafe path: never served, never falls back
  };
  struct Resolved {
    Lookup lookup = Lookup::kMissing;
    std::filesystem::path file;  // canonical; set only when kFound
    std::string relative;        // file relative to the real root ("assets/app.js"); when kFound
  };

  // `root` may be empty: then every request gets 404.
  explicit StaticFiles(std::string root);

  Response Serve(const Request& req) const;

  // Maps a decoded URL path ("/assets/app.js") to a file under the root. Exposed for tests.
  Resolved Resolve(std::string_view path) const;

 private:
  std::string root_;
};

// MIME type for a file extension without the dot ("js"); application/octet-stream if unknown.
std::string_view MimeTypeForExtension(std::string_view extension);

}  // namespace hw::http
