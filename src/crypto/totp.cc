#include "crypto/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <array>
#include <ctime>

#include "crypto/init.h"
#include "crypto/token.h"

namespace hw::crypto {
namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t kSecretBytes = 20;

int Base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

int OathFlags(TotpAlgorithm alg) {
  switch (alg) {
    case TotpAlgorithm::kSha256:
      return OATH_TOTP_HMAC_SHA256;
    case TotpAlgorithm::kSha512:
      return OATH_TOTP_HMAC_SHA512;
    case TotpAlgorithm::kSha1:
      break;
  }
  return 0;
}

bool IsSixDigits(std::string_view code) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

}  // namespace

Status InitTotp() {
  static const int rc = oath_init();
  if (rc != OATH_OK) return Status::Unavailable(std::string("liboath: ") + oath_strerror(rc));
  return Status::Ok();
}

std::string NewTotpSecretBase32() {
  EnsureSodium();
  std::array<char, kSecretBytes> secret{};
  randombytes_buf(secret.data(), secret.size());
  std::string encoded = Base32Encode(std::string_view(secret.data(), secret.size()));
  sodium_memzero(secret.data(), secret.size());
  return encoded;
}

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  unsigned buffer = 0;
  int bits = 0;
  for (char ch : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(ch);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32Alphabet[(buffer >> bits) & 0x1F]);
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

Result<std::string> Base32Decode(std::string_view base32) {
  while (!base32.empty() && (base32.back() == '=' || base32.back() == ' ')) base32.remove_suffix(1);
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  for (char c : base32) {
    if (c == ' ') continue;
    const int value = Base32Value(c);
    if (value < 0) return Status::InvalidArgument("not base32");
    buffer = (buffer << 5) | static_cast<unsigned>(value);
    bits += 5;
    ++symbols;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  // Valid final groups leave 0, 2, 4, 5 or 7 symbols and only zero bits unused.
  const std::size_t rest = symbols % 8;
  if (rest == 1 || rest == 3 || rest == 6 || (buffer & ((1u << bits) - 1)) != 0) {
    return Status::InvalidArgument("not base32");
  }
  return out;
}

Result<std::string> TotpCode(std::string_view secret_bytes, int64_t unix_seconds, int digits,
                             TotpAlgorithm alg) {
  if (digits < 6 || digits > 8) return Status::InvalidArgument("TOTP digits must be 6 to 8");
  if (secret_bytes.empty()) return Status::InvalidArgument("TOTP secret is empty");
  if (unix_seconds < 0) return Status::InvalidArgument("TOTP time is negative");
  HW_RETURN_IF_ERROR(InitTotp());
  std::array<char, 9> otp{};
  const int rc = oath_totp_generate2(
      secret_bytes.data(), secret_bytes.size(), static_cast<time_t>(unix_seconds), kTotpStepSeconds,
      OATH_TOTP_DEFAULT_START_TIME, static_cast<unsigned>(digits), OathFlags(alg), otp.data());
  if (rc != OATH_OK) return Status::Internal(std::string("liboath: ") + oath_strerror(rc));
  return std::string(otp.data());
}

std::optional<int64_t> MatchTotpStep(std::string_view secret_base32, std::string_view code,
                                     int64_t unix_seconds, int window_steps) {
  if (!IsSixDigits(code) || window_steps < 0) return std::nullopt;
  auto secret = Base32Decode(secret_base32);
  if (!secret.ok() || secret->empty()) return std::nullopt;
  std::optional<int64_t> match;
  const int64_t now_step = unix_seconds / kTotpStepSeconds;
  // Check every candidate, without stopping early, so timing does not tell which one matched.
  for (int64_t offset = -window_steps; offset <= window_steps; ++offset) {
    const int64_t step = now_step + offset;
    if (step < 0) continue;
    auto expected = TotpCode(*secret, step * kTotpStepSeconds, kTotpDigits);
    if (expected.ok() && ConstantTimeEquals(*expected, code) && !match) match = step;
  }
  sodium_memzero(secret->data(), secret->size());
  return match;
}

bool VerifyTotp(std::string_view secret_base32, std::string_view code, int64_t unix_seconds,
                int window_steps) {
  return MatchTotpStep(secret_base32, code, unix_seconds, window_steps).has_value();
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_base32) {
  const std::string encoded_issuer = PercentEncode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + PercentEncode(account) +
         "?secret=" + std::string(secret_base32) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace hw::crypto
