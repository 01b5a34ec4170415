#include "crypto/password.h"

#include <sodium.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>

#include "crypto/init.h"

namespace hw::crypto {
namespace {

std::mutex& CostMutex() {
  static std::mutex mu;
  return mu;
}
PasswordCost& MutableCost() {
  static PasswordCost cost = DefaultPasswordCost();
  return cost;
}

// Number of code points, or nullopt if `s` is not valid UTF-8.
std::optional<std::size_t> CountCodePoints(std::string_view s) {
  if (s.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    return std::nullopt;
  }
  const auto* data = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  std::size_t count = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c < 0) return std::nullopt;
    ++count;
  }
  return count;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The bytes to hash: NFKC of valid UTF-8, else the input unchanged. ASCII (most passwords) is
// its own NFKC form and skips ICU.
Result<std::string> Canonical(std::string_view password) {
  if (IsAscii(password) || !CountCodePoints(password)) return std::string(password);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return Status::Internal("ICU NFKC normaliser unavailable");
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(password.data(), static_cast<int32_t>(password.size())));
  icu::UnicodeString out = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return Status::Internal("ICU NFKC normalisation failed");
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

PasswordCost DefaultPasswordCost() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost MinimumPasswordCost() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

void SetPasswordCostForTests(PasswordCost cost) {
  std::lock_guard lock(CostMutex());
  MutableCost() = cost;
}

PasswordCost CurrentPasswordCost() {
  std::lock_guard lock(CostMutex());
  return MutableCost();
}

Result<std::string> HashPassword(std::string_view password) {
  return HashPassword(password, CurrentPasswordCost());
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  EnsureSodium();
  HW_ASSIGN_OR_RETURN(std::string canonical, Canonical(password));
  char out[crypto_pwhash_STRBYTES] = {};
  if (crypto_pwhash_str_alg(out, canonical.data(), canonical.size(), cost.ops_limit, cost.mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    sodium_memzero(canonical.data(), canonical.size());
    return Status::Internal("password hashing failed (out of memory or bad cost parameters)");
  }
  sodium_memzero(canonical.data(), canonical.size());
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  char stored[crypto_pwhash_STRBYTES] = {};
  if (hash.size() >= sizeof stored) return false;
  std::copy(hash.begin(), hash.end(), stored);
  auto canonical = Canonical(password);
  if (!canonical.ok()) return false;
  const bool ok = crypto_pwhash_str_verify(stored, canonical->data(), canonical->size()) == 0;
  sodium_memzero(canonical->data(), canonical->size());
  return ok;
}

bool PasswordNeedsRehash(std::string_view hash) {
  EnsureSodium();
  char stored[crypto_pwhash_STRBYTES] = {};
  if (hash.size() >= sizeof stored) return true;
  std::copy(hash.begin(), hash.end(), stored);
  const PasswordCost cost = CurrentPasswordCost();
  return crypto_pwhash_str_needs_rehash(stored, cost.ops_limit, cost.mem_limit) != 0;
}

Status CheckPasswordPolicy(std::string_view password) {
  const std::optional<std::size_t> chars = CountCodePoints(password);
  if (!chars) return Status::InvalidField("password", "must be valid UTF-8 text");
  if (*chars < kPasswordMinChars) {
    return Status::InvalidField("password", "must be at least 12 characters long");
  }
  if (*chars > kPasswordMaxChars) {
    return Status::InvalidField("password", "must be at most 256 characters long");
  }
  return Status::Ok();
}

void BurnPasswordVerifyTime() {
  static std::mutex mu;
  static std::string dummy_hash;
  static PasswordCost dummy_cost{0, 0};
  const PasswordCost cost = CurrentPasswordCost();
  std::string hash;
  {
    std::lock_guard lock(mu);
    if (dummy_hash.empty() || dummy_cost.ops_limit != cost.ops_limit ||
        dummy_cost.mem_limit != cost.mem_limit) {
      // Computing the dummy hash costs what a verify costs, so this call is already slow enough.
      auto fresh = HashPassword("homeward timing equaliser", cost);
      if (fresh.ok()) {
        dummy_hash = std::move(fresh).value();
        dummy_cost = cost;
      }
      return;
    }
    hash = dummy_hash;
  }
  (void)VerifyPassword(hash, "not the timing equaliser password");
}

}  // namespace hw::crypto
