// Consent of a person to what the programme does with them and their data: assistance, data
// processing, sharing with a named organisation, use in anonymised statistics, return. A case's
// consents form an append-only history; the effective state of a kind (and, for sharing, of each
// organisation) is its latest entry, so a withdrawal is simply a newer entry.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"

namespace hw::domain {

namespace consent {
inline constexpr const char* kAssistance = "assistance";
inline constexpr const char* kDataProcessing = "data_processing";
inline constexpr const char* kSharing = "sharing";
inline constexpr const char* kStatistics = "statistics";
inline constexpr const char* kReturn = "return";
inline constexpr const char* kGiven = "given";
}  // namespace consent

// Every kind, in display order.
const std::vector<std::string>& ConsentKinds();

struct Consent {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::int64_t seq = 0;      // order within the case: 1, 2, ... (a later entry supersedes)
  std::string kind;          // ConsentKinds()
  std::string state;         // given | declined | withdrawn
  std::string date;          // YYYY-MM-DD, when the person gave/declined/withdrew it
  std::string form;          // written | verbal
  std::string witness;       // personal: required when verbal
  std::string organisation;  // required for sharing (the organisation data may go to), else ""
  std::string recorded_by;   // user id
  TimeMs created_at = 0;
};

// Checks kind, state, date (a real date, not after `today`), form, witness (required when verbal,
// at most 200 bytes) and organisation (required for sharing, refused for other kinds, at most 200
// bytes); names each bad field. Trims the organisation's surrounding spaces.
Status ValidateConsent(Consent& c, const std::string& today);

// The key under which sharing consents of one organisation are grouped: trimmed, ASCII
// case-folded, so "UNHCR" and "unhcr " are the same organisation.
std::string OrganisationKey(const std::string& organisation);

}  // namespace hw::domain
