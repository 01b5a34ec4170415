#include "domain/vocabulary.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace hw::domain {
namespace {

using Row = std::vector<std::string>;

// RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold commas,
// line breaks and doubled quotes.
std::vector<Row> ParseCsv(const std::string& text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false;
  bool any = false;  // the current record has content (so a final record without newline counts)
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Trims ASCII whitespace and U+00A0 (the CSV's gender labels end in a no-break space).
std::string Trim(std::string s) {
  auto strip_front = [&] {
    if (!s.empty() &&
        (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.erase(0, 1);
      return true;
    }
    if (s.rfind("\xC2\xA0", 0) == 0) {
      s.erase(0, 2);
      return true;
    }
    return false;
  };
  auto strip_back = [&] {
    if (!s.empty() &&
        (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.pop_back();
      return true;
    }
    if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC2\xA0") == 0) {
      s.erase(s.size() - 2);
      return true;
    }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

std::vector<std::string> Lines(const std::string& cell) {
  std::vector<std::string> out;
  std::istringstream in(cell);
  std::string line;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

TEST(CsvParserTest, QuotedCellsWithCommasQuotesAndLineBreaks) {
  auto rows = ParseCsv("a,\"b,1\",\"x\"\"y\"\r\n,\"line1\nline2\",\n\"last\"");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Row{"a", "b,1", "x\"y"}));
  EXPECT_EQ(rows[1], (Row{"", "line1\nline2", ""}));
  EXPECT_EQ(rows[2], (Row{"last"}));
}

// One picklist of the HTCDS CSV, as the standard states it.
struct CsvPicklist {
  std::string label;
  bool multiselect = false;
  bool deprecated = false;
  std::vector<std::string> names;
  std::vector<std::string> labels;
};

class HtcdsCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* env = std::getenv("HOMEWARD_REFERENCE_DIR");
    std::filesystem::path dir = env != nullptr && *env != '\0'
                                    ? std::filesystem::path(env)
                                    : std::filesystem::path(HOMEWARD_DEFAULT_REFERENCE_DIR);
    path_ = dir / "htcds" / "htcds-2.0-field-standards.csv";
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      GTEST_SKIP() << "HTCDS reference CSV not found at " << path_
                   << " (set HOMEWARD_REFERENCE_DIR to the shared/reference folder)";
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::vector<Row> rows = ParseCsv(buffer.str());
    ASSERT_FALSE(rows.empty());
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < rows[0].size(); ++i) col[Trim(rows[0][i])] = i;
    for (const char* name : {"Status", "Field Label", "Field Name including Prefix", "Field Type",
                             "Value Names (if picklist)", "Value Labels (if picklist)"}) {
      ASSERT_TRUE(col.count(name)) << "CSV header lacks " << name;
    }
    auto cell = [&](const Row& r, const char* name) {
      size_t i = col[name];
      return i < r.size() ? r[i] : std::string();
    };
    for (size_t i = 1; i < rows.size(); ++i) {
      const Row& r = rows[i];
      std::string type = Trim(cell(r, "Field Type"));
      std::vector<std::string> names = Lines(cell(r, "Value Names (if picklist)"));
      if (type.find("Picklist") == std::string::npos || names.empty()) continue;
      if (names[0].rfind("Use ISO", 0) == 0) continue;  // guidance to use an ISO list
      CsvPicklist p;
      p.label = Trim(cell(r, "Field Label"));
      p.multiselect = type.rfind("Multiselect", 0) == 0;
      p.deprecated = Trim(cell(r, "Status")) == "DEPRECATED";
      p.names = names;
      p.labels = Lines(cell(r, "Value Labels (if picklist)"));
      picklists_[Trim(cell(r, "Field Name including Prefix"))] = p;
    }
  }

  std::filesystem::path path_;
  std::map<std::string, CsvPicklist> picklists_;
};

TEST_F(HtcdsCsvTest, EveryShippedVocabularyMatchesTheCsvInOrder) {
  ASSERT_FALSE(AllVocabularies().empty());
  for (const Vocabulary& v : AllVocabularies()) {
    SCOPED_TRACE(v.name);
    auto it = picklists_.find(v.name);
    ASSERT_NE(it, picklists_.end()) << "not a picklist with value names in " << path_;
    const CsvPicklist& p = it->second;
    EXPECT_EQ(v.label, p.label);
    EXPECT_EQ(v.multiselect, p.multiselect);
    EXPECT_EQ(v.deprecated, p.deprecated);
    std::vector<std::string> names;
    std::vector<std::string> labels;
    for (const auto& value : v.values) {
      names.push_back(value.name);
      labels.push_back(value.label);
    }
    EXPECT_EQ(names, p.names);
    EXPECT_EQ(labels, p.labels);
  }
}

TEST_F(HtcdsCsvTest, EveryCsvPicklistIsShipped) {
  ASSERT_FALSE(picklists_.empty());
  for (const auto& [name, p] : picklists_) {
    EXPECT_NE(FindVocabulary(name), nullptr) << name << " is a picklist in the CSV";
  }
  EXPECT_EQ(AllVocabularies().size(), picklists_.size());
}

TEST(VocabularyTest, CaseManagementVocabulariesAreThere) {
  for (const char* name :
       {"prs_Gender", "prs_MaritalStatus", "prs_HighestLevelOfEducation", "vic_TraffickingStatus",
        "vic_TraffickingStatusDecisionMakingOrg", "vic_RelationshipToTrafficker",
        "vic_RecruitmentWebsitesAndApps", "vic_MethodOfRecruitment", "vic_MethodsOfControl",
        "vic_TypeOfExploitation", "vic_ForcedLabourIndustry", "vic_TypeOfSexExploitation",
        "vic_ExploitationWebsitesAndApps", "vic_Vulnerabilities", "cas_Status",
        "cas_ReasonForIncomingReferral", "cas_ReasonForOutgoingReferral", "org_Type", "hte_Type"}) {
    EXPECT_NE(FindVocabulary(name), nullptr) << name;
  }
  const Vocabulary* status = FindVocabulary("cas_Status");
  ASSERT_NE(status, nullptr);
  EXPECT_FALSE(status->multiselect);
  ASSERT_EQ(status->values.size(), 4u);
  EXPECT_EQ(status->values[1].name, "FollowUp");
  EXPECT_EQ(status->values[1].label, "Follow Up");
  EXPECT_TRUE(FindVocabulary("vic_MethodsOfControl")->multiselect);
  EXPECT_TRUE(FindVocabulary("vic_Vulnerabilities")->deprecated);
  EXPECT_EQ(FindVocabulary("vic_methodsofcontrol"), nullptr);
  EXPECT_EQ(FindVocabulary(""), nullptr);
}

TEST(VocabularyTest, ValueNamesAreUniqueAndWireSafe) {
  std::set<std::string> vocabularies;
  for (const Vocabulary& v : AllVocabularies()) {
    EXPECT_TRUE(vocabularies.insert(v.name).second) << v.name;
    std::set<std::string> names;
    for (const auto& value : v.values) {
      EXPECT_TRUE(names.insert(value.name).second) << v.name << ": " << value.name;
      EXPECT_FALSE(value.label.empty()) << v.name << ": " << value.name;
      for (char c : value.name) {
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '_')
            << v.name << ": " << value.name;
      }
    }
  }
}

TEST(VocabularyTest, IsAllowedIsExact) {
  const Vocabulary& control = *FindVocabulary("vic_MethodsOfControl");
  EXPECT_TRUE(IsAllowed(control, "DebtBondage"));
  EXPECT_FALSE(IsAllowed(control, "debtbondage"));
  EXPECT_FALSE(IsAllowed(control, "Debt bondage"));  // a label is not a value name
  EXPECT_FALSE(IsAllowed(control, ""));
  ASSERT_NE(FindValue(control, "DebtBondage"), nullptr);
  EXPECT_EQ(FindValue(control, "DebtBondage")->label, "Debt bondage");
}

TEST(VocabularyTest, CheckValueNamesTheFieldAndListsAllowedValues) {
  EXPECT_TRUE(CheckValue("cas_Status", "cas_Status", "Active").ok());
  Status s = CheckValue("cas_Status", "cas_Status", "Open");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(s.fields().count("cas_Status"), 1u);
  EXPECT_EQ(s.fields().at("cas_Status"),
            "unknown value 'Open'; allowed: Active, FollowUp, Closed, ClosedReferred");

  Status other = CheckValue("status", "cas_Status", "");
  ASSERT_EQ(other.fields().count("status"), 1u);
  EXPECT_EQ(other.fields().at("status").rfind("unknown value ''; allowed: Active", 0), 0u);
}

TEST(VocabularyTest, CheckValueEchoesInputShortAndPrintable) {
  Status s = CheckValue("f", "hte_Type", std::string(200, 'x') + "\n");
  const std::string& m = s.fields().at("f");
  EXPECT_EQ(m.find('\n'), std::string::npos);
  EXPECT_EQ(m.rfind("unknown value '" + std::string(48, 'x') + "...'", 0), 0u) << m;
  EXPECT_EQ(QuoteInput("a\x01"
                       "b"),
            "'a?b'");
  // A cut never splits a UTF-8 sequence: 47 ASCII bytes and a 2-byte character straddling 48.
  std::string straddle = std::string(47, 'a') + "\xC3\xA9" + "zzz";
  EXPECT_EQ(QuoteInput(straddle), "'" + std::string(47, 'a') + "...'");
}

TEST(VocabularyTest, CheckValueOnUnknownVocabularyIsAnInternalError) {
  EXPECT_EQ(CheckValue("f", "vic_Nope", "x").code(), StatusCode::kInternal);
  EXPECT_EQ(CheckValues("f", "vic_Nope", {"x"}).code(), StatusCode::kInternal);
}

TEST(VocabularyTest, CheckValues) {
  EXPECT_TRUE(CheckValues("vic_MethodsOfControl", "vic_MethodsOfControl", {}).ok());
  EXPECT_TRUE(
      CheckValues("vic_MethodsOfControl", "vic_MethodsOfControl", {"DebtBondage", "Other"}).ok());

  Status one = CheckValues("moc", "hte_Type", {"Transit", "Harbouring"});
  ASSERT_EQ(one.code(), StatusCode::kInvalidArgument);  // hte_Type is single-select
  EXPECT_EQ(one.fields().at("moc"), "takes a single value");

  Status unknown = CheckValues("types", "vic_TypeOfSexExploitation",
                               {"Prostitution", "Escort", "Pornography", "Webcam"});
  EXPECT_EQ(unknown.fields().at("types"),
            "unknown values 'Escort', 'Webcam'; allowed: Prostitution, Pornography, "
            "RemoteInteractiveServices, PrivateSexualServices");

  Status single = CheckValues("types", "vic_TypeOfSexExploitation", {"Escort"});
  EXPECT_EQ(single.fields().at("types").rfind("unknown value 'Escort'; allowed: ", 0), 0u);

  Status repeated =
      CheckValues("types", "vic_TypeOfSexExploitation", {"Pornography", "Pornography"});
  EXPECT_EQ(repeated.fields().at("types"), "value 'Pornography' repeated");
}

TEST(IsoTest, Languages) {
  EXPECT_TRUE(IsIsoLanguage("vi"));  // ISO 639-1
  EXPECT_TRUE(IsIsoLanguage("en"));
  EXPECT_TRUE(IsIsoLanguage("vie"));  // ISO 639-2/T and 639-3
  EXPECT_TRUE(IsIsoLanguage("fre"));  // ISO 639-2/B
  EXPECT_TRUE(IsIsoLanguage("fra"));
  EXPECT_TRUE(IsIsoLanguage("rhg"));  // Rohingya: ISO 639-3 only
  EXPECT_TRUE(IsIsoLanguage("und"));  // undetermined
  EXPECT_TRUE(IsIsoLanguage("aaa"));  // first and last of the sorted list
  EXPECT_TRUE(IsIsoLanguage("zzj"));
  EXPECT_FALSE(IsIsoLanguage("VI"));
  EXPECT_FALSE(IsIsoLanguage("xx"));
  EXPECT_FALSE(IsIsoLanguage("qaa"));  // local-use range
  EXPECT_FALSE(IsIsoLanguage("vi-VN"));
  EXPECT_FALSE(IsIsoLanguage(""));
  EXPECT_FALSE(IsIsoLanguage("e"));
  const auto& all = IsoLanguages();
  EXPECT_EQ(all.size(), 184u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].code, all[i].code);
  for (const auto& l : all) EXPECT_TRUE(IsIsoLanguage(l.code)) << l.code;
}

