#include "storage/case_store.h"

#include <algorithm>
#include <charconv>

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kCols =
    "id, office_id, number, status, trafficking_status, owner_id, gender, birth_year, citizenship, "
    "exploitation, referral_date, attrs, pii, created_at, updated_at, version";

// The columns above plus the record's wrapped data key: the row's copy, which the database keeps
// equal to data_keys (0010_case_key_mirror; NULL once shredded), so a read needs no look-up.
constexpr const char* kColsWithKey =
    "id, office_id, number, status, trafficking_status, owner_id, gender, birth_year, citizenship, "
    "exploitation, referral_date, attrs, pii, created_at, updated_at, version, wrapped_key";

// The same with attrs left out (empty), for list pages that show columns only.
constexpr const char* kListColsWithKey =
    "id, office_id, number, status, trafficking_status, owner_id, gender, birth_year, citizenship, "
    "exploitation, referral_date, '', pii, created_at, updated_at, version, wrapped_key";

CaseRow FromRow(Row& r) {
  CaseRow c;
  c.id = r.TakeText(0);
  c.office_id = r.TakeText(1);
  c.number = r.TakeText(2);
  c.status = r.TakeText(3);
  c.trafficking_status = r.TakeText(4);
  c.owner_id = r.TakeText(5);
  c.gender = r.TakeText(6);
  c.birth_year = r.OptInt(7);
  c.citizenship = r.TakeText(8);
  c.exploitation = r.TakeText(9);
  c.referral_date = r.TakeText(10);
  c.attrs = r.TakeText(11);
  c.pii = r.TakeText(12);
  c.created_at = r.Int(13);
  c.updated_at = r.Int(14);
  c.version = r.Int(15);
  if (r.size() > 16) c.wrapped_key = r.TakeOptText(16);
  return c;
}

Value OrNullInt(const std::optional<std::int64_t>& v) {
  if (!v) return nullptr;
  return *v;
}

// Builds "... AND col = $n" clauses with their parameters.
class Where {
 public:
  void Eq(const char* col, const std::string& v) {
    if (v.empty()) return;
    params_.emplace_back(v);
    sql_ += std::string(" AND ") + col + " = $" + std::to_string(params_.size());
  }
  // `col` holds ",A,B,": true when `v` is one of them. A substring search rather than LIKE:
  // SQLite re-prepares a statement whose LIKE pattern is a bound parameter at every new value.
  void Contains(Backend backend, const char* col, const std::string& v) {
    if (v.empty()) return;
    params_.emplace_back("," + v + ",");
    sql_ += std::string(" AND ") + (backend == Backend::kPostgres ? "strpos(" : "instr(") + col +
            ", $" + std::to_string(params_.size()) + ") > 0";
  }
  void Cmp(const char* col, const char* op, Value v) {
    params_.push_back(std::move(v));
    sql_ += std::string(" AND ") + col + " " + op + " $" + std::to_string(params_.size());
  }
  // `clause` holds one "$?" per value, numbered here in order.
  void Raw(std::string clause, std::vector<Value> values) {
    for (Value& v : values) {
      params_.push_back(std::move(v));
      std::string number = std::to_string(params_.size());
      number.insert(0, 1, '$');  // (not "$" + ...: GCC 12 -O2 warns falsely, -Wrestrict)
      clause.replace(clause.find("$?"), 2, number);
    }
    sql_ += " AND " + clause;
  }
  const std::string& sql() const { return sql_; }
  const std::vector<Value>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<Value> params_;
};

}  // namespace

Status CaseStore::Insert(const CaseRow& c) {
  return conn_
      .Execute(std::string("INSERT INTO cases (") + kCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)",
               {c.id, c.office_id, c.number, c.status, TextOrNull(c.trafficking_status),
                TextOrNull(c.owner_id), TextOrNull(c.gender), OrNullInt(c.birth_year),
                c.citizenship, c.exploitation, TextOrNull(c.referral_date), c.attrs,
                BlobOrNull(c.pii), c.created_at, c.updated_at, c.version})
      .status();
}

