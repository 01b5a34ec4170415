// The Beast/Asio side of the server: acceptor, per-connection sessions, timeouts, and the
// translation between Beast messages and the plain Request/Response of message.h.
// Structure after Beast's advanced_server example: request handling (Route) is a plain
// function apart from the connection classes.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/url/parse.hpp>
#include <csignal>
#include <cstdint>
#include <exception>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "common/id.h"
#include "http/security_headers.h"
#include "http/static_files.h"

namespace hw::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using BeastRequest = bhttp::request<bhttp::string_body>;

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kFirstReadSize = 4096;
// After the last response on a connection we half-close and read (discarding) for at most this
// long, so a client still sending a rejected body receives our answer instead of a reset.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::size_t kMaxLoggedPath = 200;

// ---------------------------------------------------------------------------------------------
// Beast-free request handling.

std::string ErrorBody(std::string_view code, std::string_view message) {
  // Callers pass fixed ASCII text without quotes or backslashes: no JSON escaping needed.
  std::string body = R"({"error":{"code":")";
  body.append(code).append(R"(","message":")").append(message).append(R"("}})");
  return body;
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

// Control and non-ASCII bytes, quotes and backslashes escaped as \u00XX (valid inside the JSON
// string the log pattern wraps messages in, and no log-line injection); long values cut.
std::string LogSafePath(std::string_view path) {
  std::string out;
  out.reserve(std::min(path.size(), kMaxLoggedPath) + 3);
  for (std::size_t i = 0; i < path.size() && i < kMaxLoggedPath; ++i) {
    auto c = static_cast<unsigned char>(path[i]);
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (path.size() > kMaxLoggedPath) out += "...";
  return out;
}

struct Core {
  Core(ServerOptions opts, Handler api_handler)
      : options(std::move(opts)), api(std::move(api_handler)), static_files(options.ui_dir) {}

  const ServerOptions options;
  const Handler api;
  const StaticFiles static_files;
  std::atomic<std::size_t> connections{0};
  std::string overloaded_reply;  // serialized 503, built once at startup
};

Response CallApi(const Core& core, Request& req) {
  if (!core.api) return Response::Json(404, ErrorBody("not_found", "no such route"));
  try {
    return core.api(req);
  } catch (const std::exception& e) {
    // what() of a broken invariant; the request body is never logged.
    spdlog::error("http unhandled exception request_id={} path={} what={}", req.request_id,
                  LogSafePath(req.path), LogSafePath(e.what()));
  } catch (...) {
    spdlog::error("http unhandled non-standard exception request_id={} path={}", req.request_id,
                  LogSafePath(req.path));
  }
  return Response::Json(500, ErrorBody("internal", "internal error"));
}

Response Route(const Core& core, Request& req) {
  if (req.path == "/healthz") {
    if (req.method == "GET" || req.method == "HEAD")
      return Response::Json(200, R"({"status":"ok"})");
    Response res = Response::Json(405, ErrorBody("method_not_allowed", "method not allowed"));
    res.headers.emplace_back("Allow", "GET, HEAD");
    return res;
  }
  if (IsApiPath(req.path)) return CallApi(core, req);
  return core.static_files.Serve(req);
}

// ---------------------------------------------------------------------------------------------
// Beast <-> plain messages.

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

// Escapes that would smuggle a separator into a decoded segment: %2F '/', %5C '\', %00 NUL.
bool HasForbiddenEscape(std::string_view encoded_path) {
  for (std::size_t i = 0; i + 2 < encoded_path.size(); ++i) {
    if (encoded_path[i] != '%') continue;
    std::string_view hex = encoded_path.substr(i + 1, 2);
    if (IEquals(hex, "2f") || IEquals(hex, "5c") || hex == "00") return true;
  }
  return false;
}

// Nullopt when the request target is not a valid origin-form URL.
std::optional<Request> ToRequest(BeastRequest&& msg, const std::string& remote) {
  std::string_view target = msg.target();
  if (target.empty() || target.front() != '/') return std::nullopt;
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return std::nullopt;
  if (HasForbiddenEscape(url->encoded_path())) return std::nullopt;

  Request req;
  req.method = std::string(static_cast<std::string_view>(msg.method_string()));
  req.path = url->path();
  for (auto param : url->params()) req.query[param.key] = param.value;  // last one wins
  for (const auto& field : msg) {
    std::string name(static_cast<std::string_view>(field.name_string()));
    for (char& c : name) c = AsciiLower(c);
    std::string_view value = field.value();
    auto [it, inserted] = req.headers.try_emplace(std::move(name), value);
    if (!inserted) it->second.append(it->first == "cookie" ? "; " : ", ").append(value);
  }
  req.body = std::move(msg.body());
  req.remote_address = remote;
  req.request_id = hw::NewId();
  return req;
}

// Headers a handler may not set: they would break framing or contradict the server.
bool IsReservedHeader(std::string_view name) {
  static constexpr std::string_view kReserved[] = {
      "content-length", "transfer-encoding", "connection",  "keep-alive", "upgrade",
      "server",         "x-request-id",      "content-type"};
  return std::any_of(std::begin(kReserved), std::end(kReserved),
                     [&](std::string_view r) { return IEquals(r, name); });
}

bool HasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

// The response as bytes on the wire, written in one piece (Beast's serializer cost more than the
// rest of sending). Framing is ours alone: handlers' reserved headers are dropped.
std::string SerializeResponse(Response&& r, unsigned version, bool keep_alive, bool head,
                              const std::string& request_id) {
  unsigned status = (r.status >= 100 && r.status <= 599) ? static_cast<unsigned>(r.status) : 500;
  bool bodiless = status < 200 || status == 204 || status == 304;
  std::string out;
  out.reserve(r.body.size() + 512);
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(status));
  out.push_back(' ');
  out.append(static_cast<std::string_view>(bhttp::obsolete_reason(bhttp::int_to_status(status))));
  out.append("\r\nServer: homeward\r\n");
  if (!bodiless && !r.content_type.empty() && !HasLineBreak(r.content_type)) {
    out.append("Content-Type: ").append(r.content_type).append("\r\n");
  }
  for (const auto& [name, value] : r.headers) {
    if (name.empty() || IsReservedHeader(name) || HasLineBreak(name) || HasLineBreak(value) ||
        name.find(':') != std::string::npos) {
      spdlog::warn("http dropped invalid or reserved response header request_id={}", request_id);
      continue;
    }
    out.append(name).append(": ").append(value).append("\r\n");
  }
  if (!request_id.empty()) out.append("X-Request-Id: ").append(request_id).append("\r\n");
  if (version >= 11 && !keep_alive) out.append("Connection: close\r\n");
  if (version < 11 && keep_alive) out.append("Connection: keep-alive\r\n");
  // HEAD: the length the GET would have, and no body.
  if (!bodiless)
    out.append("Content-Length: ").append(std::to_string(r.body.size())).append("\r\n");
  out.append("\r\n");
  if (!bodiless && !head) out.append(r.body);
  return out;
}

