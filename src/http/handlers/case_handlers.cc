// /cases, /cases/{id}, /cases/{id}/history, /vocabularies.
#include <boost/json.hpp>

#include "domain/office.h"
#include "domain/vocabulary.h"
#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
#include "http/json_writer.h"
#include "service/access_policy.h"
#include "service/case_codec.h"

namespace hw::http {
namespace {

namespace json = boost::json;

// Reads the case fields present in `body` (top level and under "person") and the events.
Result<service::CaseInput> ParseCaseInput(const json::object& body, bool with_version) {
  service::CaseInput in;
  std::map<std::string, std::string> errors;
  const json::object* person = nullptr;
  if (const json::value* pv = body.if_contains("person")) {
    if (pv->is_object()) {
      person = &pv->as_object();
    } else if (!pv->is_null()) {
      errors["person"] = "must be an object";
    }
  }
  for (const auto& spec : domain::CaseFieldSpecs()) {
    const json::object* src = spec.in_person ? person : &body;
    if (!src) continue;
    if (const json::value* v = src->if_contains(spec.name)) {
      in.fields[spec.name] = service::FieldValueFromJson(spec, *v, errors);
    }
  }
  auto unknown = [&](const json::object& o, const std::string& prefix, bool in_person) {
    for (const auto& [key, value] : o) {
      std::string k(key);
      if (!in_person && (k == "person" || k == "events" || (with_version && k == "version"))) {
        continue;
      }
      const domain::FieldSpec* spec = domain::FindCaseField(k);
      if (!spec || spec->in_person != in_person) errors[prefix + k] = "is not a known field";
    }
  };
  unknown(body, "", false);
  if (person) unknown(*person, "person.", true);
  if (const json::value* ev = body.if_contains("events"); ev && !ev->is_null()) {
    if (!ev->is_array()) {
      errors["events"] = "must be a list";
    } else {
      std::vector<domain::TraffickingEvent> events;
      size_t i = 0;
      for (const auto& item : ev->as_array()) {
        std::string p = "events[" + std::to_string(i++) + "]";
        if (!item.is_object()) {
          errors[p] = "must be an object";
          continue;
        }
        const auto& o = item.as_object();
        for (const auto& [key, value] : o) {
          std::string k(key);
          if (k != "hte_Type" && k != "hte_Country" && k != "hte_City" && k != "hte_StartDate" &&
              k != "hte_EndDate") {
            std::string path = p;
            path.append(".").append(k);
            errors[path] = "is not a known field";
          }
        }
        domain::TraffickingEvent e;
        auto str = [&](const char* key, std::string& out) {
          const json::value* v = o.if_contains(key);
          if (!v || v->is_null()) return;
          if (!v->is_string()) {
            errors[p + "." + key] = "must be a string";
            return;
          }
          out = std::string(v->as_string());
        };
        str("hte_Type", e.type);
        str("hte_Country", e.country);
        str("hte_City", e.city);
        str("hte_StartDate", e.start_date);
        str("hte_EndDate", e.end_date);
        events.push_back(std::move(e));
      }
      in.events = std::move(events);
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid case", std::move(errors));
  return in;
}

void WriteFieldValue(JsonWriter& w, const domain::FieldValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    w.String(*s);
  } else if (const auto* n = std::get_if<long long>(&value)) {
    w.Int(*n);
  } else if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
    w.BeginArray();
    for (const auto& item : *l) w.String(item);
    w.EndArray();
  } else {
    w.Null();
  }
}

// Fields of `in_person` specs (personal ones only with view_pii), in spec order; an unset
// list is [] and any other unset field null.
void WriteCaseFields(JsonWriter& w, const service::CaseView& v, bool in_person) {
  for (const auto& spec : domain::CaseFieldSpecs()) {
    if (spec.in_person != in_person || (spec.personal && !v.with_pii)) continue;
    w.Key(spec.name);
    auto it = v.record.fields.find(spec.name);
    if (it != v.record.fields.end() && !std::holds_alternative<std::monostate>(it->second)) {
      WriteFieldValue(w, it->second);
    } else if (spec.kind == domain::FieldKind::kVocabList ||
               spec.kind == domain::FieldKind::kCountryList ||
               spec.kind == domain::FieldKind::kTextList) {
      w.BeginArray().EndArray();
    } else {
      w.Null();
    }
  }
}

void WriteClosure(JsonWriter& w, const service::CaseView& v) {
  const domain::Closure& cl = v.record.closure;
  if (cl.state.empty()) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("state").String(cl.state);
  w.Key("requested_by").String(cl.requested_by);
  w.Key("requested_at").String(FormatTimestamp(cl.requested_at));
  if (!cl.decided_by.empty()) {
    w.Key("decided_by").String(cl.decided_by);
    w.Key("decided_at").String(FormatTimestamp(cl.decided_at));
  }
  if (v.with_pii) w.Key("comment").String(cl.comment);
  if (!cl.reopened_by.empty()) {
    w.Key("reopened_by").String(cl.reopened_by);
    w.Key("reopened_at").String(FormatTimestamp(cl.reopened_at));
    if (v.with_pii) w.Key("reopen_reason").String(cl.reopen_reason);
  }
  w.EndObject();
}

// A whole case as the API shows it, written straight to text (the hottest response).
std::string CaseJson(const service::CaseView& v) {
  const domain::CaseRecord& c = v.record;
  std::string out;
  out.reserve(2048);
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id").String(c.id);
  w.Key("version").Int(c.version);
  w.Key("created_at").String(FormatTimestamp(c.created_at));
  w.Key("updated_at").String(FormatTimestamp(c.updated_at));
  w.Key("office_id").String(c.office_id);
  w.Key("cas_Number").String(c.number);
  WriteCaseFields(w, v, false);
  w.Key("person").BeginObject();
  WriteCaseFields(w, v, true);
  w.EndObject();
  w.Key("events").BeginArray();
  for (const auto& e : c.events) {
    w.BeginObject();
    w.Key("id").String(e.id);
    w.Key("hte_Type").String(e.type);
    w.Key("hte_Country").StringOrNull(e.country);
    w.Key("hte_City").StringOrNull(e.city);
    w.Key("hte_StartDate").StringOrNull(e.start_date);
    w.Key("hte_EndDate").StringOrNull(e.end_date);
    w.EndObject();
  }
  w.EndArray();
  w.Key("closure");
  WriteClosure(w, v);
  w.EndObject();
  return out;
}

// One list row, written straight to text: a page has up to 200 of them.
void AppendRowJson(std::string& out, const service::CaseListItem& c) {
  auto list = [](JsonWriter& w, const std::vector<std::string>& values) {
    w.BeginArray();
    for (const auto& value : values) w.String(value);
    w.EndArray();
  };
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id").String(c.id);
  w.Key("cas_Number").String(c.number);
  w.Key("cas_Status").StringOrNull(c.status);
  w.Key("vic_TraffickingStatus").StringOrNull(c.trafficking_status);
  w.Key("cas_CaseOwner").StringOrNull(c.owner_id);
  w.Key("office_id").String(c.office_id);
  w.Key("prs_Gender").StringOrNull(c.gender);
  list(w.Key("prs_Citizenship"), c.citizenship);
  w.Key("age_band").String(c.age_band);
  list(w.Key("vic_TypeOfExploitation"), c.exploitation);
  w.Key("cas_IncomingReferralDate").StringOrNull(c.referral_date);
  w.Key("created_at").String(FormatTimestamp(c.created_at));
  w.Key("updated_at").String(FormatTimestamp(c.updated_at));
  if (!c.display_name.empty()) w.Key("display_name").String(c.display_name);
  w.Key("version").Int(c.version);
  w.EndObject();
}

json::object VocabularyJson(const std::string& name, const std::string& label, bool multi,
                            json::array values) {
  return {{"name", name}, {"label", label}, {"multiselect", multi}, {"values", std::move(values)}};
}

Result<json::object> FindVocabularyJson(const std::string& name) {
  if (const domain::Vocabulary* v = domain::FindVocabulary(name)) {
    json::array values;
    for (const auto& val : v->values) values.push_back({{"name", val.name}, {"label", val.label}});
    return VocabularyJson(v->name, v->label, v->multiselect, std::move(values));
  }
  if (name == "iso_languages" || name == "iso_currencies") {
    const auto& codes = name == "iso_languages" ? domain::IsoLanguages() : domain::IsoCurrencies();
    json::array values;
    for (const auto& c : codes) values.push_back({{"name", c.code}, {"label", c.name}});
    return VocabularyJson(name, name == "iso_languages" ? "Languages" : "Currencies", false,
                          std::move(values));
  }
  return Status::NotFound("no such vocabulary");
}

template <typename Get>
service::CaseQuery QueryFrom(Get get) {
  service::CaseQuery q;
  q.status = get("status");
  q.trafficking_status = get("trafficking_status");
  q.caseworker = get("caseworker");
  q.citizenship = get("citizenship");
  q.exploitation = get("exploitation");
  q.gender = get("gender");
  q.age_band = get("age_band");
  q.registered_from = get("registered_from");
  q.registered_to = get("registered_to");
  q.name = get("name");
  q.sort = get("sort");
  return q;
}

Response ListCases(service::CaseService& cases, const service::Principal& p,
                   const service::CaseQuery& q, const Request& req) {
  std::shared_ptr<service::AuditCommit> audit;
  auto result = cases.List(p, q, InfoOf(req), &audit);
  if (!result.ok()) return ErrorResponse(result.status(), req.request_id);
  std::string items;
  items.reserve(result->items.size() * 512);
  for (const auto& item : result->items) {
    if (!items.empty()) items.push_back(',');
    AppendRowJson(items, item);
  }
  Response res = Response::Json(200, ListBody(items, result->next));
  HoldUntilCommitted(res, std::move(audit));
  return res;
}

Response CaseResponse(Result<service::CaseView> c, std::shared_ptr<service::AuditCommit> audit,
                      const std::string& request_id) {
  if (!c.ok()) return ErrorResponse(c.status(), request_id);
  Response res = Response::Json(200, CaseJson(*c));
  HoldUntilCommitted(res, std::move(audit));
  return res;
}

// The read goes out with the concurrent reads' in one statement (CaseService::GetAsync); the
// I/O thread moves on to other connections meanwhile.
Response GetCaseDeferred(service::CaseService& cases, std::shared_ptr<const service::Principal> p,
                         Request& req) {
  Response res;
  res.defer = [&cases, p = std::move(p), id = req.params["id"], info = InfoOf(req),
               request_id = req.request_id](const Deferred& d) mutable {
    cases.GetAsync(std::move(p), std::move(id), std::move(info), d.post,
                   [finish = d.finish, request_id](Result<service::CaseView> c,
                                                   std::shared_ptr<service::AuditCommit> audit) {
                     finish(CaseResponse(std::move(c), std::move(audit), request_id));
                   });
  };
  return res;
}

}  // namespace

void RegisterCaseRoutes(Api& api, Router& router) {
  service::CaseService& cases = api.services().cases;

  router.Add("GET", "/api/v1/cases",
             api.Authed([&cases](Request& req, const service::Principal& p) {
               // Names are personal: they never travel in a URL (proxies and access logs keep
               // them).
               if (req.Query("name")) {
                 return ErrorResponse(
                     Status::InvalidField("name", "search names with POST /api/v1/cases/search"),
                     req.request_id);
               }
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               service::CaseQuery q =
                   QueryFrom([&](const char* key) { return req.Query(key).value_or(""); });
               q.page = *page;
               return ListCases(cases, p, q, req);
             }));

  router.Add("POST", "/api/v1/cases/search",
             api.Authed([&cases](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"status", "trafficking_status", "caseworker", "citizenship",
                            "exploitation", "gender", "age_band", "registered_from",
                            "registered_to", "name", "sort", "limit", "after"});
               std::map<std::string, std::string> values;
               for (const char* key : {"status", "trafficking_status", "caseworker", "citizenship",
                                       "exploitation", "gender", "age_band", "registered_from",
                                       "registered_to", "name", "sort", "after"}) {
                 values[key] = r.String(key, false, 200).value_or("");
               }
               auto limit = r.Integer("limit", false);
               if (limit && (*limit < 1 || *limit > service::kMaxPageSize)) {
                 r.Fail("limit", "must be an integer from 1 to 200");
               }
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               service::CaseQuery q = QueryFrom([&](const char* key) { return values[key]; });
               q.page.limit = limit ? static_cast<int>(*limit) : 50;
               q.page.after = values["after"];
               return ListCases(cases, p, q, req);
             }));

  router.Add("POST", "/api/v1/cases",
             api.Authed([&cases](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               auto in = ParseCaseInput(*body, false);
               if (!in.ok()) return ErrorResponse(in.status(), req.request_id);
               auto c = cases.Create(p, *in, InfoOf(req));
               if (!c.ok()) return ErrorResponse(c.status(), req.request_id);
               return Response::Json(201, CaseJson(*c));
             }));

  router.Add("GET", "/api/v1/cases/{id}",
             api.AuthedShared([&cases](Request& req, std::shared_ptr<const service::Principal> p) {
               if (cases.reads_batched()) return GetCaseDeferred(cases, std::move(p), req);
               std::shared_ptr<service::AuditCommit> audit;
               auto c = cases.Get(*p, req.params["id"], InfoOf(req), &audit);
               return CaseResponse(std::move(c), std::move(audit), req.request_id);
             }));

  router.Add("PATCH", "/api/v1/cases/{id}",
             api.Authed([&cases](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               auto version = r.Integer("version", true);
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto in = ParseCaseInput(*body, true);
               if (!in.ok()) return ErrorResponse(in.status(), req.request_id);
               auto c = cases.Patch(p, req.params["id"], *version, *in, InfoOf(req));
               if (!c.ok()) return ErrorResponse(c.status(), req.request_id);
               return Response::Json(200, CaseJson(*c));
             }));

  router.Add(
      "GET", "/api/v1/cases/{id}/history",
      api.Authed([&cases](Request& req, const service::Principal& p) {
        auto page = ParsePage(req);
        if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
        auto h = cases.History(p, req.params["id"], *page);
        if (!h.ok()) return ErrorResponse(h.status(), req.request_id);
        json::array items;
        for (const auto& e : h->items) {
          boost::system::error_code ec;
          json::value changes = json::parse(e.changes_json, ec);
          items.push_back(json::object{{"id", e.id},
                                       {"time", FormatTimestamp(e.time)},
                                       {"actor", e.actor},
                                       {"changes", ec ? json::value(json::array()) : changes}});
        }
        return Response::Json(200, ListBody(std::move(items), h->next));
      }));

  router.Add(
      "GET", "/api/v1/vocabularies", api.Authed([](Request& req, const service::Principal& p) {
        if (Status st = service::RequireEnrolled(p); !st.ok())
          return ErrorResponse(st, req.request_id);
        json::array items;
        for (const auto& v : domain::AllVocabularies()) {
          items.push_back(
              json::object{{"name", v.name}, {"label", v.label}, {"multiselect", v.multiselect}});
        }
        return Response::Json(200, ListBody(std::move(items), std::nullopt));
      }));

  router.Add("GET", "/api/v1/vocabularies/{name}",
             api.Authed([](Request& req, const service::Principal& p) {
               if (Status st = service::RequireEnrolled(p); !st.ok()) {
                 return ErrorResponse(st, req.request_id);
               }
               auto v = FindVocabularyJson(req.params["name"]);
               if (!v.ok()) return ErrorResponse(v.status(), req.request_id);
               return JsonOk(200, *v);
             }));
}

}  // namespace hw::http
