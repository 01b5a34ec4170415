// Shelters: the registry (capacity per population, services, accessibility, status), the stays of
// cases in them (admission, discharge) and incidents. Plain records and their validation (no I/O).
//
// A shelter's address, coordinates and contacts (ShelterLocation) are secret: the service layer
// seals them under the shelter's data key and shows them only to holders of
// view_shelter_location. Referral texts, discharge reasons and incident texts are personal and
// sealed too; these structs carry them in clear while in memory.
//
// Dates are YYYY-MM-DD strings; day numbers count days since 1970-01-01 (UTC, proleptic
// Gregorian), for arithmetic on stays.
//
// Thread safety: values and pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"

namespace hw::domain {

namespace perm {
inline constexpr const char* kReadShelter = "read:shelter";
inline constexpr const char* kCreateShelter = "create:shelter";
inline constexpr const char* kUpdateShelter = "update:shelter";
inline constexpr const char* kReadResident = "read:resident";
inline constexpr const char* kUpdateResident = "update:resident";
inline constexpr const char* kViewShelterLocation = "view_shelter_location";
}  // namespace perm

// Wire names. The order of kPopulations is the order of every per-population report.
inline constexpr std::array<std::string_view, 4> kOperatorTypes = {
    "government", "ngo", "international_organisation", "private"};
inline constexpr std::array<std::string_view, 3> kShelterStatuses = {"open", "suspended", "closed"};
inline constexpr std::array<std::string_view, 5> kPopulations = {"women", "men", "girls", "boys",
                                                                 "families"};
inline constexpr std::array<std::string_view, 13> kShelterServices = {
    "accommodation", "food",           "medical",        "psychosocial",
    "legal",         "interpretation", "education",      "vocational_training",
    "childcare",     "recreation",     "family_tracing", "security",
    "other"};
inline constexpr std::array<std::string_view, 5> kAccessibilityFlags = {
    "wheelchair_accessible", "accessible_toilets", "ground_floor_rooms", "sign_language",
    "visual_impairment_support"};
inline constexpr std::array<std::string_view, 5> kDischargeDestinations = {
    "returned_to_country_of_origin", "moved_to_another_shelter", "independent_living",
    "left_without_notice", "other"};
inline constexpr std::array<std::string_view, 5> kIncidentKinds = {"security", "health", "conflict",
                                                                   "left_without_notice", "other"};
inline constexpr std::array<std::string_view, 4> kIncidentSeverities = {"low", "medium", "high",
                                                                        "critical"};
inline constexpr std::array<std::string_view, 2> kIncidentStatuses = {"open", "closed"};

inline constexpr std::int64_t kMaxCapacity = 100000;
inline constexpr size_t kMaxShelterName = 200;   // characters: name, organisation
inline constexpr size_t kMaxAddress = 1000;      // characters
inline constexpr size_t kMaxContacts = 20;       // entries
inline constexpr size_t kMaxContactField = 200;  // characters of each contact field
inline constexpr size_t kMaxAccessibilityNotes = 2000;
inline constexpr size_t kMaxRoomBed = 50;
inline constexpr size_t kMaxStayText = 4000;       // referral, discharge reason
inline constexpr size_t kMaxIncidentText = 20000;  // description, follow-up
// An incident may be dated this far ahead of the server's clock (clock skew of clients).
inline constexpr TimeMs kIncidentFutureSkewMs = TimeMs{5} * 60 * 1000;

struct ShelterContact {
  std::string name;
  std::string role;
  std::string phone;
  std::string email;
};

// The secret part of a shelter: sealed at rest, shown only with view_shelter_location.
struct ShelterLocation {
  std::string address;  // "" = not given
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::vector<ShelterContact> contacts;

  bool Empty() const { return address.empty() && !latitude && !longitude && contacts.empty(); }
};

struct Shelter {
  std::string id;
  std::string office_id;
  std::string name;
  std::string operator_type;                     // one of kOperatorTypes
  std::string operating_organisation;            // who runs it
  std::string status;                            // one of kShelterStatuses
  std::map<std::string, std::int64_t> capacity;  // population served -> beds
  std::vector<std::string> services;             // kShelterServices, no duplicates
  std::set<std::string> accessibility;           // the kAccessibilityFlags that hold
  std::string accessibility_notes;
  ShelterLocation location;  // secret
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

struct Discharge {
  std::string date;         // YYYY-MM-DD, not before the admission date
  std::string destination;  // one of kDischargeDestinations
  std::string reason;       // personal: sealed at rest ("" = none)
  std::string discharged_by;
};

// One stay of a case in a shelter; open while `discharge` is empty.
struct Admission {
  std::string id;
  std::string shelter_id;
  std::string office_id;  // the shelter's office
  std::string case_id;
  std::string case_number;  // filled by reads, for display
  std::string population;   // one of kPopulations, served by the shelter
  std::string admission_date;
  std::string room;
  std::string bed;
  std::string referral;  // personal: sealed at rest ("" = none)
  bool over_capacity = false;
  std::optional<Discharge> discharge;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

struct Incident {
  std::string id;
  std::string shelter_id;
  std::string office_id;
  std::string kind;      // one of kIncidentKinds
  std::string severity;  // one of kIncidentSeverities
  TimeMs occurred_at = 0;
  std::string description;  // personal: sealed at rest
  std::string follow_up;    // personal: sealed at rest ("" = none)
  std::string status;       // one of kIncidentStatuses
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

// Checks every field of `s` and names each bad one: "name", "operator_type",
// "operating_organisation", "status", "capacity" (none given), "capacity.women" (negative, too
// large), "capacity.pets" (unknown population), "services[2]", "accessibility.notes", "address",
// "latitude", "longitude", "contacts[0].name", ...
Status ValidateShelter(const Shelter& s);

// Checks population (and that `served` includes it), admission date (not after `latest_date`),
// room, bed and referral length. Field names: "population", "admission_date", "room", "bed",
// "referral".
Status ValidateAdmission(const Admission& a, const std::map<std::string, std::int64_t>& served,
                         const std::string& latest_date);

// Checks a discharge of `a`: "discharge_date" (a date, not before the admission date, not after
// `latest_date`), "destination", "reason".
Status ValidateDischarge(const Admission& a, const Discharge& d, const std::string& latest_date);

// Checks kind, severity, status, texts and that occurred_at is not beyond now + skew.
Status ValidateIncident(const Incident& i, TimeMs now);

// Days since 1970-01-01 of a valid YYYY-MM-DD date; nullopt for anything else.
std::optional<std::int64_t> DayNumber(const std::string& iso_date);
// The YYYY-MM-DD date of a day number.
std::string DateOfDay(std::int64_t day);
// An RFC 3339 time ("2026-11-20T21:30:00Z", "...:00.5+08:00") as ms since the epoch; nullopt if
// malformed.
std::optional<TimeMs> ParseRfc3339(const std::string& text);

// Nights between admission and `until` (both YYYY-MM-DD): 0 on the admission day; never negative.
std::int64_t NightsBetween(const std::string& from, const std::string& until);

}  // namespace hw::domain
