#include "service/assessment_codec.h"

#include <boost/json.hpp>
#include <initializer_list>

namespace hw::service {
namespace {

namespace json = boost::json;

// Reads the fields of one JSON object, naming problems by `path` + "." + key.
class ObjectReader {
 public:
  ObjectReader(const json::object& o, std::string path, Status::Fields& errors)
      : o_(o), path_(std::move(path)), errors_(errors) {}

  std::string Name(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  std::string Text(const char* key, bool required) {
    const json::value* v = o_.if_contains(key);
    if (!v || v->is_null()) {
      if (required) errors_[Name(key)] = "is required";
      return "";
    }
    if (!v->is_string()) {
      errors_[Name(key)] = "must be a string";
      return "";
    }
    return std::string(v->as_string());
  }
  const json::value* Get(const char* key) const { return o_.if_contains(key); }
  void Fail(const std::string& name, const std::string& message) { errors_[name] = message; }
  void OnlyAllow(std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : o_) {
      bool known = false;
      for (std::string_view a : allowed) known = known || key == a;
      if (!known) errors_[Name(key)] = "unknown field";
    }
  }

 private:
  const json::object& o_;
  std::string path_;
  Status::Fields& errors_;
};

domain::AssessmentItem ItemFromJson(const json::object& o, const std::string& path,
                                    Status::Fields& errors) {
  ObjectReader r(o, path, errors);
  r.OnlyAllow({"key", "statement", "guidance", "levels", "weight", "critical"});
  domain::AssessmentItem item;
  item.key = r.Text("key", true);
  item.statement = r.Text("statement", true);
  item.guidance = r.Text("guidance", false);
  const json::value* levels = r.Get("levels");
  bool levels_ok = levels && levels->is_array() &&
                   levels->as_array().size() == static_cast<size_t>(domain::kScoreLevels);
  if (levels_ok) {
    for (size_t n = 0; n < item.levels.size(); ++n) {
      const json::value& l = levels->as_array()[n];
      levels_ok = levels_ok && l.is_string();
      if (l.is_string()) item.levels[n] = std::string(l.as_string());
    }
  }
  if (!levels_ok) {
    r.Fail(r.Name("levels"), "must be a list of 4 texts: levels[n] describes score n");
  }
  const json::value* weight = r.Get("weight");
  if (!weight) {
    r.Fail(r.Name("weight"), "is required");
  } else if (!weight->is_number()) {
    r.Fail(r.Name("weight"), "must be a number above 0 and at most 100");
  } else {
    item.weight = weight->to_number<double>();
  }
  if (const json::value* critical = r.Get("critical")) {
    if (critical->is_bool()) {
      item.critical = critical->as_bool();
    } else {
      r.Fail(r.Name("critical"), "must be a boolean");
    }
  }
  return item;
}

domain::AssessmentArea AreaFromJson(const json::object& o, const std::string& path,
                                    Status::Fields& errors) {
  ObjectReader r(o, path, errors);
  r.OnlyAllow({"key", "title", "source", "items"});
  domain::AssessmentArea area;
  area.key = r.Text("key", true);
  area.title = r.Text("title", true);
  area.source = r.Text("source", true);
  const json::value* items = r.Get("items");
  if (!items || !items->is_array()) {
    r.Fail(r.Name("items"), items ? "must be a list of items" : "is required");
    return area;
  }
  size_t j = 0;
  for (const json::value& item : items->as_array()) {
    const std::string item_path = path + ".items[" + std::to_string(j++) + "]";
    if (!item.is_object()) {
      errors[item_path] = "must be an object";
      continue;
    }
    area.items.push_back(ItemFromJson(item.as_object(), item_path, errors));
  }
  return area;
}

json::value ScoreOrNull(const std::optional<double>& v) {
  if (!v) return nullptr;
  return json::value(domain::RoundScore(*v));
}

json::object TotalsJson(const domain::ScoreTotals& t) {
  return {{"score", ScoreOrNull(t.score)},
          {"points", domain::RoundScore(t.points)},
          {"max_points", domain::RoundScore(t.max_points)},
          {"scored", t.scored},
          {"na", t.na},
          {"unscored", t.unscored}};
}

std::optional<double> NumberOrNull(const json::value* v) {
  if (!v || !v->is_number()) return std::nullopt;
  return v->to_number<double>();
}

// One stored entry {"score":2} or {"na":true}; false when it does not read.
bool EntryFromStored(const json::value& v, domain::ItemScore* entry) {
  if (!v.is_object()) return false;
  const json::object& o = v.as_object();
  if (const json::value* s = o.if_contains("score")) {
    if (!s->is_int64()) return false;
    entry->score = static_cast<int>(s->as_int64());
  }
  if (const json::value* na = o.if_contains("na")) {
    if (!na->is_bool()) return false;
    entry->na = na->as_bool();
  }
  return true;
}

}  // namespace

domain::AssessmentTemplate TemplateFromJson(const json::object& o, Status::Fields& errors) {
  ObjectReader r(o, "", errors);
  r.OnlyAllow({"id", "version", "title", "description", "areas"});
  domain::AssessmentTemplate t;
  t.id = r.Text("id", true);
  t.title = r.Text("title", true);
  t.description = r.Text("description", false);
  const json::value* areas = r.Get("areas");
  if (!areas || !areas->is_array()) {
    r.Fail("areas", areas ? "must be a list of areas" : "is required");
    return t;
  }
  size_t i = 0;
  for (const json::value& area : areas->as_array()) {
    const std::string path = "areas[" + std::to_string(i++) + "]";
    if (!area.is_object()) {
      errors[path] = "must be an object";
      continue;
    }
    t.areas.push_back(AreaFromJson(area.as_object(), path, errors));
  }
  return t;
}

json::object TemplateToJson(const domain::AssessmentTemplate& t) {
  json::array areas;
  for (const domain::AssessmentArea& a : t.areas) {
    json::array items;
    for (const domain::AssessmentItem& i : a.items) {
      items.push_back(json::object{{"key", i.key},
                                   {"statement", i.statement},
                                   {"guidance", i.guidance},
                                   {"levels", json::array(i.levels.begin(), i.levels.end())},
                                   {"weight", i.weight},
                                   {"critical", i.critical}});
    }
    areas.push_back(json::object{
        {"key", a.key}, {"title", a.title}, {"source", a.source}, {"items", std::move(items)}});
  }
  return {{"id", t.id},
          {"title", t.title},
          {"description", t.description},
          {"areas", std::move(areas)}};
}

Result<domain::AssessmentTemplate> DefaultAssessmentTemplate() {
  boost::system::error_code ec;
  json::value v = json::parse(domain::DefaultAssessmentTemplateJson(), ec);
  if (ec || !v.is_object()) return Status::Internal("default assessment template is not JSON");
  Status::Fields errors;
  domain::AssessmentTemplate t = TemplateFromJson(v.as_object(), errors);
  if (!errors.empty()) {
    return Status::Internal("default assessment template: " + errors.begin()->first + " " +
                            errors.begin()->second);
  }
  if (Status st = domain::ValidateAssessmentTemplate(t); !st.ok()) {
    return Status::Internal("default assessment template: " + st.fields().begin()->first + " " +
                            st.fields().begin()->second);
  }
  t.version = 1;
  return t;
}

Result<domain::AssessmentTemplate> TemplateFromRow(const storage::AssessmentTemplateRow& row) {
  boost::system::error_code ec;
  json::value v = json::parse(row.body, ec);
  if (ec || !v.is_object()) return Status::Internal("stored template is not JSON");
  Status::Fields errors;
  domain::AssessmentTemplate t = TemplateFromJson(v.as_object(), errors);
  if (!errors.empty()) return Status::Internal("stored template does not read");
  t.id = row.id;
  t.version = static_cast<int>(row.version);
  return t;
}

storage::AssessmentTemplateRow TemplateToRow(const domain::AssessmentTemplate& t,
                                             const std::string& created_by, TimeMs created_at) {
  return {t.id, t.version, t.title, json::serialize(TemplateToJson(t)), created_by, created_at};
}

domain::ScorePatch ScorePatchFromJson(const json::value& v, Status::Fields& errors) {
  domain::ScorePatch patch;
  if (!v.is_object()) {
    errors["scores"] = "must be an object {area: {item: {score, na, evidence}}}";
    return patch;
  }
  for (const auto& [area_key, area_value] : v.as_object()) {
    const std::string area_path = "scores." + std::string(area_key);
    if (!area_value.is_object()) {
      errors[area_path] = "must be an object";
      continue;
    }
    std::vector<std::pair<std::string, domain::ItemScorePatch>> items;
    for (const auto& [item_key, entry] : area_value.as_object()) {
      const std::string path = area_path + "." + std::string(item_key);
      domain::ItemScorePatch p;
      if (entry.is_null()) {
        p.clear = true;
        items.emplace_back(std::string(item_key), p);
        continue;
      }
      if (!entry.is_object()) {
        errors[path] = "must be an object {score, na, evidence} or null";
        continue;
      }
      ObjectReader r(entry.as_object(), path, errors);
      r.OnlyAllow({"score", "na", "evidence"});
      if (const json::value* s = r.Get("score")) {
        if (s->is_null()) {
          p.clear_score = true;
        } else if (s->is_int64()) {
          p.score = s->as_int64();
        } else if (s->is_uint64()) {
          p.score = domain::kMaxItemScore + 1;  // out of range either way
        } else {
          r.Fail(r.Name("score"), "must be an integer from 0 to 3 (or null)");
        }
      }
      if (const json::value* na = r.Get("na")) {
        if (na->is_bool()) {
          p.na = na->as_bool();
        } else {
          r.Fail(r.Name("na"), "must be a boolean");
        }
      }
      if (const json::value* ev = r.Get("evidence")) {
        if (ev->is_null()) {
          p.evidence = std::string();
        } else if (ev->is_string()) {
          p.evidence = std::string(ev->as_string());
        } else {
          r.Fail(r.Name("evidence"), "must be a string or null");
        }
      }
      items.emplace_back(std::string(item_key), std::move(p));
    }
    patch.emplace_back(std::string(area_key), std::move(items));
  }
  return patch;
}

std::string ScoresToStored(const domain::ScoreSheet& sheet) {
  json::object out;
  for (const auto& [area, items] : sheet) {
    json::object o;
    for (const auto& [item, entry] : items) {
      if (entry.score) {
        o[item] = json::object{{"score", *entry.score}};
      } else if (entry.na) {
        o[item] = json::object{{"na", true}};
      }
    }
    if (!o.empty()) out[area] = std::move(o);
  }
  return json::serialize(out);
}

std::string SealedPartToStored(const domain::ScoreSheet& sheet, const std::string& summary) {
  json::object evidence;
  for (const auto& [area, items] : sheet) {
    json::object o;
    for (const auto& [item, entry] : items) {
      if (!entry.evidence.empty()) o[item] = entry.evidence;
    }
    if (!o.empty()) evidence[area] = std::move(o);
  }
  if (evidence.empty() && summary.empty()) return "";
  return json::serialize(json::object{{"summary", summary}, {"evidence", std::move(evidence)}});
}

Status SheetFromStored(const std::string& scores, const std::string& sealed_part,
                       domain::ScoreSheet* sheet, std::string* summary) {
  sheet->clear();
  summary->clear();
  boost::system::error_code ec;
  json::value v = json::parse(scores, ec);
  if (ec || !v.is_object()) return Status::Internal("stored scores are not JSON");
  for (const auto& [area, items] : v.as_object()) {
    if (!items.is_object()) return Status::Internal("stored scores do not read");
    for (const auto& [item, entry] : items.as_object()) {
      if (!EntryFromStored(entry, &(*sheet)[area][item])) {
        return Status::Internal("stored scores do not read");
      }
    }
  }
  if (sealed_part.empty()) return Status::Ok();
  json::value s = json::parse(sealed_part, ec);
  if (ec || !s.is_object()) return Status::Internal("stored evidence is not JSON");
  if (const json::value* text = s.as_object().if_contains("summary"); text && text->is_string()) {
    *summary = std::string(text->as_string());
  }
  if (const json::value* ev = s.as_object().if_contains("evidence"); ev && ev->is_object()) {
    for (const auto& [area, items] : ev->as_object()) {
      if (!items.is_object()) continue;
      for (const auto& [item, text] : items.as_object()) {
        if (text.is_string()) (*sheet)[area][item].evidence = std::string(text.as_string());
      }
    }
  }
  return Status::Ok();
}

json::object ScoreToJson(const domain::AssessmentScore& s) {
  json::array areas;
  for (const domain::AreaScore& a : s.areas) {
    json::object o{{"key", a.key}, {"title", a.title}};
    for (auto& [name, value] : TotalsJson(a.totals)) o[name] = std::move(value);
    o["critical_gaps"] = a.critical_gaps;
    areas.push_back(std::move(o));
  }
  json::array gaps;
  for (const domain::CriticalGap& g : s.critical_gaps) {
    gaps.push_back(json::object{{"area", g.area}, {"item", g.item}, {"score", g.score}});
  }
  return {{"overall", TotalsJson(s.overall)},
          {"areas", std::move(areas)},
          {"critical_gaps", std::move(gaps)},
          {"complete", s.complete}};
}

Result<ScoreSummary> ScoreSummaryFromStored(const std::string& result) {
  boost::system::error_code ec;
  json::value v = json::parse(result, ec);
  if (ec || !v.is_object()) return Status::Internal("stored result is not JSON");
  const json::object& o = v.as_object();
  ScoreSummary out;
  if (const json::value* overall = o.if_contains("overall"); overall && overall->is_object()) {
    out.overall = NumberOrNull(overall->as_object().if_contains("score"));
  }
  if (const json::value* areas = o.if_contains("areas"); areas && areas->is_array()) {
    for (const json::value& a : areas->as_array()) {
      if (!a.is_object()) continue;
      const json::value* key = a.as_object().if_contains("key");
      if (!key || !key->is_string()) continue;
      out.areas.emplace_back(std::string(key->as_string()),
                             NumberOrNull(a.as_object().if_contains("score")));
    }
  }
  if (const json::value* gaps = o.if_contains("critical_gaps"); gaps && gaps->is_array()) {
    out.critical_gaps = static_cast<long long>(gaps->as_array().size());
  }
  return out;
}

}  // namespace hw::service
