// An audit entry. It never holds personal values: only who did what to which record.
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.h"

namespace hw::domain {

struct AuditEntry {
  std::int64_t seq = 0;
  TimeMs time = 0;
  std::string actor;      // user id, or "-" for an unauthenticated caller
  std::string action;     // e.g. "session.login", "user.create", "case.read_pii"
  std::string entity;     // e.g. "user", "session", "case"
  std::string entity_id;  // record id or ""
  std::string office_id;
  std::string request_id;
  std::string prev_hash;
  std::string hash;
};

// The canonical byte string hashed into the chain (fields joined with the unit separator).
std::string CanonicalAuditEntry(const AuditEntry& e);

}  // namespace hw::domain
