#include "http/static_files.h"

#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>
#include <vector>

namespace hw::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNotFoundBody =
    R"({"error":{"code":"not_found","message":"not found"}})";
constexpr size_t kMaxPathLength = 1024;

Response NotFound() { return Response::Json(404, std::string(kNotFoundBody)); }

bool IsSafeSegment(std::string_view seg) {
  if (seg.empty() || seg.front() == '.') return false;  // ".", "..", ".env", ".git"
  return seg.find_first_of(std::string_view("\\\0", 2)) == std::string_view::npos;
}

// The extension of the last segment, without the dot; empty when there is none.
std::string_view ExtensionOf(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = last.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : last.substr(dot + 1);
}

bool ReadFile(const fs::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

}  // namespace

std::string_view MimeTypeForExtension(std::string_view extension) {
  std::string ext(extension);
  for (char& c : ext) c = ToLower(c);
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"webmanifest", "application/manifest+json"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

StaticFiles::Resolved StaticFiles::Resolve(std::string_view path) const {
  Resolved r;
  if (root_.empty()) return r;
  if (path.empty() || path.front() != '/' || path.size() > kMaxPathLength) {
    r.lookup = Lookup::kRejected;
    return r;
  }
  fs::path relative;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (!seg.empty()) {  // "//" and a trailing "/" are harmless
      if (!IsSafeSegment(seg)) {
        r.lookup = Lookup::kRejected;
        return r;
      }
      relative /= std::string(seg);
    }
    start = end + 1;
  }
  if (relative.empty()) relative = "index.html";

  std::error_code ec;
  fs::path root = fs::canonical(root_, ec);
  if (ec) return r;
  fs::path file = fs::canonical(root / relative, ec);
  if (ec) return r;  // does not exist (or a dangling symlink)

  // The real path must lie under the real root, and no component of it may be a dot-file
  // (a symlink inside the root could point at one).
  fs::path inside = file.lexically_relative(root);
  if (inside.empty()) {
    r.lookup = Lookup::kRejected;
    return r;
  }
  for (const auto& part : inside) {
    std::string s = part.string();
    if (s.empty() || s.front() == '.') {
      r.lookup = Lookup::kRejected;
      return r;
    }
  }
  if (!fs::is_regular_file(file, ec)) return r;
  r.lookup = Lookup::kFound;
  r.file = std::move(file);
  r.relative = inside.generic_string();
  return r;
}

Response StaticFiles::Serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") {
    Response res = Response::Json(
        405, R"({"error":{"code":"method_not_allowed","message":"method not allowed"}})");
    res.headers.emplace_back("Allow", "GET, HEAD");
    return res;
  }
  Resolved found = Resolve(req.path);
  if (found.lookup == Lookup::kRejected) return NotFound();
  if (found.lookup == Lookup::kMissing) {
    if (!ExtensionOf(req.path).empty()) return NotFound();
    found = Resolve("/index.html");  // single-page app route
    if (found.lookup != Lookup::kFound) return NotFound();
  }
  Response res;
  if (!ReadFile(found.file, res.body)) return NotFound();
  res.status = 200;
  res.content_type = std::string(MimeTypeForExtension(ExtensionOf(found.relative)));
  // Vite puts content-hashed names under assets/: safe to cache forever. Anything else
  // (index.html above all) must be revalidated so a new release is picked up.
  bool immutable = found.relative.starts_with("assets/");
  res.headers.emplace_back("Cache-Control",
                           immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return res;
}

}  // namespace hw::http
