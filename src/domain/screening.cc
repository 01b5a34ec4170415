#include "domain/screening.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/vocabulary.h"

namespace hw::domain {
namespace {

struct DimensionNames {
  Dimension dimension;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<DimensionNames, 6> kDimensionNames = {{
    {Dimension::kDeceptiveRecruitment, "deceptive_recruitment", "Deceptive recruitment"},
    {Dimension::kCoerciveRecruitment, "coercive_recruitment", "Coercive recruitment"},
    {Dimension::kRecruitmentByAbuseOfVulnerability, "recruitment_abuse_of_vulnerability",
     "Recruitment by abuse of vulnerability"},
    {Dimension::kExploitativeConditions, "exploitative_conditions", "Exploitative conditions"},
    {Dimension::kCoercionAtDestination, "coercion_at_destination", "Coercion at destination"},
    {Dimension::kAbuseOfVulnerabilityAtDestination, "abuse_of_vulnerability_at_destination",
     "Abuse of vulnerability at destination"},
}};

std::string Describe(Dimension dimension, const DimensionResult& r) {
  std::string out(DimensionLabel(dimension));
  out += r.positive ? ": positive (" : ": not positive (";
  out += std::to_string(r.strong) + " strong, " + std::to_string(r.medium) + " medium, " +
         std::to_string(r.weak) + " weak";
  for (size_t i = 0; i < r.indicator_ids.size(); ++i) {
    out += (i == 0 ? ": " : ", ") + r.indicator_ids[i];
  }
  return out + ")";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] + 32);
  return out;
}

// The positive recruitment dimensions, as lowercase English labels joined by " and ".
std::string PositiveRecruitment(const std::map<Dimension, DimensionResult>& dims) {
  std::string out;
  for (Dimension d : {Dimension::kDeceptiveRecruitment, Dimension::kCoerciveRecruitment,
                      Dimension::kRecruitmentByAbuseOfVulnerability}) {
    if (!dims.at(d).positive) continue;
    if (!out.empty()) out += " and ";
    out += Lower(DimensionLabel(d));
  }
  return out;
}

}  // namespace

bool IsDimensionPositive(int strong, int medium, int weak) {
  return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 ||
         (medium >= 2 && weak >= 1);
}

Result<ScreeningResult> EvaluateScreening(const IndicatorSet& set,
                                          const std::vector<std::string>& observed_indicator_ids) {
  std::set<std::string_view> observed;
  for (const auto& id : observed_indicator_ids) {
    bool known = std::any_of(set.indicators.begin(), set.indicators.end(),
                             [&](const Indicator& i) { return i.id == id; });
    if (!known) return Status::InvalidField("indicators", "unknown indicator " + QuoteInput(id));
    observed.insert(id);
  }

  ScreeningResult result;
  for (Dimension d : kAllDimensions) result.dimensions[d] = DimensionResult{};
  for (const auto& indicator : set.indicators) {  // set order, so ids come out in a stable order
    if (observed.count(indicator.id) == 0) continue;
    DimensionResult& r = result.dimensions[indicator.dimension];
    if (std::find(r.indicator_ids.begin(), r.indicator_ids.end(), indicator.id) !=
        r.indicator_ids.end()) {
      continue;  // a set with a repeated id (ValidateIndicatorSet refuses those) counts it once
    }
    switch (indicator.strength) {
      case Strength::kStrong:
        ++r.strong;
        break;
      case Strength::kMedium:
        ++r.medium;
        break;
      case Strength::kWeak:
        ++r.weak;
        break;
    }
    r.indicator_ids.push_back(indicator.id);
  }
  for (auto& [dimension, r] : result.dimensions) {
    r.positive = IsDimensionPositive(r.strong, r.medium, r.weak);
    result.explanation.push_back(Describe(dimension, r));
  }

  const auto& dims = result.dimensions;
  std::string recruitment = PositiveRecruitment(dims);
  bool exploitation = dims.at(Dimension::kExploitativeConditions).positive;
  bool coercion = dims.at(Dimension::kCoercionAtDestination).positive;
  std::vector<std::string> missing;
  if (recruitment.empty()) missing.emplace_back("a positive recruitment dimension");
  if (!exploitation) missing.emplace_back("positive exploitative conditions");

  std::string rule;
  if (set.population == Population::kAdult) {
    if (!coercion) missing.emplace_back("positive coercion at destination");
    rule =
        "Adult rule: a positive recruitment dimension, positive exploitative conditions and "
        "positive coercion at destination";
  } else {
    rule =
        "Child rule: a positive recruitment dimension and positive exploitative conditions "
        "(coercion at destination is not needed for a child)";
  }
  result.suggested_victim = missing.empty();
  if (result.suggested_victim) {
    std::string why = "met (" + recruitment;
    why += set.population == Population::kAdult
               ? ", exploitative conditions and coercion at destination)"
               : " and exploitative conditions)";
    result.explanation.push_back(rule + ": " + why +
                                 ". Suggested: presumed victim of trafficking.");
  } else {
    std::string lacking;
    for (size_t i = 0; i < missing.size(); ++i) {
      lacking += (i == 0 ? "" : (i + 1 == missing.size() ? " and " : ", ")) + missing[i];
    }
    result.explanation.push_back(rule + ": not met (lacking " + lacking +
                                 "). No suggestion of a presumed victim.");
  }
  result.explanation.emplace_back(
      "This is a suggestion from the indicators only: the caseworker decides and records why.");
  return result;
}

