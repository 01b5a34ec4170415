#include "domain/case_work.h"

#include <gtest/gtest.h>

namespace hw::domain {
namespace {

AssistanceService Valid() {
  AssistanceService s;
  s.type = "medical";
  s.status = "planned";
  return s;
}

TEST(CaseWorkTest, CostsAreExactThousandths) {
  EXPECT_EQ(*CostToMilli(0), 0);
  EXPECT_EQ(*CostToMilli(120.5), 120500);
  EXPECT_EQ(*CostToMilli(0.1 + 0.2), 300);  // binary noise is not a fourth decimal
  EXPECT_EQ(*CostToMilli(1.005), 1005);
  EXPECT_TRUE(CostToMilli(1.0005).status().fields().count("cost"));
  EXPECT_TRUE(CostToMilli(-0.01).status().fields().count("cost"));
  EXPECT_TRUE(CostToMilli(2e12).status().fields().count("cost"));
}

TEST(CaseWorkTest, ServiceRules) {
  EXPECT_TRUE(ValidateAssistanceService(Valid()).ok());
  AssistanceService s = Valid();
  s.start_date = "2026-05-01";
  s.end_date = "2026-05-01";  // the same day is fine
  EXPECT_TRUE(ValidateAssistanceService(s).ok());
  s.end_date = "2026-04-30";
  EXPECT_TRUE(ValidateAssistanceService(s).fields().count("end_date"));
  s = Valid();
  s.cost_milli = 1000;
  EXPECT_TRUE(ValidateAssistanceService(s).fields().count("currency"));
  s.currency = "EUR";
  EXPECT_TRUE(ValidateAssistanceService(s).ok());
  s.currency = "eur";
  EXPECT_TRUE(ValidateAssistanceService(s).fields().count("currency"));
  s = Valid();
  s.provider = std::string(201, 'p');
  EXPECT_TRUE(ValidateAssistanceService(s).fields().count("provider"));
  for (std::string_view type : kServiceTypes) {
    s = Valid();
    s.type = std::string(type);
    EXPECT_TRUE(ValidateAssistanceService(s).ok()) << type;
  }
}

TEST(CaseWorkTest, TextLengthsCountCharacters) {
  EXPECT_EQ(Utf8Length("Nguyễn"), 6u);
  std::string note;
  for (int i = 0; i < 20000; ++i) note += "\xe1\xbb\x85";  // U+1EC5
  EXPECT_TRUE(ValidateNoteText(note).ok());
  EXPECT_FALSE(ValidateNoteText(note + "a").ok());
  EXPECT_FALSE(ValidateNoteText(" \n\t").ok());
  CaseTask t{"", "", "", "", "Call", "2026-02-29", "", "open", "", 0, 0, 1};
  EXPECT_TRUE(ValidateTask(t).fields().count("due_date"));  // 2026 is not a leap year
  t.due_date = "2028-02-29";
  EXPECT_TRUE(ValidateTask(t).ok());
  t.status = "closed";
  EXPECT_TRUE(ValidateTask(t).fields().count("status"));
}

}  // namespace
}  // namespace hw::domain
