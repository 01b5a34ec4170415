#include "common/id.h"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>

namespace hw {

namespace {

// Random bytes from the system CSPRNG, drawn 4 KiB at a time per thread: one getrandom call per
// ~400 ids instead of one per id (a request id per request). Not fork-safe; Homeward never forks.
void RandomBytes(unsigned char* out, size_t n) {
  thread_local std::array<unsigned char, 4096> pool{};
  thread_local size_t used = pool.size();
  if (pool.size() - used < n) {
    randombytes_buf(pool.data(), pool.size());
    used = 0;
  }
  std::memcpy(out, pool.data() + used, n);
  sodium_memzero(pool.data() + used, n);  // a byte handed out is not kept
  used += n;
}

}  // namespace

std::string NewId() {
  std::array<unsigned char, 16> b{};
  RandomBytes(b.data() + 6, 10);  // bytes 0-5 are the timestamp
  auto ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
  for (int i = 0; i < 6; ++i)
    b[static_cast<size_t>(i)] = static_cast<unsigned char>(ms >> (40 - 8 * i));
  b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0F));
  b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

bool IsValidId(std::string_view id) {
  if (id.size() != 36) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace hw
