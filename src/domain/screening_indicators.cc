// The default indicator sets (version 1): the four lists of the ILO/European Commission
// "Operational indicators of trafficking in human beings" (Delphi survey, first published March
// 2009, revised September 2009). Indicator texts are short paraphrases of the published ones;
// the grouping by dimension and the strong/medium/weak ratings follow the publication, each list
// in its order (alphabetical within a strength).
//
// Ids are derived from position: <set code>-<dimension code>-<S|M|W><n>, e.g. "AL-DR-S1" is the
// first strong indicator of deceptive recruitment for adults/labour. Stored screenings refer to
// these ids, so never reorder or remove an entry here: a change of the list is a new version of
// the set (an admin edit, kept by the storage layer), not an edit of this file.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/screening.h"

namespace hw::domain {
namespace {

constexpr std::string_view kSource =
    "ILO & European Commission, \"Operational indicators of trafficking in human beings: Results "
    "from a Delphi survey implemented by the ILO and the European Commission\", first published "
    "March 2009, revised version of September 2009 (International Labour Office, Geneva). "
    "Indicator texts paraphrased.";

// Deceptive recruitment (deception about...).
constexpr std::string_view kDeceivedNature =
    "Deceived about the nature of the job, the location or the employer";
constexpr std::string_view kDeceivedEducation = "Deceived about access to education opportunities";
constexpr std::string_view kDeceivedConditions = "Deceived about the conditions of work";
constexpr std::string_view kDeceivedProstitution = "Deceived about the conditions of prostitution";
constexpr std::string_view kDeceivedContract =
    "Deceived about the content or legality of the work contract";
constexpr std::string_view kDeceivedReunification = "Deceived about family reunification";
constexpr std::string_view kDeceivedHousing = "Deceived about housing and living conditions";
constexpr std::string_view kDeceivedDocuments =
    "Deceived about legal documentation or obtaining legal migration status";
constexpr std::string_view kDeceivedTravel = "Deceived about travel and recruitment conditions";
constexpr std::string_view kDeceivedWages = "Deceived about wages or earnings";
constexpr std::string_view kDeceivedMarriage = "Deceived through promises of marriage or adoption";

// Coercion, at recruitment or at destination.
constexpr std::string_view kViolence = "Violence on the victim";
constexpr std::string_view kAbduction =
    "Abduction, forced marriage, forced adoption or selling of the victim";
constexpr std::string_view kDocuments = "Confiscation of documents";
constexpr std::string_view kDebtBondage = "Debt bondage";
constexpr std::string_view kIsolation = "Isolation, confinement or surveillance";
constexpr std::string_view kDenunciation = "Threat of denunciation to the authorities";
constexpr std::string_view kThreatViolence = "Threats of violence against the victim";
constexpr std::string_view kThreatInform = "Threats to inform family, community or public";
constexpr std::string_view kViolenceFamily = "Violence on family (threatened or actual)";
constexpr std::string_view kWithholdMoney = "Withholding of money";
constexpr std::string_view kIllicit = "Forced into illicit or criminal activities";
constexpr std::string_view kForcedTasks = "Forced tasks or clients";
constexpr std::string_view kAgainstPeers = "Forced to act against peers";
constexpr std::string_view kForcedLie = "Forced to lie to authorities, family, etc.";
constexpr std::string_view kWorseConditions = "Threat to impose even worse working conditions";
constexpr std::string_view kInfluence = "Under strong influence of the exploiters";
constexpr std::string_view kWithholdWages = "Withholding of wages";

// Abuse of vulnerability, at recruitment or at destination.
constexpr std::string_view kFamilyDifficulty = "Abuse of a difficult family situation";
constexpr std::string_view kIllegalStatus = "Abuse of irregular (illegal) status";
constexpr std::string_view kLackEducation = "Abuse of lack of education (language)";
constexpr std::string_view kLackInformation = "Abuse of lack of information";
constexpr std::string_view kControl = "Control by the exploiters";
constexpr std::string_view kEconomic = "Economic reasons";
constexpr std::string_view kFalseLaw =
    "False information about the law or the attitude of the authorities";
constexpr std::string_view kFalseMigration = "False information about successful migration";
constexpr std::string_view kFamilySituation = "Family situation";
constexpr std::string_view kPersonalSituation = "Personal situation";
constexpr std::string_view kDependency = "Psychological and emotional dependency";
constexpr std::string_view kAuthorities = "Relationship with the authorities or legal status";
constexpr std::string_view kBeliefs = "Abuse of cultural or religious beliefs";
constexpr std::string_view kPastDifficulties = "Difficulties in the past";
constexpr std::string_view kTravelDifficulty = "Difficulty in organising the travel";
constexpr std::string_view kGeneralContext = "General context";
constexpr std::string_view kExploiterDependency = "Dependency on the exploiters";
constexpr std::string_view kUnknownArea = "Difficulty in living in an unknown area";
constexpr std::string_view kPersonalCharacteristics = "Personal characteristics";

// Exploitative conditions.
constexpr std::string_view kExcessiveHours = "Excessive working days or hours";
constexpr std::string_view kBadLiving = "Bad living conditions";
constexpr std::string_view kHazardous = "Hazardous work";
constexpr std::string_view kLowSalary = "Low or no salary";
constexpr std::string_view kNoLabourLaw = "No respect of labour laws or of the contract signed";
constexpr std::string_view kNoProtection =
    "No social protection (contract, social insurance, etc.)";
constexpr std::string_view kBadWork = "Very bad working conditions";
constexpr std::string_view kWageManipulation = "Wage manipulation";
constexpr std::string_view kNoEducation = "No access to education";

using Texts = std::vector<std::string_view>;

struct Group {
  Dimension dimension;
  std::string_view code;
  Texts strong;
  Texts medium;
  Texts weak;
};

IndicatorSet Build(std::string id, std::string_view code, Population population,
                   ExploitationKind kind, const std::vector<Group>& groups) {
  IndicatorSet set;
  set.id = std::move(id);
  set.version = 1;
  set.source = std::string(kSource);
  set.population = population;
  set.kind = kind;
  for (const Group& g : groups) {
    auto add = [&](Strength strength, std::string_view letter, const Texts& texts) {
      for (size_t i = 0; i < texts.size(); ++i) {
        set.indicators.push_back(Indicator{
            .id = std::string(code) + "-" + std::string(g.code) + "-" + std::string(letter) +
                  std::to_string(i + 1),
            .dimension = g.dimension,
            .strength = strength,
            .text = std::string(texts[i]),
        });
      }
    };
    add(Strength::kStrong, "S", g.strong);
    add(Strength::kMedium, "M", g.medium);
    add(Strength::kWeak, "W", g.weak);
  }
  return set;
}

IndicatorSet AdultLabour() {
  return Build(
      "ilo-ec-2009-adult-labour", "AL", Population::kAdult, ExploitationKind::kLabour,
      {
          {Dimension::kDeceptiveRecruitment,
           "DR",
           {kDeceivedNature},
           {kDeceivedConditions, kDeceivedContract, kDeceivedReunification, kDeceivedHousing,
            kDeceivedDocuments, kDeceivedTravel, kDeceivedWages, kDeceivedMarriage},
           {kDeceivedEducation}},
          {Dimension::kCoerciveRecruitment,
           "CR",
           {kViolence},
           {kAbduction, kDocuments, kDebtBondage, kIsolation, kDenunciation, kThreatViolence,
            kThreatInform, kViolenceFamily, kWithholdMoney},
           {}},
          {Dimension::kRecruitmentByAbuseOfVulnerability,
           "VR",
           {},
           {kFamilyDifficulty, kIllegalStatus, kLackEducation, kLackInformation, kControl,
            kEconomic, kFalseLaw, kFalseMigration, kFamilySituation, kPersonalSituation,
            kDependency, kAuthorities},
           {kBeliefs, kPastDifficulties, kTravelDifficulty, kGeneralContext}},
          {Dimension::kExploitativeConditions,
           "EX",
           {kExcessiveHours},
           {kBadLiving, kHazardous, kLowSalary, kNoLabourLaw, kNoProtection, kBadWork,
            kWageManipulation},
           {kNoEducation}},
          {Dimension::kCoercionAtDestination,
           "CD",
           {kDocuments, kDebtBondage, kIsolation, kViolence},
           {kIllicit, kForcedTasks, kAgainstPeers, kForcedLie, kDenunciation, kWorseConditions,
            kThreatViolence, kInfluence, kViolenceFamily, kWithholdWages},
           {kThreatInform}},
          {Dimension::kAbuseOfVulnerabilityAtDestination,
           "VD",
           {},
           {kExploiterDependency, kUnknownArea, kEconomic, kFamilySituation, kAuthorities},
           {kPastDifficulties, kPersonalCharacteristics}},
      });
}

IndicatorSet AdultSexual() {
  return Build(
      "ilo-ec-2009-adult-sexual", "AS", Population::kAdult, ExploitationKind::kSexual,
      {
          {Dimension::kDeceptiveRecruitment,
           "DR",
           {kDeceivedNature},
           {kDeceivedProstitution, kDeceivedContract, kDeceivedReunification, kDeceivedHousing,
            kDeceivedDocuments, kDeceivedTravel, kDeceivedWages, kDeceivedMarriage},
           {kDeceivedEducation}},
          {Dimension::kCoerciveRecruitment,
           "CR",
           {kAbduction, kViolence},
           {kDocuments, kDebtBondage, kIsolation, kDenunciation, kThreatViolence, kThreatInform,
            kViolenceFamily, kWithholdMoney},
           {}},
          {Dimension::kRecruitmentByAbuseOfVulnerability,
           "VR",
           {},
           {kFamilyDifficulty, kIllegalStatus, kLackEducation, kLackInformation, kControl,
            kEconomic, kFalseLaw, kFalseMigration, kFamilySituation, kPersonalSituation,
            kDependency, kAuthorities},
           {kBeliefs, kPastDifficulties, kTravelDifficulty, kGeneralContext}},
          {Dimension::kExploitativeConditions,
           "EX",
           {kExcessiveHours},
           {kBadLiving, kHazardous, kLowSalary, kNoLabourLaw, kNoProtection, kBadWork,
            kWageManipulation},
           {kNoEducation}},
          {Dimension::kCoercionAtDestination,
           "CD",
           {kDocuments, kDebtBondage, kForcedTasks, kIsolation, kThreatViolence, kViolence},
           {kIllicit, kAgainstPeers, kForcedLie, kDenunciation, kWorseConditions, kThreatInform,
            kInfluence, kViolenceFamily, kWithholdWages},
           {}},
          {Dimension::kAbuseOfVulnerabilityAtDestination,
           "VD",
           {},
           {kExploiterDependency, kUnknownArea, kEconomic, kFamilySituation, kAuthorities},
           {kPastDifficulties, kPersonalCharacteristics}},
      });
}

// The children's lists: the means of recruitment weigh more, and there are no weak indicators.
IndicatorSet Child(std::string id, std::string_view code, ExploitationKind kind) {
  const bool sexual = kind == ExploitationKind::kSexual;
  Texts exploitation_strong = {kExcessiveHours};
  Texts exploitation_medium = {kBadLiving,   kHazardous, kLowSalary,       kNoEducation,
                               kNoLabourLaw, kBadWork,   kWageManipulation};
  if (sexual) {  // hazardous work is a strong indicator of the sexual exploitation of a child
    exploitation_strong = {kExcessiveHours, kHazardous};
    exploitation_medium = {kBadLiving,   kLowSalary, kNoEducation,
                           kNoLabourLaw, kBadWork,   kWageManipulation};
  }
  return Build(
      std::move(id), code, Population::kChild, kind,
      {
          {Dimension::kDeceptiveRecruitment,
           "DR",
           {kDeceivedEducation, kDeceivedNature},
           {sexual ? kDeceivedProstitution : kDeceivedConditions, kDeceivedContract,
            kDeceivedReunification, kDeceivedHousing, kDeceivedDocuments, kDeceivedTravel,
            kDeceivedWages, kDeceivedMarriage},
           {}},
          {Dimension::kCoerciveRecruitment,
           "CR",
           {kAbduction, kDebtBondage, kThreatViolence, kViolence},
           {kDocuments, kIsolation, kDenunciation, kThreatInform, kViolenceFamily, kWithholdMoney},
           {}},
          {Dimension::kRecruitmentByAbuseOfVulnerability,
           "VR",
           {},
           {kBeliefs, kFamilyDifficulty, kIllegalStatus, kLackEducation, kLackInformation, kControl,
            kPastDifficulties, kTravelDifficulty, kEconomic, kFalseMigration, kFamilySituation,
            kGeneralContext, kPersonalSituation, kDependency, kAuthorities},
           {}},
          {Dimension::kExploitativeConditions, "EX", exploitation_strong, exploitation_medium, {}},
          {Dimension::kCoercionAtDestination,
           "CD",
           {kDocuments, kDebtBondage, kIllicit, kForcedTasks, kIsolation, kThreatViolence,
            kInfluence, kViolence},
           {kAgainstPeers, kForcedLie, kDenunciation, kWorseConditions, kThreatInform,
            kViolenceFamily, kWithholdWages},
           {}},
          {Dimension::kAbuseOfVulnerabilityAtDestination,
           "VD",
           {},
           {kExploiterDependency, kPastDifficulties, kUnknownArea, kEconomic, kFamilySituation,
            kPersonalCharacteristics, kAuthorities},
           {}},
      });
}

}  // namespace

const std::vector<IndicatorSet>& DefaultIndicatorSets() {
  static const auto* const kAll = new std::vector<IndicatorSet>{
      AdultLabour(),
      AdultSexual(),
      Child("ilo-ec-2009-child-labour", "CL", ExploitationKind::kLabour),
      Child("ilo-ec-2009-child-sexual", "CS", ExploitationKind::kSexual),
  };
  return *kAll;
}

}  // namespace hw::domain
