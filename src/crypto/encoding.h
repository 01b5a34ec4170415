// Byte-string encodings shared by the crypto modules: lowercase hex and unpadded base64url.
//
// Binary data travels as std::string (raw bytes, may contain NUL). Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace hw::crypto {

// Lowercase hex, two characters per byte.
std::string ToHex(std::string_view bytes);

// Decodes hex (either case). Returns InvalidArgument on an odd length or a non-hex character.
Result<std::string> FromHex(std::string_view hex);

// RFC 4648 section 5 base64url without padding (safe in URLs, cookies and headers).
std::string Base64UrlEncode(std::string_view bytes);

// Decodes unpadded base64url. Returns InvalidArgument on any other input.
Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace hw::crypto
