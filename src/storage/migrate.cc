#include <string>

#include "storage/db.h"
#include "storage/migrations.h"
#include "storage/postgres/pg_db.h"
#include "storage/sqlite/sqlite_db.h"

namespace hw::storage {

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return OpenPostgres(url);
  }
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  return OpenSqlite(path);
}

Status Migrate(Database& db) {
  const auto& migrations =
      db.backend() == Backend::kSqlite ? sqlite_migrations() : postgres_migrations();
  bool applied_any = false;
  HW_RETURN_IF_ERROR(db.InTransaction([&](Connection& conn) -> Status {
    HW_RETURN_IF_ERROR(conn.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT "
        "NOT NULL)"));
    if (db.backend() == Backend::kPostgres) {
      // Two servers starting at once must not both migrate.
      HW_RETURN_IF_ERROR(conn.ExecScript("LOCK TABLE schema_migrations IN EXCLUSIVE MODE"));
    }
    HW_ASSIGN_OR_RETURN(Rows done, conn.Query("SELECT name FROM schema_migrations"));
    for (const Migration& m : migrations) {
      bool applied = false;
      for (const Row& r : done) applied = applied || r.Text(0) == m.name;
      if (applied) continue;
      HW_RETURN_IF_ERROR(conn.ExecScript(m.sql));
      applied_any = true;
      HW_RETURN_IF_ERROR(
          conn.Execute("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)",
                       {std::string(m.name), std::int64_t{0}})
              .status());
    }
    return Status::Ok();
  }));
  // Statements prepared before a migration may no longer match the tables (PostgreSQL refuses
  // a cached plan whose result type changed): start again with fresh connections.
  if (applied_any) db.CloseIdleConnections();
  return Status::Ok();
}

}  // namespace hw::storage
