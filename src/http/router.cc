#include "http/router.h"

#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace hw::http {

namespace detail {

struct RouteNode {
  struct Endpoint {
    std::vector<std::string> param_names;  // in path order
    Handler handler;
  };
  std::map<std::string, std::unique_ptr<RouteNode>, std::less<>> literals;
  std::unique_ptr<RouteNode> param;           // child matching any non-empty segment
  std::map<std::string, Endpoint> endpoints;  // by method
};

}  // namespace detail

namespace {

using Segments = std::vector<std::string_view>;
using Node = detail::RouteNode;

// "/a/b" -> {"a","b"}; "/" -> {}; "/a/" -> {"a",""}.
Segments Split(std::string_view path) {
  Segments out;
  if (path.empty() || path.front() != '/') return out;
  if (path.size() == 1) return out;
  size_t start = 1;
  while (true) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) {
      out.push_back(path.substr(start));
      break;
    }
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsParamSegment(std::string_view s) {
  return s.size() >= 3 && s.front() == '{' && s.back() == '}';
}

bool IsValidParamName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

struct Match {
  const Node::Endpoint* endpoint = nullptr;
  std::vector<std::string_view> captures;
};

// Depth-first, literal before parameter. Stops at the first node that has `method`; otherwise
// collects the methods of every node matching the path into `allowed` (for 405).
bool Find(const Node& node, const Segments& segs, size_t i, const std::string& method,
          std::vector<std::string_view>& captures, Match& out, std::set<std::string>& allowed) {
  if (i == segs.size()) {
    auto it = node.endpoints.find(method);
    if (it != node.endpoints.end()) {
      out.endpoint = &it->second;
      out.captures = captures;
      return true;
    }
    for (const auto& [m, unused] : node.endpoints) allowed.insert(m);
    return false;
  }
  std::string_view seg = segs[i];
  if (auto it = node.literals.find(seg); it != node.literals.end()) {
    if (Find(*it->second, segs, i + 1, method, captures, out, allowed)) return true;
  }
  if (node.param && !seg.empty()) {
    captures.push_back(seg);
    if (Find(*node.param, segs, i + 1, method, captures, out, allowed)) return true;
    captures.pop_back();
  }
  return false;
}

}  // namespace

Router::Router() : root_(std::make_unique<detail::RouteNode>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(std::string method, std::string pattern, Handler handler) {
  if (method.empty() || !handler) throw std::invalid_argument("router: empty method or handler");
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("router: pattern must start with '/': " + pattern);
  }
  detail::RouteNode* node = root_.get();
  std::vector<std::string> names;
  for (std::string_view seg : Split(pattern)) {
    if (seg.empty()) throw std::invalid_argument("router: empty segment in " + pattern);
    if (IsParamSegment(seg)) {
      std::string name(seg.substr(1, seg.size() - 2));
      if (!IsValidParamName(name))
        throw std::invalid_argument("router: bad parameter in " + pattern);
      for (const auto& n : names) {
        if (n == name) throw std::invalid_argument("router: repeated parameter in " + pattern);
      }
      names.push_back(std::move(name));
      if (!node->param) node->param = std::make_unique<detail::RouteNode>();
      node = node->param.get();
    } else {
      if (seg.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("router: braces must enclose a whole segment in " + pattern);
      }
      auto& child = node->literals[std::string(seg)];
      if (!child) child = std::make_unique<detail::RouteNode>();
      node = child.get();
    }
  }
  auto [it, inserted] = node->endpoints.try_emplace(std::move(method));
  if (!inserted)
    throw std::invalid_argument("router: duplicate route " + it->first + " " + pattern);
  it->second.param_names = std::move(names);
  it->second.handler = std::move(handler);
}

Response Router::Dispatch(Request& req) const {
  Segments segs = Split(req.path);
  if (req.path.empty() || req.path.front() != '/') segs.assign(1, std::string_view());  // no match
  std::vector<std::string_view> captures;
  Match match;
  std::set<std::string> allowed;
  if (Find(*root_, segs, 0, req.method, captures, match, allowed)) {
    const auto& names = match.endpoint->param_names;
    for (size_t i = 0; i < names.size() && i < match.captures.size(); ++i) {
      req.params[names[i]] = std::string(match.captures[i]);
    }
    return match.endpoint->handler(req);
  }
  if (allowed.empty()) {
    return Response::Json(404, R"({"error":{"code":"not_found","message":"no such route"}})");
  }
  std::string allow;
  for (const auto& m : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += m;
  }
  Response res = Response::Json(
      405, R"({"error":{"code":"method_not_allowed","message":"method not allowed"}})");
  res.headers.emplace_back("Allow", std::move(allow));
  return res;
}

}  // namespace hw::http