Result<std::optional<CaseRow>> CaseStore::Get(const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(std::string("SELECT ") + kColsWithKey + " FROM cases WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<CaseRow>();
  return std::optional<CaseRow>(FromRow(rows[0]));
}

Result<std::vector<CaseRow>> CaseStore::GetMany(const std::vector<std::string>& ids) {
  std::vector<CaseRow> out;
  if (ids.empty()) return out;
  // One parameter whatever the count, so the statement is prepared once: a text[] literal on
  // PostgreSQL, a JSON array on SQLite. Case ids are generated (printable ASCII); anything else
  // names no case and is left out, so that one odd id from a URL (a NUL, invalid UTF-8) cannot
  // fail the statement of the ids read with it.
  std::vector<std::string> valid;
  valid.reserve(ids.size());
  for (const std::string& id : ids) {
    if (!id.empty() && id.size() <= 128 &&
        std::all_of(id.begin(), id.end(), [](char ch) { return ch >= 0x20 && ch < 0x7f; })) {
      valid.push_back(id);
    }
  }
  if (valid.empty()) return out;
  const bool pg = conn_.backend() == Backend::kPostgres;
  std::string list = PgTextArray(valid);
  if (!pg) {  // for printable ASCII the same quoting is a JSON array: {"a","b"} -> ["a","b"]
    list.front() = '[';
    list.back() = ']';
  }
  const char* where = pg ? " FROM cases WHERE id = ANY($1::text[])"
                         : " FROM cases WHERE id IN (SELECT value FROM json_each($1))";
  HW_ASSIGN_OR_RETURN(Rows rows,
                      conn_.Query(std::string("SELECT ") + kColsWithKey + where, {list}));
  out.reserve(rows.size());
  for (Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Status CaseStore::Update(const CaseRow& c, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute(
          "UPDATE cases SET status=$1, trafficking_status=$2, owner_id=$3, gender=$4, "
          "birth_year=$5, citizenship=$6, exploitation=$7, referral_date=$8, attrs=$9, pii=$10, "
          "updated_at=$11, version=version+1 WHERE id=$12 AND version=$13",
          {c.status, TextOrNull(c.trafficking_status), TextOrNull(c.owner_id), TextOrNull(c.gender),
           OrNullInt(c.birth_year), c.citizenship, c.exploitation, TextOrNull(c.referral_date),
           c.attrs, BlobOrNull(c.pii), now, c.id, c.version}));
  if (changed == 0) return StaleOrMissing(conn_, "cases", c.id, "case");
  return Status::Ok();
}

Result<std::pair<std::vector<CaseRow>, std::optional<std::string>>> CaseStore::List(
    const CaseFilter& f) {
  Where w;
  w.Eq("office_id", f.office_id);
  w.Eq("status", f.status);
  w.Eq("trafficking_status", f.trafficking_status);
  w.Eq("owner_id", f.owner_id);
  w.Eq("gender", f.gender);
  w.Contains(conn_.backend(), "citizenship", f.citizenship);
  w.Contains(conn_.backend(), "exploitation", f.exploitation);
  if (f.birth_year_from) w.Cmp("birth_year", ">=", *f.birth_year_from);
  if (f.birth_year_to) w.Cmp("birth_year", "<=", *f.birth_year_to);
  if (f.created_from) w.Cmp("created_at", ">=", *f.created_from);
  if (f.created_to) w.Cmp("created_at", "<", *f.created_to);
  for (const std::string& t : f.name_tokens) {
    w.Raw("id IN (SELECT case_id FROM case_name_tokens WHERE token = $?)", {t});
  }
  // Cursor: "number" sort -> the last number; registration sort -> "created_at:id".
  if (!f.after.empty()) {
    if (f.sort_by_number) {
      w.Cmp("number", ">", f.after);
    } else {
      auto colon = f.after.find(':');
      std::int64_t ts = 0;
      if (colon == std::string::npos ||
          std::from_chars(f.after.data(), f.after.data() + colon, ts).ec != std::errc()) {
        return Status::InvalidField("after", "is not a valid cursor");
      }
      std::string id = f.after.substr(colon + 1);
      w.Raw("(created_at < $? OR (created_at = $? AND id < $?))", {ts, ts, id});
    }
  }
  // The page's ids first, from an index alone where the filters allow (0007_case_list_index),
  // then only those rows.
  const char* order = f.sort_by_number ? " ORDER BY number" : " ORDER BY created_at DESC, id DESC";
  const char* cols = f.without_attrs ? kListColsWithKey : kColsWithKey;
  const std::string limit = " LIMIT " + std::to_string(f.limit + 1);
  std::string sql;
  if (conn_.backend() == Backend::kSqlite) {
    // By rowid, which every index entry carries (by id would seek the id index first).
    sql = std::string("SELECT ") + cols + " FROM cases WHERE rowid IN (SELECT rowid FROM cases " +
          "WHERE 1=1" + w.sql() + order + limit + ")" + order;
  } else {
    // A join in page order: PostgreSQL reads each row as the page's ids come, already in order,
    // with no de-duplication of the ids (IN) and no sort of whole rows after. The page's columns
    // are renamed so that the row's own keep their names.
    sql = std::string("SELECT ") + cols + " FROM (SELECT id AS page_id, " +
          (f.sort_by_number ? "number" : "created_at") + " AS page_key FROM cases WHERE 1=1" +
          w.sql() + order + limit + ") AS p JOIN cases ON cases.id = p.page_id" +
          (f.sort_by_number ? " ORDER BY p.page_key" : " ORDER BY p.page_key DESC, p.page_id DESC");
  }
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, w.params()));
  std::vector<CaseRow> out;
  std::optional<std::string> next;
  for (Row& r : rows) {
    if (static_cast<int>(out.size()) == f.limit) {
      const CaseRow& last = out.back();
      next = f.sort_by_number ? last.number : std::to_string(last.created_at) + ":" + last.id;
      break;
    }
    out.push_back(FromRow(r));
  }
  return std::make_pair(std::move(out), next);
}

