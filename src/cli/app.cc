#include "cli/app.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/token.h"
#include "service/bootstrap.h"

namespace hw::cli {

namespace fs = std::filesystem;

std::string ResolveDbUrl(const DataDirOptions& opts) {
  if (!opts.db_url.empty()) return opts.db_url;
  fs::path cfg = fs::path(opts.data_dir) / "homeward.toml";
  if (fs::exists(cfg)) {
    try {
      auto tbl = toml::parse_file(cfg.string());
      if (auto db = tbl["db"].value<std::string>()) return *db;
    } catch (const toml::parse_error&) {
      // Fall through to the default; LoadSecurityConfig reports the parse error.
    }
  }
  return "sqlite:" + (fs::path(opts.data_dir) / "homeward.db").string();
}

service::SecurityConfig LoadSecurityConfig(const std::string& data_dir) {
  service::SecurityConfig cfg;
  fs::path path = fs::path(data_dir) / "homeward.toml";
  if (fs::exists(path)) {
    try {
      auto tbl = toml::parse_file(path.string());
      auto sec = tbl["security"];
      cfg.require_totp = sec["require_totp"].value_or(cfg.require_totp);
      cfg.failures_per_address =
          sec["login_failures_per_address"].value_or(cfg.failures_per_address);
      cfg.session_idle_ms =
          sec["session_idle_minutes"].value_or(cfg.session_idle_ms / 60000) * 60000;
    } catch (const toml::parse_error& e) {
      std::fprintf(stderr, "warning: ignoring %s: %s\n", path.c_str(), e.what());
    }
  }
  if (const char* v = std::getenv("HOMEWARD_LOGIN_RATE_PER_ADDRESS")) {
    int n = std::atoi(v);
    if (n > 0) cfg.failures_per_address = n;
  }
  return cfg;
}

Result<std::string> ReadSecretFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::InvalidField("password-file", "cannot read " + path);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

std::string GeneratePassword() { return crypto::RandomToken().substr(0, 20); }

Result<std::unique_ptr<App>> App::Open(const DataDirOptions& opts) {
  std::unique_ptr<App> app(new App());
  fs::path key_path = fs::path(opts.data_dir) / "master.key";
  HW_ASSIGN_OR_RETURN(crypto::Keyring keyring, crypto::Keyring::LoadFromEnvOrFile(key_path));
  app->keyring_.emplace(std::move(keyring));
  HW_ASSIGN_OR_RETURN(app->db_, storage::OpenDatabase(ResolveDbUrl(opts)));
  // NOLINTNEXTLINE(modernize-make-unique): an aggregate of references (no constructor to call)
  app->ctx_.reset(new service::Context{*app->db_, *app->keyring_, app->clock_,
                                       LoadSecurityConfig(opts.data_dir)});
  HW_RETURN_IF_ERROR(service::PrepareStore(*app->ctx_, app->roles_));
  app->auth_ = std::make_unique<service::AuthService>(*app->ctx_, app->roles_);
  app->users_ = std::make_unique<service::UserService>(*app->ctx_, app->roles_, *app->auth_);
  app->offices_ = std::make_unique<service::OfficeService>(*app->ctx_);
  app->audit_ = std::make_unique<service::AuditService>(*app->ctx_);
  app->cases_ = std::make_unique<service::CaseService>(*app->ctx_);
  app->consents_ = std::make_unique<service::ConsentService>(*app->ctx_);
  app->closures_ = std::make_unique<service::ClosureService>(*app->ctx_);
  app->exports_ = std::make_unique<service::ExportService>(*app->ctx_);
  app->screening_ = std::make_unique<service::ScreeningService>(*app->ctx_);
  app->case_work_ = std::make_unique<service::CaseWorkService>(*app->ctx_);
  app->shelters_ = std::make_unique<service::ShelterService>(*app->ctx_);
  app->assessments_ = std::make_unique<service::AssessmentService>(*app->ctx_);
  return app;
}

}  // namespace hw::cli
