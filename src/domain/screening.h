// Screening with the ILO/European Commission operational indicators of trafficking in human beings
// (Delphi survey, 2009): four indicator lists (adults or children, labour or sexual exploitation),
// each indicator in one of six dimensions with a strength, and the published rule that turns the
// indicators a caseworker observed into a *suggestion*. Nothing here decides: a caseworker records
// the identification decision and its justification (DESIGN.md, "Humans decide").
//
// Indicator sets are plain, versioned data: the defaults ship in screening_indicators.cc, and an
// admin's edited version is another IndicatorSet with a higher `version`, kept by the storage
// layer. Every enum has a stable wire name (DimensionName, ParseDimension...) for JSON and SQL.
//
// Thread safety: values and pure functions; DefaultIndicatorSets() is immutable after first use.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace hw::domain {

enum class Population { kAdult, kChild };
enum class ExploitationKind { kLabour, kSexual };

// The six elements of the trafficking definition that the indicator lists follow, in the
// publication's order.
enum class Dimension {
  kDeceptiveRecruitment,
  kCoerciveRecruitment,
  kRecruitmentByAbuseOfVulnerability,
  kExploitativeConditions,
  kCoercionAtDestination,
  kAbuseOfVulnerabilityAtDestination,
};
inline constexpr std::array<Dimension, 6> kAllDimensions = {
    Dimension::kDeceptiveRecruitment,
    Dimension::kCoerciveRecruitment,
    Dimension::kRecruitmentByAbuseOfVulnerability,
    Dimension::kExploitativeConditions,
    Dimension::kCoercionAtDestination,
    Dimension::kAbuseOfVulnerabilityAtDestination,
};

enum class Strength { kStrong, kMedium, kWeak };

struct Indicator {
  std::string id;  // stable across versions, e.g. "AL-DR-S1" (adults/labour, deceptive, strong 1)
  Dimension dimension = Dimension::kDeceptiveRecruitment;
  Strength strength = Strength::kWeak;
  std::string text;  // English; the UI translates by id
};

struct IndicatorSet {
  std::string id;      // e.g. "ilo-ec-2009-adult-labour"; the same id across versions
  int version = 1;     // 1 for the shipped defaults; each admin edit is a new, higher version
  std::string source;  // citation of the publication the list follows
  Population population = Population::kAdult;
  ExploitationKind kind = ExploitationKind::kLabour;
  std::vector<Indicator> indicators;
};

// The four published lists, version 1: adult labour, adult sexual, child labour, child sexual.
const std::vector<IndicatorSet>& DefaultIndicatorSets();

// The default set for a population and kind of exploitation (never null).
const IndicatorSet& DefaultIndicatorSet(Population population, ExploitationKind kind);

// Checks an (edited) set before it is stored: id, version >= 1, source, unique non-empty
// indicator ids and texts, and at least one indicator in each of the six dimensions. Returns
// InvalidArgument naming each bad field ("id", "version", "source", "indicators").
Status ValidateIndicatorSet(const IndicatorSet& set);

struct DimensionResult {
  int strong = 0;
  int medium = 0;
  int weak = 0;
  bool positive = false;
  std::vector<std::string> indicator_ids;  // the observed indicators of this dimension, set order
};

struct ScreeningResult {
  std::map<Dimension, DimensionResult> dimensions;  // all six, observed or not
  bool suggested_victim = false;         // the rule's suggestion only; a caseworker decides
  std::vector<std::string> explanation;  // English sentences: each dimension, then the rule
};

// The published rule for one dimension: positive with at least 2 strong indicators, or 1 strong
// and 1 medium or weak, or 3 medium, or 2 medium and 1 weak.
bool IsDimensionPositive(int strong, int medium, int weak);

// Counts the observed indicators per dimension (a repeated id counts once) and applies the rule:
// an adult is suggested a presumed victim when a recruitment dimension (deceptive, coercive or
// abuse of vulnerability) is positive and exploitative conditions and coercion at destination
// are both positive; a child when a recruitment dimension and exploitative conditions are (for a
// child, the act and the exploitation suffice: no means are needed).
// Errors: InvalidField("indicators", "unknown indicator 'X'") for an id not in `set`.
Result<ScreeningResult> EvaluateScreening(const IndicatorSet& set,
                                          const std::vector<std::string>& observed_indicator_ids);

// Stable wire names ("deceptive_recruitment", "strong", "adult", "labour") and their parsers,
// which return nullopt for an unknown name.
std::string_view DimensionName(Dimension dimension);
std::string_view DimensionLabel(Dimension dimension);  // English, e.g. "Deceptive recruitment"
std::string_view StrengthName(Strength strength);
std::string_view PopulationName(Population population);
std::string_view ExploitationKindName(ExploitationKind kind);
std::optional<Dimension> ParseDimension(std::string_view name);
std::optional<Strength> ParseStrength(std::string_view name);
std::optional<Population> ParsePopulation(std::string_view name);
std::optional<ExploitationKind> ParseExploitationKind(std::string_view name);

}  // namespace hw::domain
