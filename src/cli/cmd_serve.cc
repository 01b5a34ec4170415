// homeward serve --data DIR [--db URL] [--listen 127.0.0.1:8080] [--ui DIR]
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/app.h"
#include "cli/commands.h"
#include "http/api.h"
#include "http/server.h"
#include "service/audit_log.h"

namespace hw::cli {
namespace {

int DefaultServeThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores >= 2 ? static_cast<int>(2 * cores) : 4;
}

struct ServeArgs {
  std::string data_dir;
  std::string db_url;
  std::string listen = "127.0.0.1:8080";
  std::string ui_dir;
  int threads = 0;
};

// Log lines go to stdout through its stdio buffer: one write per few KiB instead of one per
// line (there is an access line per request). Warnings and errors are flushed at once, the rest
// at least every second and when the server stops.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

void UseBufferedLog() {
  auto logger =
      std::make_shared<spdlog::logger>("homeward", std::make_shared<BufferedStdoutSink>());
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  spdlog::flush_every(std::chrono::seconds(1));
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int RunServe(const ServeArgs& args) {
  UseBufferedLog();
  spdlog::set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":"%v"})",
                      spdlog::pattern_time_type::utc);
  auto colon = args.listen.rfind(':');
  if (colon == std::string::npos) {
    return Fail("serve", Status::InvalidField("listen", "must be HOST:PORT"));
  }
  http::ServerOptions opts;
  opts.address = args.listen.substr(0, colon);
  int port = std::atoi(args.listen.substr(colon + 1).c_str());
  if (port < 0 || port > 65535) return Fail("serve", Status::InvalidField("listen", "bad port"));
  opts.port = static_cast<unsigned short>(port);
  opts.ui_dir = args.ui_dir;
  // Two threads per core (at least four): handlers may block on the store and on Argon2id, but
  // many more threads than cores let the kernel preempt requests half-done, which stretched the
  // tail of CPU-bound reads (docs/architecture.md, "Reads at scale").
  opts.threads = args.threads > 0 ? args.threads : DefaultServeThreads();

  auto app = App::Open({args.data_dir, args.db_url});
  if (!app.ok()) return Fail("serve", app.status());
  App& a = **app;
  http::ApiOptions api_opts;
  // Plain HTTP is only acceptable on loopback; anywhere else TLS terminates in front of us.
  api_opts.secure_cookies = !IsLoopback(opts.address);
  http::Api api({a.auth(), a.users(), a.offices(), a.audit(), a.cases(), a.consents(), a.closures(),
                 a.exports(), a.screening(), a.case_work(), a.shelters(), a.assessments()},
                api_opts);
  http::Server server(opts, [&api](http::Request& req) { return api.Handle(req); });
  if (Status st = server.Start(); !st.ok()) return Fail("serve", st);
  std::printf("Homeward listening on http://%s:%u\n", opts.address.c_str(), server.port());
  std::fflush(stdout);
  server.Run();
  // Case reads still waiting for their batched statement, then reads still waiting for their
  // audit commit: let both finish before the server and the store go away (their callbacks post
  // to the server's connections).
  a.cases().DrainReads();
  service::WaitForAuditWriter(a.db());
  spdlog::info("stopped");
  spdlog::default_logger()->flush();
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the API and the UI");
  cmd->add_option("--data", args->data_dir, "Data directory")->required();
  cmd->add_option("--db", args->db_url, "postgresql://... (default: from the data directory)");
  cmd->add_option("--listen", args->listen, "HOST:PORT (default 127.0.0.1:8080)");
  cmd->add_option("--ui", args->ui_dir, "Directory of the built UI (web/dist)");
  cmd->add_option("--threads", args->threads, "I/O threads (default: two per core, at least four)");
  cmd->callback([args] {
    int rc = RunServe(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace hw::cli
