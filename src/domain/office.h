// Organisation and Office: the office is the main access scope of every record.
#pragma once

#include <string>

#include "common/clock.h"
#include "common/status.h"

namespace hw::domain {

struct Organisation {
  std::string id;
  std::string name;
};

struct Office {
  std::string id;
  std::string organisation_id;
  std::string name;
  std::string code;     // e.g. "MYS-KUL": country alpha-3 and a place code, used in case numbers
  std::string country;  // ISO 3166-1 alpha-2
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

struct NewOffice {
  std::string name;
  std::string code;
  std::string country;
};

// Checks each field; returns InvalidArgument naming every bad one.
Status ValidateNewOffice(const NewOffice& office);

// True for an assigned ISO 3166-1 alpha-2 code.
bool IsIsoCountry(const std::string& code);

}  // namespace hw::domain
