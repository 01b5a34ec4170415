#include "storage/shelter_store.h"

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kShelterCols =
    "id, office_id, name, operator_type, operator_org, status, capacity, services, "
    "accessibility, secret, created_at, updated_at, version";
constexpr const char* kAdmissionCols =
    "a.id, a.shelter_id, a.office_id, a.case_id, c.number, a.population, a.admission_date, "
    "a.room, a.bed, a.referral, a.over_capacity, a.discharge_date, a.discharge_destination, "
    "a.discharge_reason, a.discharged_by, a.created_by, a.created_at, a.updated_at, a.version, "
    "c.pii";
constexpr const char* kIncidentCols =
    "id, shelter_id, office_id, kind, severity, occurred_at, description, follow_up, status, "
    "created_by, created_at, updated_at, version";

ShelterRow ShelterFromRow(const Row& r) {
  ShelterRow s;
  s.id = r.Text(0);
  s.office_id = r.Text(1);
  s.name = r.Text(2);
  s.operator_type = r.Text(3);
  s.operator_org = r.Text(4);
  s.status = r.Text(5);
  s.capacity = r.Text(6);
  s.services = r.Text(7);
  s.accessibility = r.Text(8);
  s.secret = r.Text(9);
  s.created_at = r.Int(10);
  s.updated_at = r.Int(11);
  s.version = r.Int(12);
  return s;
}

AdmissionRow AdmissionFromRow(const Row& r) {
  AdmissionRow out;
  domain::Admission& a = out.admission;
  a.id = r.Text(0);
  a.shelter_id = r.Text(1);
  a.office_id = r.Text(2);
  a.case_id = r.Text(3);
  a.case_number = r.Text(4);
  a.population = r.Text(5);
  a.admission_date = r.Text(6);
  a.room = r.Text(7);
  a.bed = r.Text(8);
  a.referral = r.Text(9);
  a.over_capacity = r.Int(10) != 0;
  if (!r.IsNull(11)) {
    a.discharge = domain::Discharge{r.Text(11), r.Text(12), r.Text(13), r.Text(14)};
  }
  a.created_by = r.Text(15);
  a.created_at = r.Int(16);
  a.updated_at = r.Int(17);
  a.version = r.Int(18);
  out.case_pii = r.Text(19);
  return out;
}

domain::Incident IncidentFromRow(const Row& r) {
  domain::Incident i;
  i.id = r.Text(0);
  i.shelter_id = r.Text(1);
  i.office_id = r.Text(2);
  i.kind = r.Text(3);
  i.severity = r.Text(4);
  i.occurred_at = r.Int(5);
  i.description = r.Text(6);
  i.follow_up = r.Text(7);
  i.status = r.Text(8);
  i.created_by = r.Text(9);
  i.created_at = r.Int(10);
  i.updated_at = r.Int(11);
  i.version = r.Int(12);
  return i;
}

std::string AdmissionSelect() {
  return std::string("SELECT ") + kAdmissionCols +
         " FROM shelter_admissions a JOIN cases c ON c.id = a.case_id";
}

}  // namespace

Status ShelterStore::InsertShelter(const ShelterRow& s) {
  return conn_
      .Execute(std::string("INSERT INTO shelters (") + kShelterCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
               {s.id, s.office_id, s.name, s.operator_type, s.operator_org, s.status, s.capacity,
                s.services, s.accessibility, BlobOrNull(s.secret), s.created_at, s.updated_at,
                s.version})
      .status();
}

