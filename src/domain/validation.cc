#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "domain/audit.h"
#include "domain/office.h"
#include "domain/user.h"

namespace hw::domain {

bool IsIsoCountry(const std::string& code) {
  // ISO 3166-1 alpha-2 officially assigned codes.
  static constexpr std::string_view kCodes =
      "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
      "BR "
      "BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO "
      "DZ "
      "EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU "
      "GW "
      "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW "
      "KY "
      "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU "
      "MV "
      "MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW "
      "PY "
      "QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
      "TG "
      "TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA "
      "ZM "
      "ZW";
  if (code.size() != 2 || !std::isupper(static_cast<unsigned char>(code[0])) ||
      !std::isupper(static_cast<unsigned char>(code[1]))) {
    return false;
  }
  for (size_t i = 0; i + 2 <= kCodes.size(); i += 3) {
    if (kCodes.compare(i, 2, code) == 0) return true;
  }
  return false;
}

Status ValidateNewOffice(const NewOffice& o) {
  Status::Fields f;
  if (o.name.empty() || o.name.size() > 200) f["name"] = "must be 1 to 200 characters";
  bool code_ok = o.code.size() >= 3 && o.code.size() <= 16;
  for (char c : o.code) {
    code_ok = code_ok && (std::isupper(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)) || c == '-');
  }
  if (!code_ok) f["code"] = "must be 3 to 16 of A-Z, 0-9 and '-', e.g. MYS-KUL";
  if (!IsIsoCountry(o.country)) f["country"] = "must be an ISO 3166-1 alpha-2 code, e.g. MY";
  if (!f.empty()) return Status::InvalidArgument("invalid office", std::move(f));
  return Status::Ok();
}

std::string NormalizeUsername(const std::string& username) {
  std::string out = username;
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Status ValidateUsername(const std::string& username) {
  bool ok = username.size() >= 3 && username.size() <= 64 &&
            std::isalnum(static_cast<unsigned char>(username[0]));
  for (char c : username) {
    ok = ok && (std::islower(static_cast<unsigned char>(c)) ||
                std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    return Status::InvalidField("username",
                                "must be 3 to 64 of a-z, 0-9, '.', '_' and '-', starting with a "
                                "letter or digit");
  }
  return Status::Ok();
}

Scope ParseScope(const std::string& s) {
  if (s == "own") return Scope::kOwn;
  if (s == "organisation") return Scope::kOrganisation;
  if (s == "all") return Scope::kAll;
  return Scope::kOffice;
}

const char* ScopeName(Scope s) {
  switch (s) {
    case Scope::kOwn:
      return "own";
    case Scope::kOffice:
      return "office";
    case Scope::kOrganisation:
      return "organisation";
    case Scope::kAll:
      return "all";
  }
  return "office";
}

std::string CanonicalAuditEntry(const AuditEntry& e) {
  constexpr char kSep = '\x1f';
  std::string out = std::to_string(e.seq);
  for (const std::string* s :
       {&e.actor, &e.action, &e.entity, &e.entity_id, &e.office_id, &e.request_id}) {
    out.push_back(kSep);
    out += *s;
  }
  out.push_back(kSep);
  out += std::to_string(e.time);
  return out;
}

}  // namespace hw::domain
