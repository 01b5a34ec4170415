// Field encryption: XChaCha20-Poly1305 (IETF) under a per-record data key.
//
// Sealed format: 24-byte random nonce || ciphertext || 16-byte tag (raw bytes, kSealOverhead
// bytes longer than the plaintext). The associated data is record_id + '\0' + field, so a sealed
// value copied into another record or another column no longer opens. Record ids must not
// contain '\0' (they are UUIDs), which keeps that encoding unambiguous.
//
// Random 192-bit nonces make nonce reuse under one key negligible for any realistic number of
// writes, so no counter state is needed.
//
// Thread safety: pure functions. Errors: Open returns Internal with reason kDecryptFailed for any
// input that does not authenticate (tampered, truncated, wrong key, record or field); the
// message never contains plaintext, keys or identifiers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"
#include "crypto/keys.h"

namespace hw::crypto {

inline constexpr std::size_t kSealNonceSize = 24;
inline constexpr std::size_t kSealTagSize = 16;
inline constexpr std::size_t kSealOverhead = kSealNonceSize + kSealTagSize;
// Status::reason() of every failure to authenticate a ciphertext in this library.
inline constexpr char kDecryptFailed[] = "decrypt_failed";

// A fresh random data key for one record.
Key32 NewDataKey();

// Encrypts `plaintext` (any bytes, may be empty). A record id containing '\0' is a programming
// error and throws std::invalid_argument.
std::string Seal(const Key32& data_key, std::string_view record_id, std::string_view field,
                 std::string_view plaintext);

// Decrypts a Seal() output. Errors: InvalidArgument if record_id contains '\0'; Internal with
// reason kDecryptFailed if the input does not authenticate.
Result<std::string> Open(const Key32& data_key, std::string_view record_id, std::string_view field,
                         std::string_view sealed);

}  // namespace hw::crypto
