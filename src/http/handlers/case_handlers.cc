// /cases, /cases/{id}, /cases/{id}/history, /vocabularies.
#include <boost/json.hpp>

#include "domain/office.h"
#include "domain/vocabulary.h"
#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
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

json::object CaseJson(const service::CaseView& v) {
  const domain::CaseRecord& c = v.record;
  json::object o{{"id", c.id},
                 {"version", c.version},
                 {"created_at", FormatTimestamp(c.created_at)},
                 {"updated_at", FormatTimestamp(c.updated_at)},
                 {"office_id", c.office_id},
                 {"cas_Number", c.number}};
  json::object person;
  for (const auto& spec : domain::CaseFieldSpecs()) {
    if (spec.personal && !v.with_pii) continue;
    auto it = c.fields.find(spec.name);
    json::value value =
        it == c.fields.end() ? json::value(nullptr) : service::FieldValueToJson(it->second);
    if (value.is_null() && (spec.kind == domain::FieldKind::kVocabList ||
                            spec.kind == domain::FieldKind::kCountryList ||
                            spec.kind == domain::FieldKind::kTextList)) {
      value = json::array();
    }
    (spec.in_person ? person : o)[spec.name] = std::move(value);
  }
  o["person"] = std::move(person);
  json::array events;
  for (const auto& e : c.events) {
    events.push_back(json::object{
        {"id", e.id},
        {"hte_Type", e.type},
        {"hte_Country", e.country.empty() ? json::value(nullptr) : json::value(e.country)},
        {"hte_City", e.city.empty() ? json::value(nullptr) : json::value(e.city)},
        {"hte_StartDate", e.start_date.empty() ? json::value(nullptr) : json::value(e.start_date)},
        {"hte_EndDate", e.end_date.empty() ? json::value(nullptr) : json::value(e.end_date)}});
  }
  o["events"] = std::move(events);
  if (c.closure.state.empty()) {
    o["closure"] = nullptr;
  } else {
    json::object cl{{"state", c.closure.state},
                    {"requested_by", c.closure.requested_by},
                    {"requested_at", FormatTimestamp(c.closure.requested_at)}};
    if (!c.closure.decided_by.empty()) {
      cl["decided_by"] = c.closure.decided_by;
      cl["decided_at"] = FormatTimestamp(c.closure.decided_at);
    }
    if (v.with_pii) cl["comment"] = c.closure.comment;
    if (!c.closure.reopened_by.empty()) {
      cl["reopened_by"] = c.closure.reopened_by;
      cl["reopened_at"] = FormatTimestamp(c.closure.reopened_at);
      if (v.with_pii) cl["reopen_reason"] = c.closure.reopen_reason;
    }
    o["closure"] = std::move(cl);
  }
  return o;
}

// One list row, written straight to text: a page has up to 200 of them.
void AppendRowJson(std::string& out, const service::CaseListItem& c) {
  auto key = [&](const char* name) {
    out.push_back('"');
    out.append(name).append("\":");
  };
  auto text = [&](const char* name, const std::string& value) {
    key(name);
    AppendJsonString(out, value);
    out.push_back(',');
  };
  auto text_or_null = [&](const char* name, const std::string& value) {
    if (!value.empty()) return text(name, value);
    key(name);
    out.append("null,");
  };
  auto list = [&](const char* name, const std::vector<std::string>& values) {
    key(name);
    out.push_back('[');
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out.push_back(',');
      AppendJsonString(out, values[i]);
    }
    out.append("],");
  };
  out.push_back('{');
  text("id", c.id);
  text("cas_Number", c.number);
  text_or_null("cas_Status", c.status);
  text_or_null("vic_TraffickingStatus", c.trafficking_status);
  text_or_null("cas_CaseOwner", c.owner_id);
  text("office_id", c.office_id);
  text_or_null("prs_Gender", c.gender);
  list("prs_Citizenship", c.citizenship);
  text("age_band", c.age_band);
  list("vic_TypeOfExploitation", c.exploitation);
  text_or_null("cas_IncomingReferralDate", c.referral_date);
  text("created_at", FormatTimestamp(c.created_at));
  text("updated_at", FormatTimestamp(c.updated_at));
  if (!c.display_name.empty()) text("display_name", c.display_name);
  key("version");
  out.append(std::to_string(c.version)).push_back('}');
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
               return JsonOk(201, CaseJson(*c));
             }));

  router.Add("GET", "/api/v1/cases/{id}",
             api.Authed([&cases](Request& req, const service::Principal& p) {
               std::shared_ptr<service::AuditCommit> audit;
               auto c = cases.Get(p, req.params["id"], InfoOf(req), &audit);
               if (!c.ok()) return ErrorResponse(c.status(), req.request_id);
               Response res = JsonOk(200, CaseJson(*c));
               HoldUntilCommitted(res, std::move(audit));
               return res;
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
               return JsonOk(200, CaseJson(*c));
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
