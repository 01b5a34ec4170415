// Opening a data directory: settings, master key, store and services, shared by the subcommands.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "crypto/keyring.h"
#include "service/assessment_service.h"
#include "service/auth_service.h"
#include "service/case_export.h"
#include "service/case_service.h"
#include "service/case_work_service.h"
#include "service/closure_service.h"
#include "service/consent_service.h"
#include "service/context.h"
#include "service/office_service.h"
#include "service/role_catalog.h"
#include "service/screening_service.h"
#include "service/shelter_service.h"
#include "service/user_service.h"
#include "storage/db.h"

namespace hw::cli {

struct DataDirOptions {
  std::string data_dir;
  std::string db_url;  // empty: from DIR/homeward.toml, else SQLite at DIR/homeward.db
};

// Everything a subcommand needs, opened from a data directory.
class App {
 public:
  // Opens the key and the store, migrates and loads roles.
  static Result<std::unique_ptr<App>> Open(const DataDirOptions& opts);

  service::Context& ctx() { return *ctx_; }
  service::RoleCatalog& roles() { return roles_; }
  service::AuthService& auth() { return *auth_; }
  service::UserService& users() { return *users_; }
  service::OfficeService& offices() { return *offices_; }
  service::AuditService& audit() { return *audit_; }
  service::CaseService& cases() { return *cases_; }
  service::ConsentService& consents() { return *consents_; }
  service::ClosureService& closures() { return *closures_; }
  service::ExportService& exports() { return *exports_; }
  service::ScreeningService& screening() { return *screening_; }
  service::CaseWorkService& case_work() { return *case_work_; }
  service::ShelterService& shelters() { return *shelters_; }
  service::AssessmentService& assessments() { return *assessments_; }
  storage::Database& db() { return *db_; }

 private:
  App() = default;
  SystemClock clock_;
  std::optional<crypto::Keyring> keyring_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<service::Context> ctx_;
  service::RoleCatalog roles_;
  std::unique_ptr<service::AuthService> auth_;
  std::unique_ptr<service::UserService> users_;
  std::unique_ptr<service::OfficeService> offices_;
  std::unique_ptr<service::AuditService> audit_;
  std::unique_ptr<service::CaseService> cases_;
  std::unique_ptr<service::ConsentService> consents_;
  std::unique_ptr<service::ClosureService> closures_;
  std::unique_ptr<service::ExportService> exports_;
  std::unique_ptr<service::ScreeningService> screening_;
  std::unique_ptr<service::CaseWorkService> case_work_;
  std::unique_ptr<service::ShelterService> shelters_;
  std::unique_ptr<service::AssessmentService> assessments_;
};

// The store URL for a data directory: --db, else `db` in DIR/homeward.toml, else SQLite.
std::string ResolveDbUrl(const DataDirOptions& opts);
// Settings from DIR/homeward.toml and the environment over the secure defaults.
service::SecurityConfig LoadSecurityConfig(const std::string& data_dir);
// Reads a one-line secret file (trailing newline stripped).
Result<std::string> ReadSecretFile(const std::string& path);
// A random password a person can type.
std::string GeneratePassword();

}  // namespace hw::cli
