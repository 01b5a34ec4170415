#include "service/demo_shelters.h"

#include <array>
#include <random>
#include <string>
#include <vector>

#include "domain/case.h"
#include "service/shelter_service.h"
#include "storage/case_store.h"
#include "storage/office_store.h"
#include "storage/shelter_store.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

const RequestInfo kCli{"cli", "local"};

struct DemoShelter {
  const char* name;
  const char* operator_type;
  const char* organisation;
  std::int64_t women, men, girls, boys, families;
  std::vector<std::string> services;
  const char* address;  // fictional ("Jalan Contoh" = "Example Road")
  double latitude, longitude;
};

// Fictional shelters; coordinates are city centres, addresses invented.
const std::vector<DemoShelter>& Shelters() {
  static const std::vector<DemoShelter> k = {
      {"Rumah Perlindungan Seri Cahaya",
       "government",
       "Ministry of Women, Family and Community Development",
       24,
       0,
       8,
       0,
       0,
       {"accommodation", "food", "medical", "psychosocial", "legal", "interpretation"},
       "No. 1, Jalan Contoh 1/1, 50000 Kuala Lumpur",
       3.139,
       101.687},
      {"Rumah Perlindungan Teratai",
       "government",
       "Ministry of Women, Family and Community Development",
       0,
       0,
       16,
       10,
       0,
       {"accommodation", "food", "medical", "psychosocial", "education", "childcare"},
       "No. 2, Jalan Contoh 2/2, 40000 Shah Alam, Selangor",
       3.073,
       101.518},
      {"Pusat Perlindungan Lelaki Bakti",
       "government",
       "Ministry of Home Affairs",
       0,
       30,
       0,
       0,
       0,
       {"accommodation", "food", "medical", "legal", "interpretation", "security"},
       "No. 3, Jalan Contoh 3/3, 80000 Johor Bahru, Johor",
       1.492,
       103.741},
      {"Rumah Kasih Harmoni",
       "ngo",
       "Harmoni Community Care (demo NGO)",
       12,
       0,
       4,
       0,
       3,
       {"accommodation", "food", "psychosocial", "vocational_training", "family_tracing"},
       "No. 4, Lorong Contoh 4, 10000 George Town, Pulau Pinang",
       5.414,
       100.329},
      {"Safe Haven Sabah",
       "ngo",
       "Borneo Safe Haven Association (demo NGO)",
       10,
       6,
       0,
       0,
       2,
       {"accommodation", "food", "medical", "psychosocial", "legal", "recreation"},
       "No. 5, Jalan Contoh 5, 88000 Kota Kinabalu, Sabah",
       5.980,
       116.073},
  };
  return k;
}

constexpr std::array<const char*, 5> kDestinations = {
    "returned_to_country_of_origin", "returned_to_country_of_origin", "moved_to_another_shelter",
    "independent_living", "left_without_notice"};

// Uniform in [lo, hi] from raw engine output, so the sequence is the same with every library.
int Uniform(std::mt19937& rng, int lo, int hi) {
  return lo + static_cast<int>(rng() % static_cast<std::uint32_t>(hi - lo + 1));
}

std::string PopulationOf(const storage::CaseRow& c, int current_year) {
  const bool child = c.birth_year && current_year - *c.birth_year < 18;
  const bool male = c.gender == "Masculine";
  if (child) return male ? "boys" : "girls";
  return male ? "men" : "women";
}

}  // namespace

