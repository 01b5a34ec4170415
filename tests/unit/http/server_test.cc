#include "http/server.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/id.h"
#include "http/security_headers.h"
#include "unit/http/raw_http_client.h"

namespace hw::http {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test_client::Get;
using test_client::RawClient;
using test_client::RawResponse;

// Runs a Server on an ephemeral port in a background thread for the lifetime of the object.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options, Handler api = {}) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    if (options.threads == 0) options.threads = 2;
    server_ = std::make_unique<Server>(std::move(options), std::move(api));
    Status s = server_->Start();
    EXPECT_TRUE(s.ok()) << s.ToString();
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  unsigned short port() const { return server_->port(); }
  RawClient Connect() const { return RawClient(port()); }

  std::optional<RawResponse> Fetch(const std::string& request) const {
    RawClient c = Connect();
    if (!c.Send(request)) return std::nullopt;
    return c.Read();
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

ServerOptions FastTimeouts() {
  ServerOptions o;
  o.header_timeout = 1s;
  o.body_timeout = 2s;
  o.idle_timeout = 1s;
  return o;
}

void ExpectSecurityHeaders(const RawResponse& res, bool with_request_id = true) {
  EXPECT_EQ(res.Header("content-security-policy"), kContentSecurityPolicy);
  EXPECT_EQ(res.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(res.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(res.Header("x-frame-options"), "DENY");
  EXPECT_EQ(res.Header("cross-origin-opener-policy"), "same-origin");
  EXPECT_EQ(res.Header("permissions-policy"), "camera=(), microphone=(), geolocation=()");
  EXPECT_EQ(res.Header("server"), "homeward");
  if (with_request_id) {
    EXPECT_TRUE(IsValidId(res.Header("x-request-id"))) << res.Header("x-request-id");
  }
}

// Captures everything logged through spdlog's default logger while alive.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  std::string Text() {
    spdlog::default_logger()->flush();
    return out_.str();
  }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream out_;
};

TEST(ServerTest, StartFailsWhenPortIsTaken) {
  RunningServer first(FastTimeouts());
  ServerOptions o;
  o.port = first.port();
  o.handle_signals = false;
  Server second(o, {});
  Status s = second.Start();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);

  o.address = "not an address";
  Server third(o, {});
  EXPECT_EQ(third.Start().code(), StatusCode::kInvalidArgument);
}

TEST(ServerTest, StopBeforeRunReturns) {
  ServerOptions o;
  o.port = 0;
  o.handle_signals = false;
  Server s(o, {});
  ASSERT_TRUE(s.Start().ok());
  EXPECT_NE(s.port(), 0);
  s.Stop();
  s.Run();  // returns at once
}

TEST(ServerTest, HealthzAnswersWithSecurityHeaders) {
  std::atomic<int> api_calls{0};
  RunningServer server(FastTimeouts(), [&](Request&) {
    ++api_calls;
    return Response::Json(200, "{}");
  });
  auto res = server.Fetch(Get("/healthz"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"status":"ok"})");
  EXPECT_EQ(res->Header("content-type"), "application/json");
  EXPECT_EQ(res->Header("cache-control"), "no-store");
  ExpectSecurityHeaders(*res);
  EXPECT_EQ(api_calls.load(), 0);

  auto post = server.Fetch("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST(ServerTest, ApiHandlerGetsAPlainRequest) {
  std::mutex mu;
  Request seen;
  RunningServer server(FastTimeouts(), [&](Request& req) {
    std::lock_guard lock(mu);
    seen = req;
    Response res = Response::Json(201, R"({"ok":true})");
    res.headers.emplace_back("Set-Cookie", "hw_session=abc; HttpOnly");
    res.headers.emplace_back("Cache-Control", "public");     // overridden: API is no-store
    res.headers.emplace_back("Content-Length", "99999");     // reserved: dropped
    res.headers.emplace_back("X-Evil", "a\r\nInjected: 1");  // header injection: dropped
    return res;
  });
  auto res = server.Fetch(
      "POST /api/v1/items/a%20b?q=x%20y&q=z&plus=a+b&flag HTTP/1.1\r\nHost: x\r\n"
      "X-CSRF-Token: t1\r\nCookie: a=1\r\nCookie: b=2\r\nContent-Type: application/json\r\n"
      "Content-Length: 9\r\n\r\n{\"k\":\"v\"}");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201);
  EXPECT_EQ(res->body, R"({"ok":true})");
  EXPECT_EQ(res->Header("set-cookie"), "hw_session=abc; HttpOnly");
  EXPECT_EQ(res->Header("cache-control"), "no-store");
  EXPECT_EQ(res->Header("content-length"), "11");
  EXPECT_FALSE(res->Has("x-evil"));
  EXPECT_FALSE(res->Has("injected"));
  ExpectSecurityHeaders(*res);

  std::lock_guard lock(mu);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.path, "/api/v1/items/a b");
  EXPECT_EQ(seen.query.at("q"), "z");
  EXPECT_EQ(seen.query.at("plus"), "a b");
  EXPECT_EQ(seen.query.count("flag"), 1u);
  EXPECT_EQ(seen.Header("x-csrf-token"), "t1");
  EXPECT_EQ(seen.Header("cookie"), "a=1; b=2");
  EXPECT_EQ(seen.Cookie("b"), "2");
  EXPECT_EQ(seen.body, R"({"k":"v"})");
  EXPECT_EQ(seen.remote_address, "127.0.0.1");
  EXPECT_TRUE(IsValidId(seen.request_id));
  EXPECT_EQ(res->Header("x-request-id"), seen.request_id);
}

