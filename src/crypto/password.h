// Password hashing (Argon2id), password policy and timing equalisation for logins.
//
// Hashes are libsodium's self-describing strings ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so
// the cost can be raised later: PasswordNeedsRehash tells when to re-hash at the next login.
// Passwords are NFKC-normalised (NIST SP 800-63B 5.1.1.2) before hashing and verifying, so the
// same password typed on different keyboards (composed or decomposed accents) still matches;
// input that is not valid UTF-8 is hashed as raw bytes.
//
// Thread safety: all functions may be called concurrently. Each hash or verify takes the
// configured memory (64 MiB by default) for its duration: bound concurrent logins accordingly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"

namespace hw::crypto {

struct PasswordCost {
  unsigned long long ops_limit;
  std::size_t mem_limit;  // bytes
};

inline constexpr std::size_t kPasswordMinChars = 12;
inline constexpr std::size_t kPasswordMaxChars = 256;

// crypto_pwhash OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE: the production default.
PasswordCost DefaultPasswordCost();
// The cheapest Argon2id parameters libsodium accepts. Never for production hashes.
PasswordCost MinimumPasswordCost();
// The process-wide cost used by HashPassword and BurnPasswordVerifyTime. Tests lower it to keep
// fast; production code never calls this.
void SetPasswordCostForTests(PasswordCost cost);
PasswordCost CurrentPasswordCost();

// Argon2id hash of `password` with a random salt at the current cost. Errors: Internal if
// libsodium fails (out of memory).
Result<std::string> HashPassword(std::string_view password);
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);

// True if `password` matches `hash`. False for a wrong password and for a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// True if `hash` was made with parameters other than the current cost (or is malformed).
bool PasswordNeedsRehash(std::string_view hash);

// 12 to 256 Unicode characters, valid UTF-8. Errors: InvalidField("password", reason).
Status CheckPasswordPolicy(std::string_view password);

// Spends as long as VerifyPassword of a hash at the current cost, for the login path of an
// unknown or disabled user, so response time does not reveal whether an account exists.
void BurnPasswordVerifyTime();

}  // namespace hw::crypto
