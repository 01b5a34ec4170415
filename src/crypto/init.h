// Library initialisation for hw::crypto.
//
// Every entry point of this library initialises what it needs lazily (EnsureSodium and friends),
// so calling InitCrypto is optional; servers and tools should still call it once at startup to
// fail early with a clear Status and to pay the one-off setup costs (ICU transliterator) before
// the first request.
//
// Thread safety: all functions here may be called concurrently from any thread.
#pragma once

#include "common/status.h"

namespace hw::crypto {

// Initialises libsodium exactly once. libsodium cannot work without an entropy source, so a
// failure here is a broken environment, not an expected error: the process aborts with a message.
void EnsureSodium();

// Initialises libsodium, liboath and the ICU name transliterator. Returns Unavailable naming the
// component that failed (e.g. ICU data missing).
Status InitCrypto();

}  // namespace hw::crypto
