#include "service/case_codec.h"

#include <boost/json.hpp>

#include "crypto/blind_index.h"

namespace hw::service {

namespace json = boost::json;
using domain::FieldKind;

json::value FieldValueToJson(const domain::FieldValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return json::value(*s);
  if (auto* n = std::get_if<long long>(&v)) return json::value(*n);
  if (auto* l = std::get_if<std::vector<std::string>>(&v)) return json::array(l->begin(), l->end());
  return nullptr;
}

domain::FieldValue FieldValueFromJson(const domain::FieldSpec& spec, const json::value& v,
                                      std::map<std::string, std::string>& errors) {
  // The path is built only for an error: decoding a stored case calls this for every field.
  auto fail = [&](const char* message) -> domain::FieldValue {
    errors[domain::FieldPath(spec)] = message;
    return std::monostate{};
  };
  if (v.is_null()) return std::monostate{};
  switch (spec.kind) {
    case FieldKind::kInt:
      if (v.is_int64()) return static_cast<long long>(v.as_int64());
      return fail("must be a whole number");
    case FieldKind::kTextList:
    case FieldKind::kVocabList:
    case FieldKind::kCountryList: {
      if (!v.is_array()) return fail("must be a list of strings");
      std::vector<std::string> out;
      out.reserve(v.as_array().size());
      for (const auto& item : v.as_array()) {
        if (!item.is_string()) return fail("must be a list of strings");
        out.emplace_back(item.as_string());
      }
      return out;
    }
    default:
      if (v.is_string()) return std::string(v.as_string());
      return fail("must be a string");
  }
}

namespace {

std::string Str(const domain::FieldMap& f, const char* name) {
  auto it = f.find(name);
  if (it == f.end()) return "";
  if (auto* s = std::get_if<std::string>(&it->second)) return *s;
  return "";
}

std::string Joined(const domain::FieldMap& f, const char* name) {
  auto it = f.find(name);
  if (it == f.end()) return "";
  auto* l = std::get_if<std::vector<std::string>>(&it->second);
  if (!l || l->empty()) return "";
  std::string out = ",";
  for (const auto& s : *l) out += s + ",";
  return out;
}

// Columns that filters use; everything else clear goes to attrs.
bool IsColumn(const std::string& name) {
  return name == "cas_Status" || name == "vic_TraffickingStatus" || name == "cas_CaseOwner" ||
         name == "prs_Gender" || name == "cas_IncomingReferralDate";
}

json::object EventJson(const domain::TraffickingEvent& e) {
  return {{"id", e.id},
          {"hte_Type", e.type},
          {"hte_Country", e.country},
          {"hte_City", e.city},
          {"hte_StartDate", e.start_date},
          {"hte_EndDate", e.end_date}};
}

std::string S(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

domain::FieldValue FromStored(const domain::FieldSpec& spec, const json::value& v) {
  std::map<std::string, std::string> ignored;
  return FieldValueFromJson(spec, v, ignored);
}

}  // namespace

Result<storage::CaseRow> EncodeCase(const domain::CaseRecord& c, crypto::RecordCipher& cipher) {
  storage::CaseRow row;
  row.id = c.id;
  row.office_id = c.office_id;
  row.number = c.number;
  row.status = Str(c.fields, "cas_Status");
  row.trafficking_status = Str(c.fields, "vic_TraffickingStatus");
  row.owner_id = Str(c.fields, "cas_CaseOwner");
  row.gender = Str(c.fields, "prs_Gender");
  row.referral_date = Str(c.fields, "cas_IncomingReferralDate");
  row.citizenship = Joined(c.fields, "prs_Citizenship");
  row.exploitation = Joined(c.fields, "vic_TypeOfExploitation");
  auto by = c.fields.find("prs_BirthYear");
  if (by != c.fields.end()) {
    if (auto* n = std::get_if<long long>(&by->second)) row.birth_year = *n;
  }
  auto est = c.fields.find("prs_EstimatedAge");
  if (!row.birth_year && est != c.fields.end()) {
    // An estimated age places the person in a birth year for filters and statistics.
    if (auto* n = std::get_if<long long>(&est->second)) {
      row.birth_year = std::stoll(FormatTimestamp(c.created_at).substr(0, 4)) - *n;
    }
  }
  json::object attrs, pii;
  for (const auto& [name, value] : c.fields) {
    const domain::FieldSpec* spec = domain::FindCaseField(name);
    if (!spec || IsColumn(name)) continue;
    (spec->personal ? pii : attrs)[name] = FieldValueToJson(value);
  }
  json::array events;
  for (const auto& e : c.events) events.push_back(EventJson(e));
  attrs["events"] = std::move(events);
  attrs["closure"] = json::object{{"state", c.closure.state},
                                  {"requested_by", c.closure.requested_by},
                                  {"requested_at", c.closure.requested_at},
                                  {"decided_by", c.closure.decided_by},
                                  {"decided_at", c.closure.decided_at}};
  pii["closure_comment"] = c.closure.comment;
  if (!c.closure.reopened_by.empty()) {
    attrs["closure"].as_object()["reopened_by"] = c.closure.reopened_by;
    attrs["closure"].as_object()["reopened_at"] = c.closure.reopened_at;
    pii["closure_reopen_reason"] = c.closure.reopen_reason;
  }
  row.attrs = json::serialize(attrs);
  HW_ASSIGN_OR_RETURN(row.pii, cipher.SealField(c.id, "pii", json::serialize(pii)));
  row.created_at = c.created_at;
  row.updated_at = c.updated_at;
  row.version = c.version;
  return row;
}

Result<domain::CaseRecord> DecodeCase(const storage::CaseRow& row, crypto::RecordCipher& cipher,
                                      bool with_pii) {
  domain::CaseRecord c;
  c.id = row.id;
  c.office_id = row.office_id;
  c.number = row.number;
  c.created_at = row.created_at;
  c.updated_at = row.updated_at;
  c.version = row.version;
  auto put = [&](const char* name, const std::string& v) {
    c.fields[name] = v.empty() ? domain::FieldValue{} : domain::FieldValue{v};
  };
  put("cas_Status", row.status);
  put("vic_TraffickingStatus", row.trafficking_status);
  put("cas_CaseOwner", row.owner_id);
  put("prs_Gender", row.gender);
  put("cas_IncomingReferralDate", row.referral_date);
  boost::system::error_code ec;
  // The parsed trees live only in this function: take their memory from the stack first.
  unsigned char scratch[8192];
  json::monotonic_resource mr(scratch, sizeof scratch);
  json::value attrs = json::parse(row.attrs, ec, &mr);
  if (ec || !attrs.is_object()) return Status::Internal("case attrs are not JSON");
  for (const auto& [key, value] : attrs.as_object()) {
    if (const domain::FieldSpec* spec = domain::FindCaseField(key)) {
      c.fields[spec->name] = FromStored(*spec, value);
    }
  }
  if (const json::value* ev = attrs.as_object().if_contains("events"); ev && ev->is_array()) {
    for (const auto& e : ev->as_array()) {
      if (!e.is_object()) continue;
      const auto& o = e.as_object();
      c.events.push_back({S(o, "id"), S(o, "hte_Type"), S(o, "hte_Country"), S(o, "hte_City"),
                          S(o, "hte_StartDate"), S(o, "hte_EndDate")});
    }
  }
  if (const json::value* cl = attrs.as_object().if_contains("closure"); cl && cl->is_object()) {
    const auto& o = cl->as_object();
    c.closure.state = S(o, "state");
    c.closure.requested_by = S(o, "requested_by");
    c.closure.decided_by = S(o, "decided_by");
    if (auto* v = o.if_contains("requested_at"); v && v->is_int64())
      c.closure.requested_at = v->as_int64();
    if (auto* v = o.if_contains("decided_at"); v && v->is_int64())
      c.closure.decided_at = v->as_int64();
    c.closure.reopened_by = S(o, "reopened_by");
    if (auto* v = o.if_contains("reopened_at"); v && v->is_int64())
      c.closure.reopened_at = v->as_int64();
  }
  if (with_pii && !row.pii.empty()) {
    HW_ASSIGN_OR_RETURN(std::string plain, cipher.OpenField(row.id, "pii", row.pii));
    json::value pii = json::parse(plain, ec, &mr);
    if (ec || !pii.is_object()) return Status::Internal("case pii is not JSON");
    for (const auto& [key, value] : pii.as_object()) {
      if (const domain::FieldSpec* spec = domain::FindCaseField(key)) {
        c.fields[spec->name] = FromStored(*spec, value);
      }
    }
    c.closure.comment = S(pii.as_object(), "closure_comment");
    c.closure.reopen_reason = S(pii.as_object(), "closure_reopen_reason");
  }
  return c;
}

std::vector<std::string> CaseNameTokens(const domain::CaseRecord& c, const crypto::Key32& key) {
  std::string names;
  for (const char* f : {"prs_FirstName", "prs_MiddleName", "prs_SecondName"}) {
    names.push_back(' ');
    names += Str(c.fields, f);
  }
  auto aliases = c.fields.find("prs_Aliases");
  if (aliases != c.fields.end()) {
    if (auto* l = std::get_if<std::vector<std::string>>(&aliases->second)) {
      for (const auto& a : *l) {
        names.push_back(' ');
        names += a;
      }
    }
  }
  return crypto::NameBlindIndexes(key, names);
}

std::vector<std::string> SplitListColumn(const std::string& joined) {
  std::vector<std::string> out;
  size_t pos = 1;
  while (pos < joined.size()) {
    size_t comma = joined.find(',', pos);
    if (comma == std::string::npos) break;
    if (comma > pos) out.push_back(joined.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

Result<std::string> SealedDisplayName(const storage::CaseRow& row, crypto::RecordCipher& cipher) {
  if (row.pii.empty()) return std::string();
  HW_ASSIGN_OR_RETURN(std::string plain, cipher.OpenField(row.id, "pii", row.pii));
  boost::system::error_code ec;
  unsigned char scratch[4096];  // one list row's personal part: parsed without the heap
  json::monotonic_resource mr(scratch, sizeof scratch);
  json::value pii = json::parse(plain, ec, &mr);
  if (ec || !pii.is_object()) return Status::Internal("case pii is not JSON");
  std::string given = S(pii.as_object(), "prs_FirstName");
  std::string family = S(pii.as_object(), "prs_SecondName");
  if (given.empty()) return family;
  if (family.empty()) return given;
  return given + " " + family;
}

}  // namespace hw::service
