// Stays of cases in shelters: admissions, discharges, residents and occupancy.
#include <boost/json.hpp>

#include "common/id.h"
#include "domain/case.h"
#include "domain/user.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_scope.h"
#include "service/shelter_codec.h"
#include "service/shelter_service.h"
#include "storage/case_store.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

std::string ReferralField(const std::string& id) { return "admission:" + id + ":referral"; }
std::string ReasonField(const std::string& id) { return "admission:" + id + ":discharge_reason"; }

// The latest date a stay may be dated: tomorrow (UTC), for users east of Greenwich.
std::string LatestStayDate(TimeMs now) {
  return domain::DateOfDay(*domain::DayNumber(domain::TodayIso(now)) + 1);
}

std::int64_t DaysInShelter(const domain::Admission& a, const std::string& today) {
  return domain::NightsBetween(a.admission_date, a.discharge ? a.discharge->date : today);
}

Result<storage::StayState> ParseStayState(const std::string& state) {
  if (state.empty() || state == "all") return storage::StayState::kAll;
  if (state == "current") return storage::StayState::kCurrent;
  if (state == "discharged") return storage::StayState::kDischarged;
  return Status::InvalidField("status", "must be one of current, discharged, all");
}

// Opens the sealed texts of one admission in place (under its case's data key).
Status OpenStayTexts(domain::Admission& a, crypto::RecordCipher& cipher) {
  CaseTextOpener opener(cipher, a.case_id);
  HW_ASSIGN_OR_RETURN(a.referral, opener.Open(ReferralField(a.id), a.referral));
  if (a.discharge) {
    HW_ASSIGN_OR_RETURN(a.discharge->reason, opener.Open(ReasonField(a.id), a.discharge->reason));
  }
  return Status::Ok();
}

void HideStayTexts(domain::Admission& a) {
  a.referral.clear();
  if (a.discharge) a.discharge->reason.clear();
}

// The first given name, else the first alias, of a case's sealed personal fields.
Result<std::optional<std::string>> ResidentName(const std::string& case_id,
                                                const std::string& sealed_pii,
                                                crypto::RecordCipher& cipher) {
  if (sealed_pii.empty()) return std::optional<std::string>();
  HW_ASSIGN_OR_RETURN(std::string plain, cipher.OpenField(case_id, "pii", sealed_pii));
  boost::system::error_code ec;
  boost::json::value pii = boost::json::parse(plain, ec);
  if (ec || !pii.is_object()) return Status::Internal("case pii is not JSON");
  const auto& o = pii.as_object();
  if (const auto* first = o.if_contains("prs_FirstName");
      first && first->is_string() && !first->as_string().empty()) {
    std::string given(first->as_string());
    return std::optional<std::string>(given.substr(0, given.find(' ')));
  }
  if (const auto* aliases = o.if_contains("prs_Aliases"); aliases && aliases->is_array() &&
                                                          !aliases->as_array().empty() &&
                                                          aliases->as_array()[0].is_string()) {
    return std::optional<std::string>(std::string(aliases->as_array()[0].as_string()));
  }
  return std::optional<std::string>();
}

}  // namespace

Result<Page<AdmissionView>> ShelterService::ListAdmissions(const Principal& p,
                                                           const std::string& shelter_id,
                                                           const std::string& state,
                                                           const PageRequest& page,
                                                           const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadResident, ""));
  HW_ASSIGN_OR_RETURN(storage::StayState stay_state, ParseStayState(state));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  const std::string today = domain::TodayIso(now);
  Page<AdmissionView> out;
  auto read = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow shelter,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kReadResident));
    HW_ASSIGN_OR_RETURN(auto rows, storage::ShelterStore(conn).ListAdmissions(
                                       shelter.id, stay_state, page.after, page.limit + 1));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    for (auto& row : rows) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = out.items.back().admission.id;
        break;
      }
      domain::Admission a = std::move(row.admission);
      if (with_pii) {
        HW_RETURN_IF_ERROR(OpenStayTexts(a, cipher));
      } else {
        HideStayTexts(a);
      }
      std::int64_t days = DaysInShelter(a, today);
      out.items.push_back({std::move(a), with_pii, days});
    }
    if (!with_pii) return Status::Ok();
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter_admission.read_pii", "shelter", shelter.id, shelter.office_id});
  };
  if (with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(read));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(read(*conn));
  }
  return out;
}

