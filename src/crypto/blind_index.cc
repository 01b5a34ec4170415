#include "crypto/blind_index.h"

#include <sodium.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "crypto/encoding.h"
#include "crypto/init.h"

namespace hw::crypto {
namespace {

constexpr char kTransliteratorId[] = "NFKC; Any-Latin; Latin-ASCII; NFKC";
constexpr std::size_t kBlindIndexBytes = 16;

struct Prototype {
  std::unique_ptr<icu::Transliterator> transliterator;
  std::string error;
};

const Prototype& GetPrototype() {
  static const Prototype prototype = [] {
    Prototype p;
    UParseError parse_error{};
    UErrorCode status = U_ZERO_ERROR;
    p.transliterator.reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kTransliteratorId), UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || p.transliterator == nullptr) {
      p.transliterator.reset();
      p.error = std::string("ICU transliterator unavailable: ") + u_errorName(status);
    }
    return p;
  }();
  return prototype;
}

icu::Transliterator& ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> local;
  if (!local) {
    const Prototype& prototype = GetPrototype();
    if (!prototype.transliterator) throw std::runtime_error(prototype.error);
    local.reset(prototype.transliterator->clone());
    if (!local) throw std::runtime_error("ICU transliterator clone failed");
  }
  // The analyzer loses track of ownership through ICU's clone(); `local` owns a live object here.
  return *local;  // NOLINT(clang-analyzer-cplusplus.NewDelete)
}

// Apostrophes join rather than split: "O'Brien" -> "obrien", and transliterated Arabic hamza or
// ayn marks vanish instead of cutting a name in two.
bool IsApostrophe(UChar32 c) {
  switch (c) {
    case 0x0027:  // '
    case 0x0060:  // `
    case 0x00B4:  // acute accent
    case 0x02BB:  // modifier letter turned comma (ayn)
    case 0x02BC:  // modifier letter apostrophe (hamza)
    case 0x02BE:  // modifier letter right half ring
    case 0x02BF:  // modifier letter left half ring
    case 0x2018:  // left single quotation mark
    case 0x2019:  // right single quotation mark
      return true;
    default:
      return false;
  }
}

bool IsWordChar(UChar32 c) {
  if (u_isalnum(c)) return true;
  const auto type = static_cast<UCharCategory>(u_charType(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

}  // namespace

Status InitNameNormalizer() {
  const Prototype& prototype = GetPrototype();
  if (!prototype.transliterator) return Status::Unavailable(prototype.error);
  return Status::Ok();
}

std::string NormalizeName(std::string_view utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  ThreadTransliterator().transliterate(text);
  text.foldCase(U_FOLD_CASE_DEFAULT);

  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (IsApostrophe(c)) continue;
    if (!IsWordChar(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(u' '));
    pending_space = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::vector<std::string> NameTokens(std::string_view utf8) {
  const std::string normalised = NormalizeName(utf8);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < normalised.size()) {
    std::size_t end = normalised.find(' ', start);
    if (end == std::string::npos) end = normalised.size();
    std::string token = normalised.substr(start, end - start);
    if (!token.empty() && std::find(tokens.begin(), tokens.end(), token) == tokens.end()) {
      tokens.push_back(std::move(token));
    }
    start = end + 1;
  }
  return tokens;
}

std::string BlindIndex(const Key32& index_key, std::string_view token) {
  EnsureSodium();
  unsigned char out[kBlindIndexBytes];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), index_key.data(), Key32::kSize);
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

std::vector<std::string> NameBlindIndexes(const Key32& index_key, std::string_view utf8) {
  std::vector<std::string> indexes;
  for (const std::string& token : NameTokens(utf8)) indexes.push_back(BlindIndex(index_key, token));
  return indexes;
}

}  // namespace hw::crypto
