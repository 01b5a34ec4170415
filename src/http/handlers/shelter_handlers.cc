// /shelters, /shelters/{id}, and below it admissions, discharges, residents, occupancy and
// incidents. The contract is docs/api-shelters.md.
#include <boost/json.hpp>

#include "domain/case_work.h"
#include "domain/shelter.h"
#include "http/api.h"
#include "http/error_mapping.h"
#include "http/handlers/views.h"
#include "http/json_util.h"
#include "service/shelter_service.h"

namespace hw::http {
namespace {

namespace json = boost::json;

constexpr size_t kMaxTextBytes = 80000;  // 20000 characters of up to 4 bytes

// ---- reading requests ----

// A string field that may be absent; null clears it when `cleared` is given, else is refused.
std::optional<std::string> OptString(const json::object& body, const char* name,
                                     std::set<std::string>* cleared, Status::Fields& errors) {
  return OptionalString(body, name, kMaxTextBytes, {.cleared = cleared}, errors);
}

std::optional<std::map<std::string, std::int64_t>> ReadCapacity(const json::object& body,
                                                                Status::Fields& errors) {
  const json::value* v = body.if_contains("capacity");
  if (!v) return std::nullopt;
  if (!v->is_object()) {
    errors["capacity"] = "must be an object of population: beds";
    return std::nullopt;
  }
  std::map<std::string, std::int64_t> out;
  for (const auto& [key, beds] : v->as_object()) {
    const std::string name(key);
    if (beds.is_int64()) {
      out[name] = beds.as_int64();
    } else if (beds.is_uint64()) {
      out[name] = domain::kMaxCapacity + 1;  // beyond the bound: named by the validation
    } else {
      errors["capacity." + name] = "must be a non-negative integer";
    }
  }
  return out;
}

std::optional<std::vector<std::string>> ReadServices(const json::object& body,
                                                     Status::Fields& errors) {
  const json::value* v = body.if_contains("services");
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    errors["services"] = "must be a list of strings";
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->as_array().size(); ++i) {
    const json::value& item = v->as_array()[i];
    if (!item.is_string()) {
      errors["services[" + std::to_string(i) + "]"] = "must be a string";
      continue;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

void ReadAccessibility(const json::object& body, service::ShelterInput& in) {
  const json::value* v = body.if_contains("accessibility");
  if (!v) return;
  if (!v->is_object()) {
    in.errors["accessibility"] = "must be an object of flags and notes";
    return;
  }
  std::set<std::string> flags;
  std::string notes;
  for (const auto& [key, value] : v->as_object()) {
    const std::string name(key);
    const std::string at = "accessibility." + name;
    if (name == "notes") {
      if (value.is_string()) {
        notes = std::string(value.as_string());
      } else if (!value.is_null()) {
        in.errors[at] = "must be a string";
      }
    } else if (!domain::IsOneOf(domain::kAccessibilityFlags, name)) {
      in.errors[at] = "unknown flag";
    } else if (!value.is_bool()) {
      in.errors[at] = "must be true or false";
    } else if (value.as_bool()) {
      flags.insert(name);
    }
  }
  in.accessibility = std::move(flags);
  in.accessibility_notes = std::move(notes);
}

void ReadContacts(const json::object& body, service::ShelterInput& in) {
  const json::value* v = body.if_contains("contacts");
  if (!v) return;
  if (v->is_null()) {
    in.cleared.insert("contacts");
    return;
  }
  if (!v->is_array()) {
    in.errors["contacts"] = "must be a list of {name, role, phone, email}";
    return;
  }
  std::vector<domain::ShelterContact> out;
  for (size_t i = 0; i < v->as_array().size(); ++i) {
    const json::value& item = v->as_array()[i];
    const std::string at = "contacts[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      in.errors[at] = "must be an object {name, role, phone, email}";
      continue;
    }
    domain::ShelterContact c;
    for (const auto& [key, value] : item.as_object()) {
      const std::string name(key);
      std::string path = at;
      path += '.';
      path += name;
      std::string* field = name == "name"    ? &c.name
                           : name == "role"  ? &c.role
                           : name == "phone" ? &c.phone
                           : name == "email" ? &c.email
                                             : nullptr;
      if (!field) {
        in.errors[path] = "unknown field";
      } else if (value.is_string()) {
        *field = std::string(value.as_string());
      } else if (!value.is_null()) {
        in.errors[path] = "must be a string";
      }
    }
    out.push_back(std::move(c));
  }
  in.contacts = std::move(out);
}

// `version` non-null: a PATCH, which must carry the version and cannot move the shelter.
service::ShelterInput ParseShelterInput(const json::object& body, long long* version) {
  FieldReader r(body);
  std::vector<std::string> allowed{"name",          "operator_type", "operating_organisation",
                                   "status",        "capacity",      "services",
                                   "accessibility", "address",       "latitude",
                                   "longitude",     "contacts"};
  if (!version) allowed.emplace_back("office_id");
  r.OnlyAllow(allowed, version);
  service::ShelterInput in;
  Status::Fields& errors = in.errors;
  in.name = OptString(body, "name", nullptr, errors);
  in.operator_type = OptString(body, "operator_type", nullptr, errors);
  in.operating_organisation = OptString(body, "operating_organisation", nullptr, errors);
  in.status = OptString(body, "status", nullptr, errors);
  if (!version) in.office_id = OptString(body, "office_id", nullptr, errors);
  in.capacity = ReadCapacity(body, errors);
  in.services = ReadServices(body, errors);
  ReadAccessibility(body, in);
  in.address = OptString(body, "address", &in.cleared, errors);
  in.latitude = OptionalNumber(body, "latitude", in.cleared, errors);
  in.longitude = OptionalNumber(body, "longitude", in.cleared, errors);
  ReadContacts(body, in);
  r.MergeInto(errors);
  return in;
}

service::AdmissionInput ParseAdmissionInput(const json::object& body) {
  FieldReader r(body);
  r.OnlyAllow(
      {"case_id", "population", "admission_date", "referral", "room", "bed", "override_capacity"});
  service::AdmissionInput in;
  in.case_id = OptString(body, "case_id", nullptr, in.errors);
  in.population = OptString(body, "population", nullptr, in.errors);
  in.admission_date = OptString(body, "admission_date", nullptr, in.errors);
  std::set<std::string> ignored;  // null = not given for the optional texts
  in.referral = OptString(body, "referral", &ignored, in.errors);
  in.room = OptString(body, "room", &ignored, in.errors);
  in.bed = OptString(body, "bed", &ignored, in.errors);
  in.override_capacity = r.Bool("override_capacity", false).value_or(false);
  r.MergeInto(in.errors);
  return in;
}

service::DischargeInput ParseDischargeInput(const json::object& body) {
  FieldReader r(body);
  r.OnlyAllow({"admission_id", "version", "discharge_date", "destination", "reason"});
  service::DischargeInput in;
  in.version = r.Integer("version", true).value_or(0);
  in.admission_id = OptString(body, "admission_id", nullptr, in.errors);
  in.discharge_date = OptString(body, "discharge_date", nullptr, in.errors);
  in.destination = OptString(body, "destination", nullptr, in.errors);
  std::set<std::string> ignored;
  in.reason = OptString(body, "reason", &ignored, in.errors);
  r.MergeInto(in.errors);
  return in;
}

service::IncidentInput ParseIncidentInput(const json::object& body, long long* version) {
  FieldReader r(body);
  std::vector<std::string> allowed{"kind",        "severity",  "occurred_at",
                                   "description", "follow_up", "status"};
  r.OnlyAllow(allowed, version);
  service::IncidentInput in;
  in.kind = OptString(body, "kind", nullptr, in.errors);
  in.severity = OptString(body, "severity", nullptr, in.errors);
  in.occurred_at = OptString(body, "occurred_at", nullptr, in.errors);
  in.description = OptString(body, "description", nullptr, in.errors);
  in.follow_up = OptString(body, "follow_up", &in.cleared, in.errors);
  in.status = OptString(body, "status", nullptr, in.errors);
  r.MergeInto(in.errors);
  return in;
}

// ---- writing answers ----

json::object CountsJson(const std::map<std::string, std::int64_t>& counts) {
  json::object o;
  for (const auto& [population, n] : counts) o[population] = n;
  return o;
}

json::object PerPopulation(const service::PopulationCounts& counts, std::int64_t* total) {
  json::object o;
  *total = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    o[domain::kPopulations[i]] = counts[i];
    *total += counts[i];
  }
  return o;
}

json::object ShelterJson(const service::ShelterView& v) {
  const domain::Shelter& s = v.shelter;
  json::object o{{"id", s.id},
                 {"office_id", s.office_id},
                 {"name", s.name},
                 {"operator_type", s.operator_type},
                 {"operating_organisation", s.operating_organisation},
                 {"status", s.status},
                 {"capacity", CountsJson(s.capacity)}};
  json::array services;
  for (const auto& service : s.services) services.emplace_back(service);
  o["services"] = std::move(services);
  json::object access;
  for (std::string_view flag : domain::kAccessibilityFlags) {
    access[flag] = s.accessibility.count(std::string(flag)) > 0;
  }
  access["notes"] = OrNull(s.accessibility_notes);
  o["accessibility"] = std::move(access);
  std::map<std::string, std::int64_t> current;
  std::int64_t capacity_total = 0, current_total = 0;
  for (const auto& [population, beds] : s.capacity) {
    current[population] = 0;
    capacity_total += beds;
  }
  for (const auto& [population, n] : v.occupancy) {
    current[population] = n;
    current_total += n;
  }
  o["occupancy"] = json::object{{"current", CountsJson(current)},
                                {"current_total", current_total},
                                {"capacity_total", capacity_total}};
  if (v.with_location) {
    const domain::ShelterLocation& l = s.location;
    o["address"] = OrNull(l.address);
    o["latitude"] = l.latitude ? json::value(*l.latitude) : json::value();
    o["longitude"] = l.longitude ? json::value(*l.longitude) : json::value();
    json::array contacts;
    for (const auto& c : l.contacts) {
      contacts.push_back(json::object{{"name", c.name},
                                      {"role", OrNull(c.role)},
                                      {"phone", OrNull(c.phone)},
                                      {"email", OrNull(c.email)}});
    }
    o["contacts"] = std::move(contacts);
  }
  o["created_at"] = FormatTimestamp(s.created_at);
  o["updated_at"] = FormatTimestamp(s.updated_at);
  o["version"] = s.version;
  return o;
}

json::object AdmissionJson(const service::AdmissionView& v) {
  const domain::Admission& a = v.admission;
  json::object o{{"id", a.id},
                 {"shelter_id", a.shelter_id},
                 {"case_id", a.case_id},
                 {"case_number", a.case_number},
                 {"population", a.population},
                 {"admission_date", a.admission_date},
                 {"room", OrNull(a.room)},
                 {"bed", OrNull(a.bed)},
                 {"over_capacity", a.over_capacity}};
  if (v.with_pii) o["referral"] = OrNull(a.referral);
  if (a.discharge) {
    json::object d{{"date", a.discharge->date},
                   {"destination", a.discharge->destination},
                   {"discharged_by", a.discharge->discharged_by}};
    if (v.with_pii) d["reason"] = OrNull(a.discharge->reason);
    o["discharge"] = std::move(d);
  } else {
    o["discharge"] = nullptr;
  }
  o["days_in_shelter"] = v.days_in_shelter;
  o["created_by"] = a.created_by;
  o["created_at"] = FormatTimestamp(a.created_at);
  o["updated_at"] = FormatTimestamp(a.updated_at);
  o["version"] = a.version;
  return o;
}

json::object ResidentJson(const service::ResidentView& v) {
  const domain::Admission& a = v.admission;
  json::object o{{"admission_id", a.id}, {"case_id", a.case_id}, {"case_number", a.case_number}};
  if (v.display_name) o["display_name"] = *v.display_name;
  o["population"] = a.population;
  o["admission_date"] = a.admission_date;
  o["room"] = OrNull(a.room);
  o["bed"] = OrNull(a.bed);
  o["days_in_shelter"] = v.days_in_shelter;
  o["over_capacity"] = a.over_capacity;
  return o;
}

json::object OccupancyJson(const service::OccupancyView& v, const std::string& from,
                           const std::string& to) {
  const service::OccupancyReport& r = v.report;
  std::int64_t capacity_total = 0;
  for (const auto& [population, beds] : v.capacity) capacity_total += beds;
  std::int64_t current_total = 0;
  json::object current = PerPopulation(r.current, &current_total);
  json::array days;
  for (size_t d = 0; d < r.days.size(); ++d) {
    std::int64_t total = 0;
    json::object counts = PerPopulation(r.days[d], &total);
    days.push_back(json::object{{"date", domain::DateOfDay(r.from + static_cast<std::int64_t>(d))},
                                {"counts", std::move(counts)},
                                {"total", total}});
  }
  return {{"shelter_id", v.shelter_id},
          {"from", from},
          {"to", to},
          {"capacity", CountsJson(v.capacity)},
          {"capacity_total", capacity_total},
          {"current", std::move(current)},
          {"current_total", current_total},
          {"days", std::move(days)},
          {"average_length_of_stay_days",
           r.average_length_of_stay ? json::value(*r.average_length_of_stay) : json::value()},
          {"completed_stays", r.completed_stays}};
}

json::object IncidentJson(const service::IncidentView& v) {
  const domain::Incident& i = v.incident;
  json::object o{{"id", i.id},
                 {"shelter_id", i.shelter_id},
                 {"kind", i.kind},
                 {"severity", i.severity},
                 {"occurred_at", FormatTimestamp(i.occurred_at)},
                 {"status", i.status}};
  if (v.with_pii) {
    o["description"] = i.description;
    o["follow_up"] = OrNull(i.follow_up);
  }
  o["created_by"] = i.created_by;
  o["created_at"] = FormatTimestamp(i.created_at);
  o["updated_at"] = FormatTimestamp(i.updated_at);
  o["version"] = i.version;
  return o;
}

template <typename T, typename F>
Response One(const Result<T>& r, int status, const Request& req, F to_json) {
  if (!r.ok()) return ErrorResponse(r.status(), req.request_id);
  return JsonOk(status, to_json(*r));
}

// ---- routes ----

void RegisterRegistryRoutes(Api& api, Router& router) {
  service::ShelterService& shelters = api.services().shelters;
  router.Add("GET", "/api/v1/shelters",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(shelters.List(p, req.Query("status").value_or(""), *page), req,
                                   ShelterJson);
             }));
  router.Add("POST", "/api/v1/shelters",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               return One(shelters.Create(p, ParseShelterInput(*body, nullptr), InfoOf(req)), 201,
                          req, ShelterJson);
             }));
  router.Add("GET", "/api/v1/shelters/{id}",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               return One(shelters.Get(p, req.params["id"], InfoOf(req)), 200, req, ShelterJson);
             }));
  router.Add("PATCH", "/api/v1/shelters/{id}",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               long long version = 0;
               auto in = ParseShelterInput(*body, &version);
               return One(shelters.Patch(p, req.params["id"], version, in, InfoOf(req)), 200, req,
                          ShelterJson);
             }));
}

