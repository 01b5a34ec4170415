#include "service/synthetic_cases.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace hw::service {
namespace {

struct NamePool {
  const char* country;
  const char* language;
  std::vector<const char*> given_f, given_m, family;
};

// Common, generic names per nationality; combinations are random, not people.
const std::vector<NamePool>& Pools() {
  static const std::vector<NamePool> k = {
      {"VN",
       "vi",
       {"Thị Hương", "Thị Lan", "Ngọc Anh", "Thu Trang", "Minh Thư"},
       {"Văn Hùng", "Minh Tuấn", "Quốc Bảo", "Đức Anh", "Văn Nam"},
       {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"}},
      {"MM",
       "my",
       {"Aye Aye", "Su Su", "Thandar", "Khin Myo", "Nwe Ni"},
       {"Kyaw Zin", "Aung Ko", "Min Thu", "Zaw Lin", "Htet Naing"},
       {"Win", "Oo", "Htun", "Myint", "Soe", "Maung"}},
      {"MD",
       "ro",
       {"Ana", "Maria", "Elena", "Natalia", "Tatiana"},
       {"Ion", "Vasile", "Andrei", "Sergiu", "Mihai"},
       {"Rusu", "Ceban", "Ciobanu", "Popa", "Lungu", "Munteanu"}},
      {"UG",
       "en",
       {"Grace", "Sarah", "Esther", "Joan", "Prossy"},
       {"Moses", "Isaac", "Ronald", "Brian", "Joseph"},
       {"Nakato", "Okello", "Mugisha", "Namubiru", "Ssempala", "Atim"}},
      {"ID",
       "id",
       {"Siti", "Dewi", "Sri", "Ayu", "Rina"},
       {"Agus", "Budi", "Eko", "Rizky", "Andi"},
       {"Wati", "Susanto", "Hidayat", "Saputra", "Lestari"}},
      {"KH",
       "km",
       {"Sreymom", "Channary", "Sopheap", "Dara", "Bopha"},
       {"Sokha", "Vuthy", "Rithy", "Sovann", "Piseth"},
       {"Sok", "Chea", "Kim", "Chan", "Heng", "Meas"}},
  };
  return k;
}

template <typename T>
const T& Pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

bool Chance(std::mt19937& rng, double p) { return std::bernoulli_distribution(p)(rng); }

std::vector<std::string> Some(std::mt19937& rng, const std::vector<const char*>& values,
                              double p_each, size_t min_count) {
  std::vector<std::string> out;
  for (const char* v : values) {
    if (Chance(rng, p_each)) out.emplace_back(v);
  }
  if (out.size() < min_count) out.emplace_back(Pick(rng, values));
  return out;
}

// A day between `min_days` and `max_days` before `today_ms`, as YYYY-MM-DD.
std::string DaysAgo(TimeMs today_ms, std::mt19937& rng, int min_days, int max_days) {
  int days = std::uniform_int_distribution<int>(min_days, max_days)(rng);
  return FormatTimestamp(today_ms - static_cast<TimeMs>(days) * 86400000).substr(0, 10);
}

}  // namespace

CaseInput SyntheticCaseGenerator::Next(const std::string& office_country, TimeMs today_ms) {
  const int current_year = std::stoi(FormatTimestamp(today_ms).substr(0, 4));
  // Malaysia receives people from the region; origin offices register their own returnees.
  static const std::vector<std::pair<const char*, double>> kToMalaysia = {
      {"VN", 0.25}, {"MM", 0.25}, {"ID", 0.25}, {"KH", 0.15}, {"UG", 0.05}, {"MD", 0.05}};
  std::string citizenship = office_country;
  if (office_country == "MY" || !std::count_if(Pools().begin(), Pools().end(), [&](auto& p) {
        return p.country == office_country;
      })) {
    double r = std::uniform_real_distribution<double>(0, 1)(rng_), acc = 0;
    for (const auto& [c, p] : kToMalaysia) {
      acc += p;
      if (r <= acc) {
        citizenship = c;
        break;
      }
    }
    if (citizenship == office_country) citizenship = "VN";
  }
  const NamePool* pool = &Pools()[0];
  for (const auto& p : Pools()) {
    if (citizenship == p.country) pool = &p;
  }
  const bool female = Chance(rng_, 0.62);
  const bool sexual = Chance(rng_, female ? 0.45 : 0.08);
  const bool child = Chance(rng_, 0.12);
  CaseInput in;
  auto& f = in.fields;
  f["prs_FirstName"] = std::string(Pick(rng_, female ? pool->given_f : pool->given_m));
  f["prs_SecondName"] = std::string(Pick(rng_, pool->family));
  f["prs_Gender"] = std::string(female ? "Feminine" : "Masculine");
  long long age = child ? std::uniform_int_distribution<int>(13, 17)(rng_)
                        : std::uniform_int_distribution<int>(18, 52)(rng_);
  f["prs_BirthYear"] = static_cast<long long>(current_year) - age;
  f["prs_Citizenship"] = std::vector<std::string>{citizenship};
  f["prs_PrimaryLanguage"] = std::string(pool->language);
  f["prs_MaritalStatus"] =
      std::string(child ? "Single" : (Chance(rng_, 0.5) ? "Single" : "Married"));
  f["cas_IncomingReferralDate"] = DaysAgo(today_ms, rng_, 0, 300);
  f["cas_ReferringOrganisationType"] =
      std::string(Pick(rng_, std::vector<const char*>{"LawEnforcement", "NGO", "ImmigrationService",
                                                      "CentralGovernmentOrganisation"}));
  f["cas_ReferringOrganisation"] = std::string("Synthetic referrer");
  std::vector<std::string> exploitation;
  if (sexual) {
    exploitation.emplace_back("SexualExploitation");
    f["vic_TypeOfSexExploitation"] = std::vector<std::string>{"Prostitution"};
  } else {
    exploitation.emplace_back(Chance(rng_, 0.9) ? "ForcedLabour" : "ForcedMarriage");
  }
  if (exploitation[0] == "ForcedLabour") {
    f["vic_ForcedLabourIndustry"] = std::string(
        Pick(rng_, std::vector<const char*>{"A_AgricultureForestryAndFishing", "C_Manufacturing",
                                            "F_Construction", "T_ActivitiesOfHouseholdsAsEmployers",
                                            "I_AccommodationAndFoodServiceActivities"}));
  }
  f["vic_TypeOfExploitation"] = exploitation;
  f["vic_MethodsOfControl"] = Some(
      rng_,
      {"DebtBondage", "WithholdsDocuments", "TakesEarnings", "PhysicalThreats",
       "ExcessiveWorkingHours", "PsychologicalAbuse", "FalsePromises", "ThreatsLawEnforcement"},
      0.3, 1);
  f["vic_MethodOfRecruitment"] =
      Some(rng_,
           {"ThroughFriendsOrSocialEvents", "ThroughOnlineSocialNetworks",
            "ThroughFamilyOrFamilyEvents", "ThroughAnOnlineAdvertisement", "AtWork"},
           0.2, 1);
  f["vic_RelationshipToTrafficker"] =
      std::string(Pick(rng_, std::vector<const char*>{"Acquainted", "Unaquainted", "Familial"}));
  f["vic_TraffickingStatus"] =
      std::string(Chance(rng_, 0.55) ? "ActualVictimOfTrafficking" : "PossibleVictimOfTrafficking");
  in.events = std::vector<domain::TraffickingEvent>{
      {"", "Recruitment", citizenship, "", DaysAgo(today_ms, rng_, 500, 700), ""},
      {"", "Exploitation", office_country == citizenship ? "MY" : office_country, "",
       DaysAgo(today_ms, rng_, 301, 499), ""}};
  return in;
}

}  // namespace hw::service
