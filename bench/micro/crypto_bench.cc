// Cost of the cryptography on every request that touches personal data: sealing and opening a
// field, normalising a name and computing its blind indexes, and hashing a password (login).
#include <benchmark/benchmark.h>

#include <string>

#include "crypto/blind_index.h"
#include "crypto/field_cipher.h"
#include "crypto/init.h"
#include "crypto/keys.h"
#include "crypto/password.h"

namespace {

void BM_SealField(benchmark::State& state) {
  hw::crypto::EnsureSodium();
  const hw::crypto::Key32 key = hw::crypto::NewDataKey();
  const std::string plaintext(static_cast<size_t>(state.range(0)), 'x');
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        hw::crypto::Seal(key, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "name", plaintext));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_SealField)->Arg(32)->Arg(1024)->Arg(64 * 1024);

void BM_OpenField(benchmark::State& state) {
  hw::crypto::EnsureSodium();
  const hw::crypto::Key32 key = hw::crypto::NewDataKey();
  const std::string record = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  const std::string sealed =
      hw::crypto::Seal(key, record, "name", std::string(static_cast<size_t>(state.range(0)), 'x'));
  for (auto _ : state) {
    auto opened = hw::crypto::Open(key, record, "name", sealed);
    if (!opened.ok()) state.SkipWithError("open failed");
    benchmark::DoNotOptimize(opened);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_OpenField)->Arg(32)->Arg(1024)->Arg(64 * 1024);

void BM_NameBlindIndexes(benchmark::State& state) {
  hw::crypto::EnsureSodium();
  if (!hw::crypto::InitNameNormalizer().ok()) {
    state.SkipWithError("ICU data missing");
    return;
  }
  const hw::crypto::Key32 key = hw::crypto::Key32::Random();
  for (auto _ : state) {
    benchmark::DoNotOptimize(hw::crypto::NameBlindIndexes(key, "Nguyễn Thị Hương"));
  }
}
BENCHMARK(BM_NameBlindIndexes);

// One login's worth of Argon2id at the production cost (64 MiB): bounds logins per second per core.
void BM_HashPassword(benchmark::State& state) {
  hw::crypto::EnsureSodium();
  for (auto _ : state) {
    auto hash = hw::crypto::HashPassword("correct horse battery staple");
    if (!hash.ok()) state.SkipWithError("hash failed");
    benchmark::DoNotOptimize(hash);
  }
}
BENCHMARK(BM_HashPassword)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