Result<std::int64_t> CaseStore::NextNumber(const std::string& office_id, int year) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query("INSERT INTO case_counters (office_id, year, next_value) VALUES ($1, $2, 1) "
                  "ON CONFLICT (office_id, year) DO UPDATE SET next_value = "
                  "case_counters.next_value + 1 RETURNING next_value",
                  {office_id, std::int64_t{year}}));
  if (rows.empty()) return Status::Internal("case counter returned nothing");
  return rows[0].Int(0);
}

Status CaseStore::ReplaceNameTokens(const std::string& case_id, const std::string& office_id,
                                    const std::vector<std::string>& tokens) {
  HW_RETURN_IF_ERROR(
      conn_.Execute("DELETE FROM case_name_tokens WHERE case_id = $1", {case_id}).status());
  for (const std::string& t : tokens) {
    HW_RETURN_IF_ERROR(conn_
                           .Execute("INSERT INTO case_name_tokens (token, case_id, office_id) "
                                    "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                    {t, case_id, office_id})
                           .status());
  }
  return Status::Ok();
}

Status CaseStore::InsertHistory(const std::string& case_id, const std::string& office_id,
                                const CaseHistoryRow& h) {
  return conn_
      .Execute(
          "INSERT INTO case_history (id, case_id, office_id, actor, time, changes) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          {h.id, case_id, office_id, h.actor, h.time, h.changes})
      .status();
}

Result<std::vector<CaseHistoryRow>> CaseStore::History(const std::string& case_id,
                                                       const std::string& after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT id, actor, time, changes FROM case_history "
                                             "WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                                             {case_id, after, std::int64_t{limit}}));
  std::vector<CaseHistoryRow> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2), r.Text(3)});
  return out;
}

}  // namespace hw::storage
