#include "storage/office_store.h"

namespace hw::storage {
namespace {

constexpr const char* kCols =
    "id, organisation_id, name, code, country, created_at, updated_at, version";

domain::Office FromRow(const Row& r) {
  domain::Office o;
  o.id = r.Text(0);
  o.organisation_id = r.Text(1);
  o.name = r.Text(2);
  o.code = r.Text(3);
  o.country = r.Text(4);
  o.created_at = r.Int(5);
  o.updated_at = r.Int(6);
  o.version = r.Int(7);
  return o;
}

}  // namespace

Status OfficeStore::InsertOrganisation(const domain::Organisation& org, TimeMs now) {
  return conn_
      .Execute("INSERT INTO organisations (id, name, created_at, updated_at) VALUES ($1,$2,$3,$3)",
               {org.id, org.name, now})
      .status();
}

Result<std::optional<domain::Organisation>> OfficeStore::FirstOrganisation() {
  HW_ASSIGN_OR_RETURN(Rows rows,
                      conn_.Query("SELECT id, name FROM organisations ORDER BY id LIMIT 1"));
  if (rows.empty()) return std::optional<domain::Organisation>();
  return std::optional<domain::Organisation>(
      domain::Organisation{rows[0].Text(0), rows[0].Text(1)});
}

Status OfficeStore::Insert(const domain::Office& o) {
  return conn_
      .Execute(
          "INSERT INTO offices (id, organisation_id, name, code, country, created_at, updated_at, "
          "version) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
          {o.id, o.organisation_id, o.name, o.code, o.country, o.created_at, o.updated_at,
           static_cast<std::int64_t>(o.version)})
      .status();
}

Result<std::optional<domain::Office>> OfficeStore::Get(const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows, conn_.Query(std::string("SELECT ") + kCols + " FROM offices WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<domain::Office>();
  return std::optional<domain::Office>(FromRow(rows[0]));
}

Result<std::optional<domain::Office>> OfficeStore::FindByCode(const std::string& code) {
  HW_ASSIGN_OR_RETURN(
      Rows rows,
      conn_.Query(std::string("SELECT ") + kCols + " FROM offices WHERE code = $1", {code}));
  if (rows.empty()) return std::optional<domain::Office>();
  return std::optional<domain::Office>(FromRow(rows[0]));
}

Result<std::vector<domain::Office>> OfficeStore::List(const std::string& after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kCols +
                                                 " FROM offices WHERE id > $1 ORDER BY id LIMIT $2",
                                             {after, std::int64_t{limit}}));
  std::vector<domain::Office> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace hw::storage
