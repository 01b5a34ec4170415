#include "storage/case_work_store.h"

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kServiceCols =
    "id, case_id, office_id, type, provider, start_date, end_date, status, cost_milli, currency, "
    "funding_source, created_by, created_at, updated_at, version";
constexpr const char* kNoteCols = "id, case_id, office_id, author, body, created_at";
constexpr const char* kTaskCols =
    "t.id, t.case_id, t.office_id, t.title, t.due_date, t.assignee_id, t.status, t.created_by, "
    "t.created_at, t.updated_at, t.version, c.number";

domain::AssistanceService ServiceFromRow(const Row& r) {
  domain::AssistanceService s;
  s.id = r.Text(0);
  s.case_id = r.Text(1);
  s.office_id = r.Text(2);
  s.type = r.Text(3);
  s.provider = r.Text(4);
  s.start_date = r.Text(5);
  s.end_date = r.Text(6);
  s.status = r.Text(7);
  s.cost_milli = r.OptInt(8);
  s.currency = r.Text(9);
  s.funding_source = r.Text(10);
  s.created_by = r.Text(11);
  s.created_at = r.Int(12);
  s.updated_at = r.Int(13);
  s.version = r.Int(14);
  return s;
}

domain::CaseTask TaskFromRow(const Row& r) {
  domain::CaseTask t;
  t.id = r.Text(0);
  t.case_id = r.Text(1);
  t.office_id = r.Text(2);
  t.title = r.Text(3);
  t.due_date = r.Text(4);
  t.assignee_id = r.Text(5);
  t.status = r.Text(6);
  t.created_by = r.Text(7);
  t.created_at = r.Int(8);
  t.updated_at = r.Int(9);
  t.version = r.Int(10);
  t.case_number = r.Text(11);
  return t;
}

std::string TaskSelect() {
  return std::string("SELECT ") + kTaskCols +
         " FROM case_tasks t JOIN cases c ON c.id = t.case_id WHERE 1=1";
}

}  // namespace

Status CaseWorkStore::InsertService(const domain::AssistanceService& s) {
  return conn_
      .Execute(std::string("INSERT INTO case_services (") + kServiceCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)",
               {s.id, s.case_id, s.office_id, s.type, TextOrNull(s.provider),
                TextOrNull(s.start_date), TextOrNull(s.end_date), s.status,
                s.cost_milli ? Value(*s.cost_milli) : Value(nullptr), TextOrNull(s.currency),
                TextOrNull(s.funding_source), s.created_by, s.created_at, s.updated_at, s.version})
      .status();
}

Result<std::optional<domain::AssistanceService>> CaseWorkStore::GetService(const std::string& id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kServiceCols +
                                                 " FROM case_services WHERE id = $1",
                                             {id}));
  if (rows.empty()) return std::optional<domain::AssistanceService>();
  return std::optional<domain::AssistanceService>(ServiceFromRow(rows[0]));
}

Result<std::vector<domain::AssistanceService>> CaseWorkStore::ListServices(
    const std::string& case_id, const std::string& after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows,
                      conn_.Query(std::string("SELECT ") + kServiceCols +
                                      " FROM case_services WHERE case_id = $1 AND id > $2 "
                                      "ORDER BY id LIMIT $3",
                                  {case_id, after, std::int64_t{limit}}));
  std::vector<domain::AssistanceService> out;
  for (const Row& r : rows) out.push_back(ServiceFromRow(r));
  return out;
}

Status CaseWorkStore::UpdateService(const domain::AssistanceService& s, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute(
          "UPDATE case_services SET type=$1, provider=$2, start_date=$3, end_date=$4, status=$5, "
          "cost_milli=$6, currency=$7, funding_source=$8, updated_at=$9, version=version+1 "
          "WHERE id=$10 AND version=$11",
          {s.type, TextOrNull(s.provider), TextOrNull(s.start_date), TextOrNull(s.end_date),
           s.status, s.cost_milli ? Value(*s.cost_milli) : Value(nullptr), TextOrNull(s.currency),
           TextOrNull(s.funding_source), now, s.id, s.version}));
  if (changed == 0) return StaleOrMissing(conn_, "case_services", s.id, "service");
  return Status::Ok();
}

