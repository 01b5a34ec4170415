// Identifiers: UUIDv7 (RFC 9562) strings, time-ordered so keyset pagination and B-tree inserts
// stay cheap. Thread safety: NewId is safe to call from any thread.
#pragma once

#include <string>
#include <string_view>

namespace hw {

// A new random UUIDv7 in canonical lowercase 8-4-4-4-12 form.
std::string NewId();

// True when `id` is a canonical lowercase UUID (any version).
bool IsValidId(std::string_view id);

}  // namespace hw