Status ValidateIndicatorSet(const IndicatorSet& set) {
  Status::Fields f;
  if (set.id.empty() || set.id.size() > 100) f["id"] = "must be 1 to 100 characters";
  if (set.version < 1) f["version"] = "must be 1 or more";
  if (set.source.empty()) f["source"] = "must cite the source of the indicators";
  std::set<std::string_view> ids;
  std::set<Dimension> covered;
  for (const auto& i : set.indicators) {
    if (i.id.empty() || i.text.empty()) {
      f["indicators"] = "every indicator needs an id and a text";
      break;
    }
    if (!ids.insert(i.id).second) {
      f["indicators"] = "indicator id " + QuoteInput(i.id) + " repeated";
      break;
    }
    covered.insert(i.dimension);
  }
  if (f.count("indicators") == 0 && covered.size() != kAllDimensions.size()) {
    std::string lacking;
    for (Dimension d : kAllDimensions) {
      if (covered.count(d) != 0) continue;
      lacking += (lacking.empty() ? "" : ", ") + std::string(DimensionName(d));
    }
    f["indicators"] = "every dimension needs an indicator; none for " + lacking;
  }
  if (!f.empty()) return Status::InvalidArgument("invalid indicator set", std::move(f));
  return Status::Ok();
}

const IndicatorSet& DefaultIndicatorSet(Population population, ExploitationKind kind) {
  for (const auto& set : DefaultIndicatorSets()) {
    if (set.population == population && set.kind == kind) return set;
  }
  return DefaultIndicatorSets().front();  // unreachable: the four combinations all ship
}

std::string_view DimensionName(Dimension dimension) {
  for (const auto& n : kDimensionNames) {
    if (n.dimension == dimension) return n.name;
  }
  return "unknown";
}

std::string_view DimensionLabel(Dimension dimension) {
  for (const auto& n : kDimensionNames) {
    if (n.dimension == dimension) return n.label;
  }
  return "Unknown";
}

std::optional<Dimension> ParseDimension(std::string_view name) {
  for (const auto& n : kDimensionNames) {
    if (n.name == name) return n.dimension;
  }
  return std::nullopt;
}

std::string_view StrengthName(Strength strength) {
  switch (strength) {
    case Strength::kStrong:
      return "strong";
    case Strength::kMedium:
      return "medium";
    case Strength::kWeak:
      return "weak";
  }
  return "unknown";
}

std::optional<Strength> ParseStrength(std::string_view name) {
  for (Strength s : {Strength::kStrong, Strength::kMedium, Strength::kWeak}) {
    if (StrengthName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view PopulationName(Population population) {
  return population == Population::kAdult ? "adult" : "child";
}

std::optional<Population> ParsePopulation(std::string_view name) {
  if (name == "adult") return Population::kAdult;
  if (name == "child") return Population::kChild;
  return std::nullopt;
}

std::string_view ExploitationKindName(ExploitationKind kind) {
  return kind == ExploitationKind::kLabour ? "labour" : "sexual";
}

std::optional<ExploitationKind> ParseExploitationKind(std::string_view name) {
  if (name == "labour") return ExploitationKind::kLabour;
  if (name == "sexual") return ExploitationKind::kSexual;
  return std::nullopt;
}

}  // namespace hw::domain
