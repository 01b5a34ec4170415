#include "crypto/init.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

#include "crypto/blind_index.h"
#include "crypto/totp.h"

namespace hw::crypto {

void EnsureSodium() {
  // A function-local static is initialised exactly once, thread-safely (C++11 magic statics).
  static const bool initialised = [] {
    if (sodium_init() < 0) {
      std::fputs("homeward: fatal: libsodium failed to initialise (no entropy source?)\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialised;
}

Status InitCrypto() {
  EnsureSodium();
  HW_RETURN_IF_ERROR(InitTotp());
  HW_RETURN_IF_ERROR(InitNameNormalizer());
  return Status::Ok();
}

}  // namespace hw::crypto
