#include "service/screening_codec.h"

#include <boost/json.hpp>

namespace hw::service {

namespace json = boost::json;

json::array IndicatorsToJson(const std::vector<domain::Indicator>& indicators) {
  json::array out;
  for (const auto& i : indicators) {
    out.push_back(json::object{{"id", i.id},
                               {"dimension", domain::DimensionName(i.dimension)},
                               {"strength", domain::StrengthName(i.strength)},
                               {"text", i.text}});
  }
  return out;
}

std::vector<domain::Indicator> IndicatorsFromJson(const json::value& v, Status::Fields& errors) {
  std::vector<domain::Indicator> out;
  if (!v.is_array()) {
    errors["indicators"] = "must be a list of indicators";
    return out;
  }
  size_t n = 0;
  for (const json::value& item : v.as_array()) {
    const std::string path = "indicators[" + std::to_string(n++) + "]";
    if (!item.is_object()) {
      errors[path] = "must be an object {id, dimension, strength, text}";
      continue;
    }
    const json::object& o = item.as_object();
    auto str = [&](const char* key) -> std::string {
      const json::value* f = o.if_contains(key);
      if (f && f->is_string() && !f->as_string().empty()) return std::string(f->as_string());
      errors[path + "." + key] = "must be a non-empty string";
      return "";
    };
    domain::Indicator ind;
    ind.id = str("id");
    if (ind.id.size() > 64) errors[path + ".id"] = "must be at most 64 characters";
    ind.text = str("text");
    if (ind.text.size() > 2000) errors[path + ".text"] = "must be at most 2000 bytes";
    std::string dimension = str("dimension"), strength = str("strength");
    if (auto d = domain::ParseDimension(dimension)) {
      ind.dimension = *d;
    } else if (!dimension.empty()) {
      std::string names;
      for (auto dim : domain::kAllDimensions) {
        names += (names.empty() ? "" : ", ") + std::string(domain::DimensionName(dim));
      }
      errors[path + ".dimension"] = "must be one of " + names;
    }
    if (auto s = domain::ParseStrength(strength)) {
      ind.strength = *s;
    } else if (!strength.empty()) {
      errors[path + ".strength"] = "must be one of strong, medium, weak";
    }
    for (const auto& [key, value] : o) {
      if (key != "id" && key != "text" && key != "dimension" && key != "strength") {
        errors[path + "." + std::string(key)] = "is not a known field";
      }
    }
    out.push_back(std::move(ind));
  }
  return out;
}

json::object ScreeningResultToJson(const domain::ScreeningResult& r) {
  json::array dims;
  for (domain::Dimension d : domain::kAllDimensions) {
    auto it = r.dimensions.find(d);
    domain::DimensionResult dr = it == r.dimensions.end() ? domain::DimensionResult{} : it->second;
    dims.push_back(json::object{
        {"dimension", domain::DimensionName(d)},
        {"label", domain::DimensionLabel(d)},
        {"strong", dr.strong},
        {"medium", dr.medium},
        {"weak", dr.weak},
        {"positive", dr.positive},
        {"indicators", json::array(dr.indicator_ids.begin(), dr.indicator_ids.end())}});
  }
  return json::object{{"dimensions", std::move(dims)},
                      {"suggested_victim", r.suggested_victim},
                      {"explanation", json::array(r.explanation.begin(), r.explanation.end())}};
}

Result<domain::ScreeningResult> ScreeningResultFromJson(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return Status::Internal("screening result is not JSON");
  const json::object& o = v.as_object();
  domain::ScreeningResult r;
  auto int_of = [](const json::object& obj, const char* key) {
    const json::value* f = obj.if_contains(key);
    return f && f->is_int64() ? static_cast<int>(f->as_int64()) : 0;
  };
  if (const json::value* dims = o.if_contains("dimensions"); dims && dims->is_array()) {
    for (const json::value& item : dims->as_array()) {
      if (!item.is_object()) continue;
      const json::object& d = item.as_object();
      const json::value* name = d.if_contains("dimension");
      auto dim =
          name && name->is_string() ? domain::ParseDimension(name->as_string()) : std::nullopt;
      if (!dim) continue;
      domain::DimensionResult dr;
      dr.strong = int_of(d, "strong");
      dr.medium = int_of(d, "medium");
      dr.weak = int_of(d, "weak");
      const json::value* pos = d.if_contains("positive");
      dr.positive = pos && pos->is_bool() && pos->as_bool();
      if (const json::value* ids = d.if_contains("indicators"); ids && ids->is_array()) {
        for (const json::value& id : ids->as_array()) {
          if (id.is_string()) dr.indicator_ids.emplace_back(id.as_string());
        }
      }
      r.dimensions[*dim] = std::move(dr);
    }
  }
  const json::value* sv = o.if_contains("suggested_victim");
  r.suggested_victim = sv && sv->is_bool() && sv->as_bool();
  if (const json::value* ex = o.if_contains("explanation"); ex && ex->is_array()) {
    for (const json::value& line : ex->as_array()) {
      if (line.is_string()) r.explanation.emplace_back(line.as_string());
    }
  }
  return r;
}

Result<domain::IndicatorSet> IndicatorSetFromRow(const storage::IndicatorSetRow& row) {
  domain::IndicatorSet set;
  set.id = row.id;
  set.version = static_cast<int>(row.version);
  set.source = row.source;
  auto population = domain::ParsePopulation(row.population);
  auto kind = domain::ParseExploitationKind(row.kind);
  if (!population || !kind) return Status::Internal("stored indicator set has a bad kind");
  set.population = *population;
  set.kind = *kind;
  boost::system::error_code ec;
  json::value body = json::parse(row.body, ec);
  Status::Fields errors;
  if (!ec) set.indicators = IndicatorsFromJson(body, errors);
  if (ec || !errors.empty()) return Status::Internal("stored indicator set is not readable");
  return set;
}

storage::IndicatorSetRow IndicatorSetToRow(const domain::IndicatorSet& set,
                                           const std::string& created_by, TimeMs created_at) {
  return {set.id,
          set.version,
          set.source,
          std::string(domain::PopulationName(set.population)),
          std::string(domain::ExploitationKindName(set.kind)),
          json::serialize(IndicatorsToJson(set.indicators)),
          created_by,
          created_at};
}

}  // namespace hw::service
