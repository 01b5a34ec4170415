// TOTP second factor (RFC 6238) via liboath, and otpauth:// enrolment URIs.
//
// Secrets travel as RFC 4648 base32 (what authenticator apps take). Codes are computed with a
// 30-second step from the Unix epoch. Replay: RFC 6238 section 5.2 requires refusing a second
// use of an accepted code, so services should call MatchTotpStep, store the returned step per
// user, and refuse any step not greater than the stored one.
//
// Thread safety: all functions may be called concurrently (liboath is initialised once).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace hw::crypto {

enum class TotpAlgorithm { kSha1, kSha256, kSha512 };

inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// Initialises liboath once. Errors: Unavailable if it fails.
Status InitTotp();

// 20 random bytes (160 bits, RFC 4226's recommendation) as 32 base32 characters.
std::string NewTotpSecretBase32();

// RFC 4648 base32, upper case, without padding.
std::string Base32Encode(std::string_view bytes);

// Decodes RFC 4648 base32: either case, spaces ignored, trailing '=' padding optional.
// Errors: InvalidArgument for any other character, an impossible length or non-zero pad bits.
Result<std::string> Base32Decode(std::string_view base32);

// The TOTP code of raw secret bytes at `unix_seconds`, zero-padded to `digits` (6 to 8).
// Errors: InvalidArgument for digits out of range, an empty secret or a negative time;
// Internal if liboath fails.
Result<std::string> TotpCode(std::string_view secret_bytes, int64_t unix_seconds,
                             int digits = kTotpDigits, TotpAlgorithm alg = TotpAlgorithm::kSha1);

// The time step (unix_seconds / 30 + offset) whose 6-digit SHA-1 code equals `code`, searching
// `window_steps` steps either side; nullopt if none matches, the code is not exactly 6 ASCII
// digits or the secret is not valid base32. All candidates are compared in constant time.
std::optional<int64_t> MatchTotpStep(std::string_view secret_base32, std::string_view code,
                                     int64_t unix_seconds, int window_steps = 1);

// MatchTotpStep(...).has_value().
bool VerifyTotp(std::string_view secret_base32, std::string_view code, int64_t unix_seconds,
                int window_steps = 1);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30,
// issuer and account percent-encoded (everything but RFC 3986 unreserved characters).
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_base32);

}  // namespace hw::crypto
