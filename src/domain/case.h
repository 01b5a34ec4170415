// A victim case: the person (prs_), the victim context (vic_) and the case (cas_) fields of
// HTCDS 2.0, described once as a table of field specs that drives JSON, validation, storage and
// history.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/clock.h"
#include "common/status.h"

namespace hw::domain {

enum class FieldKind {
  kText,         // free text (max_len)
  kTextList,     // list of free texts (aliases)
  kDate,         // YYYY-MM-DD
  kInt,          // whole number in [min, max]
  kVocab,        // one HTCDS value name of `vocabulary`
  kVocabList,    // several HTCDS value names of `vocabulary`
  kCountry,      // ISO 3166-1 alpha-2
  kCountryList,  // several ISO 3166-1 alpha-2
  kLanguage,     // ISO 639
  kUserId,       // a user of the same office
};

struct FieldSpec {
  const char* name = "";  // HTCDS name, e.g. "prs_FirstName"
  FieldKind kind = FieldKind::kText;
  const char* vocabulary = nullptr;  // for kVocab/kVocabList
  bool personal = false;             // encrypted at rest, shown only with view_pii
  bool in_person = false;            // lives under "person" in the API
  bool settable = false;             // accepted in create/patch bodies
  long long min = 0;                 // kInt bounds; kText max length
  long long max = 0;
};

const std::vector<FieldSpec>& CaseFieldSpecs();
const FieldSpec* FindCaseField(std::string_view name);

using FieldValue = std::variant<std::monostate, std::string, long long, std::vector<std::string>>;
using FieldMap = std::map<std::string, FieldValue>;  // absent key = not given; monostate = null

struct TraffickingEvent {
  std::string id;
  std::string type;        // hte_Type: Recruitment | Transit | Exploitation
  std::string country;     // hte_Country, ISO alpha-2
  std::string city;        // hte_City
  std::string start_date;  // hte_StartDate
  std::string end_date;    // hte_EndDate
};

struct Closure {
  std::string state;  // "", "requested", "approved", "rejected", "reopened"
  std::string requested_by;
  TimeMs requested_at = 0;
  std::string decided_by;
  TimeMs decided_at = 0;
  std::string comment;      // the supervisor's comment (personal: may describe the person)
  std::string reopened_by;  // set when a closed case is reopened ("reopened" state)
  TimeMs reopened_at = 0;
  std::string reopen_reason;  // personal, like the comment
};

struct CaseRecord {
  std::string id;
  std::string office_id;
  std::string number;  // e.g. MYS-KUL-2026-00042
  FieldMap fields;
  std::vector<TraffickingEvent> events;
  Closure closure;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

// Checks every given field of `fields` (kinds, vocabularies, dates, bounds) and `events`;
// names each bad one ("person.prs_Birthdate", "events[0].hte_EndDate"). `today` is YYYY-MM-DD.
Status ValidateCaseFields(const FieldMap& fields, const std::vector<TraffickingEvent>* events,
                          const std::string& today);

// The API path of a field for error messages: "person.prs_Birthdate" or "vic_TypeOfExploitation".
std::string FieldPath(const FieldSpec& spec);

// True when `s` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& s);
std::string TodayIso(TimeMs now);
// The latest calendar date anywhere on Earth (UTC+14) at `now`: the bound for "not in the future",
// so a user east of Greenwich can record their own today before UTC midnight.
std::string LatestTodayIso(TimeMs now);

// Age bands used by filters and statistics.
std::string AgeBand(std::optional<long long> birth_year, int current_year);
// Birth-year range [from, to] of a band ("0-17", "18-24", "25-34", "35-49", "50+"); false if
// unknown.
bool AgeBandYears(const std::string& band, int current_year, long long* from, long long* to);

}  // namespace hw::domain
