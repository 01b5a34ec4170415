// BLAKE2b hashing, one-shot and streaming, optionally keyed.
//
// Used for the audit hash chain: hash_n = BLAKE2b(hash_{n-1} || canonical entry_n). Keying it
// with Keyring::audit_key() makes the chain a MAC chain: whoever edits the database without the
// master key cannot recompute a chain that verifies.
//
// Output lengths from 16 to 64 bytes; anything else is a programming error and throws
// std::invalid_argument. Thread safety: the functions are pure; a Blake2bHasher is a value owned
// by one thread at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "crypto/keys.h"

namespace hw::crypto {

// BLAKE2b with an `out_len`-byte digest, as 2 * out_len lowercase hex digits.
std::string Blake2bHex(std::string_view data, std::size_t out_len = 32);

// Keyed BLAKE2b (a MAC) with a 32-byte key.
std::string Blake2bKeyedHex(const Key32& key, std::string_view data, std::size_t out_len = 32);

// Streaming BLAKE2b: Update() any number of times, then FinalHex() once (a second call throws
// std::logic_error). Update(a); Update(b) equals hashing a + b. Movable, not copyable.
class Blake2bHasher {
 public:
  explicit Blake2bHasher(std::size_t out_len = 32);
  explicit Blake2bHasher(const Key32& key, std::size_t out_len = 32);
  Blake2bHasher(Blake2bHasher&&) noexcept;
  Blake2bHasher& operator=(Blake2bHasher&&) noexcept;
  ~Blake2bHasher();

  Blake2bHasher& Update(std::string_view data);
  std::string FinalHex();

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::size_t out_len_;
};

}  // namespace hw::crypto
