// Writes synthetic cases into an initialised data directory through the service and storage
// layers, encryption, blind index and audit included, and prints the insert rate.
//
//   build/homeward init --data D && build/homeward demo --data D
//   build/bench/hw_case_gen --data D --count 1000000 [--db postgresql://...] [--batch 500]
//
// Cases are spread over the demo offices like `homeward demo` (60% Kuala Lumpur) from a fixed
// seed, so two runs write the same people (with fresh ids and keys).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/app.h"
#include "service/bootstrap.h"
#include "service/synthetic_cases.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Homeward synthetic case generator (benchmark data)"};
  hw::cli::DataDirOptions opts;
  long long count = 1000000;
  int batch = 500;
  unsigned seed = 20261128;
  cli.add_option("--data", opts.data_dir, "data directory made by `homeward init` + `demo`")
      ->required();
  cli.add_option("--db", opts.db_url, "store URL (default: the data directory's)");
  cli.add_option("--count", count, "cases to write")->check(CLI::Range(1LL, 100000000LL));
  cli.add_option("--batch", batch, "cases per transaction")->check(CLI::Range(1, 100000));
  cli.add_option("--seed", seed, "generator seed");
  CLI11_PARSE(cli, argc, argv);

  auto app = hw::cli::App::Open(opts);
  if (!app.ok()) {
    std::fprintf(stderr, "hw_case_gen: %s\n", app.status().message().c_str());
    return 1;
  }
  hw::cli::App& a = **app;
  auto authors = hw::service::DemoAuthors(a.ctx(), a.roles());
  if (!authors.ok() || authors->empty()) {
    std::fprintf(stderr, "hw_case_gen: no demo caseworkers; run `homeward demo --data %s` first\n",
                 opts.data_dir.c_str());
    return 1;
  }
  hw::service::SyntheticCaseGenerator gen(seed);
  const hw::service::RequestInfo info{"bench", "local"};
  const auto start = Clock::now();
  auto last_report = start;
  long long written = 0;
  for (long long b = 0; written < count; ++b) {
    // Whole batches go to one office: 6 of 10 to Kuala Lumpur, the rest round the origins.
    const auto& author =
        (*authors)[b % 10 < 6 ? 0 : static_cast<size_t>(b % 10 - 5) % authors->size()];
    const long long n = std::min<long long>(batch, count - written);
    std::vector<hw::service::CaseInput> inputs;
    inputs.reserve(static_cast<size_t>(n));
    const auto now = a.ctx().clock.NowMs();
    for (long long i = 0; i < n; ++i) inputs.push_back(gen.Next(author.country, now));
    auto ids = a.cases().CreateMany(author.principal, inputs, info);
    if (!ids.ok()) {
      std::fprintf(stderr, "hw_case_gen: after %lld cases: %s\n", written,
                   ids.status().message().c_str());
      return 1;
    }
    written += n;
    if (Seconds(last_report) >= 10 || written == count) {
      last_report = Clock::now();
      std::fprintf(stderr, "  %lld cases, %.0f cases/s\n", written,
                   static_cast<double>(written) / Seconds(start));
    }
  }
  const double secs = Seconds(start);
  std::printf("wrote %lld cases in %.1f s: %.0f cases/s (batch %d)\n", written, secs,
              static_cast<double>(written) / secs, batch);
  return 0;
}
