// /assessment-templates, /assessments (+ /finish, /changes, /export, /comparison) and
// /assessments/{id}/recommendations. Contract: docs/api-assessments.md.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
#include "service/assessment_codec.h"
#include "service/assessment_service.h"

namespace hw::http {
namespace {

namespace json = boost::json;

constexpr size_t kMaxSummaryBytes = 80000;  // 20000 characters of up to 4 bytes
constexpr size_t kMaxRecTextBytes = 8000;   // 2000 characters

json::value ScoreOrNull(const std::optional<double>& v) {
  return v ? json::value(domain::RoundScore(*v)) : json::value();
}

json::object TemplateSummaryJson(const service::TemplateView& v) {
  return {{"id", v.tmpl.id},
          {"version", v.tmpl.version},
          {"latest", v.latest},
          {"title", v.tmpl.title},
          {"description", v.tmpl.description},
          {"area_count", v.tmpl.areas.size()},
          {"item_count", v.tmpl.ItemCount()},
          {"created_by", v.created_by},
          {"created_at", FormatTimestamp(v.created_at)}};
}

json::object TemplateJson(const service::TemplateView& v) {
  json::object o = TemplateSummaryJson(v);
  o["areas"] = std::move(service::TemplateToJson(v.tmpl)["areas"]);
  return o;
}

json::object AreaScoresJson(const std::vector<std::pair<std::string, std::optional<double>>>& a) {
  json::object o;
  for (const auto& [key, score] : a) o[key] = ScoreOrNull(score);
  return o;
}

json::object ListRowJson(const service::AssessmentListRow& r) {
  const storage::AssessmentRow& a = r.row;
  return {{"id", a.id},
          {"shelter_id", a.shelter_id},
          {"shelter_name", a.shelter_name},
          {"office_id", a.office_id},
          {"template_id", a.template_id},
          {"template_version", a.template_version},
          {"assessed_on", a.assessed_on},
          {"status", a.status},
          {"overall_score", ScoreOrNull(r.overall)},
          {"area_scores", AreaScoresJson(r.area_scores)},
          {"critical_gaps", r.critical_gaps},
          {"finished_at", a.finished_at ? json::value(FormatTimestamp(a.finished_at)) : nullptr},
          {"created_by", a.created_by},
          {"created_at", FormatTimestamp(a.created_at)},
          {"updated_at", FormatTimestamp(a.updated_at)},
          {"version", a.version}};
}

json::object AssessmentJson(const service::AssessmentView& v) {
  const storage::AssessmentRow& a = v.row;
  json::object scores;
  for (const domain::AssessmentArea& area : v.tmpl.areas) {
    auto sheet_area = v.sheet.find(area.key);
    json::object items;
    for (const domain::AssessmentItem& item : area.items) {
      domain::ItemScore entry;
      if (sheet_area != v.sheet.end()) {
        if (auto it = sheet_area->second.find(item.key); it != sheet_area->second.end()) {
          entry = it->second;
        }
      }
      items[item.key] =
          json::object{{"score", entry.score ? json::value(*entry.score) : json::value()},
                       {"na", entry.na},
                       {"evidence", OrNull(entry.evidence)}};
    }
    scores[area.key] = std::move(items);
  }
  return {{"id", a.id},
          {"version", a.version},
          {"created_at", FormatTimestamp(a.created_at)},
          {"updated_at", FormatTimestamp(a.updated_at)},
          {"created_by", a.created_by},
          {"shelter_id", a.shelter_id},
          {"shelter_name", a.shelter_name},
          {"office_id", a.office_id},
          {"template_id", a.template_id},
          {"template_version", a.template_version},
          {"assessed_on", a.assessed_on},
          {"status", a.status},
          {"finished_by", OrNull(a.finished_by)},
          {"finished_at", a.finished_at ? json::value(FormatTimestamp(a.finished_at)) : nullptr},
          {"summary", OrNull(v.summary)},
          {"scores", std::move(scores)},
          {"result", service::ScoreToJson(v.score)},
          {"previous_assessment_id", OrNull(v.previous_id)}};
}

json::value IntOrNull(const std::optional<int>& v) { return v ? json::value(*v) : json::value(); }

json::object ChangesJson(const service::ChangesView& v) {
  auto change = [](const domain::ScoreChange& c) {
    json::object o{{"previous", ScoreOrNull(c.previous)},
                   {"current", ScoreOrNull(c.current)},
                   {"delta", ScoreOrNull(c.delta)}};
    if (!c.key.empty()) {
      o["key"] = c.key;
      o["title"] = c.title;
    }
    return o;
  };
  json::array areas;
  for (const auto& a : v.changes.areas) areas.push_back(change(a));
  json::array items;
  for (const domain::ItemChange& c : v.changes.items) {
    const char* kind = domain::ChangeKindName(c.change);
    items.push_back(json::object{{"area", c.area},
                                 {"item", c.item},
                                 {"statement", c.statement},
                                 {"critical", c.critical},
                                 {"previous_score", IntOrNull(c.previous_score)},
                                 {"current_score", IntOrNull(c.current_score)},
                                 {"delta", IntOrNull(c.delta)},
                                 {"previous_na", c.previous_na},
                                 {"current_na", c.current_na},
                                 {"change", *kind ? json::value(kind) : json::value()}});
  }
  return {{"assessment_id", v.assessment_id},
          {"previous_assessment_id", OrNull(v.previous_id)},
          {"previous_assessed_on", OrNull(v.previous_assessed_on)},
          {"overall", change(v.changes.overall)},
          {"areas", std::move(areas)},
          {"items", std::move(items)}};
}

json::object RecommendationJson(const service::RecommendationView& v) {
  const storage::RecommendationRow& r = v.row;
  return {{"id", r.id},
          {"assessment_id", r.assessment_id},
          {"shelter_id", r.shelter_id},
          {"office_id", r.office_id},
          {"text", r.text},
          {"area", OrNull(r.area)},
          {"item", OrNull(r.item)},
          {"owner_user_id", OrNull(r.owner_user_id)},
          {"owner_name", OrNull(r.owner_name)},
          {"priority", r.priority},
          {"due_date", OrNull(r.due_date)},
          {"status", r.status},
          {"overdue", v.overdue},
          {"created_by", r.created_by},
          {"created_at", FormatTimestamp(r.created_at)},
          {"updated_at", FormatTimestamp(r.updated_at)},
          {"version", r.version}};
}

// A string field: absent -> nullopt; null -> "" when `nullable` (clears), else an error.
std::optional<std::string> OptText(const json::object& body, const char* name, bool nullable,
                                   size_t max_bytes, Status::Fields& errors) {
  return OptionalString(body, name, max_bytes, {.empty = nullable, .error = "must be a string"},
                        errors);
}

service::RecommendationInput ParseRecommendation(const json::object& body, long long* version) {
  FieldReader r(body);
  std::vector<std::string> allowed{"text",       "area",     "item",     "owner_user_id",
                                   "owner_name", "priority", "due_date", "status"};
  r.OnlyAllow(allowed, version);
  service::RecommendationInput in;
  Status::Fields& e = in.errors;
  in.text = OptText(body, "text", false, kMaxRecTextBytes, e);
  if (!version && !body.contains("text")) e["text"] = "is required";
  in.area = OptText(body, "area", true, 100, e);
  in.item = OptText(body, "item", true, 100, e);
  in.owner_user_id = OptText(body, "owner_user_id", true, 100, e);
  in.owner_name = OptText(body, "owner_name", true, 1000, e);
  in.priority = OptText(body, "priority", false, 100, e);
  in.due_date = OptText(body, "due_date", true, 100, e);
  in.status = OptText(body, "status", false, 100, e);
  r.MergeInto(e);
  return in;
}

Response Fail(const Status& st, const Request& req) { return ErrorResponse(st, req.request_id); }

void RegisterTemplateRoutes(Api& api, Router& router, service::AssessmentService& svc) {
  router.Add("GET", "/api/v1/assessment-templates",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return Fail(page.status(), req);
               auto list = svc.ListTemplates(p, req.Query("id").value_or(""), *page);
               if (!list.ok()) return Fail(list.status(), req);
               json::array items;
               for (const auto& t : list->items) items.push_back(TemplateSummaryJson(t));
               return Response::Json(200, ListBody(std::move(items), list->next));
             }));

