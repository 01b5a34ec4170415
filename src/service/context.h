// What every service needs: the store, the keyring, the clock and the settings.
// Holds references only; all of them must outlive the services. Thread-safe to share.
#pragma once

#include <string>

#include "common/clock.h"
#include "crypto/keyring.h"
#include "service/config.h"
#include "storage/db.h"

namespace hw::service {

struct Context {
  storage::Database& db;
  const crypto::Keyring& keyring;
  const Clock& clock;
  SecurityConfig security;
};

// Who is calling and from where, for audit and rate limits.
struct RequestInfo {
  std::string request_id;
  std::string remote_address;
};

}  // namespace hw::service
