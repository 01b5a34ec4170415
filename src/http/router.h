// Router: maps (method, path) to a handler, with `{name}` path parameters.
//
//   Router r;
//   r.Add("GET", "/api/v1/users/{id}", GetUser);
//   Response res = r.Dispatch(req);  // fills req.params["id"]
//
// Matching is by whole segments over a prebuilt trie (no regex, no allocation per segment
// beyond the captured parameter values). A literal segment beats a parameter at the same
// position, so "/users/me" and "/users/{id}" can coexist. A trailing slash or an empty
// segment never matches. Paths are matched as given: the server has already percent-decoded
// them (and refused encoded slashes), so a parameter value never contains '/'.
//
// Answers: no route for the path -> 404 {"error":{"code":"not_found",...}}; a route exists
// for the path but not the method -> 405 {"error":{"code":"method_not_allowed",...}} with an
// `Allow` header. Exceptions thrown by handlers propagate to the caller (the server turns
// them into 500).
//
// Thread safety: Add() only during setup; Dispatch() is const and safe to call concurrently.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace hw::http {
namespace detail {
struct RouteNode;  // defined in router.cc
}  // namespace detail

// Same alias as in http/server.h (an identical redeclaration is allowed).
using Handler = std::function<Response(Request&)>;

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // `method` is upper-case ("GET"); `pattern` starts with '/' and each parameter is a whole
  // segment `{name}`. Throws std::invalid_argument on a malformed pattern or a duplicate
  // (method, pattern shape): both are programming errors caught at startup.
  void Add(std::string method, std::string pattern, Handler handler);

  // Runs the matching handler, or answers 404/405 as described above.
  Response Dispatch(Request& req) const;

 private:
  std::unique_ptr<detail::RouteNode> root_;
};

}  // namespace hw::http
