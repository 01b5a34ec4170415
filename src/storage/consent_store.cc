#include "storage/consent_store.h"

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kCols =
    "id, case_id, office_id, seq, kind, state, consent_date, form, witness, organisation, "
    "recorded_by, created_at";

ConsentRow FromRow(const Row& r) {
  ConsentRow out;
  domain::Consent& c = out.consent;
  c.id = r.Text(0);
  c.case_id = r.Text(1);
  c.office_id = r.Text(2);
  c.seq = r.Int(3);
  c.kind = r.Text(4);
  c.state = r.Text(5);
  c.date = r.Text(6);
  c.form = r.Text(7);
  out.sealed_witness = r.Text(8);
  c.organisation = r.Text(9);
  c.recorded_by = r.Text(10);
  c.created_at = r.Int(11);
  return out;
}

}  // namespace

Status ConsentStore::Append(ConsentRow& row) {
  domain::Consent& c = row.consent;
  // Serialise appenders of one case (PostgreSQL row lock; SQLite writers serialise anyway), so
  // MAX(seq) + 1 is free when we insert.
  HW_ASSIGN_OR_RETURN(
      std::int64_t locked,
      conn_.Execute("UPDATE cases SET version = version WHERE id = $1", {c.case_id}));
  if (locked == 0) return Status::NotFound("case not found");
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT COALESCE(MAX(seq), 0) + 1 FROM case_consents "
                                             "WHERE case_id = $1",
                                             {c.case_id}));
  c.seq = rows.empty() ? 1 : rows[0].Int(0);
  return conn_
      .Execute(
          "INSERT INTO case_consents (id, case_id, office_id, seq, kind, state, consent_date, "
          "form, witness, organisation, organisation_key, recorded_by, created_at) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
          {c.id, c.case_id, c.office_id, c.seq, c.kind, c.state, c.date, c.form,
           BlobOrNull(row.sealed_witness), c.organisation, domain::OrganisationKey(c.organisation),
           c.recorded_by, c.created_at})
      .status();
}

Result<std::vector<ConsentRow>> ConsentStore::ListForCase(const std::string& case_id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kCols +
                                                 " FROM case_consents WHERE case_id = $1 "
                                                 "ORDER BY seq DESC",
                                             {case_id}));
  std::vector<ConsentRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<std::optional<ConsentRow>> ConsentStore::Latest(const std::string& case_id,
                                                       const std::string& kind,
                                                       const std::string& organisation_key) {
  HW_ASSIGN_OR_RETURN(Rows rows,
                      conn_.Query(std::string("SELECT ") + kCols +
                                      " FROM case_consents WHERE case_id = $1 AND kind = $2 AND "
                                      "organisation_key = $3 ORDER BY seq DESC LIMIT 1",
                                  {case_id, kind, organisation_key}));
  if (rows.empty()) return std::optional<ConsentRow>();
  return std::optional<ConsentRow>(FromRow(rows[0]));
}

Result<std::map<std::string, std::string>> ConsentStore::LatestStates(
    const std::vector<std::string>& case_ids, const std::string& kind) {
  std::map<std::string, std::string> out;
  if (case_ids.empty()) return out;
  if (case_ids.size() > 1000) return Status::Internal("LatestStates: too many ids");
  std::vector<Value> params{kind};
  std::string in;
  for (const auto& id : case_ids) {
    params.emplace_back(id);
    in += (in.empty() ? "$" : ",$") + std::to_string(params.size());
  }
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query("SELECT c.case_id, c.state FROM case_consents c WHERE c.kind = $1 AND "
                  "c.organisation_key = '' AND c.case_id IN (" +
                      in +
                      ") AND c.seq = "
                      "(SELECT MAX(d.seq) FROM case_consents d WHERE d.case_id = c.case_id AND "
                      "d.kind = $1 AND d.organisation_key = '')",
                  params));
  for (const Row& r : rows) out[r.Text(0)] = r.Text(1);
  return out;
}

}  // namespace hw::storage
