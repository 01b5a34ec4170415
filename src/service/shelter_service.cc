// The shelter registry; stays are in shelter_stays.cc, incidents in shelter_incidents.cc.
#include "service/shelter_service.h"

#include "common/id.h"
#include "domain/case_work.h"
#include "domain/user.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/shelter_codec.h"
#include "storage/key_store.h"
#include "storage/office_store.h"

namespace hw::service {
namespace {

// Applies the given clear fields of `in` to `s`.
void ApplyClear(const ShelterInput& in, domain::Shelter& s) {
  if (in.name) s.name = *in.name;
  if (in.operator_type) s.operator_type = *in.operator_type;
  if (in.operating_organisation) s.operating_organisation = *in.operating_organisation;
  if (in.status) s.status = *in.status;
  if (in.capacity) s.capacity = *in.capacity;
  if (in.services) s.services = *in.services;
  if (in.accessibility) s.accessibility = *in.accessibility;
  if (in.accessibility_notes) s.accessibility_notes = *in.accessibility_notes;
}

void ApplyLocation(const ShelterInput& in, domain::ShelterLocation& l) {
  if (in.address) l.address = *in.address;
  if (in.latitude) l.latitude = *in.latitude;
  if (in.longitude) l.longitude = *in.longitude;
  if (in.contacts) l.contacts = *in.contacts;
  if (in.cleared.count("address")) l.address.clear();
  if (in.cleared.count("latitude")) l.latitude.reset();
  if (in.cleared.count("longitude")) l.longitude.reset();
  if (in.cleared.count("contacts")) l.contacts.clear();
}

// Validation of the merged record, with the errors found while reading the request first.
Status Check(const domain::Shelter& s, Status::Fields errors) {
  Status st = domain::ValidateShelter(s);
  for (const auto& [field, message] : st.fields()) errors.emplace(field, message);
  if (!errors.empty()) return Status::InvalidArgument("invalid shelter", std::move(errors));
  return Status::Ok();
}

Status CheckLocationWrite(const Principal& p, const ShelterInput& in) {
  if (in.TouchesLocation() && !p.Has(domain::perm::kViewShelterLocation)) {
    return Status::PermissionDenied("address, coordinates and contacts need view_shelter_location");
  }
  return Status::Ok();
}

}  // namespace

Result<storage::ShelterRow> LoadScopedShelter(storage::Connection& conn, const Principal& p,
                                              const std::string& id, const char* permission) {
  HW_ASSIGN_OR_RETURN(auto row, storage::ShelterStore(conn).GetShelter(id));
  if (!row || !Authorize(p, permission, row->office_id).ok()) {
    return Status::NotFound("shelter not found");
  }
  return *std::move(row);
}

Result<Page<ShelterView>> ShelterService::List(const Principal& p, const std::string& status,
                                               const PageRequest& page) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadShelter, ""));
  if (!status.empty() && !domain::IsOneOf(domain::kShelterStatuses, status)) {
    return Status::InvalidField("status", "must be one of open, suspended, closed");
  }
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  storage::ShelterStore store(*conn);
  storage::ShelterFilter f;
  f.office_id = OfficeFilter(p);
  f.status = status;
  f.after = page.after;
  f.limit = page.limit + 1;
  HW_ASSIGN_OR_RETURN(auto rows, store.ListShelters(f));
  Page<ShelterView> out;
  std::vector<std::string> ids;
  for (const auto& row : rows) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next = out.items.back().shelter.id;
      break;
    }
    HW_ASSIGN_OR_RETURN(domain::Shelter s, DecodeShelter(row));
    ids.push_back(s.id);
    out.items.push_back({std::move(s), false, {}});
  }
  HW_ASSIGN_OR_RETURN(auto counts, store.OpenCounts(ids));
  for (auto& v : out.items) v.occupancy = counts[v.shelter.id];
  return out;
}

Result<ShelterView> ShelterService::Get(const Principal& p, const std::string& id,
                                        const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadShelter, ""));
  const bool with_location = p.Has(domain::perm::kViewShelterLocation);
  ShelterView view;
  view.with_location = with_location;
  auto read = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow row,
                        LoadScopedShelter(conn, p, id, domain::perm::kReadShelter));
    HW_ASSIGN_OR_RETURN(view.shelter, DecodeShelter(row));
    storage::ShelterStore store(conn);
    HW_ASSIGN_OR_RETURN(auto counts, store.OpenCounts({row.id}));
    view.occupancy = counts[row.id];
    if (!with_location || row.secret.empty()) return Status::Ok();
    storage::SqlWrappedKeyStore keys(conn, ctx_.clock.NowMs());
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    HW_ASSIGN_OR_RETURN(view.shelter.location, OpenLocation(row.id, row.secret, cipher));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter.read_location", "shelter", row.id, row.office_id});
  };
  if (with_location) {
    // The read of the location and its audit entry commit together.
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(read));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(read(*conn));
  }
  return view;
}

