// Plain request/response values passed between the Beast connection code and the API handlers.
// Handlers never see Beast types: this keeps Beast/Asio templates inside server.cc alone.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hw::http {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // decoded path without query, e.g. /api/v1/users/42
  std::map<std::string, std::string> query;    // decoded query parameters (last one wins)
  std::map<std::string, std::string> headers;  // header names lower-cased
  std::string body;
  std::string remote_address;                 // peer IP, e.g. "127.0.0.1"
  std::string request_id;                     // set by the server for every request
  std::map<std::string, std::string> params;  // path parameters filled by the router

  // Header value or empty string.
  const std::string& Header(const std::string& lower_name) const;
  // Value of cookie `name` from the Cookie header, if present.
  std::optional<std::string> Cookie(const std::string& name) const;
  std::optional<std::string> Query(const std::string& name) const;
};

struct Response;

// How a deferred response gets made (Response::defer).
struct Deferred {
  // Runs `work` on one of the server's I/O threads, in the connection's turn.
  std::function<void(std::function<void()>)> post;
  // Sends the response (from any thread; call exactly once).
  std::function<void(Response)> finish;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, ...)
  std::string body;
  // Set when the body may go out only after something completes (a read's audit entry being
  // committed): the server calls it with a continuation and sends the response once that is
  // called with true, or a 503 without this body when called with false.
  std::function<void(std::function<void(bool)>)> hold;
  // Set when the response is made later, away from the I/O thread that took the request (a case
  // read waiting for its batched statement): the server calls it instead of sending anything,
  // and goes on with whatever is passed to `finish` (its own hold included). Nothing else of this
  // response is used. Nothing is read from the connection meanwhile.
  std::function<void(Deferred)> defer;

  static Response Json(int status, std::string body);
  static Response NoContent();
};

}  // namespace hw::http
