#include "storage/assessment_store.h"

#include "storage/store_util.h"

namespace hw::storage {
namespace {

constexpr const char* kTemplateCols = "id, version, title, body, created_by, created_at";
constexpr const char* kCols =
    "a.id, a.shelter_id, a.office_id, a.template_id, a.template_version, a.assessed_on, "
    "a.status, a.scores, a.sealed, a.result, a.critical_gaps, a.finished_by, a.finished_at, "
    "a.created_by, a.created_at, a.updated_at, a.version, s.name";
constexpr const char* kFrom = " FROM assessments a LEFT JOIN shelters s ON s.id = a.shelter_id";
constexpr const char* kRecCols =
    "id, assessment_id, shelter_id, office_id, text, area_key, item_key, owner_user_id, "
    "owner_name, priority, due_date, status, created_by, created_at, updated_at, version";

AssessmentTemplateRow TemplateFromRow(const Row& r) {
  return {r.Text(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)};
}

AssessmentRow FromRow(const Row& r) {
  AssessmentRow a;
  a.id = r.Text(0);
  a.shelter_id = r.Text(1);
  a.office_id = r.Text(2);
  a.template_id = r.Text(3);
  a.template_version = r.Int(4);
  a.assessed_on = r.Text(5);
  a.status = r.Text(6);
  a.scores = r.Text(7);
  a.sealed = r.Text(8);
  a.result = r.Text(9);
  a.critical_gaps = r.Int(10);
  a.finished_by = r.Text(11);
  a.finished_at = r.Int(12);
  a.created_by = r.Text(13);
  a.created_at = r.Int(14);
  a.updated_at = r.Int(15);
  a.version = r.Int(16);
  a.shelter_name = r.Text(17);
  return a;
}

RecommendationRow RecFromRow(const Row& r) {
  RecommendationRow x;
  x.id = r.Text(0);
  x.assessment_id = r.Text(1);
  x.shelter_id = r.Text(2);
  x.office_id = r.Text(3);
  x.text = r.Text(4);
  x.area = r.Text(5);
  x.item = r.Text(6);
  x.owner_user_id = r.Text(7);
  x.owner_name = r.Text(8);
  x.priority = r.Text(9);
  x.due_date = r.Text(10);
  x.status = r.Text(11);
  x.created_by = r.Text(12);
  x.created_at = r.Int(13);
  x.updated_at = r.Int(14);
  x.version = r.Int(15);
  return x;
}

std::vector<Value> TemplateParams(const AssessmentTemplateRow& t) {
  return {t.id, t.version, t.title, t.body, t.created_by, t.created_at};
}

Result<std::vector<AssessmentRow>> QueryAssessments(Connection& conn, const std::string& sql,
                                                    const std::vector<Value>& params) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn.Query(sql, params));
  std::vector<AssessmentRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

Status AssessmentStore::InsertTemplate(const AssessmentTemplateRow& t) {
  return conn_
      .Execute(std::string("INSERT INTO assessment_templates (") + kTemplateCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6)",
               TemplateParams(t))
      .status();
}

Status AssessmentStore::InsertTemplateIfAbsent(const AssessmentTemplateRow& t) {
  return conn_
      .Execute(std::string("INSERT INTO assessment_templates (") + kTemplateCols +
                   ") VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (id, version) DO NOTHING",
               TemplateParams(t))
      .status();
}

Result<std::vector<AssessmentTemplateRow>> AssessmentStore::ListTemplates(const std::string& id) {
  std::string sql = std::string("SELECT ") + kTemplateCols + " FROM assessment_templates";
  std::vector<Value> params;
  if (!id.empty()) {
    sql += " WHERE id = $1";
    params.emplace_back(id);
  }
  sql += " ORDER BY id, version DESC";
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  std::vector<AssessmentTemplateRow> out;
  for (const Row& r : rows) out.push_back(TemplateFromRow(r));
  return out;
}

