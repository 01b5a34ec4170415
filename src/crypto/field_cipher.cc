#include "crypto/field_cipher.h"

#include <sodium.h>

#include <stdexcept>

#include "crypto/init.h"

namespace hw::crypto {
namespace {

static_assert(kSealNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kSealTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

std::string AssociatedData(std::string_view record_id, std::string_view field) {
  std::string ad;
  ad.reserve(record_id.size() + 1 + field.size());
  ad.append(record_id);
  ad.push_back('\0');
  ad.append(field);
  return ad;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Key32 NewDataKey() { return Key32::Random(); }

std::string Seal(const Key32& data_key, std::string_view record_id, std::string_view field,
                 std::string_view plaintext) {
  if (record_id.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("record id contains NUL");
  }
  EnsureSodium();
  const std::string ad = AssociatedData(record_id, field);
  std::string out(kSealOverhead + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, kSealNonceSize);
  unsigned long long ct_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kSealNonceSize, &ct_len, Bytes(plaintext),
                                             plaintext.size(), Bytes(ad), ad.size(), nullptr, nonce,
                                             data_key.data());
  return out;
}

Result<std::string> Open(const Key32& data_key, std::string_view record_id, std::string_view field,
                         std::string_view sealed) {
  if (record_id.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("record id contains NUL");
  }
  const auto fail = [] {
    return Status::Internal("sealed field does not authenticate").WithReason(kDecryptFailed);
  };
  if (sealed.size() < kSealOverhead) return fail();
  EnsureSodium();
  const std::string ad = AssociatedData(record_id, field);
  std::string plaintext(sealed.size() - kSealOverhead, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()),
                                                 &len, nullptr, Bytes(sealed) + kSealNonceSize,
                                                 sealed.size() - kSealNonceSize, Bytes(ad),
                                                 ad.size(), Bytes(sealed), data_key.data()) != 0) {
    return fail();
  }
  plaintext.resize(len);
  return plaintext;
}

}  // namespace hw::crypto
