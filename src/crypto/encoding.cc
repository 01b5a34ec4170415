#include "crypto/encoding.h"

#include <sodium.h>

#include "crypto/init.h"

namespace hw::crypto {

std::string ToHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0F]);
  }
  return out;
}

Result<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return Status::InvalidArgument("hex input has an odd length");
  std::string out(hex.size() / 2, '\0');
  size_t out_len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &out_len, &end) != 0 ||
      end != hex.data() + hex.size() || out_len != out.size()) {
    return Status::InvalidArgument("hex input has a non-hex character");
  }
  return out;
}

std::string Base64UrlEncode(std::string_view bytes) {
  EnsureSodium();
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kVariant);
  out.resize(out.size() - 1);  // drop the terminating NUL written by libsodium
  return out;
}

Result<std::string> Base64UrlDecode(std::string_view text) {
  EnsureSodium();
  std::string out(text.size() * 3 / 4 + 1, '\0');
  size_t out_len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &out_len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    return Status::InvalidArgument("not unpadded base64url");
  }
  out.resize(out_len);
  return out;
}

}  // namespace hw::crypto