Result<std::optional<ShelterRow>> ShelterStore::GetShelter(const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(std::string("SELECT ") + kShelterCols + " FROM shelters WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<ShelterRow>();
  return std::optional<ShelterRow>(ShelterFromRow(rows[0]));
}

Result<std::vector<ShelterRow>> ShelterStore::ListShelters(const ShelterFilter& f) {
  std::string sql = std::string("SELECT ") + kShelterCols + " FROM shelters WHERE 1=1";
  std::vector<Value> params;
  auto next = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (!f.office_id.empty()) sql += " AND office_id = " + next(f.office_id);
  if (!f.status.empty()) sql += " AND status = " + next(f.status);
  if (!f.after.empty()) {
    std::string p = next(f.after);
    sql += " AND (name > (SELECT name FROM shelters WHERE id = " + p +
           ") OR (name = (SELECT name FROM shelters WHERE id = " + p + ") AND id > " + p + "))";
  }
  sql += " ORDER BY name, id LIMIT " + next(std::int64_t{f.limit});
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  std::vector<ShelterRow> out;
  for (const Row& r : rows) out.push_back(ShelterFromRow(r));
  return out;
}

Status ShelterStore::UpdateShelter(const ShelterRow& s, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute("UPDATE shelters SET name=$1, operator_type=$2, operator_org=$3, status=$4, "
                    "capacity=$5, services=$6, accessibility=$7, secret=$8, updated_at=$9, "
                    "version=version+1 WHERE id=$10 AND version=$11",
                    {s.name, s.operator_type, s.operator_org, s.status, s.capacity, s.services,
                     s.accessibility, BlobOrNull(s.secret), now, s.id, s.version}));
  if (changed == 0) return StaleOrMissing(conn_, "shelters", s.id, "shelter");
  return Status::Ok();
}

Status ShelterStore::LockShelter(const std::string& id) {
  HW_ASSIGN_OR_RETURN(std::int64_t changed,
                      conn_.Execute("UPDATE shelters SET version = version WHERE id = $1", {id}));
  if (changed == 0) return Status::NotFound("shelter not found");
  return Status::Ok();
}

Result<std::map<std::string, std::map<std::string, std::int64_t>>> ShelterStore::OpenCounts(
    const std::vector<std::string>& shelter_ids) {
  std::map<std::string, std::map<std::string, std::int64_t>> out;
  if (shelter_ids.empty()) return out;
  std::string sql =
      "SELECT shelter_id, population, COUNT(*) FROM shelter_admissions "
      "WHERE discharge_date IS NULL AND shelter_id IN (";
  std::vector<Value> params;
  for (const std::string& id : shelter_ids) {
    params.emplace_back(id);
    sql += (params.size() == 1 ? "$" : ",$") + std::to_string(params.size());
  }
  sql += ") GROUP BY shelter_id, population";
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  for (const Row& r : rows) out[r.Text(0)][r.Text(1)] = r.Int(2);
  return out;
}

Status ShelterStore::InsertAdmission(const domain::Admission& a) {
  Status st =
      conn_
          .Execute(
              "INSERT INTO shelter_admissions (id, shelter_id, office_id, case_id, population, "
              "admission_date, room, bed, referral, over_capacity, created_by, created_at, "
              "updated_at, version) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
              {a.id, a.shelter_id, a.office_id, a.case_id, a.population, a.admission_date,
               TextOrNull(a.room), TextOrNull(a.bed), BlobOrNull(a.referral),
               std::int64_t{a.over_capacity ? 1 : 0}, a.created_by, a.created_at, a.updated_at,
               a.version})
          .status();
  if (st.code() == StatusCode::kConflict) {
    // Ids are fresh UUIDv7s: the only unique index that can refuse is the one on open stays.
    return Status::Conflict("the case is already admitted to a shelter")
        .WithReason("already_admitted");
  }
  return st;
}

Result<std::optional<AdmissionRow>> ShelterStore::GetAdmission(const std::string& id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(AdmissionSelect() + " WHERE a.id = $1", {id}));
  if (rows.empty()) return std::optional<AdmissionRow>();
  return std::optional<AdmissionRow>(AdmissionFromRow(rows[0]));
}

Result<std::optional<AdmissionRow>> ShelterStore::OpenAdmissionOfCase(const std::string& case_id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(AdmissionSelect() + " WHERE a.case_id = $1 AND a.discharge_date IS NULL",
                  {case_id}));
  if (rows.empty()) return std::optional<AdmissionRow>();
  return std::optional<AdmissionRow>(AdmissionFromRow(rows[0]));
}