  router.Add("GET", "/api/v1/assessment-templates/{id}",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               long long version = 0;
               if (auto v = req.Query("version")) {
                 char* end = nullptr;
                 version = std::strtoll(v->c_str(), &end, 10);
                 if (v->empty() || *end != '\0' || version < 1) {
                   return Fail(Status::InvalidField("version", "must be an integer 1 or more"),
                               req);
                 }
               }
               auto t = svc.GetTemplate(p, req.params["id"], version);
               if (!t.ok()) return Fail(t.status(), req);
               return JsonOk(200, TemplateJson(*t));
             }));

  router.Add("POST", "/api/v1/assessment-templates",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return Fail(body.status(), req);
               Status::Fields errors;
               domain::AssessmentTemplate t = service::TemplateFromJson(*body, errors);
               FieldReader r(*body);
               auto version = r.Integer("version", false);
               r.MergeInto(errors);
               if (!errors.empty()) {
                 return Fail(Status::InvalidArgument("invalid assessment template", errors), req);
               }
               auto created = svc.CreateTemplateVersion(p, std::move(t), version, InfoOf(req));
               if (!created.ok()) return Fail(created.status(), req);
               return JsonOk(201, TemplateJson(*created));
             }));
}

void RegisterRecommendationRoutes(Api& api, Router& router, service::AssessmentService& svc) {
  router.Add("GET", "/api/v1/assessments/{id}/recommendations",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return Fail(page.status(), req);
               auto list = svc.ListRecommendations(p, req.params["id"], *page);
               if (!list.ok()) return Fail(list.status(), req);
               json::array items;
               for (const auto& r : list->items) items.push_back(RecommendationJson(r));
               return Response::Json(200, ListBody(std::move(items), list->next));
             }));

  router.Add("POST", "/api/v1/assessments/{id}/recommendations",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return Fail(body.status(), req);
               auto rec = svc.AddRecommendation(p, req.params["id"],
                                                ParseRecommendation(*body, nullptr), InfoOf(req));
               if (!rec.ok()) return Fail(rec.status(), req);
               return JsonOk(201, RecommendationJson(*rec));
             }));

  router.Add("PATCH", "/api/v1/assessments/{id}/recommendations/{rec_id}",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return Fail(body.status(), req);
               long long version = 0;
               service::RecommendationInput in = ParseRecommendation(*body, &version);
               auto rec = svc.UpdateRecommendation(p, req.params["id"], req.params["rec_id"],
                                                   version, in, InfoOf(req));
               if (!rec.ok()) return Fail(rec.status(), req);
               return JsonOk(200, RecommendationJson(*rec));
             }));
}

}  // namespace