Result<ShelterView> ShelterService::Create(const Principal& p, const ShelterInput& in,
                                           const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kCreateShelter, ""));
  HW_RETURN_IF_ERROR(CheckLocationWrite(p, in));
  domain::Shelter s;
  s.status = "open";
  ApplyClear(in, s);
  ApplyLocation(in, s.location);
  Status::Fields errors = in.errors;
  if (!in.name) errors.emplace("name", "is required");
  if (!in.operator_type) errors.emplace("operator_type", "is required");
  if (!in.operating_organisation) errors.emplace("operating_organisation", "is required");
  if (!in.capacity) errors.emplace("capacity", "is required");
  s.office_id = in.office_id.value_or(p.office_id);
  if (s.office_id.empty() || !Authorize(p, domain::perm::kCreateShelter, s.office_id).ok()) {
    errors["office_id"] = "unknown office";
  }
  HW_RETURN_IF_ERROR(Check(s, std::move(errors)));
  const TimeMs now = ctx_.clock.NowMs();
  ShelterView view;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(auto office, storage::OfficeStore(conn).Get(s.office_id));
    if (!office) return Status::InvalidField("office_id", "unknown office");
    s.id = NewId();
    s.created_at = s.updated_at = now;
    s.version = 1;
    storage::ShelterRow row = EncodeShelter(s);
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    HW_ASSIGN_OR_RETURN(row.secret, SealLocation(s.id, s.location, cipher));
    HW_RETURN_IF_ERROR(storage::ShelterStore(conn).InsertShelter(row));
    HW_RETURN_IF_ERROR(
        AppendAudit(conn, ctx_, p.user_id, info, {"shelter.create", "shelter", s.id, s.office_id}));
    if (!row.secret.empty() && p.Has(domain::perm::kViewShelterLocation)) {
      // The answer shows the location back.
      return AppendAudit(conn, ctx_, p.user_id, info,
                         {"shelter.read_location", "shelter", s.id, s.office_id});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  view.with_location = p.Has(domain::perm::kViewShelterLocation);
  view.shelter = std::move(s);
  if (!view.with_location) view.shelter.location = {};
  return view;
}

Result<ShelterView> ShelterService::Patch(const Principal& p, const std::string& id,
                                          long long version, const ShelterInput& in,
                                          const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateShelter, ""));
  HW_RETURN_IF_ERROR(CheckLocationWrite(p, in));
  const bool with_location = p.Has(domain::perm::kViewShelterLocation);
  const TimeMs now = ctx_.clock.NowMs();
  ShelterView view;
  view.with_location = with_location;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow row,
                        LoadScopedShelter(conn, p, id, domain::perm::kUpdateShelter));
    HW_ASSIGN_OR_RETURN(domain::Shelter s, DecodeShelter(row));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    if (with_location) {
      HW_ASSIGN_OR_RETURN(s.location, OpenLocation(row.id, row.secret, cipher));
    }
    ApplyClear(in, s);
    ApplyLocation(in, s.location);
    HW_RETURN_IF_ERROR(Check(s, in.errors));
    if (row.version != version) {
      return Status::Conflict("the shelter was changed by someone else")
          .WithDetail("current_version", row.version);
    }
    storage::ShelterRow updated = EncodeShelter(s);
    updated.version = version;
    if (in.TouchesLocation()) {
      HW_ASSIGN_OR_RETURN(updated.secret, SealLocation(s.id, s.location, cipher));
    } else {
      updated.secret = row.secret;  // unchanged: written back as stored
    }
    storage::ShelterStore store(conn);
    HW_RETURN_IF_ERROR(store.UpdateShelter(updated, now));
    s.version = version + 1;
    s.updated_at = now;
    HW_ASSIGN_OR_RETURN(auto counts, store.OpenCounts({s.id}));
    view.occupancy = counts[s.id];
    HW_RETURN_IF_ERROR(
        AppendAudit(conn, ctx_, p.user_id, info, {"shelter.update", "shelter", s.id, s.office_id}));
    if (with_location && !s.location.Empty()) {
      HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                     {"shelter.read_location", "shelter", s.id, s.office_id}));
    }
    view.shelter = std::move(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

}  // namespace hw::service