Status CaseWorkStore::InsertNote(const NoteRow& n) {
  return conn_
      .Execute(
          "INSERT INTO case_notes (id, case_id, office_id, author, body, created_at, "
          "updated_at, version) VALUES ($1,$2,$3,$4,$5,$6,$7,1)",
          {n.id, n.case_id, n.office_id, n.author, Blob{n.body}, n.created_at, n.created_at})
      .status();
}

Result<std::vector<NoteRow>> CaseWorkStore::ListNotes(const std::string& case_id,
                                                      const std::string& after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kNoteCols +
                                                 " FROM case_notes WHERE case_id = $1 AND id > $2 "
                                                 "ORDER BY id LIMIT $3",
                                             {case_id, after, std::int64_t{limit}}));
  std::vector<NoteRow> out;
  for (const Row& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  return out;
}

Status CaseWorkStore::InsertTask(const domain::CaseTask& t) {
  return conn_
      .Execute(
          "INSERT INTO case_tasks (id, case_id, office_id, title, due_date, assignee_id, "
          "status, created_by, created_at, updated_at, version) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
          {t.id, t.case_id, t.office_id, Blob{t.title}, t.due_date, t.assignee_id, t.status,
           t.created_by, t.created_at, t.updated_at, t.version})
      .status();
}

Result<std::optional<domain::CaseTask>> CaseWorkStore::GetTask(const std::string& id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(TaskSelect() + " AND t.id = $1", {id}));
  if (rows.empty()) return std::optional<domain::CaseTask>();
  return std::optional<domain::CaseTask>(TaskFromRow(rows[0]));
}

Result<std::vector<domain::CaseTask>> CaseWorkStore::ListTasks(const std::string& case_id,
                                                               const std::string& after,
                                                               int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(TaskSelect() + " AND t.case_id = $1 AND t.id > $2 "
                                                            "ORDER BY t.id LIMIT $3",
                                             {case_id, after, std::int64_t{limit}}));
  std::vector<domain::CaseTask> out;
  for (const Row& r : rows) out.push_back(TaskFromRow(r));
  return out;
}

Result<std::vector<domain::CaseTask>> CaseWorkStore::FindTasks(const TaskFilter& f) {
  std::string sql = TaskSelect() + " AND t.assignee_id = $1";
  std::vector<Value> params{f.assignee_id};
  auto add = [&](const std::string& clause, Value v) {
    params.push_back(std::move(v));
    std::string n = "$" + std::to_string(params.size());
    std::string c = clause;
    for (size_t pos; (pos = c.find("$?")) != std::string::npos;) c.replace(pos, 2, n);
    sql += " AND " + c;
  };
  if (!f.office_id.empty()) add("t.office_id = $?", f.office_id);
  if (!f.status.empty()) add("t.status = $?", f.status);
  if (!f.due_before.empty()) add("t.due_date < $?", f.due_before);
  if (!f.after.empty()) {
    auto bar = f.after.find('_');
    if (bar == std::string::npos) return Status::InvalidField("after", "is not a valid cursor");
    params.emplace_back(f.after.substr(0, bar));
    std::string due = "$" + std::to_string(params.size());
    params.emplace_back(f.after.substr(bar + 1));
    std::string id = "$" + std::to_string(params.size());
    sql += " AND (t.due_date > " + due + " OR (t.due_date = " + due + " AND t.id > " + id + "))";
  }
  sql += " ORDER BY t.due_date, t.id LIMIT " + std::to_string(f.limit);
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  std::vector<domain::CaseTask> out;
  for (const Row& r : rows) out.push_back(TaskFromRow(r));
  return out;
}

Status CaseWorkStore::UpdateTask(const domain::CaseTask& t, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute("UPDATE case_tasks SET title=$1, due_date=$2, assignee_id=$3, status=$4, "
                    "updated_at=$5, version=version+1 WHERE id=$6 AND version=$7",
                    {Blob{t.title}, t.due_date, t.assignee_id, t.status, now, t.id, t.version}));
  if (changed == 0) return StaleOrMissing(conn_, "case_tasks", t.id, "task");
  return Status::Ok();
}

}  // namespace hw::storage
