// Opaque bearer tokens (sessions, CSRF, one-time links) and their storage form.
//
// A token has 256 bits of entropy, so a plain (unkeyed) BLAKE2b-256 is enough to store it: a
// database reader cannot turn a stored hash back into a usable token, and no salt or slow hash
// is needed. Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace hw::crypto {

// 32 random bytes as unpadded base64url: 43 characters, safe in cookies, headers and URLs.
std::string RandomToken();

// BLAKE2b-256 of the token as 64 lowercase hex digits: what the database stores and looks up.
std::string HashToken(std::string_view token);

// Compares in time independent of the contents (the length is not secret). Use for any secret
// comparison, e.g. the CSRF header against the session's token.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace hw::crypto