std::string BuildOverloadedReply() {
  Response r = Response::Json(503, ErrorBody("unavailable", "server busy, retry later"));
  r.headers.emplace_back("Retry-After", "1");
  ApplySecurityHeaders(r, true);
  return SerializeResponse(std::move(r), 11, false, false, "");
}

const beast::error_category& HttpErrorCategory() {
  return bhttp::make_error_code(bhttp::error::bad_target).category();
}

// ---------------------------------------------------------------------------------------------
// One TCP connection. All its handlers run on its own strand.

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Core& core, bool counted)
      : stream_(std::move(socket)), core_(core), counted_(counted) {
    if (counted_) ++core_.connections;
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }
  ~Session() {
    if (counted_) --core_.connections;
  }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  // Over the connection limit: answer 503 without reading, then close.
  void Reject() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->stream_.expires_after(kLingerTimeout);
      net::async_write(self->stream_, net::buffer(self->core_.overloaded_reply),
                       [self](beast::error_code ec, std::size_t) {
                         if (ec) return self->Close();
                         self->LingerClose();
                       });
    });
  }

 private:
  // Between keep-alive requests: wait up to idle_timeout for the first byte of the next one.
  void WaitForRequest() {
    if (buffer_.size() > 0) return ReadHeader();  // pipelined request already buffered
    stream_.expires_after(core_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstReadSize),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              if (ec) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  // The whole header must arrive within header_timeout: a slowloris client is cut off.
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(static_cast<std::uint64_t>(core_.options.body_limit));
    started_ = SteadyClock::now();
    stream_.expires_after(core_.options.header_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    // Beast already refuses a Content-Length over body_limit; this keeps the rule explicit.
    if (auto length = parser_->content_length(); length && *length > core_.options.body_limit) {
      return SendTooLarge();
    }
    const auto& req = parser_->get();
    if (!parser_->is_done() &&
        IEquals(static_cast<std::string_view>(req[bhttp::field::expect]), "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(core_.options.body_timeout);
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code wec, std::size_t) {
                         if (wec) return self->Close();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Handle();
    stream_.expires_after(core_.options.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->OnReadError(ec);
                        self->Handle();
                      });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) return SendTooLarge();
    if (ec == bhttp::error::header_limit) {
      return SendError(431, "header_too_large", "request header too large");
    }
    // Timeouts, resets, a client that closed or stopped mid-message: nobody to answer.
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
        ec.category() != HttpErrorCategory()) {
      return Close();
    }
    SendError(400, "bad_request", "malformed HTTP request");
  }

  void SendTooLarge() {
    SendError(413, "payload_too_large",
              "request body exceeds " + std::to_string(core_.options.body_limit) + " bytes");
  }

  void Handle() {
    BeastRequest msg = parser_->release();
    parser_.reset();
    unsigned version = msg.version();
    bool keep_alive = msg.keep_alive();
    bool head = msg.method() == bhttp::verb::head;
    log_method_ = std::string(static_cast<std::string_view>(msg.method_string()));
    std::optional<Request> req = ToRequest(std::move(msg), remote_);
    if (!req) return SendError(400, "bad_request", "malformed request target");
    log_path_ = req->path;
    request_id_ = req->request_id;

    Response res;
    try {
      res = Route(core_, *req);
    } catch (const std::exception& e) {  // e.g. bad_alloc reading a static file
      spdlog::error("http request failed request_id={} what={}", request_id_, e.what());
      res = Response::Json(500, ErrorBody("internal", "internal error"));
    }
    no_store_ = IsNoStorePath(req->path);
    Respond(std::move(res), version, keep_alive, head);
  }

  void Respond(Response res, unsigned version, bool keep_alive, bool head) {
    if (res.defer) {
      auto defer = std::move(res.defer);  // `res` itself is not used further
      return Defer(defer, version, keep_alive, head);
    }
    ApplySecurityHeaders(res, no_store_);
    if (res.hold) {
      // Nothing is read from this connection meanwhile: the next request waits its turn.
      auto hold = std::move(res.hold);
      res.hold = nullptr;
      held_ = std::move(res);
      hold([self = shared_from_this(), version, keep_alive, head](bool ok) {
        net::post(self->stream_.get_executor(), [self, ok, version, keep_alive, head] {
          self->SendHeld(ok, version, keep_alive, head);
        });
      });
      return;
    }
    Send(std::move(res), version, keep_alive, head);
  }

  // A response made later (Response::defer). `post` and `finish` keep the connection alive;
  // the work they run lands on its strand, in order.
  void Defer(const std::function<void(Deferred)>& defer, unsigned version, bool keep_alive,
             bool head) {
    auto self = shared_from_this();
    Deferred d;
    d.post = [self, version, keep_alive, head](std::function<void()> work) {
      net::post(self->stream_.get_executor(),
                [self, work = std::move(work), version, keep_alive, head] {
                  self->RunDeferred(work, version, keep_alive, head);
                });
    };
    d.finish = [self, version, keep_alive, head](Response res) {
      net::dispatch(self->stream_.get_executor(),
                    [self, res = std::move(res), version, keep_alive, head]() mutable {
                      self->Respond(std::move(res), version, keep_alive, head);
                    });
    };
    try {
      defer(std::move(d));
    } catch (const std::exception& e) {
      RespondInternal(e, version, keep_alive, head);
    }
  }

  void RunDeferred(const std::function<void()>& work, unsigned version, bool keep_alive,
                   bool head) {
    try {
      work();
    } catch (const std::exception& e) {  // e.g. bad_alloc; `finish` was then not called
      RespondInternal(e, version, keep_alive, head);
    }
  }

  void RespondInternal(const std::exception& e, unsigned version, bool keep_alive, bool head) {
    spdlog::error("http request failed request_id={} what={}", request_id_, e.what());
    Respond(Response::Json(500, ErrorBody("internal", "internal error")), version, keep_alive,
            head);
  }

  // The held response once what it waited for is done; on failure its body never goes out.
  void SendHeld(bool ok, unsigned version, bool keep_alive, bool head) {
    Response res = std::move(held_);
    held_ = {};
    if (!ok) {
      spdlog::error("http response withheld: its audit entry was not committed request_id={}",
                    request_id_);
      res = Response::Json(503, ErrorBody("unavailable", "could not record the access, retry"));
      ApplySecurityHeaders(res, true);
    }
    Send(std::move(res), version, keep_alive, head);
  }

  // Server-generated error, after which the connection is closed.
  void SendError(int status, std::string_view code, const std::string& message) {
    request_id_ = hw::NewId();
    log_method_ = "-";
    log_path_ = "-";
    if (parser_) {  // whatever the parser got before failing (the request line, usually)
      const auto& req = parser_->get();
      std::string_view method = req.method_string();
      std::string_view target = req.target();
      if (!method.empty()) log_method_ = std::string(method);
      if (!target.empty()) log_path_ = std::string(target.substr(0, target.find('?')));
    }
    parser_.reset();
    Response res = Response::Json(status, ErrorBody(code, message));
    ApplySecurityHeaders(res, true);
    Send(std::move(res), 11, /*keep_alive=*/false, /*head=*/false);
  }

  // Logs before writing so the line exists even if the server stops mid-write; the duration
  // covers reading the body and producing the response.
  void Send(Response res, unsigned version, bool keep_alive, bool head) {
    log_status_ = res.status;
    LogAccess();
    keep_alive_ = keep_alive;
    wire_ = SerializeResponse(std::move(res), version, keep_alive, head, request_id_);
    stream_.expires_after(core_.options.body_timeout);
    net::async_write(
        stream_, net::buffer(wire_),
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnWritten(ec); });
  }

  void OnWritten(beast::error_code ec) {
    wire_.clear();
    if (ec) return Close();
    if (!keep_alive_) return LingerClose();
    WaitForRequest();
  }

  void LogAccess() const {
    double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - started_).count();
    spdlog::info("http {} {} {} {:.1f}ms request_id={}", LogSafePath(log_method_),
                 LogSafePath(log_path_), log_status_, ms, request_id_);
  }

  void LingerClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    stream_.expires_after(kLingerTimeout);
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Core& core_;
  const bool counted_;
  std::string remote_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string wire_;  // the response being written
  bool keep_alive_ = true;
  Response held_;          // while its hold is pending
  bool no_store_ = false;  // of the request being answered
  std::array<char, 1024> drain_{};
  // For the access log line of the request in flight.
  SteadyClock::time_point started_ = SteadyClock::now();
  std::string log_method_;
  std::string log_path_;
  std::string request_id_;
  int log_status_ = 0;
};

