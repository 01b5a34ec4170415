#include "storage/audit_store.h"

#include <algorithm>
#include <initializer_list>

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kCols =
    "seq, time, actor, action, entity, entity_id, office_id, request_id, prev_hash, hash";

domain::AuditEntry FromRow(const Row& r) {
  domain::AuditEntry e;
  e.seq = r.Int(0);
  e.time = r.Int(1);
  e.actor = r.Text(2);
  e.action = r.Text(3);
  e.entity = r.Text(4);
  e.entity_id = r.Text(5);
  e.office_id = r.Text(6);
  e.request_id = r.Text(7);
  e.prev_hash = r.Text(8);
  e.hash = r.Text(9);
  return e;
}

std::vector<domain::AuditEntry> FromRows(const Rows& rows) {
  std::vector<domain::AuditEntry> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

Status AuditStore::LockForAppend() {
  if (conn_.backend() != Backend::kPostgres) return Status::Ok();
  return conn_.Query("SELECT pg_advisory_xact_lock(7243)").status();
}

Result<std::optional<domain::AuditEntry>> AuditStore::Last() {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kCols +
                                             " FROM audit_log ORDER BY seq DESC LIMIT 1"));
  if (rows.empty()) return std::optional<domain::AuditEntry>();
  return std::optional<domain::AuditEntry>(FromRow(rows[0]));
}

Status AuditStore::Insert(const domain::AuditEntry& e) { return InsertMany({e}); }

Status AuditStore::InsertMany(const std::vector<domain::AuditEntry>& entries) {
  for (size_t start = 0; start < entries.size(); start += kInsertChunk) {
    const size_t n = std::min(kInsertChunk, entries.size() - start);
    std::string sql = std::string("INSERT INTO audit_log (") + kCols + ") VALUES ";
    std::vector<Value> params;
    params.reserve(n * 10);
    for (size_t i = 0; i < n; ++i) {
      const domain::AuditEntry& e = entries[start + i];
      sql += i ? ",(" : "(";
      for (int c = 1; c <= 10; ++c) {
        sql += "$" + std::to_string(i * 10 + static_cast<size_t>(c)) + (c < 10 ? "," : ")");
      }
      for (Value v :
           std::initializer_list<Value>{e.seq, e.time, e.actor, e.action, e.entity, e.entity_id,
                                        e.office_id, e.request_id, e.prev_hash, e.hash}) {
        params.push_back(std::move(v));
      }
    }
    HW_RETURN_IF_ERROR(conn_.Execute(sql, params).status());
  }
  return Status::Ok();
}

Status AuditStore::AppendAtKnownHead(const std::vector<domain::AuditEntry>& entries) {
  if (conn_.backend() != Backend::kPostgres) {
    return Status::Internal("AppendAtKnownHead is for PostgreSQL");
  }
  if (entries.empty()) return Status::Ok();
  // Column-wise arrays: one statement, prepared once, for any number of entries.
  std::vector<std::vector<std::string>> cols(10);
  for (const domain::AuditEntry& e : entries) {
    cols[0].push_back(std::to_string(e.seq));
    cols[1].push_back(std::to_string(e.time));
    size_t c = 2;
    for (const std::string* v : {&e.actor, &e.action, &e.entity, &e.entity_id, &e.office_id,
                                 &e.request_id, &e.prev_hash, &e.hash}) {
      cols[c++].push_back(*v);
    }
  }
  std::vector<Value> params;
  params.reserve(cols.size());
  for (const auto& c : cols) params.emplace_back(PgTextArray(c));
  // The lock comes from the one-row subquery, evaluated before the first row is inserted; it is
  // held until this statement's own transaction commits.
  return conn_
      .Execute(std::string("INSERT INTO audit_log (") + kCols +
                   ") SELECT u.* FROM (SELECT pg_advisory_xact_lock(7243)) AS lock, "
                   "unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], "
                   "$6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u",
               params)
      .status();
}

Result<std::vector<domain::AuditEntry>> AuditStore::ListNewestFirst(const std::string& office_id,
                                                                    std::int64_t before,
                                                                    int limit) {
  if (before <= 0) before = INT64_MAX;
  Rows rows;
  if (office_id.empty()) {
    HW_ASSIGN_OR_RETURN(rows, conn_.Query(std::string("SELECT ") + kCols +
                                              " FROM audit_log WHERE seq < $1 ORDER BY seq DESC "
                                              "LIMIT $2",
                                          {before, std::int64_t{limit}}));
  } else {
    HW_ASSIGN_OR_RETURN(rows, conn_.Query(std::string("SELECT ") + kCols +
                                              " FROM audit_log WHERE office_id = $1 AND seq < $2 "
                                              "ORDER BY seq DESC LIMIT $3",
                                          {office_id, before, std::int64_t{limit}}));
  }
  return FromRows(rows);
}

Result<std::vector<domain::AuditEntry>> AuditStore::ScanFrom(std::int64_t after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kCols +
                                                 " FROM audit_log WHERE seq > $1 ORDER BY seq "
                                                 "LIMIT $2",
                                             {after, std::int64_t{limit}}));
  return FromRows(rows);
}

}  // namespace hw::storage