void RegisterStayRoutes(Api& api, Router& router) {
  service::ShelterService& shelters = api.services().shelters;
  router.Add("GET", "/api/v1/shelters/{id}/admissions",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(
                   shelters.ListAdmissions(p, req.params["id"], req.Query("status").value_or(""),
                                           *page, InfoOf(req)),
                   req, AdmissionJson);
             }));
  router.Add("POST", "/api/v1/shelters/{id}/admissions",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               return One(
                   shelters.Admit(p, req.params["id"], ParseAdmissionInput(*body), InfoOf(req)),
                   201, req, AdmissionJson);
             }));
  router.Add("POST", "/api/v1/shelters/{id}/discharges",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               return One(
                   shelters.Discharge(p, req.params["id"], ParseDischargeInput(*body), InfoOf(req)),
                   200, req, AdmissionJson);
             }));
  router.Add("GET", "/api/v1/shelters/{id}/residents",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(shelters.Residents(p, req.params["id"], *page, InfoOf(req)), req,
                                   ResidentJson);
             }));
  router.Add("GET", "/api/v1/shelters/{id}/occupancy",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               const std::string from = req.Query("from").value_or("");
               const std::string to = req.Query("to").value_or("");
               auto r = shelters.Occupancy(p, req.params["id"], from, to);
               if (!r.ok()) return ErrorResponse(r.status(), req.request_id);
               return JsonOk(200, OccupancyJson(*r, from, to));
             }));
}

