#include "service/shelter_codec.h"

#include <boost/json.hpp>

namespace hw::service {
namespace {

namespace json = boost::json;

std::string Str(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<double> Num(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_number()) return std::nullopt;
  return v->to_number<double>();
}

Result<json::value> ParseStored(const std::string& text, const char* what) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Status::Internal(std::string("stored shelter ") + what + " is not JSON");
  return v;
}

}  // namespace

storage::ShelterRow EncodeShelter(const domain::Shelter& s) {
  storage::ShelterRow row;
  row.id = s.id;
  row.office_id = s.office_id;
  row.name = s.name;
  row.operator_type = s.operator_type;
  row.operator_org = s.operating_organisation;
  row.status = s.status;
  json::object capacity;
  for (const auto& [population, beds] : s.capacity) capacity[population] = beds;
  row.capacity = json::serialize(capacity);
  json::array services;
  for (const auto& service : s.services) services.emplace_back(service);
  row.services = json::serialize(services);
  json::array flags;
  for (const auto& flag : s.accessibility) flags.emplace_back(flag);
  row.accessibility =
      json::serialize(json::object{{"flags", flags}, {"notes", s.accessibility_notes}});
  row.created_at = s.created_at;
  row.updated_at = s.updated_at;
  row.version = s.version;
  return row;
}

Result<domain::Shelter> DecodeShelter(const storage::ShelterRow& row) {
  domain::Shelter s;
  s.id = row.id;
  s.office_id = row.office_id;
  s.name = row.name;
  s.operator_type = row.operator_type;
  s.operating_organisation = row.operator_org;
  s.status = row.status;
  s.created_at = row.created_at;
  s.updated_at = row.updated_at;
  s.version = row.version;
  HW_ASSIGN_OR_RETURN(json::value capacity, ParseStored(row.capacity, "capacity"));
  if (capacity.is_object()) {
    for (const auto& [population, beds] : capacity.as_object()) {
      if (beds.is_int64()) s.capacity[std::string(population)] = beds.as_int64();
    }
  }
  HW_ASSIGN_OR_RETURN(json::value services, ParseStored(row.services, "services"));
  if (services.is_array()) {
    for (const auto& v : services.as_array()) {
      if (v.is_string()) s.services.emplace_back(v.as_string());
    }
  }
  HW_ASSIGN_OR_RETURN(json::value access, ParseStored(row.accessibility, "accessibility"));
  if (access.is_object()) {
    if (const json::value* flags = access.as_object().if_contains("flags");
        flags && flags->is_array()) {
      for (const auto& v : flags->as_array()) {
        if (v.is_string()) s.accessibility.emplace(v.as_string());
      }
    }
    s.accessibility_notes = Str(access.as_object(), "notes");
  }
  return s;
}

Result<std::string> SealLocation(const std::string& shelter_id, const domain::ShelterLocation& l,
                                 crypto::RecordCipher& cipher) {
  if (l.Empty()) return std::string();
  json::object o;
  o["address"] = l.address;
  o["latitude"] = l.latitude ? json::value(*l.latitude) : json::value();
  o["longitude"] = l.longitude ? json::value(*l.longitude) : json::value();
  json::array contacts;
  for (const auto& c : l.contacts) {
    contacts.push_back(
        json::object{{"name", c.name}, {"role", c.role}, {"phone", c.phone}, {"email", c.email}});
  }
  o["contacts"] = std::move(contacts);
  return cipher.SealField(shelter_id, kLocationField, json::serialize(o));
}

Result<domain::ShelterLocation> OpenLocation(const std::string& shelter_id,
                                             const std::string& sealed,
                                             crypto::RecordCipher& cipher) {
  domain::ShelterLocation l;
  if (sealed.empty()) return l;
  HW_ASSIGN_OR_RETURN(std::string plain, cipher.OpenField(shelter_id, kLocationField, sealed));
  HW_ASSIGN_OR_RETURN(json::value v, ParseStored(plain, "location"));
  if (!v.is_object()) return Status::Internal("stored shelter location is not an object");
  const json::object& o = v.as_object();
  l.address = Str(o, "address");
  l.latitude = Num(o, "latitude");
  l.longitude = Num(o, "longitude");
  if (const json::value* cs = o.if_contains("contacts"); cs && cs->is_array()) {
    for (const auto& c : cs->as_array()) {
      if (!c.is_object()) continue;
      const json::object& co = c.as_object();
      l.contacts.push_back({Str(co, "name"), Str(co, "role"), Str(co, "phone"), Str(co, "email")});
    }
  }
  return l;
}

}  // namespace hw::service