Result<std::optional<AssessmentTemplateRow>> AssessmentStore::GetTemplate(const std::string& id,
                                                                          std::int64_t version) {
  std::string sql =
      std::string("SELECT ") + kTemplateCols + " FROM assessment_templates WHERE id = $1";
  std::vector<Value> params{id};
  if (version > 0) {
    sql += " AND version = $2";
    params.emplace_back(version);
  } else {
    sql += " ORDER BY version DESC LIMIT 1";
  }
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, params));
  if (rows.empty()) return std::optional<AssessmentTemplateRow>();
  return std::optional<AssessmentTemplateRow>(TemplateFromRow(rows[0]));
}

Result<std::optional<ShelterRef>> AssessmentStore::GetShelter(const std::string& shelter_id) {
  HW_ASSIGN_OR_RETURN(
      Rows rows, conn_.Query("SELECT id, office_id, name, capacity FROM shelters WHERE id = $1",
                             {shelter_id}));
  if (rows.empty()) return std::optional<ShelterRef>();
  return std::optional<ShelterRef>(
      ShelterRef{rows[0].Text(0), rows[0].Text(1), rows[0].Text(2), rows[0].Text(3)});
}

Result<std::vector<ShelterRef>> AssessmentStore::ListShelters(const std::string& office_id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query("SELECT id, office_id, name, capacity FROM shelters "
                                             "WHERE office_id = $1 ORDER BY name, id",
                                             {office_id}));
  std::vector<ShelterRef> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

Status AssessmentStore::Insert(const AssessmentRow& a) {
  return conn_
      .Execute(
          "INSERT INTO assessments (id, shelter_id, office_id, template_id, template_version, "
          "assessed_on, status, scores, sealed, result, critical_gaps, finished_by, finished_at, "
          "created_by, created_at, updated_at, version) "
          "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)",
          {a.id, a.shelter_id, a.office_id, a.template_id, a.template_version, a.assessed_on,
           a.status, a.scores, BlobOrNull(a.sealed), a.result, a.critical_gaps,
           TextOrNull(a.finished_by), a.finished_at == 0 ? Value(nullptr) : Value(a.finished_at),
           a.created_by, a.created_at, a.updated_at, a.version})
      .status();
}

Result<std::optional<AssessmentRow>> AssessmentStore::Get(const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      auto rows,
      QueryAssessments(conn_, std::string("SELECT ") + kCols + kFrom + " WHERE a.id = $1", {id}));
  if (rows.empty()) return std::optional<AssessmentRow>();
  return std::optional<AssessmentRow>(std::move(rows[0]));
}

Result<std::vector<AssessmentRow>> AssessmentStore::List(const AssessmentFilter& f) {
  std::string sql = std::string("SELECT ") + kCols + kFrom + " WHERE 1 = 1";
  std::vector<Value> params;
  auto add = [&](const char* clause, const std::string& value) {
    if (value.empty()) return;
    params.emplace_back(value);
    sql += std::string(" AND ") + clause + " $" + std::to_string(params.size());
  };
  add("a.office_id =", f.office_id);
  add("a.shelter_id =", f.shelter_id);
  add("a.status =", f.status);
  add("a.template_id =", f.template_id);
  if (!f.after_date.empty()) {
    params.emplace_back(f.after_date);
    const std::string d = "$" + std::to_string(params.size());
    params.emplace_back(f.after_id);
    const std::string i = "$" + std::to_string(params.size());
    sql += " AND (a.assessed_on < " + d + " OR (a.assessed_on = " + d + " AND a.id < " + i + "))";
  }
  params.emplace_back(std::int64_t{f.limit});
  sql += " ORDER BY a.assessed_on DESC, a.id DESC LIMIT $" + std::to_string(params.size());
  return QueryAssessments(conn_, sql, params);
}

Status AssessmentStore::Update(const AssessmentRow& a, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute(
          "UPDATE assessments SET assessed_on=$1, status=$2, scores=$3, sealed=$4, result=$5, "
          "critical_gaps=$6, finished_by=$7, finished_at=$8, updated_at=$9, version=version+1 "
          "WHERE id=$10 AND version=$11",
          {a.assessed_on, a.status, a.scores, BlobOrNull(a.sealed), a.result, a.critical_gaps,
           TextOrNull(a.finished_by), a.finished_at == 0 ? Value(nullptr) : Value(a.finished_at),
           now, a.id, a.version}));
  if (changed == 0) return StaleOrMissing(conn_, "assessments", a.id, "assessment");
  return Status::Ok();
}

