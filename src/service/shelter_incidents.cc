// Incidents in shelters. Their texts may name residents: sealed under the shelter's data key.
#include "common/id.h"
#include "crypto/field_cipher.h"
#include "domain/user.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/shelter_service.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

// Incident texts are for the shelter's staff: personal data and the residents' view.
bool SeesTexts(const Principal& p) {
  return p.Has(domain::perm::kViewPii) && p.Has(domain::perm::kReadResident);
}

std::string DescriptionField(const std::string& id) { return "incident:" + id + ":description"; }
std::string FollowUpField(const std::string& id) { return "incident:" + id + ":follow_up"; }

// Applies the given fields of `in`; a malformed occurred_at is named in `errors`.
void Apply(const IncidentInput& in, domain::Incident& i, Status::Fields& errors) {
  if (in.kind) i.kind = *in.kind;
  if (in.severity) i.severity = *in.severity;
  if (in.status) i.status = *in.status;
  if (in.description) i.description = *in.description;
  if (in.follow_up) i.follow_up = *in.follow_up;
  if (in.cleared.count("follow_up")) i.follow_up.clear();
  if (in.occurred_at) {
    auto t = domain::ParseRfc3339(*in.occurred_at);
    if (t) {
      i.occurred_at = *t;
    } else {
      errors.emplace("occurred_at", "must be an RFC 3339 time, e.g. 2026-11-20T21:30:00Z");
    }
  }
}

Status Check(const domain::Incident& i, TimeMs now, Status::Fields errors) {
  Status st = domain::ValidateIncident(i, now);
  for (const auto& [field, message] : st.fields()) {
    if (field == "occurred_at" && errors.count(field)) continue;
    errors.emplace(field, message);
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid incident", std::move(errors));
  return Status::Ok();
}

class IncidentTexts {
 public:
  IncidentTexts(crypto::RecordCipher& cipher, std::string shelter_id)
      : cipher_(cipher), shelter_id_(std::move(shelter_id)) {}

  Status Open(domain::Incident& i) {
    HW_ASSIGN_OR_RETURN(i.description, OpenOne(DescriptionField(i.id), i.description));
    HW_ASSIGN_OR_RETURN(i.follow_up, OpenOne(FollowUpField(i.id), i.follow_up));
    return Status::Ok();
  }

 private:
  Result<std::string> OpenOne(const std::string& field, const std::string& sealed) {
    if (sealed.empty()) return std::string();
    if (!key_) {
      HW_ASSIGN_OR_RETURN(crypto::Key32 key, cipher_.GetDataKey(shelter_id_));
      key_ = key;
    }
    return crypto::Open(*key_, shelter_id_, field, sealed);
  }

  crypto::RecordCipher& cipher_;
  std::string shelter_id_;
  std::optional<crypto::Key32> key_;
};

Result<domain::Incident> Sealed(const domain::Incident& i, crypto::RecordCipher& cipher) {
  domain::Incident out = i;
  HW_ASSIGN_OR_RETURN(out.description,
                      cipher.SealField(i.shelter_id, DescriptionField(i.id), i.description));
  if (!i.follow_up.empty()) {
    HW_ASSIGN_OR_RETURN(out.follow_up,
                        cipher.SealField(i.shelter_id, FollowUpField(i.id), i.follow_up));
  }
  return out;
}

}  // namespace

Result<Page<IncidentView>> ShelterService::ListIncidents(const Principal& p,
                                                         const std::string& shelter_id,
                                                         const std::string& status,
                                                         const PageRequest& page,
                                                         const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadShelter, ""));
  if (!status.empty() && status != "open" && status != "closed") {
    return Status::InvalidField("status", "must be one of open, closed");
  }
  const bool with_pii = SeesTexts(p);
  const TimeMs now = ctx_.clock.NowMs();
  Page<IncidentView> out;
  auto read = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow shelter,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kReadShelter));
    storage::IncidentFilter f{shelter.id, status, page.after, page.limit + 1};
    HW_ASSIGN_OR_RETURN(auto rows, storage::ShelterStore(conn).ListIncidents(f));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    IncidentTexts texts(cipher, shelter.id);
    for (auto& i : rows) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = out.items.back().incident.id;
        break;
      }
      if (with_pii) {
        HW_RETURN_IF_ERROR(texts.Open(i));
      } else {
        i.description.clear();
        i.follow_up.clear();
      }
      out.items.push_back({std::move(i), with_pii});
    }
    if (!with_pii || out.items.empty()) return Status::Ok();
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter_incident.read_pii", "shelter", shelter.id, shelter.office_id});
  };
  if (with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(read));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(read(*conn));
  }
  return out;
}

