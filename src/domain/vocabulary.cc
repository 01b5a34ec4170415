#include "domain/vocabulary.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "domain/iso_codes_data.h"

namespace hw::domain {

std::string QuoteInput(std::string_view value) {
  constexpr size_t kMax = 48;
  bool cut = value.size() > kMax;
  if (cut) {
    size_t end = kMax;
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    value = value.substr(0, end);
  }
  std::string out = "'";
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7F) ? '?' : c;
  }
  if (cut) out += "...";
  out += "'";
  return out;
}

namespace {

std::string AllowedList(const Vocabulary& vocabulary) {
  std::string out;
  for (const auto& v : vocabulary.values) {
    if (!out.empty()) out += ", ";
    out += v.name;
  }
  return out;
}

Status UnknownVocabulary(std::string_view vocabulary) {
  return Status::Internal("unknown vocabulary " + std::string(vocabulary));
}

}  // namespace

const Vocabulary* FindVocabulary(std::string_view name) {
  for (const auto& v : AllVocabularies()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

const VocabularyValue* FindValue(const Vocabulary& vocabulary, std::string_view value) {
  for (const auto& v : vocabulary.values) {
    if (v.name == value) return &v;
  }
  return nullptr;
}

bool IsAllowed(const Vocabulary& vocabulary, std::string_view value) {
  return FindValue(vocabulary, value) != nullptr;
}

Status CheckValue(std::string_view field, std::string_view vocabulary, std::string_view value) {
  const Vocabulary* vocab = FindVocabulary(vocabulary);
  if (vocab == nullptr) return UnknownVocabulary(vocabulary);
  if (IsAllowed(*vocab, value)) return Status::Ok();
  return Status::InvalidField(std::string(field), "unknown value " + QuoteInput(value) +
                                                      "; allowed: " + AllowedList(*vocab));
}

Status CheckValues(std::string_view field, std::string_view vocabulary,
                   const std::vector<std::string>& values) {
  const Vocabulary* vocab = FindVocabulary(vocabulary);
  if (vocab == nullptr) return UnknownVocabulary(vocabulary);
  if (!vocab->multiselect && values.size() > 1) {
    return Status::InvalidField(std::string(field), "takes a single value");
  }
  std::vector<std::string> unknown;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!IsAllowed(*vocab, values[i])) {
      unknown.push_back(QuoteInput(values[i]));
      continue;
    }
    if (std::find(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(i), values[i]) !=
        values.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Status::InvalidField(std::string(field),
                                  "value " + QuoteInput(values[i]) + " repeated");
    }
  }
  if (unknown.empty()) return Status::Ok();
  std::string message = unknown.size() == 1 ? "unknown value " : "unknown values ";
  for (size_t i = 0; i < unknown.size(); ++i) {
    if (i > 0) message += ", ";
    message += unknown[i];
  }
  message += "; allowed: " + AllowedList(*vocab);
  return Status::InvalidField(std::string(field), message);
}

bool IsIsoLanguage(std::string_view code) {
  if (code.size() == 2) {
    const auto& all = IsoLanguages();
    auto it = std::lower_bound(all.begin(), all.end(), code,
                               [](const IsoCode& c, std::string_view v) { return c.code < v; });
    return it != all.end() && it->code == code;
  }
  if (code.size() != 3) return false;
  const std::string_view codes = internal::Iso639Alpha3Codes();
  size_t lo = 0;
  size_t hi = codes.size() / 3;
  while (lo < hi) {  // binary search over fixed-width entries
    size_t mid = lo + (hi - lo) / 2;
    int cmp = codes.substr(mid * 3, 3).compare(code);
    if (cmp == 0) return true;
    if (cmp < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

bool IsIsoCurrency(std::string_view code) {
  if (code.size() != 3) return false;
  const auto& all = IsoCurrencies();
  auto it = std::lower_bound(all.begin(), all.end(), code,
                             [](const IsoCode& c, std::string_view v) { return c.code < v; });
  return it != all.end() && it->code == code;
}

const std::vector<IsicSection>& IsicSections() {
  // Titles as published in ISIC Rev.4 (UN Statistics Division, 2008); values as in HTCDS 2.0.
  static const auto* const kAll = new std::vector<IsicSection>{
      {'A', "Agriculture, forestry and fishing", "A_AgricultureForestryAndFishing"},
      {'B', "Mining and quarrying", "B_MiningAndQuarrying"},
      {'C', "Manufacturing", "C_Manufacturing"},
      {'D', "Electricity, gas, steam and air conditioning supply",
       "D_ElectricityGasSteamAndAirConditioningSupply"},
      {'E', "Water supply; sewerage, waste management and remediation activities",
       "E_WaterSupplySewerageWasteManagement"},
      {'F', "Construction", "F_Construction"},
      {'G', "Wholesale and retail trade; repair of motor vehicles and motorcycles",
       "G_WholesaleAndRetailTradeRepairOfMotorVehicles"},
      {'H', "Transportation and storage", "H_TransportationAndStorage"},
      {'I', "Accommodation and food service activities", "I_AccommodationAndFoodServiceActivities"},
      {'J', "Information and communication", "J_InformationAndCommunication"},
      {'K', "Financial and insurance activities", "K_FinancialAndInsuranceActivities"},
      {'L', "Real estate activities", "L_RealEstateActivities"},
      {'M', "Professional, scientific and technical activities",
       "M_ProfessionalScientificAndTechnicalActivities"},
      {'N', "Administrative and support service activities",
       "N_AdministrativeAndSupportServiceActivities"},
      {'O', "Public administration and defence; compulsory social security",
       "O_PublicAdministrationAndDefence"},
      {'P', "Education", "P_Education"},
      {'Q', "Human health and social work activities", "Q_HumanHealthAndSocialWorkActivities"},
      {'R', "Arts, entertainment and recreation", "R_ArtsEntertainmentAndRecreation"},
      {'S', "Other service activities", "S_OtherServiceActivities"},
      {'T',
       "Activities of households as employers; undifferentiated goods- and services-producing "
       "activities of households for own use",
       "T_ActivitiesOfHouseholdsAsEmployers"},
      {'U', "Activities of extraterritorial organizations and bodies",
       "U_ActivitiesOfExtraterritorialOrganizations"},
  };
  return *kAll;
}

const IsicSection* FindIsicSection(std::string_view code) {
  for (const auto& s : IsicSections()) {
    if ((code.size() == 1 && code[0] == s.code) || code == s.htcds_value) return &s;
  }
  return nullptr;
}

}  // namespace hw::domain