Result<AdmissionView> ShelterService::Admit(const Principal& p, const std::string& shelter_id,
                                            const AdmissionInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateResident, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  if (in.referral && !with_pii) return Status::PermissionDenied("a referral text needs view_pii");
  const TimeMs now = ctx_.clock.NowMs();
  AdmissionView view;
  view.with_pii = with_pii;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow row,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kUpdateResident));
    HW_ASSIGN_OR_RETURN(domain::Shelter shelter, DecodeShelter(row));
    Status::Fields errors = in.errors;
    if (!in.case_id) errors.emplace("case_id", "is required");
    if (!in.population) errors.emplace("population", "is required");
    if (!in.admission_date) errors.emplace("admission_date", "is required");
    std::optional<storage::CaseRow> c;
    if (in.case_id) {
      HW_ASSIGN_OR_RETURN(c, storage::CaseStore(conn).Get(*in.case_id));
      // A case outside the caller's scope is the same NotFound as a missing one.
      if (!c || !Authorize(p, domain::perm::kUpdateResident, c->office_id).ok()) {
        return Status::NotFound("case not found");
      }
    }
    domain::Admission& a = view.admission;
    a.population = in.population.value_or("");
    a.admission_date = in.admission_date.value_or("");
    a.room = in.room.value_or("");
    a.bed = in.bed.value_or("");
    a.referral = in.referral.value_or("");
    Status valid = domain::ValidateAdmission(a, shelter.capacity, LatestStayDate(now));
    for (const auto& [field, message] : valid.fields()) errors.emplace(field, message);
    if (!errors.empty()) return Status::InvalidArgument("invalid admission", std::move(errors));
    if (shelter.status != "open") {
      return Status::Conflict("the shelter is " + shelter.status + ", not open")
          .WithReason("shelter_not_open");
    }
    storage::ShelterStore store(conn);
    // Serialise admissions to this shelter, so two cannot both take the last bed.
    HW_RETURN_IF_ERROR(store.LockShelter(row.id));
    HW_ASSIGN_OR_RETURN(auto open, store.OpenAdmissionOfCase(c->id));
    if (open) {
      return Status::Conflict("the case is already admitted to a shelter")
          .WithReason("already_admitted");
    }
    HW_ASSIGN_OR_RETURN(auto counts, store.OpenCounts({row.id}));
    const std::int64_t occupancy = counts[row.id][a.population];
    const std::int64_t capacity = shelter.capacity[a.population];
    if (occupancy >= capacity) {
      if (!in.override_capacity) {
        return Status::Conflict("'" + a.population + "' is at capacity (" +
                                std::to_string(occupancy) + " of " + std::to_string(capacity) +
                                "); send override_capacity: true to admit anyway")
            .WithReason("capacity_exceeded")
            .WithDetail("capacity", capacity)
            .WithDetail("occupancy", occupancy);
      }
      a.over_capacity = true;
    }
    a.id = NewId();
    a.shelter_id = row.id;
    a.office_id = row.office_id;
    a.case_id = c->id;
    a.case_number = c->number;
    a.created_by = p.user_id;
    a.created_at = a.updated_at = now;
    a.version = 1;
    domain::Admission stored = a;
    if (!a.referral.empty()) {
      storage::SqlWrappedKeyStore keys(conn, now);
      crypto::RecordCipher cipher(ctx_.keyring, keys);
      HW_ASSIGN_OR_RETURN(stored.referral,
                          cipher.SealField(c->id, ReferralField(a.id), a.referral));
    }
    HW_RETURN_IF_ERROR(store.InsertAdmission(stored));
    HW_RETURN_IF_ERROR(
        AppendAudit(conn, ctx_, p.user_id, info,
                    {a.over_capacity ? "shelter.admit_over_capacity" : "shelter.admit",
                     "shelter_admission", a.id, row.office_id}));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  view.days_in_shelter = DaysInShelter(view.admission, domain::TodayIso(now));
  return view;
}