int ThreadCount(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct Server::Impl {
  Impl(ServerOptions opts, Handler api)
      : core(std::move(opts), std::move(api)),
        threads(ThreadCount(core.options.threads)),
        ioc(threads) {
    core.overloaded_reply = BuildOverloadedReply();
  }

  void DoAccept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      OnAccept(ec, std::move(socket));
    });
  }

  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // Typically EMFILE: back off briefly instead of spinning, then keep accepting.
      spdlog::warn("http accept failed: {}", ec.message());
      accept_retry.expires_after(std::chrono::milliseconds(100));
      accept_retry.async_wait([this](beast::error_code tec) {
        if (!tec) DoAccept();
      });
      return;
    }
    beast::error_code opt_ec;
    socket.set_option(tcp::no_delay(true), opt_ec);
    bool over = core.connections.load() >= core.options.max_connections;
    auto session = std::make_shared<Session>(std::move(socket), core, /*counted=*/!over);
    if (over) {
      spdlog::warn("http connection limit {} reached: answering 503", core.options.max_connections);
      session->Reject();
    } else {
      session->Start();
    }
    DoAccept();
  }

  void RunLoop() {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http uncaught exception in I/O loop: {}", e.what());
      }
    }
  }

  // Declaration order matters: `core` outlives the io_context, whose destruction destroys the
  // sessions still queued in it (they hold a reference to `core`).
  Core core;
  const int threads;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::steady_timer accept_retry{ioc};
  std::optional<net::signal_set> signals;
  std::atomic<unsigned short> port{0};
  bool started = false;
};

