// /screening/indicator-sets, /cases/{id}/screening, /cases/{id}/screening/{sid}/decision.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
#include "service/screening_codec.h"
#include "service/screening_service.h"

namespace hw::http {
namespace {

namespace json = boost::json;

constexpr size_t kMaxTextBytes = 80000;  // 20000 characters of up to 4 bytes

json::object SetJson(const service::IndicatorSetView& v) {
  const domain::IndicatorSet& s = v.set;
  return {{"id", s.id},
          {"version", s.version},
          {"source", s.source},
          {"population", domain::PopulationName(s.population)},
          {"kind", domain::ExploitationKindName(s.kind)},
          {"indicators", service::IndicatorsToJson(s.indicators)},
          {"created_by", v.created_by},
          {"created_at", FormatTimestamp(v.created_at)}};
}

json::object ScreeningJson(const service::ScreeningView& v) {
  json::object o{{"id", v.id},
                 {"case_id", v.case_id},
                 {"indicator_set", v.indicator_set},
                 {"indicator_set_version", v.set_version},
                 {"observed", json::array(v.observed.begin(), v.observed.end())}};
  json::object result = service::ScreeningResultToJson(v.result);
  for (auto& [key, value] : result) o[key] = std::move(value);
  if (v.with_pii) o["notes"] = OrNull(v.notes);
  if (v.decision.empty()) {
    o["decision"] = nullptr;
  } else {
    json::object d{{"decision", v.decision},
                   {"decided_by", v.decided_by},
                   {"decided_at", FormatTimestamp(v.decided_at)}};
    if (v.with_pii) d["justification"] = v.justification;
    o["decision"] = std::move(d);
  }
  o["created_by"] = v.created_by;
  o["created_at"] = FormatTimestamp(v.created_at);
  o["updated_at"] = FormatTimestamp(v.updated_at);
  o["version"] = v.version;
  if (v.case_version > 0) o["case_version"] = v.case_version;
  return o;
}

Result<std::pair<domain::IndicatorSet, std::optional<long long>>> ParseSet(
    const json::object& body) {
  FieldReader r(body);
  r.OnlyAllow({"id", "version", "source", "population", "kind", "indicators"});
  domain::IndicatorSet set;
  set.id = r.String("id", true, 100).value_or("");
  set.source = r.String("source", true, 2000).value_or("");
  auto version = r.Integer("version", false);
  if (auto population = r.String("population", true)) {
    if (auto p = domain::ParsePopulation(*population)) {
      set.population = *p;
    } else {
      r.Fail("population", "must be adult or child");
    }
  }
  if (auto kind = r.String("kind", true)) {
    if (auto k = domain::ParseExploitationKind(*kind)) {
      set.kind = *k;
    } else {
      r.Fail("kind", "must be labour or sexual");
    }
  }
  Status::Fields errors;
  if (const json::value* ind = body.if_contains("indicators")) {
    set.indicators = service::IndicatorsFromJson(*ind, errors);
  } else {
    errors["indicators"] = "is required";
  }
  for (const auto& [field, message] : errors) r.Fail(field, message);
  HW_RETURN_IF_ERROR(r.Finish());
  return std::make_pair(std::move(set), version);
}

}  // namespace

void RegisterScreeningRoutes(Api& api, Router& router) {
  service::ScreeningService& screening = api.services().screening;

  router.Add("GET", "/api/v1/screening/indicator-sets",
             api.Authed([&screening](Request& req, const service::Principal& p) {
               auto sets = screening.ListSets(p);
               if (!sets.ok()) return ErrorResponse(sets.status(), req.request_id);
               json::array items;
               for (const auto& s : *sets) items.push_back(SetJson(s));
               return Response::Json(200, ListBody(std::move(items), std::nullopt));
             }));

  router.Add("POST", "/api/v1/screening/indicator-sets",
             api.Authed([&screening](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               auto parsed = ParseSet(*body);
               if (!parsed.ok()) return ErrorResponse(parsed.status(), req.request_id);
               auto set = screening.CreateSetVersion(p, std::move(parsed->first), parsed->second,
                                                     InfoOf(req));
               if (!set.ok()) return ErrorResponse(set.status(), req.request_id);
               return JsonOk(201, SetJson(*set));
             }));

  router.Add("GET", "/api/v1/cases/{id}/screening",
             api.Authed([&screening](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               auto list = screening.List(p, req.params["id"], *page, InfoOf(req));
               if (!list.ok()) return ErrorResponse(list.status(), req.request_id);
               json::array items;
               for (const auto& s : list->items) items.push_back(ScreeningJson(s));
               return Response::Json(200, ListBody(std::move(items), list->next));
             }));

  router.Add("POST", "/api/v1/cases/{id}/screening",
             api.Authed([&screening](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"indicator_set", "version", "observed", "notes"});
               service::ScreeningInput in;
               in.indicator_set = r.String("indicator_set", true, 100).value_or("");
               in.set_version = r.Integer("version", false).value_or(0);
               in.observed = r.StringList("observed", true).value_or(std::vector<std::string>{});
               in.notes = r.String("notes", false, kMaxTextBytes).value_or("");
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto s = screening.Screen(p, req.params["id"], in, InfoOf(req));
               if (!s.ok()) return ErrorResponse(s.status(), req.request_id);
               return JsonOk(201, ScreeningJson(*s));
             }));

  router.Add("POST", "/api/v1/cases/{id}/screening/{sid}/decision",
             api.Authed([&screening](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"decision", "justification", "version"});
               service::DecisionInput in;
               in.decision = r.String("decision", true, 100).value_or("");
               in.justification = r.String("justification", true, kMaxTextBytes).value_or("");
               auto version = r.Integer("version", true);
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               in.case_version = *version;
               auto s = screening.Decide(p, req.params["id"], req.params["sid"], in, InfoOf(req));
               if (!s.ok()) return ErrorResponse(s.status(), req.request_id);
               return JsonOk(200, ScreeningJson(*s));
             }));
}

}  // namespace hw::http