Result<std::optional<AssessmentRow>> AssessmentStore::FindPrevious(const std::string& shelter_id,
                                                                   const std::string& assessed_on,
                                                                   const std::string& id) {
  HW_ASSIGN_OR_RETURN(
      auto rows,
      QueryAssessments(conn_,
                       std::string("SELECT ") + kCols + kFrom +
                           " WHERE a.shelter_id = $1 AND a.status = 'finished' AND a.id <> $3 "
                           "AND (a.assessed_on < $2 OR (a.assessed_on = $2 AND a.id < $3)) "
                           "ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1",
                       {shelter_id, assessed_on, id}));
  if (rows.empty()) return std::optional<AssessmentRow>();
  return std::optional<AssessmentRow>(std::move(rows[0]));
}

Result<std::vector<AssessmentRow>> AssessmentStore::ListFinished(const std::string& template_id,
                                                                 const std::string& office_id) {
  std::string sql = std::string("SELECT ") + kCols + kFrom +
                    " WHERE a.status = 'finished' AND a.template_id = $1";
  std::vector<Value> params{template_id};
  if (!office_id.empty()) {
    sql += " AND a.office_id = $2";
    params.emplace_back(office_id);
  }
  sql += " ORDER BY a.shelter_id, a.assessed_on DESC, a.id DESC";
  return QueryAssessments(conn_, sql, params);
}

Status AssessmentStore::InsertRecommendation(const RecommendationRow& x) {
  return conn_
      .Execute(
          std::string("INSERT INTO assessment_recommendations (") + kRecCols +
              ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)",
          {x.id, x.assessment_id, x.shelter_id, x.office_id, x.text, TextOrNull(x.area),
           TextOrNull(x.item), TextOrNull(x.owner_user_id), TextOrNull(x.owner_name), x.priority,
           TextOrNull(x.due_date), x.status, x.created_by, x.created_at, x.updated_at, x.version})
      .status();
}

Result<std::optional<RecommendationRow>> AssessmentStore::GetRecommendation(const std::string& id) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kRecCols +
                                                 " FROM assessment_recommendations WHERE id = $1",
                                             {id}));
  if (rows.empty()) return std::optional<RecommendationRow>();
  return std::optional<RecommendationRow>(RecFromRow(rows[0]));
}

Result<std::vector<RecommendationRow>> AssessmentStore::ListRecommendations(
    const std::string& assessment_id, const std::string& after, int limit) {
  HW_ASSIGN_OR_RETURN(Rows rows, conn_.Query(std::string("SELECT ") + kRecCols +
                                                 " FROM assessment_recommendations "
                                                 "WHERE assessment_id = $1 AND id > $2 "
                                                 "ORDER BY id LIMIT $3",
                                             {assessment_id, after, std::int64_t{limit}}));
  std::vector<RecommendationRow> out;
  for (const Row& r : rows) out.push_back(RecFromRow(r));
  return out;
}

Status AssessmentStore::UpdateRecommendation(const RecommendationRow& x, TimeMs now) {
  HW_ASSIGN_OR_RETURN(
      std::int64_t changed,
      conn_.Execute("UPDATE assessment_recommendations SET text=$1, area_key=$2, item_key=$3, "
                    "owner_user_id=$4, owner_name=$5, priority=$6, due_date=$7, status=$8, "
                    "updated_at=$9, version=version+1 WHERE id=$10 AND version=$11",
                    {x.text, TextOrNull(x.area), TextOrNull(x.item), TextOrNull(x.owner_user_id),
                     TextOrNull(x.owner_name), x.priority, TextOrNull(x.due_date), x.status, now,
                     x.id, x.version}));
  if (changed == 0) {
    return StaleOrMissing(conn_, "assessment_recommendations", x.id, "recommendation");
  }
  return Status::Ok();
}

}  // namespace hw::storage