Status SeedDemoShelters(Context& ctx, RoleCatalog& roles) {
  Principal manager;
  std::vector<storage::CaseRow> cases;
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx.db.Acquire());
    HW_ASSIGN_OR_RETURN(auto kul, storage::OfficeStore(*conn).FindByCode("MYS-KUL"));
    if (!kul) return Status::Ok();
    storage::ShelterFilter any;
    any.office_id = kul->id;
    any.limit = 1;
    HW_ASSIGN_OR_RETURN(auto existing, storage::ShelterStore(*conn).ListShelters(any));
    if (!existing.empty()) return Status::Ok();  // seeded before
    HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(*conn).FindByUsername("shelter.manager"));
    manager.user_id = user ? user->id : "system";
    manager.username = user ? user->username : "system";
    manager.office_id = kul->id;
    bool requires_totp = false;
    roles.Resolve({"shelter_manager"}, &manager.permissions, &manager.scope, &requires_totp);
    storage::CaseFilter f;
    f.office_id = kul->id;
    f.limit = 200;
    HW_ASSIGN_OR_RETURN(auto page, storage::CaseStore(*conn).List(f));
    cases = std::move(page.first);
  }
  ShelterService shelters(ctx);
  std::vector<ShelterView> created;
  for (const DemoShelter& d : Shelters()) {
    ShelterInput in;
    in.name = d.name;
    in.operator_type = d.operator_type;
    in.operating_organisation = d.organisation;
    std::map<std::string, std::int64_t> capacity;
    const std::int64_t beds[] = {d.women, d.men, d.girls, d.boys, d.families};
    for (size_t i = 0; i < domain::kPopulations.size(); ++i) {
      if (beds[i] > 0) capacity[std::string(domain::kPopulations[i])] = beds[i];
    }
    in.capacity = capacity;
    in.services = d.services;
    in.accessibility = std::set<std::string>{"ground_floor_rooms"};
    in.address = d.address;
    in.latitude = d.latitude;
    in.longitude = d.longitude;
    in.contacts = std::vector<domain::ShelterContact>{
        {"Duty manager", "duty manager", "+60 3-0000 0000", ""}};
    HW_ASSIGN_OR_RETURN(ShelterView v, shelters.Create(manager, in, kCli));
    created.push_back(std::move(v));
  }
  // Stays: each demo case of the office at most once, into a shelter serving its population;
  // most stays are over, some are current.
  std::mt19937 rng(20261201);
  const TimeMs now = ctx.clock.NowMs();
  const std::int64_t today = *domain::DayNumber(domain::TodayIso(now));
  const int year = std::stoi(domain::TodayIso(now).substr(0, 4));
  std::map<std::string, std::map<std::string, std::int64_t>> open;  // shelter -> population
  int used = 0;
  for (const storage::CaseRow& c : cases) {
    if (used >= 60) break;
    const std::string population = PopulationOf(c, year);
    std::vector<const ShelterView*> serving;
    for (const ShelterView& v : created) {
      if (v.shelter.capacity.count(population)) serving.push_back(&v);
    }
    if (serving.empty()) continue;
    const ShelterView& s =
        *serving[static_cast<size_t>(Uniform(rng, 0, static_cast<int>(serving.size()) - 1))];
    const std::int64_t admitted = today - Uniform(rng, 3, 330);
    const bool stays_on = Uniform(rng, 0, 99) < 35;
    std::int64_t& occupied = open[s.shelter.id][population];
    if (occupied >= s.shelter.capacity.at(population)) continue;  // full: no override in demo data
    AdmissionInput in;
    in.case_id = c.id;
    in.population = population;
    in.admission_date = domain::DateOfDay(admitted);
    in.room = std::to_string(Uniform(rng, 1, 12));
    in.bed = std::string(1, static_cast<char>('A' + Uniform(rng, 0, 3)));
    HW_ASSIGN_OR_RETURN(AdmissionView a, shelters.Admit(manager, s.shelter.id, in, kCli));
    ++used;
    if (stays_on) {
      ++occupied;
      continue;
    }
    DischargeInput out;
    out.admission_id = a.admission.id;
    out.version = a.admission.version;
    out.discharge_date = domain::DateOfDay(std::min(today, admitted + Uniform(rng, 0, 120)));
    out.destination = kDestinations[static_cast<size_t>(
        Uniform(rng, 0, static_cast<int>(kDestinations.size()) - 1))];
    HW_RETURN_IF_ERROR(shelters.Discharge(manager, s.shelter.id, out, kCli).status());
  }
  return Status::Ok();
}

}  // namespace hw::service