TEST(ServerTest, ApiExceptionBecomes500) {
  RunningServer server(FastTimeouts(), [](Request&) -> Response {
    throw std::runtime_error("db exploded: SELECT * FROM person");
  });
  auto res = server.Fetch(Get("/api/v1/boom"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(res->body, R"({"error":{"code":"internal","message":"internal error"}})");
  ExpectSecurityHeaders(*res);
}

TEST(ServerTest, NoContentHasNoBodyOrType) {
  RunningServer server(FastTimeouts(), [](Request&) {
    Response r = Response::NoContent();
    r.body = "ignored";
    return r;
  });
  RawClient c = server.Connect();
  ASSERT_TRUE(c.Send("DELETE /api/v1/session HTTP/1.1\r\nHost: x\r\n\r\n" + Get("/healthz")));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_FALSE(res->Has("content-type"));
  EXPECT_EQ(res->Header("cache-control"), "no-store");
  auto next = c.Read();  // proves no stray body bytes were sent after the 204
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

// Polls `ready` under `mu` every 10 ms for up to 5 s: true once it holds.
bool WaitUntil(std::mutex& mu, const std::function<bool()>& ready) {
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(mu);
      if (ready()) return true;
    }
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

// A response held until something completes (a read's audit entry): sent once released with
// true, replaced by a 503 when released with false; the connection keeps working either way.
TEST(ServerTest, HeldResponsesGoOutOnlyWhenReleased) {
  std::mutex mu;
  std::vector<std::function<void(bool)>> releases;
  RunningServer server(FastTimeouts(), [&](Request& req) {
    Response res = Response::Json(200, R"({"secret":")" + req.path + R"("})");
    res.hold = [&](std::function<void(bool)> release) {
      std::lock_guard lock(mu);
      releases.push_back(std::move(release));
    };
    return res;
  });
  auto wait_for_holds = [&](size_t n) {
    return WaitUntil(mu, [&] { return releases.size() >= n; });
  };
  RawClient c = server.Connect();
  ASSERT_TRUE(c.Send(Get("/api/v1/one")));
  ASSERT_TRUE(wait_for_holds(1));
  std::thread([&] {
    std::lock_guard lock(mu);
    releases[0](true);  // from another thread, as the audit writer does
  }).join();
  auto ok = c.Read();
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, R"({"secret":"/api/v1/one"})");
  ExpectSecurityHeaders(*ok);

  ASSERT_TRUE(c.Send(Get("/api/v1/two")));
  ASSERT_TRUE(wait_for_holds(2));
  {
    std::lock_guard lock(mu);
    releases[1](false);
  }
  auto refused = c.Read();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->body.find("secret"), std::string::npos);
  EXPECT_EQ(refused->Header("cache-control"), "no-store");
  // The continuations keep their connections alive: drop them while the server still exists.
  std::lock_guard lock(mu);
  releases.clear();
}

// A response made later (a case read waiting for its batched statement): `finish` from another
// thread sends it, work handed to `post` runs on an I/O thread, a hold on the finished response
// still applies, and a throw in the deferred work becomes a 500. The connection keeps working.
TEST(ServerTest, DeferredResponsesGoOutWhenFinished) {
  std::mutex mu;
  std::vector<Deferred> pending;
  std::vector<std::function<void(bool)>> releases;
  RunningServer server(FastTimeouts(), [&](Request& req) {
    Response res;
    res.defer = [&mu, &pending](Deferred d) {
      std::lock_guard lock(mu);
      pending.push_back(std::move(d));
    };
    if (req.path == "/api/v1/now") return Response::Json(200, R"({"now":true})");
    return res;
  });
  auto wait_for = [&](size_t n) { return WaitUntil(mu, [&] { return pending.size() >= n; }); };
  RawClient c = server.Connect();
  // 1. finished from another thread
  ASSERT_TRUE(c.Send(Get("/api/v1/one")));
  ASSERT_TRUE(wait_for(1));
  std::thread([&] {
    std::lock_guard lock(mu);
    pending[0].finish(Response::Json(200, R"({"n":1})"));
  }).join();
  auto one = c.Read();
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(one->body, R"({"n":1})");
  ExpectSecurityHeaders(*one);

  // 2. made in posted work, held until released
  ASSERT_TRUE(c.Send(Get("/api/v1/two")));
  ASSERT_TRUE(wait_for(2));
  std::atomic<bool> ran{false};
  {
    std::lock_guard lock(mu);
    Deferred d = pending[1];
    d.post([d, &ran, &mu, &releases] {
      ran = true;
      Response res = Response::Json(200, R"({"n":2})");
      res.hold = [&mu, &releases](std::function<void(bool)> release) {
        std::lock_guard inner(mu);
        releases.push_back(std::move(release));
      };
      d.finish(std::move(res));
    });
  }
  WaitUntil(mu, [&] { return !releases.empty(); });
  EXPECT_TRUE(ran.load());
  {
    std::lock_guard lock(mu);
    ASSERT_EQ(releases.size(), 1u);
    releases[0](true);
  }
  auto two = c.Read();
  ASSERT_TRUE(two);
  EXPECT_EQ(two->status, 200);
  EXPECT_EQ(two->body, R"({"n":2})");

  // 3. posted work that throws
  ASSERT_TRUE(c.Send(Get("/api/v1/three")));
  ASSERT_TRUE(wait_for(3));
  {
    std::lock_guard lock(mu);
    pending[2].post([] { throw std::runtime_error("out of memory, say"); });
  }
  auto three = c.Read();
  ASSERT_TRUE(three);
  EXPECT_EQ(three->status, 500);
  EXPECT_NE(three->body.find("internal"), std::string::npos);

  // The connection still answers in order.
  ASSERT_TRUE(c.Send(Get("/api/v1/now")));
  auto now = c.Read();
  ASSERT_TRUE(now);
  EXPECT_EQ(now->body, R"({"now":true})");
  std::lock_guard lock(mu);
  pending.clear();
  releases.clear();
}

TEST(ServerTest, HttpOneZeroAndHeadAreFramedByTheServer) {
  RunningServer server(FastTimeouts(), [](Request&) { return Response::Json(200, "{\"a\":1}"); });
  RawClient c = server.Connect();
  ASSERT_TRUE(c.Send("GET /api/v1/x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->Header("connection"), "keep-alive");
  EXPECT_EQ(res->Header("content-length"), "7");
  ASSERT_TRUE(c.Send("HEAD /api/v1/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  auto head = c.Read(5s, /*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "7");  // what GET would send
  EXPECT_EQ(head->Header("connection"), "close");
  EXPECT_TRUE(head->body.empty());
  EXPECT_TRUE(c.WaitClosed(5s));  // and nothing after it
}

TEST(ServerTest, OversizedBodyIs413) {
  std::atomic<int> api_calls{0};
  ServerOptions opts = FastTimeouts();
  opts.body_timeout = 10s;  // a slow (sanitizer, loaded) machine still sends 1 MiB in time
  RunningServer server(opts, [&](Request&) {
    ++api_calls;
    return Response::Json(200, "{}");
  });
  const std::string expected =
      R"({"error":{"code":"payload_too_large","message":"request body exceeds 1048576 bytes"}})";

  // Declared length over the limit: answered before the body is read.
  RawClient a = server.Connect();
  ASSERT_TRUE(a.Send("POST /api/v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n" +
                     std::string(1000, 'a')));
  auto res = a.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->body, expected);
  EXPECT_EQ(res->Header("connection"), "close");
  ExpectSecurityHeaders(*res);

  // Chunked body that grows past the limit.
  RawClient b = server.Connect();
  ASSERT_TRUE(b.Send("POST /api/v1/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  std::string chunk(64 * 1024, 'b');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
  for (int i = 0; i < 17; ++i) {
    if (!b.Send(size_line + chunk + "\r\n")) break;  // the server may already have answered
  }
  auto res2 = b.Read();
  ASSERT_TRUE(res2);
  EXPECT_EQ(res2->status, 413);
  EXPECT_EQ(res2->body, expected);

  // Exactly at the limit is fine, and Expect: 100-continue is honoured.
  RawClient c = server.Connect();
  ASSERT_TRUE(
      c.Send("PUT /api/v1/x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
             "Content-Length: 1048576\r\n\r\n"));
  auto cont = c.Read();
  ASSERT_TRUE(cont);
  EXPECT_EQ(cont->status, 100);
  ASSERT_TRUE(c.Send(std::string(1 << 20, 'c')));
  auto ok = c.Read();
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(api_calls.load(), 1);
}

TEST(ServerTest, MalformedRequestsAre400AndClosed) {
  RunningServer server(FastTimeouts(), [](Request&) { return Response::Json(200, "{}"); });
  for (const char* bad : {"GARBAGE\r\n\r\n", "GET /healthz XTTP/1.1\r\n\r\n",
                          "GET /healthz HTTP/1.1\r\nBad Header\r\n\r\n",
                          "POST /api/x HTTP/1.1\r\nContent-Length: abc\r\n\r\n"}) {
    RawClient c = server.Connect();
    ASSERT_TRUE(c.Send(bad));
    auto res = c.Read();
    ASSERT_TRUE(res) << bad;
    EXPECT_EQ(res->status, 400) << bad;
    EXPECT_NE(res->body.find(R"("code":"bad_request")"), std::string::npos);
    ExpectSecurityHeaders(*res);
    EXPECT_TRUE(c.WaitClosed(3s)) << bad;
  }
  // Request targets that are not origin-form, or smuggle separators through escapes.
  for (const char* target : {"http://evil.example/x", "*", "/api/v1/users/a%2Fb",
                             "/..%2f..%2fsecret.txt", "/a%5c..", "/x%00.js"}) {
    auto res = server.Fetch(Get(target));
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 400) << target;
  }
  // Oversized header block.
  auto big = server.Fetch(Get("/healthz", "X-Big: " + std::string(20000, 'x') + "\r\n"));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 431);
}

TEST(ServerTest, SlowHeaderIsCutOffAfterHeaderTimeout) {
  RunningServer server(FastTimeouts());
  // Half a header, then silence.
  RawClient half = server.Connect();
  ASSERT_TRUE(half.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(half.WaitClosed(4s));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 800ms);

  // Slowloris: a byte every 100 ms keeps the socket busy but must not extend the deadline.
  RawClient slow = server.Connect();
  std::string header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaa";
  start = std::chrono::steady_clock::now();
  bool cut = false;
  for (char ch : header) {
    if (!slow.Send(std::string_view(&ch, 1))) {
      cut = true;
      break;
    }
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(cut || slow.WaitClosed(1s));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3500ms);

  // A connection that never sends anything is dropped too.
  RawClient silent = server.Connect();
  EXPECT_TRUE(silent.WaitClosed(4s));
}

TEST(ServerTest, KeepAlivePipeliningAndIdleTimeout) {
  std::atomic<int> api_calls{0};
  RunningServer server(FastTimeouts(), [&](Request& req) {
    ++api_calls;
    return Response::Json(200, "{\"path\":\"" + req.path + "\"}");
  });
  RawClient c = server.Connect();
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.Send(Get("/api/v1/n" + std::to_string(i))));
    auto res = c.Read();
    ASSERT_TRUE(res) << i;
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "{\"path\":\"/api/v1/n" + std::to_string(i) + "\"}");
    EXPECT_NE(res->Header("connection"), "close");
  }
  // Two requests in one write are answered in order.
  ASSERT_TRUE(c.Send(Get("/api/v1/a") + Get("/healthz")));
  auto first = c.Read();
  auto second = c.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, R"({"path":"/api/v1/a"})");
  EXPECT_EQ(second->body, R"({"status":"ok"})");
  EXPECT_EQ(api_calls.load(), 4);

  // Idle keep-alive connections are closed after idle_timeout (1 s here).
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.WaitClosed(4s));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 800ms);

  // Connection: close is honoured.
  RawClient d = server.Connect();
  ASSERT_TRUE(d.Send(Get("/healthz", "Connection: close\r\n")));
  auto res = d.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->Header("connection"), "close");
  EXPECT_TRUE(d.WaitClosed(1s));
}

