#include "service/case_query.h"

#include <ctime>

#include "crypto/blind_index.h"
#include "domain/case.h"
#include "domain/office.h"
#include "domain/vocabulary.h"
#include "service/access_policy.h"

namespace hw::service {

Result<storage::CaseFilter> BuildCaseFilter(const Principal& p, const CaseQuery& q,
                                            const crypto::Keyring& keyring, TimeMs now) {
  const int year = std::stoi(FormatTimestamp(now).substr(0, 4));
  Status::Fields errors;
  auto vocab = [&](const char* field, const char* vocabulary, const std::string& v) {
    if (v.empty()) return;
    Status st = domain::CheckValue(field, vocabulary, v);
    if (!st.ok()) errors.insert(st.fields().begin(), st.fields().end());
  };
  vocab("status", "cas_Status", q.status);
  vocab("trafficking_status", "vic_TraffickingStatus", q.trafficking_status);
  vocab("exploitation", "vic_TypeOfExploitation", q.exploitation);
  vocab("gender", "prs_Gender", q.gender);
  if (!q.citizenship.empty() && !domain::IsIsoCountry(q.citizenship)) {
    errors["citizenship"] = "must be an ISO 3166-1 alpha-2 code";
  }
  storage::CaseFilter f;
  f.office_id = OfficeFilter(p);
  f.status = q.status;
  f.trafficking_status = q.trafficking_status;
  f.owner_id = q.caseworker;
  f.citizenship = q.citizenship;
  f.exploitation = q.exploitation;
  f.gender = q.gender;
  if (!q.age_band.empty()) {
    long long from = 0, to = 0;
    if (!domain::AgeBandYears(q.age_band, year, &from, &to)) {
      errors["age_band"] = "must be one of 0-17, 18-24, 25-34, 35-49, 50+";
    } else {
      f.birth_year_from = from;
      f.birth_year_to = to;
    }
  }
  auto date_ms = [&](const char* field, const std::string& d, bool end) -> std::optional<TimeMs> {
    if (d.empty()) return std::nullopt;
    if (!domain::IsIsoDate(d)) {
      errors[field] = "must be a date YYYY-MM-DD";
      return std::nullopt;
    }
    std::tm tm{};
    tm.tm_year = std::stoi(d.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(d.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(d.substr(8, 2)) + (end ? 1 : 0);
    return static_cast<TimeMs>(timegm(&tm)) * 1000;
  };
  f.created_from = date_ms("registered_from", q.registered_from, false);
  f.created_to = date_ms("registered_to", q.registered_to, true);
  if (!q.sort.empty() && q.sort != "registered" && q.sort != "number") {
    errors["sort"] = "must be registered or number";
  }
  f.sort_by_number = q.sort == "number";
  if (!q.name.empty()) {
    if (!p.Has(domain::perm::kViewPii)) {
      return Status::PermissionDenied("searching by name needs view_pii");
    }
    f.name_tokens = crypto::NameBlindIndexes(keyring.index_key(), q.name);
    if (f.name_tokens.empty()) errors["name"] = "must contain letters or digits";
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid filter", std::move(errors));
  f.after = q.page.after;
  f.limit = q.page.limit;
  return f;
}

}  // namespace hw::service
