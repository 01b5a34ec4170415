#include "storage/screening_store.h"

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kSetCols =
    "id, version, source, population, kind, body, created_by, created_at";
constexpr const char* kCols =
    "id, case_id, office_id, indicator_set, set_version, observed, result, suggested_victim, "
    "notes, decision, justification, decided_by, decided_at, created_by, created_at, updated_at, "
    "version";

IndicatorSetRow SetFromRow(const Row& r) {
  return {r.Text(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Int(7)};
}

ScreeningRow FromRow(const Row& r) {
  ScreeningRow s;
  s.id = r.Text(0);
  s.case_id = r.Text(1);
  s.office_id = r.Text(2);
  s.indicator_set = r.Text(3);
  s.set_version = r.Int(4);
  s.observed = r.Text(5);
  s.result = r.Text(6);
  s.suggested_victim = r.Int(7) != 0;
  s.notes = r.Text(8);
  s.decision = r.Text(9);
  s.justification = r.Text(10);
  s.decided_by = r.Text(11);
  s.decided_at = r.Int(12);
  s.created_by = r.Text(13);
  s.created_at = r.Int(14);
  s.updated_at = r.Int(15);
  s.version = r.Int(16);
  return s;
}

std::vector<Value> SetParams(const IndicatorSetRow& s) {
  return {s.id, s.version, s.source, s.population, s.kind, s.body, s.created_by, s.created_at};
}

}  // namespace

Status ScreeningStore::InsertSet(const IndicatorSetRow& s) {
  return conn_
      .Execute(std::string("INSERT INTO indicator_sets (") + kSetCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
               SetParams(s))
      .status();
}

Status ScreeningStore::InsertSetIfAbsent(const IndicatorSetRow& s) {
  return conn_
      .Execute(std::string("INSERT INTO indicator_sets (") + kSetCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (id, version) DO NOTHING",
               SetParams(s))
      .status();
}

Result<std::vector<IndicatorSetRow>> ScreeningStore::ListSets() {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kSetCols +
                                             " FROM indicator_sets ORDER BY id, version"));
  std::vector<IndicatorSetRow> out;
  for (const Row& r : rows) out.push_back(SetFromRow(r));
  return out;
}

Result<std::optional<IndicatorSetRow>> ScreeningStore::GetSet(const std::string& id,
                                                              std::int64_t version) {
  std::string sql = std::string("SELECT ") + kSetCols + " FROM indicator_sets WHERE id = $1";
  std::vector<Value> params{id};
  if (version > 0) {
    sql += " AND version = $2";
    params.emplace_back(version);
  } else {
    sql += " ORDER BY version DESC LIMIT 1";
  }
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  if (rows.empty()) return std::optional<IndicatorSetRow>();
  return std::optional<IndicatorSetRow>(SetFromRow(rows[0]));
}

Status ScreeningStore::Insert(const ScreeningRow& s) {
  return conn_
      .Execute(std::string("INSERT INTO screenings (") + kCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)",
               {s.id, s.case_id, s.office_id, s.indicator_set, s.set_version, s.observed, s.result,
                std::int64_t{s.suggested_victim ? 1 : 0}, BlobOrNull(s.notes),
                TextOrNull(s.decision), BlobOrNull(s.justification), TextOrNull(s.decided_by),
                s.decided_at == 0 ? Value(nullptr) : Value(s.decided_at), s.created_by,
                s.created_at, s.updated_at, s.version})
      .status();
}

Result<std::optional<ScreeningRow>> ScreeningStore::Get(const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(std::string("SELECT ") + kCols + " FROM screenings WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<ScreeningRow>();
  return std::optional<ScreeningRow>(FromRow(rows[0]));
}

Result<std::vector<ScreeningRow>> ScreeningStore::ListByCase(const std::string& case_id,
                                                             const std::string& after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kCols +
                                                 " FROM screenings WHERE case_id = $1 AND id > $2 "
                                                 "ORDER BY id LIMIT $3",
                                             {case_id, after, std::int64_t{limit}}));
  std::vector<ScreeningRow> out;
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Status ScreeningStore::UpdateDecision(const ScreeningRow& s, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute("UPDATE screenings SET decision=$1, justification=$2, decided_by=$3, "
                    "decided_at=$4, updated_at=$5, version=version+1 WHERE id=$6 AND version=$7",
                    {s.decision, BlobOrNull(s.justification), s.decided_by, s.decided_at, now, s.id,
                     s.version}));
  if (changed == 0) return StaleOrMissing(conn_, "screenings", s.id, "screening");
  return Status::Ok();
}

}  // namespace hw::storage