void RegisterIncidentRoutes(Api& api, Router& router) {
  service::ShelterService& shelters = api.services().shelters;
  router.Add("GET", "/api/v1/shelters/{id}/incidents",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto page = ParsePage(req);
               if (!page.ok()) return ErrorResponse(page.status(), req.request_id);
               return ListResponse(
                   shelters.ListIncidents(p, req.params["id"], req.Query("status").value_or(""),
                                          *page, InfoOf(req)),
                   req, IncidentJson);
             }));
  router.Add("POST", "/api/v1/shelters/{id}/incidents",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               return One(shelters.CreateIncident(p, req.params["id"],
                                                  ParseIncidentInput(*body, nullptr), InfoOf(req)),
                          201, req, IncidentJson);
             }));
  router.Add("PATCH", "/api/v1/shelters/{id}/incidents/{incident_id}",
             api.Authed([&shelters](Request& req, const service::Principal& p) {
               auto body = ParseObject(req);
               if (!body.ok()) return ErrorResponse(body.status(), req.request_id);
               long long version = 0;
               auto in = ParseIncidentInput(*body, &version);
               return One(shelters.PatchIncident(p, req.params["id"], req.params["incident_id"],
                                                 version, in, InfoOf(req)),
                          200, req, IncidentJson);
             }));
}

}  // namespace

void RegisterShelterRoutes(Api& api, Router& router) {
  RegisterRegistryRoutes(api, router);
  RegisterStayRoutes(api, router);
  RegisterIncidentRoutes(api, router);
}

}  // namespace hw::http
