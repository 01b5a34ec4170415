#include "domain/shelter.h"

#include <gtest/gtest.h>

#include <string>

namespace hw::domain {
namespace {

Shelter ValidShelter() {
  Shelter s;
  s.name = "Rumah Contoh";
  s.operator_type = "government";
  s.operating_organisation = "Ministry";
  s.status = "open";
  s.capacity = {{"women", 10}, {"girls", 0}};
  s.services = {"accommodation", "medical"};
  return s;
}

bool Names(const Status& st, const std::string& field) { return st.fields().count(field) > 0; }

TEST(ShelterValidation, AcceptsAValidShelter) {
  Shelter s = ValidShelter();
  s.location.address = "No. 1, Jalan Contoh";
  s.location.latitude = 3.1;
  s.location.longitude = 101.6;
  s.location.contacts = {{"Duty manager", "", "+60", ""}};
  EXPECT_TRUE(ValidateShelter(s).ok()) << ValidateShelter(s).ToString();
}

TEST(ShelterValidation, NamesEachBadField) {
  Shelter s = ValidShelter();
  s.name = "   ";
  s.operator_type = "charity";
  s.status = "gone";
  s.capacity = {{"women", -1}, {"pets", 3}, {"boys", kMaxCapacity + 1}};
  s.services = {"medical", "spa", "medical"};
  s.accessibility = {"lift"};
  Status st = ValidateShelter(s);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  for (const char* f : {"name", "operator_type", "status", "capacity.women", "capacity.pets",
                        "capacity.boys", "services[1]", "services[2]", "accessibility.lift"}) {
    EXPECT_TRUE(Names(st, f)) << f << ": " << st.ToString();
  }
  EXPECT_FALSE(Names(st, "services[0]"));
}

TEST(ShelterValidation, NeedsAPopulationAndBothCoordinates) {
  Shelter s = ValidShelter();
  s.capacity.clear();
  s.location.latitude = 91;
  Status st = ValidateShelter(s);
  EXPECT_TRUE(Names(st, "capacity"));
  EXPECT_TRUE(Names(st, "latitude"));
  EXPECT_TRUE(Names(st, "longitude"));  // missing beside latitude

  s = ValidShelter();
  s.location.longitude = 101.0;
  s.location.contacts = {{"", "", "", ""}};
  st = ValidateShelter(s);
  EXPECT_TRUE(Names(st, "latitude"));
  EXPECT_TRUE(Names(st, "contacts[0].name"));
}

TEST(AdmissionValidation, PopulationMustBeServedAndDateNotFuture) {
  Admission a;
  a.population = "men";
  a.admission_date = "2026-11-30";
  Status st = ValidateAdmission(a, {{"women", 4}}, "2026-11-29");
  EXPECT_TRUE(Names(st, "population"));
  EXPECT_TRUE(Names(st, "admission_date"));
  a.population = "aliens";
  EXPECT_TRUE(Names(ValidateAdmission(a, {{"women", 4}}, "2026-12-01"), "population"));
  a.population = "women";
  EXPECT_TRUE(ValidateAdmission(a, {{"women", 4}}, "2026-12-01").ok());
  a.admission_date = "2026-02-30";
  EXPECT_TRUE(Names(ValidateAdmission(a, {{"women", 4}}, "2026-12-01"), "admission_date"));
}

TEST(DischargeValidation, NotBeforeAdmissionAndKnownDestination) {
  Admission a;
  a.admission_date = "2026-11-10";
  Discharge d{"2026-11-09", "independent_living", "", ""};
  Status st = ValidateDischarge(a, d, "2026-12-01");
  EXPECT_TRUE(Names(st, "discharge_date"));
  EXPECT_NE(st.fields().at("discharge_date").find("before the admission"), std::string::npos);
  d.date = "2026-11-10";  // same day: a stay of 0 nights
  EXPECT_TRUE(ValidateDischarge(a, d, "2026-12-01").ok());
  d.destination = "moon";
  EXPECT_TRUE(Names(ValidateDischarge(a, d, "2026-12-01"), "destination"));
  d.destination = "other";
  d.date = "2026-12-02";
  EXPECT_TRUE(Names(ValidateDischarge(a, d, "2026-12-01"), "discharge_date"));
}

TEST(IncidentValidation, NamesFields) {
  Incident i;
  i.kind = "fire";
  i.severity = "extreme";
  i.status = "pending";
  i.occurred_at = 10 * 60 * 1000;
  Status st = ValidateIncident(i, 0);
  for (const char* f : {"kind", "severity", "status", "occurred_at", "description"}) {
    EXPECT_TRUE(Names(st, f)) << f;
  }
  i.kind = "health";
  i.severity = "low";
  i.status = "open";
  i.occurred_at = kIncidentFutureSkewMs;  // within the allowed skew
  i.description = "Resident needed a doctor";
  EXPECT_TRUE(ValidateIncident(i, 0).ok());
}

TEST(Dates, DayNumbersRoundTrip) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2000-03-01"), 11017);
  EXPECT_EQ(DayNumber("2024-02-29").value() + 1, DayNumber("2024-03-01").value());
  EXPECT_FALSE(DayNumber("2023-02-29"));
  EXPECT_FALSE(DayNumber("2026-1-01"));
  for (std::int64_t d = -800; d < 60000; d += 7) EXPECT_EQ(DayNumber(DateOfDay(d)), d);
  EXPECT_EQ(NightsBetween("2026-11-01", "2026-11-01"), 0);
  EXPECT_EQ(NightsBetween("2026-11-30", "2026-12-02"), 2);
  EXPECT_EQ(NightsBetween("2026-12-02", "2026-11-30"), 0);
}

TEST(Dates, ParsesRfc3339) {
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:01.5Z"), 1500);
  EXPECT_EQ(ParseRfc3339("1970-01-01T08:00:00+08:00"), 0);
  EXPECT_EQ(ParseRfc3339("1969-12-31T23:00:00-01:00"), 0);
  EXPECT_EQ(ParseRfc3339("2026-11-20T21:30:00.123456Z"),
            ParseRfc3339("2026-11-20T21:30:00Z").value() + 123);
  for (const char* bad :
       {"2026-11-20", "2026-11-20T25:00:00Z", "2026-11-20T21:30:00", "2026-11-20T21:30:00+0800",
        "2026-11-20 21:30:00Z", "2026-11-20T21:30:00.Z", "2026-13-20T21:30:00Z",
        "2026-11-20T21:30:00Zjunk"}) {
    EXPECT_FALSE(ParseRfc3339(bad)) << bad;
  }
}

}  // namespace
}  // namespace hw::domain
