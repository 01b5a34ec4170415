// Shelters, their admissions (stays of cases) and incidents as stored. Clear fields of a shelter
// that are lists or maps arrive and leave as JSON text (encoded by the service layer); sealed
// columns (the shelter's `secret`, referral texts, discharge reasons, incident texts) arrive and
// leave as raw bytes: the service layer seals and opens them. Runs on the caller's connection
// (and transaction).
//
// Pagination: every list takes the id of the last row of the previous page as its cursor and
// returns rows after it in the list's order ("" = from the start).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/shelter.h"
#include "storage/db.h"

namespace hw::storage {

struct ShelterRow {
  std::string id;
  std::string office_id;
  std::string name;
  std::string operator_type;
  std::string operator_org;
  std::string status;
  std::string capacity;       // JSON object
  std::string services;       // JSON array
  std::string accessibility;  // JSON object
  std::string secret;         // sealed bytes ("" = none)
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;
};

struct ShelterFilter {
  std::string office_id;  // "" = every office
  std::string status;     // "" = any
  std::string after;      // cursor: a shelter id; order is (name, id)
  int limit = 50;
};

// An admission with its sealed texts as bytes (`referral`, `discharge->reason`), the case number
// and the case's sealed `pii` (for a resident's display name).
struct AdmissionRow {
  domain::Admission admission;
  std::string case_pii;
};

enum class StayState { kAll, kCurrent, kDischarged };

// What occupancy needs of a stay.
struct StayRow {
  std::string population;
  std::string admission_date;
  std::string discharge_date;  // "" = open
};

struct IncidentFilter {
  std::string shelter_id;
  std::string status;  // "" = any
  std::string after;   // cursor: an incident id; order is (occurred_at DESC, id DESC)
  int limit = 50;
};

class ShelterStore {
 public:
  explicit ShelterStore(Connection& conn) : conn_(conn) {}

  Status InsertShelter(const ShelterRow& row);
  Result<std::optional<ShelterRow>> GetShelter(const std::string& id);
  Result<std::vector<ShelterRow>> ListShelters(const ShelterFilter& f);
  // Version-checked: Conflict (detail current_version) when stale, NotFound when absent. Bumps
  // the version.
  Status UpdateShelter(const ShelterRow& row, TimeMs now);
  // Takes the shelter row's write lock (a no-op UPDATE), so that admissions to one shelter
  // serialise on PostgreSQL as they do on SQLite (BEGIN IMMEDIATE). NotFound when absent.
  Status LockShelter(const std::string& id);

  // Open stays per shelter and population, for `shelter_ids`.
  Result<std::map<std::string, std::map<std::string, std::int64_t>>> OpenCounts(
      const std::vector<std::string>& shelter_ids);

  // Conflict with reason "already_admitted" when the case has an open stay (unique index).
  Status InsertAdmission(const domain::Admission& a);
  Result<std::optional<AdmissionRow>> GetAdmission(const std::string& id);
  // The open stay of a case anywhere, if any.
  Result<std::optional<AdmissionRow>> OpenAdmissionOfCase(const std::string& case_id);
  // Stays of one shelter by (admission_date, id).
  Result<std::vector<AdmissionRow>> ListAdmissions(const std::string& shelter_id, StayState state,
                                                   const std::string& after, int limit);
  // Writes the discharge of `a` (version-checked like UpdateShelter).
  Status Discharge(const domain::Admission& a, TimeMs now);
  // What an occupancy report over [from, to] needs: every open stay of the shelter, and the
  // discharged stays that overlap the range (admitted on or before `to`, discharged on or after
  // `from`).
  Result<std::vector<StayRow>> StaysForOccupancy(const std::string& shelter_id,
                                                 const std::string& from, const std::string& to);

  Status InsertIncident(const domain::Incident& i);
  Result<std::optional<domain::Incident>> GetIncident(const std::string& id);
  Result<std::vector<domain::Incident>> ListIncidents(const IncidentFilter& f);
  Status UpdateIncident(const domain::Incident& i, TimeMs now);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
