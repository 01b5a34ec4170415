#include "crypto/token.h"

#include <sodium.h>

#include <array>

#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/init.h"

namespace hw::crypto {

std::string RandomToken() {
  EnsureSodium();
  std::array<char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string token = Base64UrlEncode(std::string_view(bytes.data(), bytes.size()));
  sodium_memzero(bytes.data(), bytes.size());
  return token;
}

std::string HashToken(std::string_view token) { return Blake2bHex(token, 32); }

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace hw::crypto