Result<std::vector<AdmissionRow>> ShelterStore::ListAdmissions(const std::string& shelter_id,
                                                               StayState state,
                                                               const std::string& after,
                                                               int limit) {
  std::string sql = AdmissionSelect() + " WHERE a.shelter_id = $1";
  std::vector<Value> params{shelter_id};
  if (state == StayState::kCurrent) sql += " AND a.discharge_date IS NULL";
  if (state == StayState::kDischarged) sql += " AND a.discharge_date IS NOT NULL";
  if (!after.empty()) {
    params.emplace_back(after);
    sql +=
        " AND (a.admission_date > (SELECT admission_date FROM shelter_admissions WHERE id = $2) "
        "OR (a.admission_date = (SELECT admission_date FROM shelter_admissions WHERE id = $2) "
        "AND a.id > $2))";
  }
  params.emplace_back(std::int64_t{limit});
  sql += " ORDER BY a.admission_date, a.id LIMIT $" + std::to_string(params.size());
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  std::vector<AdmissionRow> out;
  for (const Row& r : rows) out.push_back(AdmissionFromRow(r));
  return out;
}

Status ShelterStore::Discharge(const domain::Admission& a, TimeMs now) {
  if (!a.discharge) return Status::Internal("discharge without discharge data");
  const domain::Discharge& d = *a.discharge;
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute(
          "UPDATE shelter_admissions SET discharge_date=$1, discharge_destination=$2, "
          "discharge_reason=$3, discharged_by=$4, updated_at=$5, version=version+1 "
          "WHERE id=$6 AND version=$7 AND discharge_date IS NULL",
          {d.date, d.destination, BlobOrNull(d.reason), d.discharged_by, now, a.id, a.version}));
  if (changed == 0) return StaleOrMissing(conn_, "shelter_admissions", a.id, "admission");
  return Status::Ok();
}

Result<std::vector<StayRow>> ShelterStore::StaysForOccupancy(const std::string& shelter_id,
                                                             const std::string& from,
                                                             const std::string& to) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query("SELECT population, admission_date, discharge_date FROM shelter_admissions "
                  "WHERE shelter_id = $1 AND (discharge_date IS NULL "
                  "OR (admission_date <= $2 AND discharge_date >= $3))",
                  {shelter_id, to, from}));
  std::vector<StayRow> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

Status ShelterStore::InsertIncident(const domain::Incident& i) {
  return conn_
      .Execute(
          std::string("INSERT INTO shelter_incidents (") + kIncidentCols +
              ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
          {i.id, i.shelter_id, i.office_id, i.kind, i.severity, i.occurred_at, Blob{i.description},
           BlobOrNull(i.follow_up), i.status, i.created_by, i.created_at, i.updated_at, i.version})
      .status();
}

Result<std::optional<domain::Incident>> ShelterStore::GetIncident(const std::string& id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kIncidentCols +
                                                 " FROM shelter_incidents WHERE id = $1",
                                             {id}));
  if (rows.empty()) return std::optional<domain::Incident>();
  return std::optional<domain::Incident>(IncidentFromRow(rows[0]));
}

Result<std::vector<domain::Incident>> ShelterStore::ListIncidents(const IncidentFilter& f) {
  std::string sql =
      std::string("SELECT ") + kIncidentCols + " FROM shelter_incidents WHERE shelter_id = $1";
  std::vector<Value> params{f.shelter_id};
  auto next = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (!f.status.empty()) sql += " AND status = " + next(f.status);
  if (!f.after.empty()) {
    std::string p = next(f.after);
    std::string at = "(SELECT occurred_at FROM shelter_incidents WHERE id = " + p + ")";
    sql += " AND (occurred_at < " + at + " OR (occurred_at = " + at + " AND id < " + p + "))";
  }
  sql += " ORDER BY occurred_at DESC, id DESC LIMIT " + next(std::int64_t{f.limit});
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  std::vector<domain::Incident> out;
  for (const Row& r : rows) out.push_back(IncidentFromRow(r));
  return out;
}

Status ShelterStore::UpdateIncident(const domain::Incident& i, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute("UPDATE shelter_incidents SET kind=$1, severity=$2, occurred_at=$3, "
                    "description=$4, follow_up=$5, status=$6, updated_at=$7, version=version+1 "
                    "WHERE id=$8 AND version=$9",
                    {i.kind, i.severity, i.occurred_at, Blob{i.description},
                     BlobOrNull(i.follow_up), i.status, now, i.id, i.version}));
  if (changed == 0) return StaleOrMissing(conn_, "shelter_incidents", i.id, "incident");
  return Status::Ok();
}

}  // namespace hw::storage
