#include "domain/shelter.h"

#include <cmath>
#include <cstdio>

#include "domain/case.h"
#include "domain/case_work.h"

namespace hw::domain {
namespace {

template <size_t N>
std::string OneOfMessage(const std::array<std::string_view, N>& allowed) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < N; ++i) out += (i == 0 ? "" : ", ") + std::string(allowed[i]);
  return out;
}

bool Blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

// Required text of 1..max characters, not only white space.
void RequireText(Status::Fields& f, const char* field, const std::string& v, size_t max) {
  size_t len = Utf8Length(v);
  if (len == 0 || Blank(v) || len > max) {
    f[field] = "must be 1 to " + std::to_string(max) + " characters";
  }
}

void LimitText(Status::Fields& f, const std::string& field, const std::string& v, size_t max) {
  if (Utf8Length(v) > max) f[field] = "must be at most " + std::to_string(max) + " characters";
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool Digits(const std::string& s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int Num(const std::string& s, size_t pos, size_t n) { return std::stoi(s.substr(pos, n)); }

void ValidateLocation(const ShelterLocation& l, Status::Fields& f) {
  LimitText(f, "address", l.address, kMaxAddress);
  if (l.latitude && (!std::isfinite(*l.latitude) || *l.latitude < -90 || *l.latitude > 90)) {
    f["latitude"] = "must be a number from -90 to 90";
  }
  if (l.longitude && (!std::isfinite(*l.longitude) || *l.longitude < -180 || *l.longitude > 180)) {
    f["longitude"] = "must be a number from -180 to 180";
  }
  if (l.latitude && !l.longitude) f.emplace("longitude", "is required with latitude");
  if (l.longitude && !l.latitude) f.emplace("latitude", "is required with longitude");
  if (l.contacts.size() > kMaxContacts) {
    f["contacts"] = "must have at most " + std::to_string(kMaxContacts) + " entries";
  }
  for (size_t i = 0; i < l.contacts.size(); ++i) {
    const ShelterContact& c = l.contacts[i];
    const std::string at = "contacts[" + std::to_string(i) + "].";
    size_t len = Utf8Length(c.name);
    if (len == 0 || Blank(c.name) || len > kMaxContactField) {
      f[at + "name"] = "must be 1 to " + std::to_string(kMaxContactField) + " characters";
    }
    LimitText(f, at + "role", c.role, kMaxContactField);
    LimitText(f, at + "phone", c.phone, kMaxContactField);
    LimitText(f, at + "email", c.email, kMaxContactField);
  }
}

}  // namespace

Status ValidateShelter(const Shelter& s) {
  Status::Fields f;
  RequireText(f, "name", s.name, kMaxShelterName);
  if (!IsOneOf(kOperatorTypes, s.operator_type)) f["operator_type"] = OneOfMessage(kOperatorTypes);
  RequireText(f, "operating_organisation", s.operating_organisation, kMaxShelterName);
  if (!IsOneOf(kShelterStatuses, s.status)) f["status"] = OneOfMessage(kShelterStatuses);
  if (s.capacity.empty()) f["capacity"] = "must name at least one population served";
  for (const auto& [population, beds] : s.capacity) {
    const std::string at = "capacity." + population;
    if (!IsOneOf(kPopulations, population)) {
      f[at] = "unknown population: " + OneOfMessage(kPopulations);
    } else if (beds < 0 || beds > kMaxCapacity) {
      f[at] = "must be an integer from 0 to " + std::to_string(kMaxCapacity);
    }
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < s.services.size(); ++i) {
    const std::string at = "services[" + std::to_string(i) + "]";
    if (!IsOneOf(kShelterServices, s.services[i])) {
      f[at] = OneOfMessage(kShelterServices);
    } else if (!seen.insert(s.services[i]).second) {
      f[at] = "is listed twice";
    }
  }
  for (const std::string& flag : s.accessibility) {
    if (!IsOneOf(kAccessibilityFlags, flag)) f["accessibility." + flag] = "unknown flag";
  }
  LimitText(f, "accessibility.notes", s.accessibility_notes, kMaxAccessibilityNotes);
  ValidateLocation(s.location, f);
  if (!f.empty()) return Status::InvalidArgument("invalid shelter", std::move(f));
  return Status::Ok();
}

Status ValidateAdmission(const Admission& a, const std::map<std::string, std::int64_t>& served,
                         const std::string& latest_date) {
  Status::Fields f;
  if (!IsOneOf(kPopulations, a.population)) {
    f["population"] = OneOfMessage(kPopulations);
  } else if (served.count(a.population) == 0) {
    f["population"] = "is not served by this shelter";
  }
  if (!IsIsoDate(a.admission_date)) {
    f["admission_date"] = "must be a date YYYY-MM-DD";
  } else if (a.admission_date > latest_date) {
    f["admission_date"] = "must not be in the future";
  }
  LimitText(f, "room", a.room, kMaxRoomBed);
  LimitText(f, "bed", a.bed, kMaxRoomBed);
  LimitText(f, "referral", a.referral, kMaxStayText);
  if (!f.empty()) return Status::InvalidArgument("invalid admission", std::move(f));
  return Status::Ok();
}

Status ValidateDischarge(const Admission& a, const Discharge& d, const std::string& latest_date) {
  Status::Fields f;
  if (!IsIsoDate(d.date)) {
    f["discharge_date"] = "must be a date YYYY-MM-DD";
  } else if (d.date < a.admission_date) {
    f["discharge_date"] = "must not be before the admission date (" + a.admission_date + ")";
  } else if (d.date > latest_date) {
    f["discharge_date"] = "must not be in the future";
  }
  if (!IsOneOf(kDischargeDestinations, d.destination)) {
    f["destination"] = OneOfMessage(kDischargeDestinations);
  }
  LimitText(f, "reason", d.reason, kMaxStayText);
  if (!f.empty()) return Status::InvalidArgument("invalid discharge", std::move(f));
  return Status::Ok();
}

Status ValidateIncident(const Incident& i, TimeMs now) {
  Status::Fields f;
  if (!IsOneOf(kIncidentKinds, i.kind)) f["kind"] = OneOfMessage(kIncidentKinds);
  if (!IsOneOf(kIncidentSeverities, i.severity)) f["severity"] = OneOfMessage(kIncidentSeverities);
  if (!IsOneOf(kIncidentStatuses, i.status)) f["status"] = OneOfMessage(kIncidentStatuses);
  if (i.occurred_at > now + kIncidentFutureSkewMs) f["occurred_at"] = "must not be in the future";
  RequireText(f, "description", i.description, kMaxIncidentText);
  LimitText(f, "follow_up", i.follow_up, kMaxIncidentText);
  if (!f.empty()) return Status::InvalidArgument("invalid incident", std::move(f));
  return Status::Ok();
}

std::optional<std::int64_t> DayNumber(const std::string& iso_date) {
  if (!IsIsoDate(iso_date)) return std::nullopt;
  return DaysFromCivil(Num(iso_date, 0, 4), static_cast<unsigned>(Num(iso_date, 5, 2)),
                       static_cast<unsigned>(Num(iso_date, 8, 2)));
}

std::string DateOfDay(std::int64_t day) {
  // H. Hinnant's civil_from_days.
  day += 719468;
  const std::int64_t era = (day >= 0 ? day : day - 146096) / 146097;
  const auto doe = static_cast<unsigned>(day - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::optional<TimeMs> ParseRfc3339(const std::string& t) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  if (t.size() < 20 || !IsIsoDate(t.substr(0, 10))) return std::nullopt;
  if (t[10] != 'T' && t[10] != 't') return std::nullopt;
  if (!Digits(t, 11, 2) || t[13] != ':' || !Digits(t, 14, 2) || t[16] != ':' || !Digits(t, 17, 2)) {
    return std::nullopt;
  }
  const std::int64_t hh = Num(t, 11, 2), mm = Num(t, 14, 2), ss = Num(t, 17, 2);
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  size_t pos = 19;
  TimeMs frac_ms = 0;
  if (pos < t.size() && t[pos] == '.') {
    size_t start = ++pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    if (pos == start || pos - start > 9) return std::nullopt;
    std::string frac = t.substr(start, std::min<size_t>(3, pos - start));
    while (frac.size() < 3) frac += '0';
    frac_ms = std::stoi(frac);
  }
  if (pos >= t.size()) return std::nullopt;
  std::int64_t offset_min = 0;
  if (t[pos] == 'Z' || t[pos] == 'z') {
    if (pos + 1 != t.size()) return std::nullopt;
  } else if (t[pos] == '+' || t[pos] == '-') {
    if (t.size() != pos + 6 || !Digits(t, pos + 1, 2) || t[pos + 3] != ':' ||
        !Digits(t, pos + 4, 2)) {
      return std::nullopt;
    }
    const std::int64_t oh = Num(t, pos + 1, 2), om = Num(t, pos + 4, 2);
    if (oh > 23 || om > 59) return std::nullopt;
    offset_min = (t[pos] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  std::int64_t day = *DayNumber(t.substr(0, 10));
  std::int64_t seconds = day * 86400 + hh * 3600 + mm * 60 + ss - offset_min * 60;
  return seconds * 1000 + frac_ms;
}

std::int64_t NightsBetween(const std::string& from, const std::string& until) {
  auto a = DayNumber(from), b = DayNumber(until);
  if (!a || !b || *b < *a) return 0;
  return *b - *a;
}

}  // namespace hw::domain