TEST(IsoTest, Currencies) {
  for (const char* code : {"USD", "EUR", "VND", "MMK", "MDL", "UGX", "IDR", "KHR", "MYR", "THB"}) {
    EXPECT_TRUE(IsIsoCurrency(code)) << code;
  }
  for (const char* code : {"usd", "XXX", "XTS", "XAU", "ABC", "US", "USDT", ""}) {
    EXPECT_FALSE(IsIsoCurrency(code)) << code;
  }
  const auto& all = IsoCurrencies();
  EXPECT_GT(all.size(), 150u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].code, all[i].code);
}

TEST(IsoTest, IsicSectionsMatchTheHtcdsLabourSectors) {
  const auto& sections = IsicSections();
  ASSERT_EQ(sections.size(), 21u);
  const Vocabulary* industry = FindVocabulary("vic_ForcedLabourIndustry");
  ASSERT_NE(industry, nullptr);
  ASSERT_EQ(industry->values.size(), sections.size());
  for (size_t i = 0; i < sections.size(); ++i) {
    EXPECT_EQ(sections[i].code, static_cast<char>('A' + i));
    EXPECT_EQ(sections[i].htcds_value, industry->values[i].name);
    EXPECT_EQ(sections[i].htcds_value.substr(0, 2), (std::string{sections[i].code, '_'}));
    EXPECT_FALSE(sections[i].title.empty());
  }
  ASSERT_NE(FindIsicSection("F"), nullptr);
  EXPECT_EQ(FindIsicSection("F")->title, "Construction");
  EXPECT_EQ(FindIsicSection("T_ActivitiesOfHouseholdsAsEmployers")->code, 'T');
  EXPECT_EQ(FindIsicSection("V"), nullptr);
  EXPECT_EQ(FindIsicSection("f"), nullptr);
  EXPECT_EQ(FindIsicSection(""), nullptr);
}

}  // namespace
}  // namespace hw::domain
