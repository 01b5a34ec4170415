// Controlled vocabularies of case data: the HTCDS 2.0 picklists (value names on the wire, English
// labels for display), and the ISO code lists that HTCDS points to: ISO 639 languages, ISO 4217
// currencies, ISIC Rev.4 sections (HTCDS's labour sectors).
//
// The HTCDS data is generated from shared/reference/htcds/htcds-2.0-field-standards.csv by
// tools/gen_vocabularies.py into vocabularies_data.cc; tests/unit/domain/vocabulary_test.cc checks
// it against the CSV. Every value set is in the CSV's order, which is the display order.
//
// Thread safety: all data is immutable after first use and built thread-safely (function-local
// statics); every function here may be called from any thread. Returned pointers and references
// stay valid for the life of the process.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace hw::domain {

struct VocabularyValue {
  std::string name;   // the HTCDS value name, e.g. "DebtBondage": what the API and storage carry
  std::string label;  // the HTCDS English label, e.g. "Debt bondage"
};

struct Vocabulary {
  std::string name;          // the HTCDS field name with its prefix, e.g. "vic_MethodsOfControl"
  std::string label;         // the HTCDS field label, e.g. "Methods of Control"
  bool multiselect = false;  // a "Multiselect Picklist": a field holds a set of values
  bool deprecated = false;   // marked DEPRECATED in HTCDS 2.0 (still accepted, e.g. for old data)
  std::vector<VocabularyValue> values;
};

// Every HTCDS 2.0 picklist that has value names, in the CSV's order.
const std::vector<Vocabulary>& AllVocabularies();

// The vocabulary named `name` (exact, case-sensitive), or nullptr.
const Vocabulary* FindVocabulary(std::string_view name);

// The value named `value` (exact, case-sensitive), or nullptr.
const VocabularyValue* FindValue(const Vocabulary& vocabulary, std::string_view value);

// True if `value` is one of the vocabulary's value names (exact, case-sensitive).
bool IsAllowed(const Vocabulary& vocabulary, std::string_view value);

// Validates one value of `field` against the vocabulary named `vocabulary`.
// Returns Ok, or InvalidField(field, "unknown value 'X'; allowed: A, B, C"), X being the input cut
// to a few dozen printable characters. An empty value is unknown: callers skip absent optional
// fields. An unknown vocabulary name is a programming error: Internal.
Status CheckValue(std::string_view field, std::string_view vocabulary, std::string_view value);

// Validates the values of a multiselect `field`. Returns InvalidField(field, ...) naming the
// unknown values and the allowed ones, or a repeated value, or more than one value for a
// single-select vocabulary; Internal for an unknown vocabulary name. An empty list is Ok.
Status CheckValues(std::string_view field, std::string_view vocabulary,
                   const std::vector<std::string>& values);

// `value` in single quotes for an error message that echoes input: cut to 48 bytes (at a UTF-8
// boundary, "..." appended) with control characters masked, so a message stays short and
// printable. Never use it for personal data, which no message may carry.
std::string QuoteInput(std::string_view value);

// An ISO code with its English name.
struct IsoCode {
  std::string code;
  std::string name;
};

// ISO 639-1 languages (two-letter codes, English names), sorted by code: the usual picker list.
const std::vector<IsoCode>& IsoLanguages();

// True for an ISO 639-1 two-letter code ("vi"), or an ISO 639-2 (terminology or bibliographic)
// or ISO 639-3 three-letter code ("vie", "rhg", "und"). Lowercase only, as the standards write
// them. HTCDS asks for ISO 639-2 and allows two-letter codes.
bool IsIsoLanguage(std::string_view code);

// ISO 4217 currencies, sorted by code, without units that are not money (gold, XDR, XXX...).
const std::vector<IsoCode>& IsoCurrencies();

// True for a code in IsoCurrencies(), e.g. "USD". Uppercase only.
bool IsIsoCurrency(std::string_view code);

// A section of ISIC Rev.4, which HTCDS's vic_ForcedLabourIndustry uses for labour sectors.
struct IsicSection {
  char code = 'A';          // 'A' to 'U'
  std::string title;        // the ISIC Rev.4 title, e.g. "Agriculture, forestry and fishing"
  std::string htcds_value;  // the vic_ForcedLabourIndustry value, e.g. "A_AgricultureForestry..."
};

// The 21 sections A to U in order.
const std::vector<IsicSection>& IsicSections();

// The section with the letter `code` ("A") or the HTCDS value `code` ("A_Agriculture..."), or
// nullptr.
const IsicSection* FindIsicSection(std::string_view code);

}  // namespace hw::domain
