#include "domain/consent.h"

#include <algorithm>

#include "domain/case.h"
#include "domain/vocabulary.h"

namespace hw::domain {
namespace {

bool OneOf(const std::string& v, const std::vector<std::string>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

const std::vector<std::string>& ConsentKinds() {
  static const std::vector<std::string> k = {consent::kAssistance, consent::kDataProcessing,
                                             consent::kSharing, consent::kStatistics,
                                             consent::kReturn};
  return k;
}

Status ValidateConsent(Consent& c, const std::string& today) {
  static const std::vector<std::string> kStates = {"given", "declined", "withdrawn"};
  static const std::vector<std::string> kForms = {"written", "verbal"};
  Status::Fields errors;
  auto one_of = [&](const char* field, const std::string& v, const std::vector<std::string>& ok) {
    if (v.empty()) {
      errors[field] = "is required; one of " + Join(ok);
    } else if (!OneOf(v, ok)) {
      errors[field] = "unknown value " + QuoteInput(v) + "; allowed: " + Join(ok);
    }
  };
  one_of("kind", c.kind, ConsentKinds());
  one_of("state", c.state, kStates);
  one_of("form", c.form, kForms);
  if (c.date.empty()) {
    errors["date"] = "is required";
  } else if (!IsIsoDate(c.date)) {
    errors["date"] = "must be a date YYYY-MM-DD";
  } else if (c.date > today) {
    errors["date"] = "must not be in the future";
  }
  c.witness = Trim(c.witness);
  if (c.form == "verbal" && c.witness.empty()) {
    errors["witness"] = "is required for verbal consent";
  } else if (c.witness.size() > 200) {
    errors["witness"] = "must be at most 200 bytes";
  }
  c.organisation = Trim(c.organisation);
  if (c.kind == consent::kSharing) {
    if (c.organisation.empty())
      errors["organisation"] = "is required for sharing: name the organisation";
  } else if (!c.organisation.empty()) {
    errors["organisation"] = "applies only to kind sharing";
  }
  if (c.organisation.size() > 200) errors["organisation"] = "must be at most 200 bytes";
  if (!errors.empty()) return Status::InvalidArgument("invalid consent", std::move(errors));
  return Status::Ok();
}

std::string OrganisationKey(const std::string& organisation) {
  std::string key = Trim(organisation);
  for (char& ch : key) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return key;
}

}  // namespace hw::domain
