#include "http/security_headers.h"

#include <gtest/gtest.h>

#include <string>

namespace hw::http {
namespace {

int CountHeader(const Response& res, const std::string& name) {
  int n = 0;
  for (const auto& h : res.headers) n += h.first == name ? 1 : 0;
  return n;
}

std::string HeaderOf(const Response& res, const std::string& name) {
  for (const auto& [n, v] : res.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST(SecurityHeadersTest, NoStorePaths) {
  EXPECT_TRUE(IsNoStorePath("/healthz"));
  EXPECT_TRUE(IsNoStorePath("/api/v1/me"));
  EXPECT_TRUE(IsNoStorePath("/api"));
  EXPECT_FALSE(IsNoStorePath("/apiary"));
  EXPECT_FALSE(IsNoStorePath("/"));
  EXPECT_FALSE(IsNoStorePath("/assets/app.js"));
}

TEST(SecurityHeadersTest, SetsAllAndReplacesHandlerValues) {
  Response res = Response::Json(200, "{}");
  res.headers.emplace_back("x-frame-options", "SAMEORIGIN");
  res.headers.emplace_back("Cache-Control", "public");
  res.headers.emplace_back("Set-Cookie", "a=b");
  ApplySecurityHeaders(res, true);
  EXPECT_EQ(HeaderOf(res, "Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_NE(HeaderOf(res, "Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(HeaderOf(res, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(HeaderOf(res, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(HeaderOf(res, "X-Frame-Options"), "DENY");
  EXPECT_EQ(CountHeader(res, "x-frame-options"), 0);
  EXPECT_EQ(HeaderOf(res, "Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_EQ(HeaderOf(res, "Permissions-Policy"), "camera=(), microphone=(), geolocation=()");
  EXPECT_EQ(HeaderOf(res, "Cache-Control"), "no-store");
  EXPECT_EQ(CountHeader(res, "Cache-Control"), 1);
  EXPECT_EQ(HeaderOf(res, "Set-Cookie"), "a=b");
}

TEST(SecurityHeadersTest, KeepsHandlerCacheControlWithoutNoStore) {
  Response res;
  res.headers.emplace_back("Cache-Control", "no-cache");
  ApplySecurityHeaders(res, false);
  EXPECT_EQ(HeaderOf(res, "Cache-Control"), "no-cache");
}

}  // namespace
}  // namespace hw::http
