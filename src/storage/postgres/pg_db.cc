#include "storage/postgres/pg_db.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

namespace hw::storage {
namespace {

constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;

// Result columns of these types come in binary (libpq's format 1): bytes as they are instead of
// hex-escaped bytea and text parsed back, integers as fixed-width big-endian. A statement with
// any other result type is read in text, as before.
bool BinaryReadable(Oid type) {
  switch (type) {
    case kBoolOid:
    case kByteaOid:
    case kInt8Oid:
    case kInt2Oid:
    case kInt4Oid:
    case 19:    // name
    case 25:    // text
    case 114:   // json (its binary form is its text)
    case 705:   // unknown (an untyped literal)
    case 1042:  // bpchar
    case 1043:  // varchar
      return true;
    default:
      return false;
  }
}

std::int64_t BigEndian(const char* p, int width) {
  std::uint64_t v = 0;
  for (int i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  // Sign-extend narrower integers.
  const int shift = 64 - 8 * width;
  return static_cast<std::int64_t>(v << shift) >> shift;
}

// One binary cell in the form the text protocol gives (and Row reads): integers as decimal text,
// booleans as "t"/"f", everything else as its bytes.
std::string BinaryCell(Oid type, const char* p, int len) {
  int width = 0;
  if (type == kInt8Oid) width = 8;
  if (type == kInt4Oid) width = 4;
  if (type == kInt2Oid) width = 2;
  if (width != 0 && len == width) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, BigEndian(p, width));
    (void)ec;
    return std::string(buf, end);
  }
  if (type == kBoolOid && len == 1) return *p != 0 ? "t" : "f";
  return std::string(p, static_cast<size_t>(len));
}

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
    std::vector<Oid> types(static_cast<size_t>(cols));
    std::vector<bool> binary(static_cast<size_t>(cols));
    for (int c = 0; c < cols; ++c) {
      types[static_cast<size_t>(c)] = PQftype(res.get(), c);
      binary[static_cast<size_t>(c)] = PQfformat(res.get(), c) == 1;
    }
    for (int r = 0; r < n; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        const auto col = static_cast<size_t>(c);
        if (PQgetisnull(res.get(), r, c)) {
          cells.emplace_back(std::nullopt);
        } else if (binary[col]) {
          cells.emplace_back(
              BinaryCell(types[col], PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c)));
        } else if (types[col] == kByteaOid) {
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
      Prepared stmt{std::to_string(prepared_.size()), false};
      stmt.name.insert(0, 1, 's');
      ResultPtr prep(PQprepare(conn_, stmt.name.c_str(), key.c_str(), 0, nullptr));
      if (PQresultStatus(prep.get()) != PGRES_COMMAND_OK) {
        return FromResult(prep.get(), conn_, "prepare");
      }
      ResultPtr desc(PQdescribePrepared(conn_, stmt.name.c_str()));
      if (PQresultStatus(desc.get()) != PGRES_COMMAND_OK) {
        return FromResult(desc.get(), conn_, "describe");
      }
      stmt.binary = PQnfields(desc.get()) > 0;
      for (int c = 0; c < PQnfields(desc.get()); ++c) {
        stmt.binary = stmt.binary && BinaryReadable(PQftype(desc.get(), c));
      }
      it = prepared_.emplace(std::move(key), std::move(stmt)).first;
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
    ResultPtr res(PQexecPrepared(conn_, it->second.name.c_str(), static_cast<int>(params.size()),
                                 values.data(), lengths.data(), formats.data(),
                                 it->second.binary ? 1 : 0));
    auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Status err = FromResult(res.get(), conn_, "query");
      return err;
    }
    return res;
  }

  struct Prepared {
    std::string name;
    bool binary;  // every result column BinaryReadable: results come in format 1
  };

  PGconn* conn_;
  std::unordered_map<std::string, Prepared> prepared_;
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
