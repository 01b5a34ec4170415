// Two offices with a caseworker each, and a case in the first office: the starting point of the
// screening and case-work tests.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "service/case_service.h"
#include "unit/service/service_fixture.h"

namespace hw::service::testing {

class CaseWorkTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    cases_ = std::make_unique<CaseService>(*ctx_);
    kul_ = MakeOffice("MYS-KUL");
    han_ = MakeOffice("VNM-HAN", "VN");
    cw_view_ = MakeUser("cw.kul", "caseworker", kul_);
    cw_ = PrincipalOf(cw_view_);
    other_ = PrincipalOf(MakeUser("cw.han", "caseworker", han_));
    case_id_ = MakeCase(cw_);
  }
  void TearDown() override {
    cases_.reset();
    ServiceTest::TearDown();
  }

  std::string MakeCase(const Principal& p) {
    CaseInput in;
    in.fields["prs_FirstName"] = std::string("Thi Huong");
    in.fields["prs_Gender"] = std::string("Feminine");
    auto c = cases_->Create(p, in, Req());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return c->record.id;
  }

  long long CaseVersion(const std::string& id) {
    auto c = cases_->Get(cw_, id, Req());
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return c->record.version;
  }

  // True when `text` appears anywhere in the bytes of `table`.`column`.
  bool StoredInClear(const std::string& table, const std::string& column, const std::string& text) {
    auto conn = Conn();
    auto rows = conn->Query("SELECT " + column + " FROM " + table);
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    for (const auto& r : *rows) {
      if (r.Text(0).find(text) != std::string::npos) return true;
    }
    return false;
  }

  std::unique_ptr<CaseService> cases_;
  std::string kul_, han_;
  UserView cw_view_;
  Principal cw_, other_;
  std::string case_id_;
};

}  // namespace hw::service::testing