void RegisterAssessmentRoutes(Api& api, Router& router) {
  service::AssessmentService& svc = api.services().assessments;
  RegisterTemplateRoutes(api, router, svc);
  RegisterRecommendationRoutes(api, router, svc);

  router.Add("GET", "/api/v1/assessments",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return Fail(page.status(), req);
               service::AssessmentQuery q;
               q.shelter_id = req.Query("shelter_id").value_or("");
               q.status = req.Query("status").value_or("");
               q.template_id = req.Query("template_id").value_or("");
               q.page = *page;
               auto list = svc.List(p, q);
               if (!list.ok()) return Fail(list.status(), req);
               json::array items;
               for (const auto& r : list->items) items.push_back(ListRowJson(r));
               return Response::Json(200, ListBody(std::move(items), list->next));
             }));

  router.Add(
      "POST", "/api/v1/assessments", api.Authed([&svc](Request& req, const service::Principal& p) {
        auto body = ParseObject(req);
        if (!body.ok()) return Fail(body.status(), req);
        FieldReader r(*body);
        r.OnlyAllow({"shelter_id", "template_id", "template_version", "assessed_on", "summary"});
        service::NewAssessmentInput in;
        in.shelter_id = r.String("shelter_id", true, 100).value_or("");
        in.template_id = r.String("template_id", false, 100).value_or("");
        in.template_version = r.Integer("template_version", false).value_or(0);
        in.assessed_on = r.String("assessed_on", true, 100).value_or("");
        in.summary = r.String("summary", false, kMaxSummaryBytes).value_or("");
        r.MergeInto(in.errors);
        auto a = svc.Create(p, in, InfoOf(req));
        if (!a.ok()) return Fail(a.status(), req);
        return JsonOk(201, AssessmentJson(*a));
      }));

  // A literal segment beats {id}, so "comparison" is never taken for an id.
  router.Add(
      "GET", "/api/v1/assessments/comparison",
      api.Authed([&svc](Request& req, const service::Principal& p) {
        const std::string area = req.Query("area").value_or("");
        auto rows = svc.Comparison(p, req.Query("template_id").value_or(""), area);
        if (!rows.ok()) return Fail(rows.status(), req);
        json::array items;
        for (const auto& c : *rows) {
          json::object o = ListRowJson(c.latest);
          json::object row{
              {"shelter_id", o["shelter_id"]},       {"shelter_name", o["shelter_name"]},
              {"office_id", o["office_id"]},         {"assessment_id", o["id"]},
              {"assessed_on", o["assessed_on"]},     {"template_version", o["template_version"]},
              {"overall_score", o["overall_score"]}, {"area_scores", o["area_scores"]},
              {"critical_gaps", o["critical_gaps"]}};
          if (!area.empty()) row["score"] = ScoreOrNull(c.area_score);
          items.push_back(std::move(row));
        }
        return Response::Json(200, ListBody(std::move(items), std::nullopt));
      }));

  router.Add("GET", "/api/v1/assessments/{id}",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto a = svc.Get(p, req.params["id"]);
               if (!a.ok()) return Fail(a.status(), req);
               return JsonOk(200, AssessmentJson(*a));
             }));

  router.Add("PATCH", "/api/v1/assessments/{id}",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return Fail(body.status(), req);
               FieldReader r(*body);
               r.OnlyAllow({"version", "assessed_on", "summary", "scores"});
               service::AssessmentPatchInput in;
               in.version = r.Integer("version", true).value_or(0);
               in.assessed_on = r.String("assessed_on", false, 100);
               if (const json::value* s = body->if_contains("summary"); s && s->is_null()) {
                 in.summary = std::string();
               } else {
                 in.summary = r.String("summary", false, kMaxSummaryBytes);
               }
               if (const json::value* scores = body->if_contains("scores")) {
                 in.scores = service::ScorePatchFromJson(*scores, in.errors);
               }
               r.MergeInto(in.errors);
               auto a = svc.Update(p, req.params["id"], in, InfoOf(req));
               if (!a.ok()) return Fail(a.status(), req);
               return JsonOk(200, AssessmentJson(*a));
             }));

  router.Add("POST", "/api/v1/assessments/{id}/finish",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return Fail(body.status(), req);
               FieldReader r(*body);
               r.OnlyAllow({"version"});
               auto version = r.Integer("version", true);
               if (Status st = r.Finish(); !st.ok()) return Fail(st, req);
               auto a = svc.Finish(p, req.params["id"], *version, InfoOf(req));
               if (!a.ok()) return Fail(a.status(), req);
               return JsonOk(200, AssessmentJson(*a));
             }));

  router.Add("GET", "/api/v1/assessments/{id}/changes",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto c = svc.Changes(p, req.params["id"]);
               if (!c.ok()) return Fail(c.status(), req);
               return JsonOk(200, ChangesJson(*c));
             }));

  router.Add("GET", "/api/v1/assessments/{id}/export",
             api.Authed([&svc](Request& req, const service::Principal& p) {
               auto file = svc.Export(p, req.params["id"], req.Query("format").value_or("xlsx"),
                                      InfoOf(req));
               if (!file.ok()) return Fail(file.status(), req);
               Response res;
               res.status = 200;
               res.content_type = file->content_type;
               res.body = std::move(file->bytes);
               res.headers.emplace_back("Content-Disposition",
                                        "attachment; filename=\"" + file->filename + "\"");
               return res;
             }));
}

}  // namespace hw::http