Result<AdmissionView> ShelterService::Discharge(const Principal& p, const std::string& shelter_id,
                                                const DischargeInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kUpdateResident, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  if (in.reason && !with_pii) return Status::PermissionDenied("a discharge reason needs view_pii");
  if (!in.admission_id) return Status::InvalidField("admission_id", "is required");
  const TimeMs now = ctx_.clock.NowMs();
  AdmissionView view;
  view.with_pii = with_pii;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow shelter,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kUpdateResident));
    storage::ShelterStore store(conn);
    HW_ASSIGN_OR_RETURN(auto found, store.GetAdmission(*in.admission_id));
    if (!found || found->admission.shelter_id != shelter.id) {
      return Status::NotFound("admission not found");
    }
    domain::Admission& a = view.admission;
    a = std::move(found->admission);
    if (a.discharge) {
      return Status::Conflict("the stay has already ended").WithReason("already_discharged");
    }
    Status::Fields errors = in.errors;
    if (!in.discharge_date) errors.emplace("discharge_date", "is required");
    if (!in.destination) errors.emplace("destination", "is required");
    domain::Discharge d{in.discharge_date.value_or(""), in.destination.value_or(""),
                        in.reason.value_or(""), p.user_id};
    Status valid = domain::ValidateDischarge(a, d, LatestStayDate(now));
    for (const auto& [field, message] : valid.fields()) errors.emplace(field, message);
    if (!errors.empty()) return Status::InvalidArgument("invalid discharge", std::move(errors));
    if (a.version != in.version) {
      return Status::Conflict("the admission was changed by someone else")
          .WithDetail("current_version", a.version);
    }
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    domain::Admission stored = a;
    stored.discharge = d;
    if (!d.reason.empty()) {
      HW_ASSIGN_OR_RETURN(stored.discharge->reason,
                          cipher.SealField(a.case_id, ReasonField(a.id), d.reason));
    }
    HW_RETURN_IF_ERROR(store.Discharge(stored, now));
    if (with_pii) {
      HW_RETURN_IF_ERROR(OpenStayTexts(a, cipher));
    } else {
      HideStayTexts(a);
    }
    a.discharge = d;
    if (!with_pii) a.discharge->reason.clear();
    a.version += 1;
    a.updated_at = now;
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter.discharge", "shelter_admission", a.id, shelter.office_id});
  });
  if (!st.ok()) return st;
  view.days_in_shelter = DaysInShelter(view.admission, domain::TodayIso(now));
  return view;
}

Result<Page<ResidentView>> ShelterService::Residents(const Principal& p,
                                                     const std::string& shelter_id,
                                                     const PageRequest& page,
                                                     const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadResident, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  const std::string today = domain::TodayIso(now);
  Page<ResidentView> out;
  auto read = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::ShelterRow shelter,
                        LoadScopedShelter(conn, p, shelter_id, domain::perm::kReadResident));
    HW_ASSIGN_OR_RETURN(auto rows,
                        storage::ShelterStore(conn).ListAdmissions(
                            shelter.id, storage::StayState::kCurrent, page.after, page.limit + 1));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    for (auto& row : rows) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = out.items.back().admission.id;
        break;
      }
      ResidentView v;
      v.admission = std::move(row.admission);
      HideStayTexts(v.admission);  // the residents view never carries the case file
      v.days_in_shelter = DaysInShelter(v.admission, today);
      if (with_pii) {
        HW_ASSIGN_OR_RETURN(v.display_name,
                            ResidentName(v.admission.case_id, row.case_pii, cipher));
      }
      out.items.push_back(std::move(v));
    }
    if (!with_pii) return Status::Ok();
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"shelter.residents_read_pii", "shelter", shelter.id, shelter.office_id});
  };
  if (with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(read));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(read(*conn));
  }
  return out;
}

Result<OccupancyView> ShelterService::Occupancy(const Principal& p, const std::string& shelter_id,
                                                const std::string& from, const std::string& to) {
  HW_RETURN_IF_ERROR(Authorize(p, domain::perm::kReadShelter, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(storage::ShelterRow row,
                      LoadScopedShelter(*conn, p, shelter_id, domain::perm::kReadShelter));
  Status::Fields errors;
  auto from_day = domain::DayNumber(from);
  auto to_day = domain::DayNumber(to);
  if (from.empty()) {
    errors["from"] = "is required (YYYY-MM-DD)";
  } else if (!from_day) {
    errors["from"] = "must be a date YYYY-MM-DD";
  }
  if (to.empty()) {
    errors["to"] = "is required (YYYY-MM-DD)";
  } else if (!to_day) {
    errors["to"] = "must be a date YYYY-MM-DD";
  } else if (from_day && *to_day < *from_day) {
    errors["to"] = "must not be before from";
  } else if (from_day && *to_day - *from_day + 1 > kMaxOccupancyDays) {
    errors["to"] = "the range must be at most " + std::to_string(kMaxOccupancyDays) + " days";
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid range", std::move(errors));
  HW_ASSIGN_OR_RETURN(domain::Shelter shelter, DecodeShelter(row));
  HW_ASSIGN_OR_RETURN(auto rows, storage::ShelterStore(*conn).StaysForOccupancy(row.id, from, to));
  std::vector<Stay> stays;
  stays.reserve(rows.size());
  for (const auto& r : rows) {
    auto population = PopulationIndex(r.population);
    auto admitted = domain::DayNumber(r.admission_date);
    if (!population || !admitted) continue;  // not written by this service
    Stay s{*population, *admitted, std::nullopt};
    if (!r.discharge_date.empty()) s.discharged = domain::DayNumber(r.discharge_date);
    stays.push_back(s);
  }
  OccupancyView view;
  view.shelter_id = row.id;
  view.capacity = shelter.capacity;
  view.report = ComputeOccupancy(stays, *from_day, *to_day);
  return view;
}

}  // namespace hw::service
