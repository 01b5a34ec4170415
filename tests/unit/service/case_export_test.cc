#include "service/case_export.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "service/consent_service.h"
#include "service/table_writer.h"
#include "unit/service/case_work_fixture.h"

namespace hw::service {
namespace {

using testing::CaseWorkTest;

class CaseExportTest : public CaseWorkTest {
 protected:
  void SetUp() override {
    CaseWorkTest::SetUp();
    if (HasFatalFailure()) return;
    consents_ = std::make_unique<ConsentService>(*ctx_);
    exports_ = std::make_unique<ExportService>(*ctx_);
  }
  void TearDown() override {
    exports_.reset();
    consents_.reset();
    CaseWorkTest::TearDown();
  }

  void Consent(const std::string& case_id, const std::string& state) {
    auto c = consents_->Add(cw_, case_id,
                            {"data_processing", state, "2027-01-10", "written", "", ""}, Req());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
  }

  std::unique_ptr<ConsentService> consents_;
  std::unique_ptr<ExportService> exports_;
};

TEST(CsvFieldTest, QuotesAndNeutralisesFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\r\nlines"), "\"two\r\nlines\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("+60 12-345 6789"), "+60 12-345 6789");  // a phone number stays as is
  EXPECT_EQ(CsvField("-12"), "-12");
  EXPECT_EQ(CsvField(""), "");
}

TEST_F(CaseExportTest, CsvHoldsOnlyConsentedCasesWithHtcdsHeader) {
  std::string second = MakeCase(cw_);
  std::string third = MakeCase(cw_);
  Consent(case_id_, "given");
  Consent(second, "given");
  Consent(second, "withdrawn");  // the latest entry counts
  (void)third;                   // no consent at all
  auto f = exports_->Export(cw_, {}, "csv", Req());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->rows, 1);
  EXPECT_EQ(f->skipped, 2);
  EXPECT_EQ(f->content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(f->filename, "cases-20270115.csv");
  ASSERT_EQ(f->bytes.substr(0, 3), "\xEF\xBB\xBF");
  std::string header = f->bytes.substr(3, f->bytes.find("\r\n") - 3);
  EXPECT_EQ(header.rfind("id,cas_Number,cas_Status,", 0), 0u) << header;
  EXPECT_NE(header.find("prs_FirstName"), std::string::npos);  // view_pii
  EXPECT_NE(f->bytes.find(case_id_), std::string::npos);
  EXPECT_EQ(f->bytes.find(second), std::string::npos);
  EXPECT_NE(f->bytes.find("Thi Huong"), std::string::npos);
  EXPECT_EQ(AuditActions().back(), "case.export");
  auto conn = Conn();
  auto rows = conn->Query("SELECT entity_id FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Text(0), "format=csv rows=1 skipped=2 pii=yes");
}

TEST_F(CaseExportTest, WithoutViewPiiNoPersonalColumns) {
  Consent(case_id_, "given");
  Principal no_pii = cw_;
  no_pii.permissions.erase("view_pii");
  auto f = exports_->Export(no_pii, {}, "csv", Req());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->rows, 1);
  EXPECT_EQ(f->bytes.find("prs_FirstName"), std::string::npos);
  EXPECT_EQ(f->bytes.find("Thi Huong"), std::string::npos);
  EXPECT_NE(f->bytes.find("prs_Gender"), std::string::npos);
  EXPECT_NE(f->bytes.find("Feminine"), std::string::npos);
  // A name filter needs view_pii, as in the list.
  CaseQuery by_name;
  by_name.name = "huong";
  EXPECT_EQ(exports_->Export(no_pii, by_name, "csv", Req()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(CaseExportTest, FiltersScopeAndFormat) {
  Consent(case_id_, "given");
  CaseQuery closed;
  closed.status = "Closed";
  auto none = exports_->Export(cw_, closed, "csv", Req());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->rows, 0);
  CaseQuery bad;
  bad.status = "Sleeping";
  bad.age_band = "7-8";
  auto r = exports_->Export(cw_, bad, "csv", Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().count("status"), 1u);
  EXPECT_EQ(r.status().fields().count("age_band"), 1u);
  EXPECT_EQ(exports_->Export(cw_, {}, "pdf", Req()).status().fields().count("format"), 1u);
  // Another office's caseworker exports nothing of this office.
  auto far = exports_->Export(other_, {}, "csv", Req());
  ASSERT_TRUE(far.ok());
  EXPECT_EQ(far->rows, 0);
  EXPECT_EQ(far->skipped, 0);
  Principal auditor = PrincipalOf(MakeUser("auditor.kul", "auditor", kul_));
  EXPECT_EQ(exports_->Export(auditor, {}, "csv", Req()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(CaseExportTest, XlsxIsAZipWorkbook) {
  Consent(case_id_, "given");
  auto f = exports_->Export(cw_, {}, "xlsx", Req());
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->rows, 1);
  EXPECT_EQ(f->filename, "cases-20270115.xlsx");
  EXPECT_EQ(f->content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_GT(f->bytes.size(), 1000u);
  EXPECT_EQ(f->bytes.substr(0, 2), "PK");
}

TEST_F(CaseExportTest, TooManyRowsAsksToFilter) {
  ExportService small(*ctx_, 2);
  for (int i = 0; i < 2; ++i) Consent(MakeCase(cw_), "given");
  auto two = small.Export(cw_, {}, "csv", Req());
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->rows, 2);
  auto exports_before = Count("audit_log", "action = 'case.export'");
  Consent(case_id_, "given");
  auto three = small.Export(cw_, {}, "csv", Req());
  ASSERT_EQ(three.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(three.status().message().find("narrow the filters"), std::string::npos);
  EXPECT_EQ(Count("audit_log", "action = 'case.export'"), exports_before);
}

}  // namespace
}  // namespace hw::service
