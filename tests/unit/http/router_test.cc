#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace hw::http {
namespace {

Handler Reply(std::string tag) {
  return [tag](Request&) { return Response::Json(200, tag); };
}

Request Req(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

std::string HeaderOf(const Response& res, const std::string& name) {
  for (const auto& [n, v] : res.headers) {
    if (n == name) return v;
  }
  return "";
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/users", Reply("list"));
    router_.Add("POST", "/api/v1/users", Reply("create"));
    router_.Add("GET", "/api/v1/users/me", Reply("me"));
    router_.Add("GET", "/api/v1/users/{id}", Reply("get"));
    router_.Add("PATCH", "/api/v1/users/{user_id}", Reply("patch"));
    router_.Add("GET", "/api/v1/offices/{office}/users/{id}", Reply("office-user"));
    router_.Add("DELETE", "/api/v1/session", Reply("logout"));
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralRoutesByMethod) {
  Request get = Req("GET", "/api/v1/users");
  EXPECT_EQ(router_.Dispatch(get).body, "list");
  Request post = Req("POST", "/api/v1/users");
  EXPECT_EQ(router_.Dispatch(post).body, "create");
  Request del = Req("DELETE", "/api/v1/session");
  EXPECT_EQ(router_.Dispatch(del).body, "logout");
}

TEST_F(RouterTest, FillsParams) {
  Request r = Req("GET", "/api/v1/offices/off-1/users/42");
  Response res = router_.Dispatch(r);
  EXPECT_EQ(res.body, "office-user");
  EXPECT_EQ(r.params.at("office"), "off-1");
  EXPECT_EQ(r.params.at("id"), "42");
}

TEST_F(RouterTest, ParamNamesArePerRoute) {
  Request get = Req("GET", "/api/v1/users/7");
  EXPECT_EQ(router_.Dispatch(get).body, "get");
  EXPECT_EQ(get.params.at("id"), "7");
  Request patch = Req("PATCH", "/api/v1/users/7");
  EXPECT_EQ(router_.Dispatch(patch).body, "patch");
  EXPECT_EQ(patch.params.at("user_id"), "7");
  EXPECT_EQ(patch.params.count("id"), 0u);
}

TEST_F(RouterTest, LiteralBeatsParamButFallsBackForOtherMethods) {
  Request me = Req("GET", "/api/v1/users/me");
  EXPECT_EQ(router_.Dispatch(me).body, "me");
  EXPECT_TRUE(me.params.empty());
  // "me" has no PATCH route of its own: the parameter route takes it.
  Request patch = Req("PATCH", "/api/v1/users/me");
  EXPECT_EQ(router_.Dispatch(patch).body, "patch");
  EXPECT_EQ(patch.params.at("user_id"), "me");
}

TEST_F(RouterTest, UnknownPathIs404) {
  for (const char* path : {"/api/v1/nope", "/api/v1/users/1/extra", "/api/v1/users/",
                           "/api/v1//users", "/", "", "api/v1/users"}) {
    Request r = Req("GET", path);
    Response res = router_.Dispatch(r);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.body, R"({"error":{"code":"not_found","message":"no such route"}})");
  }
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  Request r = Req("PUT", "/api/v1/users");
  Response res = router_.Dispatch(r);
  EXPECT_EQ(res.status, 405);
  EXPECT_NE(res.body.find(R"("code":"method_not_allowed")"), std::string::npos);
  EXPECT_EQ(HeaderOf(res, "Allow"), "GET, POST");

  Request d = Req("DELETE", "/api/v1/users/me");  // union of both matching routes
  Response res2 = router_.Dispatch(d);
  EXPECT_EQ(res2.status, 405);
  EXPECT_EQ(HeaderOf(res2, "Allow"), "GET, PATCH");
}

TEST(RouterAddTest, RejectsMalformedPatterns) {
  Router r;
  EXPECT_THROW(r.Add("GET", "api/v1", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/api//x", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/api/{}", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/api/x{id}", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/api/{a-b}", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/api/{id}/{id}", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("", "/api", Reply("x")), std::invalid_argument);
  EXPECT_THROW(r.Add("GET", "/api", Handler()), std::invalid_argument);
}

TEST(RouterAddTest, RejectsDuplicatesOfTheSameShape) {
  Router r;
  r.Add("GET", "/api/users/{id}", Reply("a"));
  EXPECT_THROW(r.Add("GET", "/api/users/{other}", Reply("b")), std::invalid_argument);
  EXPECT_NO_THROW(r.Add("POST", "/api/users/{other}", Reply("b")));
}

TEST(RouterAddTest, RootRoute) {
  Router r;
  r.Add("GET", "/", Reply("root"));
  Request req = Req("GET", "/");
  EXPECT_EQ(r.Dispatch(req).body, "root");
}

TEST(RouterAddTest, HandlerExceptionsPropagate) {
  Router r;
  r.Add("GET", "/boom", [](Request&) -> Response { throw std::runtime_error("boom"); });
  Request req = Req("GET", "/boom");
  EXPECT_THROW(r.Dispatch(req), std::runtime_error);
}

}  // namespace
}  // namespace hw::http
