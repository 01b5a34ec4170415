// Server: the HTTP/1.1 front door of Homeward (Beast + Asio, hidden behind a pimpl so no Beast
// or Asio header leaks out of src/http/server.cc).
//
// Routing inside the server:
//   GET|HEAD /healthz  -> 200 {"status":"ok"}, answered by the server itself;
//   /api and /api/...  -> the `api` handler (typically a Router); an exception escaping it
//                         becomes 500 {"error":{"code":"internal","message":"internal error"}};
//   anything else      -> static files from `ui_dir` (see static_files.h).
// Every answer carries the security headers (security_headers.h), `Server: homeward` and
// `X-Request-Id`. The server itself answers 400 (malformed HTTP or request target, encoded
// '/', '\' or NUL in the path) and then closes, 413 when the body exceeds `body_limit`
// (decided from Content-Length before reading the body, or while reading a chunked one),
// 431 for oversized headers, and 503 to connections beyond `max_connections`.
//
// What a handler gets (message.h): method, percent-decoded path, decoded query (last value
// wins), lower-cased headers (repeats joined with ", ", cookies with "; "), the body, the
// peer address and a fresh request id (UUIDv7). Handlers run on an I/O thread and may block
// (e.g. on the database): a blocked handler holds up only connections served by that thread
// meanwhile, so size `threads` for the expected number of concurrent slow requests.
//
// Timeouts (slowloris and idle defence): a new connection must deliver a complete request
// header within `header_timeout`, the header of a later keep-alive request within
// `header_timeout` of its first byte, a body within `body_timeout`; a keep-alive connection
// idle longer than `idle_timeout` is closed; a response write must finish within
// `body_timeout`. Requests on one connection are handled in order (pipelining is sequential).
//
// Logging: one access line per request (method, path, status, duration, request id); never the
// query string, headers or bodies, which may hold personal data.
//
// Thread safety: Start(), Run() once each, from one thread; Stop() from any thread or a signal
// handler context of Asio (it is what SIGINT/SIGTERM trigger). Destroy the Server only after
// Run() has returned (or when it was never run).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "http/message.h"

namespace hw::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port, see Server::port()
  int threads = 0;             // I/O threads; 0 = std::thread::hardware_concurrency()
  size_t body_limit = 1 << 20;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds idle_timeout{60};
  size_t max_connections = 1024;  // beyond it a new connection gets 503 and is closed
  std::string ui_dir;             // built UI; empty = no UI (404 for non-API paths)
  bool handle_signals = true;     // Run() returns on SIGINT/SIGTERM (caught from Start() on)
};

// Same alias as in http/router.h (an identical redeclaration is allowed).
using Handler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, Handler api);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Errors: InvalidArgument for an unparsable address, Unavailable when the
  // address cannot be bound (port in use, no permission). Calling it again after success is a
  // no-op.
  Status Start();

  // The bound port (the actual one when options.port was 0); 0 before a successful Start().
  unsigned short port() const;

  // Serves on `threads` threads (the calling one included) until Stop() or, with
  // handle_signals, SIGINT/SIGTERM. Calls Start() first if needed and returns at once if that
  // fails (the error is logged). Requests in flight when it stops may be cut off.
  void Run();

  // Makes Run() return soon. Safe from any thread, also before Run() (Run then returns at once).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hw::http
