#include "crypto/hash.h"

#include <sodium.h>

#include <stdexcept>

#include "crypto/encoding.h"
#include "crypto/init.h"

namespace hw::crypto {
namespace {

std::size_t CheckedLength(std::size_t out_len) {
  if (out_len < crypto_generichash_BYTES_MIN || out_len > crypto_generichash_BYTES_MAX) {
    throw std::invalid_argument("BLAKE2b output length must be 16..64 bytes");
  }
  return out_len;
}

std::string OneShot(const unsigned char* key, std::size_t key_len, std::string_view data,
                    std::size_t out_len) {
  CheckedLength(out_len);
  EnsureSodium();
  unsigned char out[crypto_generichash_BYTES_MAX];
  crypto_generichash(out, out_len, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     key, key_len);
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), out_len));
}

}  // namespace

struct Blake2bHasher::State {
  crypto_generichash_state state{};
  bool finished = false;
  ~State() { sodium_memzero(&state, sizeof state); }
};

std::string Blake2bHex(std::string_view data, std::size_t out_len) {
  return OneShot(nullptr, 0, data, out_len);
}

std::string Blake2bKeyedHex(const Key32& key, std::string_view data, std::size_t out_len) {
  return OneShot(key.data(), Key32::kSize, data, out_len);
}

Blake2bHasher::Blake2bHasher(std::size_t out_len)
    : state_(std::make_unique<State>()), out_len_(CheckedLength(out_len)) {
  EnsureSodium();
  crypto_generichash_init(&state_->state, nullptr, 0, out_len_);
}

Blake2bHasher::Blake2bHasher(const Key32& key, std::size_t out_len)
    : state_(std::make_unique<State>()), out_len_(CheckedLength(out_len)) {
  EnsureSodium();
  crypto_generichash_init(&state_->state, key.data(), Key32::kSize, out_len_);
}

Blake2bHasher::Blake2bHasher(Blake2bHasher&&) noexcept = default;
Blake2bHasher& Blake2bHasher::operator=(Blake2bHasher&&) noexcept = default;
Blake2bHasher::~Blake2bHasher() = default;

Blake2bHasher& Blake2bHasher::Update(std::string_view data) {
  if (!state_ || state_->finished) throw std::logic_error("Blake2bHasher used after FinalHex");
  crypto_generichash_update(&state_->state, reinterpret_cast<const unsigned char*>(data.data()),
                            data.size());
  return *this;
}

std::string Blake2bHasher::FinalHex() {
  if (!state_ || state_->finished) throw std::logic_error("Blake2bHasher used after FinalHex");
  unsigned char out[crypto_generichash_BYTES_MAX];
  crypto_generichash_final(&state_->state, out, out_len_);
  state_->finished = true;
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), out_len_));
}

}  // namespace hw::crypto
