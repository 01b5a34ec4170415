#include "crypto/keys.h"

#include <sodium.h>

#include "crypto/init.h"

namespace hw::crypto {

void SecureZero(void* data, std::size_t size) noexcept {
  if (data != nullptr && size > 0) sodium_memzero(data, size);
}

Key32::Key32() noexcept = default;

Key32::Key32(const Key32& other) noexcept = default;

Key32& Key32::operator=(const Key32& other) noexcept = default;

Key32::~Key32() { SecureZero(bytes_.data(), bytes_.size()); }

Key32 Key32::Random() {
  EnsureSodium();
  Key32 key;
  randombytes_buf(key.data(), kSize);
  return key;
}

Result<Key32> Key32::FromBytes(std::string_view raw) {
  if (raw.size() != kSize) return Status::InvalidArgument("a key must be exactly 32 bytes");
  Key32 key;
  for (std::size_t i = 0; i < kSize; ++i) key.bytes_[i] = static_cast<unsigned char>(raw[i]);
  return key;
}

Result<Key32> Key32::FromHex(std::string_view hex) {
  EnsureSodium();
  Key32 key;
  std::size_t len = 0;
  const char* end = nullptr;
  if (hex.size() != 2 * kSize ||
      sodium_hex2bin(key.data(), kSize, hex.data(), hex.size(), nullptr, &len, &end) != 0 ||
      len != kSize || end != hex.data() + hex.size()) {
    return Status::InvalidArgument("a key must be exactly 64 hex digits");
  }
  return key;
}

SecretBytes Key32::ToHex() const {
  SecretBytes out(2 * kSize + 1);
  sodium_bin2hex(reinterpret_cast<char*>(out.data()), out.size(), bytes_.data(), kSize);
  out.pop_back();  // the terminating NUL
  return out;
}

bool Key32::operator==(const Key32& other) const noexcept {
  return sodium_memcmp(bytes_.data(), other.bytes_.data(), kSize) == 0;
}

}  // namespace hw::crypto
