// /cases/{id}/consents: the consent history of a case and the states in effect.
#include <boost/json.hpp>

#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"

namespace hw::http {
namespace {

namespace json = boost::json;

json::object ConsentJson(const domain::Consent& c, bool with_pii) {
  json::object o{
      {"id", c.id},
      {"kind", c.kind},
      {"state", c.state},
      {"date", c.date},
      {"form", c.form},
      {"organisation", c.organisation.empty() ? json::value() : json::value(c.organisation)},
      {"recorded_by", c.recorded_by},
      {"created_at", FormatTimestamp(c.created_at)}};
  // The witness is personal: only view_pii holders see it (or that there is none).
  if (with_pii) o["witness"] = c.witness.empty() ? json::value() : json::value(c.witness);
  return o;
}

json::object EffectiveJson(const service::EffectiveConsents& e) {
  json::object o;
  for (const auto& [kind, state] : e.by_kind) {
    o[kind] = state.empty() ? json::value() : json::value(state);
  }
  json::object sharing;
  for (const auto& [organisation, state] : e.sharing) sharing[organisation] = state;
  o[domain::consent::kSharing] = std::move(sharing);
  return o;
}

}  // namespace

void RegisterConsentRoutes(Api& api, Router& router) {
  service::ConsentService& consents = api.services().consents;

  router.Add("GET", "/api/v1/cases/{id}/consents",
             api.Authed([&consents](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               auto list = consents.List(p, req.params["id"], *page, InfoOf(req));
               if (!list.ok()) return ErrorResponse(list.status(), req.request_id);
               json::array items;
               for (const auto& c : list->items) items.push_back(ConsentJson(c, list->with_pii));
               json::object body{{"items", std::move(items)},
                                 {"effective", EffectiveJson(list->effective)},
                                 {"next", list->next ? json::value(*list->next) : json::value()}};
               return JsonOk(200, body);
             }));

  router.Add("POST", "/api/v1/cases/{id}/consents",
             api.Authed([&consents](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               FieldReader r(*body);
               r.OnlyAllow({"kind", "state", "date", "form", "witness", "organisation"});
               service::ConsentInput in;
               // Presence and values are checked by the service (one 422 naming every field).
               in.kind = r.String("kind", false, 100).value_or("");
               in.state = r.String("state", false, 100).value_or("");
               in.date = r.String("date", false, 100).value_or("");
               in.form = r.String("form", false, 100).value_or("");
               in.witness = r.String("witness", false, 1000).value_or("");
               in.organisation = r.String("organisation", false, 1000).value_or("");
               if (Status st = r.Finish(); !st.ok()) return ErrorResponse(st, req.request_id);
               auto c = consents.Add(p, req.params["id"], in, InfoOf(req));
               if (!c.ok()) return ErrorResponse(c.status(), req.request_id);
               return JsonOk(201, ConsentJson(c->consent, c->with_pii));
             }));
}

}  // namespace hw::http