TEST(ServerTest, ManyIdleConnectionsDoNotBlockHealthz) {
  ServerOptions o;  // default 10 s header timeout: the idle sockets stay open during the test
  RunningServer server(o);
  std::vector<RawClient> idle;
  idle.reserve(300);
  for (int i = 0; i < 300; ++i) {
    idle.emplace_back(server.port());
    ASSERT_TRUE(idle.back().connected()) << i;
  }
  // Half of them also started a request they never finish.
  for (int i = 0; i < 150; ++i) ASSERT_TRUE(idle[i].Send("GET /healthz HTTP/1.1\r\n"));
  for (int i = 0; i < 5; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto res = server.Fetch(Get("/healthz"));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    // Well under the 10 s header timeout the idle sockets would need to give way (a loaded
    // CI machine running sanitizer builds can take a second or two).
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  }
}

TEST(ServerTest, ConnectionsBeyondTheLimitGet503) {
  ServerOptions o;
  o.max_connections = 5;
  RunningServer server(o);
  std::vector<RawClient> idle;
  for (int i = 0; i < 5; ++i) idle.emplace_back(server.port());
  // The server counts a connection once it accepted it: confirm with a full round trip on one.
  ASSERT_TRUE(idle[0].Send(Get("/healthz")));
  ASSERT_TRUE(idle[0].Read());
  std::this_thread::sleep_for(200ms);

  auto res = server.Fetch(Get("/healthz"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->Header("retry-after"), "1");
  ExpectSecurityHeaders(*res, /*with_request_id=*/false);  // a pre-built answer
  idle.clear();
  std::this_thread::sleep_for(300ms);
  auto after = server.Fetch(Get("/healthz"));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

class ServerStaticTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("hw_server_ui_" + std::to_string(std::random_device{}()));
    fs::create_directories(base_ / "ui" / "assets");
    std::ofstream(base_ / "ui" / "index.html") << "<!doctype html><title>Homeward</title>";
    std::ofstream(base_ / "ui" / "assets" / "app-1a2b.js") << "console.log(1)";
    std::ofstream(base_ / "secret.txt") << "TOP SECRET";
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_;
};

TEST_F(ServerStaticTest, ServesUiAndRejectsTraversal) {
  ServerOptions o = FastTimeouts();
  o.ui_dir = (base_ / "ui").string();
  RunningServer server(o, [](Request&) { return Response::Json(200, "{}"); });

  auto index = server.Fetch(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->Header("cache-control"), "no-cache");
  ExpectSecurityHeaders(*index);

  auto spa = server.Fetch(Get("/cases/123?tab=notes"));
  ASSERT_TRUE(spa);
  EXPECT_EQ(spa->status, 200);
  EXPECT_EQ(spa->body, index->body);

  auto js = server.Fetch(Get("/assets/app-1a2b.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->Header("cache-control"), "public, max-age=31536000, immutable");

  RawClient head = server.Connect();
  ASSERT_TRUE(head.Send("HEAD /assets/app-1a2b.js HTTP/1.1\r\nHost: x\r\n\r\n" + Get("/healthz")));
  auto head_res = head.Read(5s, /*head=*/true);
  ASSERT_TRUE(head_res);
  EXPECT_EQ(head_res->status, 200);
  EXPECT_EQ(head_res->Header("content-length"), "14");
  auto after_head = head.Read();
  ASSERT_TRUE(after_head);
  EXPECT_EQ(after_head->body, R"({"status":"ok"})");

  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2E%2E/../secret.txt", "/..%2fsecret.txt",
        "/assets/..%2f..%2fsecret.txt", "/.%2e/secret.txt", "/%2e%2e%5csecret.txt"}) {
    auto res = server.Fetch(Get(target));
    ASSERT_TRUE(res) << target;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << target << " " << res->status;
    EXPECT_EQ(res->body.find("SECRET"), std::string::npos) << target;
  }
  auto post = server.Fetch("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST(ServerNoUiTest, NonApiPathsAre404WithoutUi) {
  RunningServer server(FastTimeouts());
  auto res = server.Fetch(Get("/"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->Header("content-type"), "application/json");
  ExpectSecurityHeaders(*res);
  auto api = server.Fetch(Get("/api/v1/me"));  // no API handler configured
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
}

TEST(ServerLogTest, AccessLogHasNoQueryOrBody) {
  LogCapture capture;
  {
    RunningServer server(FastTimeouts(), [](Request&) { return Response::Json(200, "{}"); });
    const std::string body = R"({"name":"BodySecret"})";
    auto res = server.Fetch(
        "POST /api/v1/persons?name=Jane%20Secretname HTTP/1.1\r\nHost: x\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body);
    ASSERT_TRUE(res);
    auto bad = server.Fetch(
        "POST /api/v1/x?q=QuerySecret HTTP/1.1\r\nHost: x\r\n"
        "Content-Length: 9999999\r\n\r\n");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 413);
  }
  std::string log = capture.Text();
  EXPECT_NE(log.find("POST /api/v1/persons 200"), std::string::npos) << log;
  EXPECT_NE(log.find("POST /api/v1/x 413"), std::string::npos) << log;
  EXPECT_EQ(log.find("Secretname"), std::string::npos) << log;
  EXPECT_EQ(log.find("BodySecret"), std::string::npos) << log;
  EXPECT_EQ(log.find("QuerySecret"), std::string::npos) << log;
}

}  // namespace
}  // namespace hw::http
