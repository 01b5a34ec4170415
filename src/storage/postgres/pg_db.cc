#include "storage/postgres/pg_db.h"

#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

namespace hw::storage {
namespace {

constexpr Oid kByteaOid = 17;

Status FromResult(PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  if (state && std::strcmp(state, "23505") == 0)
    return Status::Conflict("unique constraint violated");
  if (msg.find("append-only") != std::string::npos) {
    return Status::PermissionDenied("the audit log is append-only");
  }
  if (state && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0)) {
    return Status::Unavailable("transaction conflict, retry");
  }
  return Status::Internal(std::string(what) + ": " + msg);
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Backend backend() const override { return Backend::kPostgres; }

  Status ExecScript(std::string_view sql) override {
    std::string s(sql);
    ResultPtr res(PQexec(conn_, s.c_str()));
    auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      return FromResult(res.get(), conn_, "exec");
    return Status::Ok();
  }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    HW_ASSIGN_OR_RETURN(ResultPtr res, Run(sql, params));
    Rows rows;
    int n = PQntuples(res.get());
    int cols = PQnfields(res.get());
    rows.reserve(static_cast<size_t>(n));
    for (int r = 0; r < n; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          cells.emplace_back(std::nullopt);
        } else if (PQftype(res.get(), c) == kByteaOid) {
          size_t len = 0;
          unsigned char* raw = PQunescapeBytea(
              reinterpret_cast<const unsigned char*>(PQgetvalue(res.get(), r, c)), &len);
          cells.emplace_back(std::string(reinterpret_cast<char*>(raw), len));
          PQfreemem(raw);
        } else {
          cells.emplace_back(std::string(PQgetvalue(res.get(), r, c),
                                         static_cast<size_t>(PQgetlength(res.get(), r, c))));
        }
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  Result<std::int64_t> Execute(std::string_view sql, const std::vector<Value>& params) override {
    HW_ASSIGN_OR_RETURN(ResultPtr res, Run(sql, params));
    const char* n = PQcmdTuples(res.get());
    return static_cast<std::int64_t>(n && *n ? std::atoll(n) : 0);
  }

  Status Begin() override { return ExecScript("BEGIN"); }
  Status Commit() override { return ExecScript("COMMIT"); }
  void Rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) ResultPtr(PQexec(conn_, "ROLLBACK"));
  }

  bool Healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

 private:
  Result<ResultPtr> Run(std::string_view sql, const std::vector<Value>& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      ResultPtr prep(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr));
      if (PQresultStatus(prep.get()) != PGRES_COMMAND_OK) {
        return FromResult(prep.get(), conn_, "prepare");
      }
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        text[i] = std::to_string(*n);
        values[i] = text[i].c_str();
      } else if (auto* s = std::get_if<std::string>(&v)) {
        values[i] = s->c_str();
      } else if (auto* b = std::get_if<Blob>(&v)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;
      }
    }
    ResultPtr res(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                 values.data(), lengths.data(), formats.data(), 0));
    auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Status err = FromResult(res.get(), conn_, "query");
      return err;
    }
    return res;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

class PgDatabase final : public Database {
 public:
  explicit PgDatabase(std::string url) : url_(std::move(url)) {}
  Backend backend() const override { return Backend::kPostgres; }

 protected:
  Result<std::unique_ptr<Connection>> Open() override {
    PGconn* conn = PQconnectdb(url_.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      // The libpq message may contain the host and user: keep it out of client answers.
      Status st =
          Status::Unavailable(std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn));
      PQfinish(conn);
      return st;
    }
    auto c = std::make_unique<PgConnection>(conn);
    HW_RETURN_IF_ERROR(c->ExecScript("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
    return std::unique_ptr<Connection>(std::move(c));
  }

 private:
  std::string url_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url) {
  auto db = std::make_unique<PgDatabase>(url);
  {
    HW_ASSIGN_OR_RETURN(auto conn, db->Acquire());
    (void)conn;
  }
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace hw::storage
