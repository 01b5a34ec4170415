// Blind indexes: searchable, keyed fingerprints of name tokens stored beside encrypted names.
//
// A name is normalised (ICU "NFKC; Any-Latin; Latin-ASCII; NFKC", full case folding, apostrophes
// dropped, every other non-alphanumeric run turned into one space), split into distinct tokens,
// and each token is stored as BlindIndex(index_key, token). A search computes the same for the
// query and matches exactly; fuzzy matching happens in memory after decryption.
//   "Nguyễn Thị Hương" -> "nguyen thi huong" -> {"nguyen", "thi", "huong"}
//   "Мария" -> "maria";  "O'Brien-Smith" -> {"obrien", "smith"}
// Changing the normalisation invalidates every stored index: it is a data format.
//
// Leakage: equal tokens give equal indexes, so someone holding the database learns which records
// share a name token and how often a token occurs, but not the token without the index key.
//
// Thread safety: all functions may be called concurrently. Creating an ICU Transliterator is
// expensive (milliseconds) and an instance is not safe for concurrent use, so one prototype is
// built on first use (thread-safe static) and each thread lazily clones its own copy
// (thread_local), used without locking.
// Errors: InitNameNormalizer reports missing ICU data as Unavailable; NormalizeName called
// without working ICU data throws std::runtime_error (a broken installation, not an input error).
// Invalid UTF-8 is not an error: bad sequences act as separators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crypto/keys.h"

namespace hw::crypto {

// Builds the shared transliterator now; call at startup to fail early.
Status InitNameNormalizer();

// The normalised form of a name: lowercase ASCII words (plus any letters ICU cannot romanise)
// separated by single spaces, no leading or trailing space. Empty for an empty or all-punctuation
// name.
std::string NormalizeName(std::string_view utf8);

// The distinct tokens of NormalizeName(utf8), in order of first appearance; no empty tokens.
std::vector<std::string> NameTokens(std::string_view utf8);

// Keyed BLAKE2b-128 of `token` as 32 lowercase hex digits. Pass tokens from NameTokens.
std::string BlindIndex(const Key32& index_key, std::string_view token);

// BlindIndex of every token of a name (what a store writes, and what a search looks up).
std::vector<std::string> NameBlindIndexes(const Key32& index_key, std::string_view utf8);

}  // namespace hw::crypto