Result<IncidentView> ShelterService::CreateIncident(const Principal& p,
                                                    const std::string& shelter_id,
                                                    const IncidentInput& in,
                                                    const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateShelter, ""));
  if (!SeesTexts(p)) return Status::PermissionDenied("incident texts need view_pii");
  const TimeMs now = ctx_.clock.NowMs();
  IncidentView view;
  view.with_pii = true;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow shelter,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kUpdateShelter));
    domain::Incident& i = view.incident;
    i.status = "open";
    Status::Fields errors = in.errors;
    Apply(in, i, errors);
    if (!in.kind) errors.emplace("kind", "is required");
    if (!in.severity) errors.emplace("severity", "is required");
    if (!in.occurred_at) errors.emplace("occurred_at", "is required");
    if (!in.description) errors.emplace("description", "is required");
    HW_RETURN_IF_ERROR(Check(i, now, std::move(errors)));
    i.id = NewId();
    i.shelter_id = shelter.id;
    i.office_id = shelter.office_id;
    i.created_by = p.user_id;
    i.created_at = i.updated_at = now;
    i.version = 1;
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    HW_ASSIGN_OR_RETURN(domain::Incident stored, Sealed(i, cipher));
    HW_RETURN_IF_ERROR(storage::ShelterStore(conn).InsertIncident(stored));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter_incident.create", "shelter_incident", i.id, shelter.office_id});
  });
  if (!st.ok()) return st;
  return view;
}

Result<IncidentView> ShelterService::PatchIncident(const Principal& p,
                                                   const std::string& shelter_id,
                                                   const std::string& incident_id,
                                                   long long version, const IncidentInput& in,
                                                   const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateShelter, ""));
  const bool with_pii = SeesTexts(p);
  if ((in.description || in.follow_up || !in.cleared.empty()) && !with_pii) {
    return Status::PermissionDenied("incident texts need view_pii");
  }
  const TimeMs now = ctx_.clock.NowMs();
  IncidentView view;
  view.with_pii = with_pii;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow shelter,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kUpdateShelter));
    storage::ShelterStore store(conn);
    HW_ASSIGN_OR_RETURN(auto found, store.GetIncident(incident_id));
    if (!found || found->shelter_id != shelter.id) return Status::NotFound("incident not found");
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    domain::Incident& i = view.incident;
    i = *std::move(found);
    const domain::Incident stored_before = i;
    // Texts are opened to validate the merged record; without view_pii they stay untouched.
    if (with_pii) HW_RETURN_IF_ERROR(IncidentTexts(cipher, shelter.id).Open(i));
    Status::Fields errors = in.errors;
    Apply(in, i, errors);
    if (!with_pii) i.description = "-";  // sealed bytes, not validated as text
    HW_RETURN_IF_ERROR(Check(i, now, std::move(errors)));
    if (i.version != version) {
      return Status::Conflict("the incident was changed by someone else")
          .WithDetail("current_version", i.version);
    }
    domain::Incident stored = i;
    if (with_pii) {
      HW_ASSIGN_OR_RETURN(stored, Sealed(i, cipher));
    } else {
      stored.description = stored_before.description;
      stored.follow_up = stored_before.follow_up;
      i.description.clear();
      i.follow_up.clear();
    }
    HW_RETURN_IF_ERROR(store.UpdateIncident(stored, now));
    i.version += 1;
    i.updated_at = now;
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter_incident.update", "shelter_incident", i.id, shelter.office_id});
  });
  if (!st.ok()) return st;
  return view;
}

}  // namespace hw::service