Server::Server(ServerOptions options, Handler api)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(api))) {}

Server::~Server() { Stop(); }

Status Server::Start() {
  if (impl_->started) return Status::Ok();
  const ServerOptions& o = impl_->core.options;
  beast::error_code ec;
  std::string host = o.address;  // accept "[::1]" as well as "::1"
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  auto address = net::ip::make_address(host, ec);
  if (ec) return Status::InvalidArgument("invalid listen address: " + o.address);
  tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  std::string where = o.address + ":" + std::to_string(o.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    acceptor.close(ignored);
    return Status::Unavailable("cannot listen on " + where + ": " + ec.message());
  }
  impl_->port = acceptor.local_endpoint(ec).port();
  impl_->started = true;
  impl_->DoAccept();
  // Installed here rather than in Run() so a signal arriving in between is not fatal; it is
  // acted on once Run() turns the event loop.
  if (impl_->core.options.handle_signals) {
    impl_->signals.emplace(impl_->ioc, SIGINT, SIGTERM);
    impl_->signals->async_wait([this](beast::error_code wait_ec, int signal_number) {
      if (wait_ec) return;
      spdlog::info("http received signal {}, stopping", signal_number);
      Stop();
    });
  }
  spdlog::info("http listening on {}:{} threads={}", o.address, impl_->port.load(), impl_->threads);
  return Status::Ok();
}

unsigned short Server::port() const { return impl_->port.load(); }

void Server::Run() {
  if (!impl_->started) {
    Status s = Start();
    if (!s.ok()) {
      spdlog::error("http server not started: {}", s.message());
      return;
    }
  }
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(impl_->threads - 1));
  for (int i = 1; i < impl_->threads; ++i) pool.emplace_back([this] { impl_->RunLoop(); });
  impl_->RunLoop();
  for (auto& t : pool) t.join();
  beast::error_code ec;
  impl_->acceptor.close(ec);
  if (impl_->signals) impl_->signals->cancel(ec);
  spdlog::info("http server stopped");
}

void Server::Stop() { impl_->ioc.stop(); }

}  // namespace hw::http
