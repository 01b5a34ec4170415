// Shelters: the registry, admissions and discharges of cases, residents, occupancy, incidents.
// The contract is docs/api-shelters.md.
//
// Permissions (domain::perm): read:shelter, create:shelter, update:shelter, read:resident,
// update:resident, each for the shelter's office (a shelter outside the caller's scope is
// NotFound, like a missing one). Secret fields (address, coordinates, contacts) are sealed under
// the shelter's data key (field "location"); they are read and written only with
// view_shelter_location and every answer that carries them is audited
// (shelter.read_location). Referral texts and discharge reasons are sealed under the *case's*
// data key ("admission:<id>:referral", "admission:<id>:discharge_reason"), incident texts under
// the shelter's ("incident:<id>:description", "incident:<id>:follow_up"); both need view_pii
// and their reads are audited. Every write is audited without personal values and every update
// is version-checked (Conflict with current_version).
//
// Thread-safe (holds references only).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/shelter.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"
#include "service/shelter_occupancy.h"
#include "storage/shelter_store.h"

namespace hw::service {

// Fields of a shelter as sent; absent = nullopt; null = named in `cleared` (secret fields only).
struct ShelterInput {
  std::optional<std::string> name, operator_type, operating_organisation, status, office_id;
  std::optional<std::map<std::string, std::int64_t>> capacity;
  std::optional<std::vector<std::string>> services;
  std::optional<std::set<std::string>> accessibility;  // with accessibility_notes: one object
  std::optional<std::string> accessibility_notes;
  std::optional<std::string> address;
  std::optional<double> latitude, longitude;
  std::optional<std::vector<domain::ShelterContact>> contacts;
  std::set<std::string> cleared;  // "address", "latitude", "longitude", "contacts"
  Status::Fields errors;          // found while reading the request

  // True when the request sends (or clears) any secret field.
  bool TouchesLocation() const {
    return address || latitude || longitude || contacts || !cleared.empty();
  }
};

struct ShelterView {
  domain::Shelter shelter;                        // `location` empty unless with_location
  bool with_location = false;                     // the caller holds view_shelter_location
  std::map<std::string, std::int64_t> occupancy;  // open stays per population
};

struct AdmissionInput {
  std::optional<std::string> case_id, population, admission_date, referral, room, bed;
  bool override_capacity = false;
  Status::Fields errors;
};

struct DischargeInput {
  std::optional<std::string> admission_id, discharge_date, destination, reason;
  long long version = 0;
  Status::Fields errors;
};

struct AdmissionView {
  domain::Admission admission;  // referral / discharge reason "" unless with_pii
  bool with_pii = false;
  std::int64_t days_in_shelter = 0;  // nights so far (today UTC), or of the completed stay
};

struct ResidentView {
  domain::Admission admission;
  std::optional<std::string> display_name;  // only with view_pii
  std::int64_t days_in_shelter = 0;
};

struct OccupancyView {
  std::string shelter_id;
  std::map<std::string, std::int64_t> capacity;
  OccupancyReport report;
};

struct IncidentInput {
  std::optional<std::string> kind, severity, occurred_at, description, follow_up, status;
  std::set<std::string> cleared;  // "follow_up"
  Status::Fields errors;
};

struct IncidentView {
  domain::Incident incident;  // texts "" unless with_pii
  bool with_pii = false;
};

// Longest occupancy report, in days (inclusive).
inline constexpr std::int64_t kMaxOccupancyDays = 366;

class ShelterService {
 public:
  explicit ShelterService(Context& ctx) : ctx_(ctx) {}

  // Shelters of the caller's scope by name; `status` "" = any. Never carries secret fields.
  Result<Page<ShelterView>> List(const Principal& p, const std::string& status,
                                 const PageRequest& page);
  Result<ShelterView> Get(const Principal& p, const std::string& id, const RequestInfo& info);
  Result<ShelterView> Create(const Principal& p, const ShelterInput& in, const RequestInfo& info);
  Result<ShelterView> Patch(const Principal& p, const std::string& id, long long version,
                            const ShelterInput& in, const RequestInfo& info);

  // `state` "current", "discharged" or "all".
  Result<Page<AdmissionView>> ListAdmissions(const Principal& p, const std::string& shelter_id,
                                             const std::string& state, const PageRequest& page,
                                             const RequestInfo& info);
  Result<AdmissionView> Admit(const Principal& p, const std::string& shelter_id,
                              const AdmissionInput& in, const RequestInfo& info);
  Result<AdmissionView> Discharge(const Principal& p, const std::string& shelter_id,
                                  const DischargeInput& in, const RequestInfo& info);
  Result<Page<ResidentView>> Residents(const Principal& p, const std::string& shelter_id,
                                       const PageRequest& page, const RequestInfo& info);
  // `from`, `to` as sent (YYYY-MM-DD); InvalidArgument names "from" or "to".
  Result<OccupancyView> Occupancy(const Principal& p, const std::string& shelter_id,
                                  const std::string& from, const std::string& to);

  Result<Page<IncidentView>> ListIncidents(const Principal& p, const std::string& shelter_id,
                                           const std::string& status, const PageRequest& page,
                                           const RequestInfo& info);
  Result<IncidentView> CreateIncident(const Principal& p, const std::string& shelter_id,
                                      const IncidentInput& in, const RequestInfo& info);
  Result<IncidentView> PatchIncident(const Principal& p, const std::string& shelter_id,
                                     const std::string& incident_id, long long version,
                                     const IncidentInput& in, const RequestInfo& info);

 private:
  Context& ctx_;
};

// The shelter `id` when `p` holds `permission` for its office; NotFound otherwise (a shelter of
// an office outside the scope is indistinguishable from a missing one).
Result<storage::ShelterRow> LoadScopedShelter(storage::Connection& conn, const Principal& p,
                                              const std::string& id, const char* permission);

}  // namespace hw::service
