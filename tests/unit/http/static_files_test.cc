#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace hw::http {
namespace {

namespace fs = std::filesystem;
using Lookup = StaticFiles::Lookup;

void WriteFile(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string HeaderOf(const Response& res, const std::string& name) {
  for (const auto& [n, v] : res.headers) {
    if (n == name) return v;
  }
  return "";
}

// base/
//   secret.txt          outside the root
//   outside/            outside the root
//   ui/                 the root
//     index.html, favicon.ico, assets/app-1a2b.js, assets/style.css, .env, .git/config
//     link-out.txt -> ../secret.txt, dir-out -> ../outside, link-in.js -> assets/app-1a2b.js
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ =
        fs::temp_directory_path() / ("hw_static_test_" + std::to_string(std::random_device{}()));
    root_ = base_ / "ui";
    WriteFile(base_ / "secret.txt", "TOP SECRET");
    WriteFile(base_ / "outside" / "x.js", "outside");
    WriteFile(root_ / "index.html", "<!doctype html><title>Homeward</title>");
    WriteFile(root_ / "favicon.ico", "ico");
    WriteFile(root_ / "assets" / "app-1a2b.js", "console.log(1)");
    WriteFile(root_ / "assets" / "style.css", "body{}");
    WriteFile(root_ / ".env", "KEY=1");
    WriteFile(root_ / ".git" / "config", "[core]");
    fs::create_symlink("../secret.txt", root_ / "link-out.txt");
    fs::create_directory_symlink("../outside", root_ / "dir-out");
    fs::create_symlink("assets/app-1a2b.js", root_ / "link-in.js");
    fs::create_symlink(".env", root_ / "env-link");
  }
  void TearDown() override { fs::remove_all(base_); }

  Response Get(const std::string& path, const std::string& method = "GET") {
    Request req;
    req.method = method;
    req.path = path;
    return StaticFiles(root_.string()).Serve(req);
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  Response index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(index, "Cache-Control"), "no-cache");
  EXPECT_NE(index.body.find("Homeward"), std::string::npos);

  Response js = Get("/assets/app-1a2b.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js.body, "console.log(1)");

  EXPECT_EQ(Get("/assets/style.css").content_type, "text/css; charset=utf-8");
  Response ico = Get("/favicon.ico");
  EXPECT_EQ(ico.content_type, "image/x-icon");
  EXPECT_EQ(HeaderOf(ico, "Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/index.html").status, 200);
  EXPECT_EQ(Get("/link-in.js").status, 200);  // a symlink that stays inside is fine
  EXPECT_EQ(Get("/assets/app-1a2b.js", "HEAD").status, 200);
}

TEST_F(StaticFilesTest, SinglePageAppFallback) {
  for (const char* path : {"/cases", "/cases/123", "/admin/users/", "/assets"}) {
    Response res = Get(path);
    EXPECT_EQ(res.status, 200) << path;
    EXPECT_EQ(res.content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(HeaderOf(res, "Cache-Control"), "no-cache") << path;
  }
  // A missing file with an extension is a real 404, not the app.
  EXPECT_EQ(Get("/assets/missing.js").status, 404);
  EXPECT_EQ(Get("/robots.txt").status, 404);
}

TEST_F(StaticFilesTest, RejectsTraversalDotfilesAndEscapes) {
  // Paths as the server hands them over: already percent-decoded, so "%2e%2e" arrives as ".."
  // and an encoded slash as '/' (the server itself refuses %2F with 400 before this).
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/assets/../index.html", "/./index.html",
        "/..", "/.env", "/.git/config", "/assets/.hidden", "/link-out.txt", "/dir-out/x.js",
        "/env-link", "/a\\..\\..\\secret.txt", "/..\\secret.txt"}) {
    StaticFiles files(root_.string());
    EXPECT_EQ(files.Resolve(path).lookup, Lookup::kRejected) << path;
    Response res = Get(path);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.body.find("SECRET"), std::string::npos) << path;
    EXPECT_NE(res.body.find(R"("code":"not_found")"), std::string::npos) << path;
  }
  std::string with_nul("/index.html\0.js", 15);
  EXPECT_EQ(StaticFiles(root_.string()).Resolve(with_nul).lookup, Lookup::kRejected);
  EXPECT_EQ(StaticFiles(root_.string()).Resolve("relative").lookup, Lookup::kRejected);
  EXPECT_EQ(StaticFiles(root_.string()).Resolve("/" + std::string(2000, 'a')).lookup,
            Lookup::kRejected);
  // Undecoded escapes are just odd names that do not exist.
  EXPECT_EQ(StaticFiles(root_.string()).Resolve("/%2e%2e/secret.txt").lookup, Lookup::kMissing);
  EXPECT_EQ(Get("/%2e%2e/secret.txt").status, 404);
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  Response res = Get("/index.html", "POST");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(HeaderOf(res, "Allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, NoRootOrMissingRootIs404) {
  Request req;
  req.method = "GET";
  req.path = "/";
  Response none = StaticFiles("").Serve(req);
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(none.body, R"({"error":{"code":"not_found","message":"not found"}})");
  EXPECT_EQ(StaticFiles((base_ / "nope").string()).Serve(req).status, 404);
  req.path = "/cases/1";
  EXPECT_EQ(StaticFiles((base_ / "nope").string()).Serve(req).status, 404);
}

TEST(MimeTypeTest, KnownAndUnknown) {
  EXPECT_EQ(MimeTypeForExtension("html"), "text/html; charset=utf-8");
  EXPECT_EQ(MimeTypeForExtension("JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MimeTypeForExtension("css"), "text/css; charset=utf-8");
  EXPECT_EQ(MimeTypeForExtension("svg"), "image/svg+xml");
  EXPECT_EQ(MimeTypeForExtension("png"), "image/png");
  EXPECT_EQ(MimeTypeForExtension("ico"), "image/x-icon");
  EXPECT_EQ(MimeTypeForExtension("json"), "application/json");
  EXPECT_EQ(MimeTypeForExtension("woff2"), "font/woff2");
  EXPECT_EQ(MimeTypeForExtension("map"), "application/json");
  EXPECT_EQ(MimeTypeForExtension("exe"), "application/octet-stream");
  EXPECT_EQ(MimeTypeForExtension(""), "application/octet-stream");
}

}  // namespace
}  // namespace hw::http
