#include "domain/case.h"

#include <cstdio>
#include <ctime>
#include <string_view>
#include <unordered_map>

#include "domain/office.h"
#include "domain/vocabulary.h"

namespace hw::domain {
namespace {

using K = FieldKind;

// name, kind, vocabulary, personal, in_person, settable, min, max
const std::vector<FieldSpec> kSpecs = {
    {"cas_Status", K::kVocab, "cas_Status", false, false, false, 0, 0},
    {"cas_CaseOwner", K::kUserId, nullptr, false, false, true, 0, 0},
    {"cas_IncomingReferralDate", K::kDate, nullptr, false, false, true, 0, 0},
    {"cas_ReferringOrganisation", K::kText, nullptr, false, false, true, 0, 200},
    {"cas_ReferringOrganisationType", K::kVocab, "org_Type", false, false, true, 0, 0},
    {"cas_ReasonForIncomingReferral", K::kVocab, "cas_ReasonForIncomingReferral", false, false,
     true, 0, 0},
    {"cas_ReasonForCaseClosure", K::kText, nullptr, true, false, false, 0, 4000},
    {"vic_TraffickingStatus", K::kVocab, "vic_TraffickingStatus", false, false, true, 0, 0},
    {"vic_TraffickingStatusDecisionMakingOrg", K::kVocab, "vic_TraffickingStatusDecisionMakingOrg",
     false, false, true, 0, 0},
    {"vic_TypeOfExploitation", K::kVocabList, "vic_TypeOfExploitation", false, false, true, 0, 0},
    {"vic_ForcedLabourIndustry", K::kVocab, "vic_ForcedLabourIndustry", false, false, true, 0, 0},
    {"vic_TypeOfSexExploitation", K::kVocabList, "vic_TypeOfSexExploitation", false, false, true, 0,
     0},
    {"vic_MethodsOfControl", K::kVocabList, "vic_MethodsOfControl", false, false, true, 0, 0},
    {"vic_MethodOfRecruitment", K::kVocabList, "vic_MethodOfRecruitment", false, false, true, 0, 0},
    {"vic_RecruitmentWebsitesAndApps", K::kVocabList, "vic_RecruitmentWebsitesAndApps", false,
     false, true, 0, 0},
    {"vic_RelationshipToTrafficker", K::kVocab, "vic_RelationshipToTrafficker", false, false, true,
     0, 0},
    {"vic_Vulnerabilities", K::kVocabList, "vic_Vulnerabilities", false, false, true, 0, 0},
    {"prs_Gender", K::kVocab, "prs_Gender", false, true, true, 0, 0},
    {"prs_BirthYear", K::kInt, nullptr, false, true, true, 1900, 2100},
    {"prs_EstimatedAge", K::kInt, nullptr, false, true, true, 0, 120},
    {"prs_Citizenship", K::kCountryList, nullptr, false, true, true, 0, 0},
    {"prs_PrimaryLanguage", K::kLanguage, nullptr, false, true, true, 0, 0},
    {"prs_SecondaryLanguage", K::kLanguage, nullptr, false, true, true, 0, 0},
    {"prs_MaritalStatus", K::kVocab, "prs_MaritalStatus", false, true, true, 0, 0},
    {"prs_HighestLevelOfEducation", K::kVocab, "prs_HighestLevelOfEducation", false, true, true, 0,
     0},
    {"prs_FirstName", K::kText, nullptr, true, true, true, 0, 200},
    {"prs_MiddleName", K::kText, nullptr, true, true, true, 0, 200},
    {"prs_SecondName", K::kText, nullptr, true, true, true, 0, 200},
    {"prs_Aliases", K::kTextList, nullptr, true, true, true, 0, 200},
    {"prs_Birthdate", K::kDate, nullptr, true, true, true, 0, 0},
    {"prs_MobilePhone", K::kText, nullptr, true, true, true, 0, 40},
    {"prs_Email", K::kText, nullptr, true, true, true, 0, 200},
    {"prs_IdentityNumber", K::kText, nullptr, true, true, true, 0, 100},
    {"prs_MailingStreet", K::kText, nullptr, true, true, true, 0, 300},
    {"prs_MailingCity", K::kText, nullptr, true, true, true, 0, 200},
    {"prs_MailingCountry", K::kCountry, nullptr, true, true, true, 0, 0},
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

void CheckOne(const FieldSpec& spec, const FieldValue& v, const std::string& today,
              Status::Fields& errors) {
  const std::string path = FieldPath(spec);
  if (std::holds_alternative<std::monostate>(v)) return;  // null clears the field
  auto fail = [&](const std::string& msg) { errors[path] = msg; };
  switch (spec.kind) {
    case K::kText:
      if (std::get<std::string>(v).size() > static_cast<size_t>(spec.max)) {
        fail("must be at most " + std::to_string(spec.max) + " bytes");
      }
      break;
    case K::kTextList:
      for (const auto& s : std::get<std::vector<std::string>>(v)) {
        if (s.empty() || s.size() > static_cast<size_t>(spec.max)) {
          fail("each entry must be 1 to " + std::to_string(spec.max) + " bytes");
        }
      }
      if (std::get<std::vector<std::string>>(v).size() > 20) fail("at most 20 entries");
      break;
    case K::kDate: {
      const auto& s = std::get<std::string>(v);
      if (!IsIsoDate(s)) {
        fail("must be a date YYYY-MM-DD");
      } else if (s > today) {
        fail("must not be in the future");
      }
      break;
    }
    case K::kInt: {
      long long n = std::get<long long>(v);
      if (n < spec.min || n > spec.max) {
        fail("must be from " + std::to_string(spec.min) + " to " + std::to_string(spec.max));
      }
      break;
    }
    case K::kVocab: {
      Status st = CheckValue(path, spec.vocabulary, std::get<std::string>(v));
      if (!st.ok()) errors.insert(st.fields().begin(), st.fields().end());
      break;
    }
    case K::kVocabList: {
      Status st = CheckValues(path, spec.vocabulary, std::get<std::vector<std::string>>(v));
      if (!st.ok()) errors.insert(st.fields().begin(), st.fields().end());
      break;
    }
    case K::kCountry:
      if (!IsIsoCountry(std::get<std::string>(v))) fail("must be an ISO 3166-1 alpha-2 code");
      break;
    case K::kCountryList:
      for (const auto& c : std::get<std::vector<std::string>>(v)) {
        if (!IsIsoCountry(c))
          fail("unknown country '" + QuoteInput(c) + "'; use ISO 3166-1 alpha-2");
      }
      break;
    case K::kLanguage:
      if (!IsIsoLanguage(std::get<std::string>(v))) fail("must be an ISO 639 language code");
      break;
    case K::kUserId:
      break;  // the service checks that the user exists in the office
  }
}

}  // namespace

const std::vector<FieldSpec>& CaseFieldSpecs() { return kSpecs; }

const FieldSpec* FindCaseField(std::string_view name) {
  // Hot: every field of every decoded case row looks its spec up.
  static const std::unordered_map<std::string_view, const FieldSpec*> kByName = [] {
    std::unordered_map<std::string_view, const FieldSpec*> m;
    for (const auto& s : kSpecs) m.emplace(s.name, &s);
    return m;
  }();
  auto it = kByName.find(name);
  return it == kByName.end() ? nullptr : it->second;
}

std::string FieldPath(const FieldSpec& spec) {
  return spec.in_person ? std::string("person.") + spec.name : std::string(spec.name);
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  return d <= max;
}

std::string TodayIso(TimeMs now) { return FormatTimestamp(now).substr(0, 10); }

std::string LatestTodayIso(TimeMs now) {
  constexpr TimeMs kFourteenHoursMs = 14LL * 3600 * 1000;
  return TodayIso(now + kFourteenHoursMs);
}

Status ValidateCaseFields(const FieldMap& fields, const std::vector<TraffickingEvent>* events,
                          const std::string& today) {
  Status::Fields errors;
  for (const auto& [name, value] : fields) {
    const FieldSpec* spec = FindCaseField(name);
    if (!spec) {
      errors[name] = "is not a known field";
      continue;
    }
    CheckOne(*spec, value, today, errors);
  }
  if (events) {
    if (events->size() > 50) errors["events"] = "at most 50 events";
    for (size_t i = 0; i < events->size() && i < 50; ++i) {
      const TraffickingEvent& e = (*events)[i];
      std::string p = "events[" + std::to_string(i) + "].";
      Status st = CheckValue(p + "hte_Type", "hte_Type", e.type);
      if (!st.ok()) errors.insert(st.fields().begin(), st.fields().end());
      if (!e.country.empty() && !IsIsoCountry(e.country)) {
        errors[p + "hte_Country"] = "must be an ISO 3166-1 alpha-2 code";
      }
      if (e.city.size() > 200) errors[p + "hte_City"] = "must be at most 200 bytes";
      if (!e.start_date.empty() && !IsIsoDate(e.start_date)) {
        errors[p + "hte_StartDate"] = "must be a date YYYY-MM-DD";
      }
      if (!e.end_date.empty() && !IsIsoDate(e.end_date)) {
        errors[p + "hte_EndDate"] = "must be a date YYYY-MM-DD";
      } else if (!e.end_date.empty() && !e.start_date.empty() && e.end_date < e.start_date) {
        errors[p + "hte_EndDate"] = "must not be before hte_StartDate";
      }
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid case", std::move(errors));
  return Status::Ok();
}

std::string AgeBand(std::optional<long long> birth_year, int current_year) {
  if (!birth_year) return "unknown";
  long long age = current_year - *birth_year;
  if (age < 18) return "0-17";
  if (age < 25) return "18-24";
  if (age < 35) return "25-34";
  if (age < 50) return "35-49";
  return "50+";
}

bool AgeBandYears(const std::string& band, int current_year, long long* from, long long* to) {
  long long lo = 0, hi = 0;  // ages
  if (band == "0-17") {
    lo = 0, hi = 17;
  } else if (band == "18-24") {
    lo = 18, hi = 24;
  } else if (band == "25-34") {
    lo = 25, hi = 34;
  } else if (band == "35-49") {
    lo = 35, hi = 49;
  } else if (band == "50+") {
    lo = 50, hi = 200;
  } else {
    return false;
  }
  *from = current_year - hi;
  *to = current_year - lo;
  return true;
}

}  // namespace hw::domain
