// homeward user add|list|disable|reset-password, office add|list, demo, audit verify.
#include <cstdio>

#include "cli/app.h"
#include "cli/commands.h"
#include "service/audit_log.h"
#include "service/bootstrap.h"
#include "storage/office_store.h"
#include "storage/user_store.h"

namespace hw::cli {
namespace {

const service::RequestInfo kCliRequest{"cli", "local"};

struct Common {
  std::string data_dir;
  std::string db_url;
};

void AddCommon(CLI::App* cmd, Common& c) {
  cmd->add_option("--data", c.data_dir, "Data directory")->required();
  cmd->add_option("--db", c.db_url, "postgresql://... (default: from the data directory)");
}

// Runs `fn` with an opened App as the system principal; maps failures to exit codes.
template <typename Fn>
void Run(const std::string& what, const Common& c, Fn fn) {
  auto app = App::Open({c.data_dir, c.db_url});
  int rc = 0;
  if (!app.ok()) {
    rc = Fail(what, app.status());
  } else {
    auto conn = (*app)->db().Acquire();
    std::string org;
    if (conn.ok()) {
      auto o = storage::OfficeStore(**conn).FirstOrganisation();
      if (o.ok() && *o) org = (*o)->id;
    }
    rc = fn(**app, service::Principal::System(org));
  }
  if (rc != 0) throw CLI::RuntimeError(rc);
}

Result<std::string> OfficeIdByCode(App& app, const std::string& code) {
  HW_ASSIGN_OR_RETURN(auto conn, app.db().Acquire());
  HW_ASSIGN_OR_RETURN(auto office, storage::OfficeStore(*conn).FindByCode(code));
  if (!office) return Status::InvalidField("office", "no office with code " + code);
  return office->id;
}

Result<service::UserView> UserByName(App& app, const service::Principal& p,
                                     const std::string& username) {
  std::string id;
  {
    HW_ASSIGN_OR_RETURN(auto conn, app.db().Acquire());
    HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(*conn).FindByUsername(username));
    if (!user) return Status::NotFound("no user " + username);
    id = user->id;
  }
  return app.users().Get(p, id);
}

}  // namespace

void AddUserCommands(CLI::App& root) {
  CLI::App* user = root.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);

  struct AddArgs : Common {
    std::string username, office, password_file, display_name;
    std::vector<std::string> roles;
  };
  auto add = std::make_shared<AddArgs>();
  CLI::App* cmd = user->add_subcommand("add", "Create a user");
  AddCommon(cmd, *add);
  cmd->add_option("--username", add->username)->required();
  cmd->add_option("--role", add->roles, "Role (repeatable)")->required();
  cmd->add_option("--office", add->office, "Office code, e.g. MYS-KUL")->required();
  cmd->add_option("--display-name", add->display_name);
  cmd->add_option("--password-file", add->password_file, "Default: generate and print one");
  cmd->callback([add] {
    Run("user add", *add, [&](App& app, const service::Principal& p) {
      auto office = OfficeIdByCode(app, add->office);
      if (!office.ok()) return Fail("user add", office.status());
      std::string password = GeneratePassword();
      if (!add->password_file.empty()) {
        auto pw = ReadSecretFile(add->password_file);
        if (!pw.ok()) return Fail("user add", pw.status());
        password = *pw;
      }
      auto u = app.users().Create(
          p, {add->username, add->display_name, password, add->roles, *office}, kCliRequest);
      if (!u.ok()) return Fail("user add", u.status());
      std::printf("created %s (%s)\n", u->user.username.c_str(), u->user.id.c_str());
      if (add->password_file.empty()) std::printf("password: %s\n", password.c_str());
      return 0;
    });
  });

  auto list = std::make_shared<Common>();
  cmd = user->add_subcommand("list", "List users");
  AddCommon(cmd, *list);
  cmd->callback([list] {
    Run("user list", *list, [&](App& app, const service::Principal& p) {
      std::printf("%-24s %-10s %-30s %s\n", "USERNAME", "STATE", "ROLES", "ID");
      service::PageRequest page{service::kMaxPageSize, ""};
      for (;;) {
        auto users = app.users().List(p, page);
        if (!users.ok()) return Fail("user list", users.status());
        for (const auto& v : users->items) {
          std::string roles;
          for (const auto& r : v.user.roles) roles += (roles.empty() ? "" : ",") + r;
          std::printf("%-24s %-10s %-30s %s\n", v.user.username.c_str(),
                      v.user.disabled ? "disabled" : "active", roles.c_str(), v.user.id.c_str());
        }
        if (!users->next) break;
        page.after = *users->next;
      }
      return 0;
    });
  });

  struct NameArgs : Common {
    std::string username, password_file;
  };
  auto disable = std::make_shared<NameArgs>();
  cmd = user->add_subcommand("disable", "Disable a user and end their sessions");
  AddCommon(cmd, *disable);
  cmd->add_option("--username", disable->username)->required();
  cmd->callback([disable] {
    Run("user disable", *disable, [&](App& app, const service::Principal& p) {
      auto u = UserByName(app, p, disable->username);
      if (!u.ok()) return Fail("user disable", u.status());
      domain::UserPatch patch;
      patch.version = u->user.version;
      patch.disabled = true;
      auto done = app.users().Patch(p, u->user.id, patch, kCliRequest);
      if (!done.ok()) return Fail("user disable", done.status());
      std::printf("disabled %s\n", disable->username.c_str());
      return 0;
    });
  });

  auto reset = std::make_shared<NameArgs>();
  cmd = user->add_subcommand("reset-password", "Set a new password and unlock the account");
  AddCommon(cmd, *reset);
  cmd->add_option("--username", reset->username)->required();
  cmd->add_option("--password-file", reset->password_file, "Default: generate and print one");
  cmd->callback([reset] {
    Run("user reset-password", *reset, [&](App& app, const service::Principal& p) {
      auto u = UserByName(app, p, reset->username);
      if (!u.ok()) return Fail("user reset-password", u.status());
      std::string password = GeneratePassword();
      if (!reset->password_file.empty()) {
        auto pw = ReadSecretFile(reset->password_file);
        if (!pw.ok()) return Fail("user reset-password", pw.status());
        password = *pw;
      }
      domain::UserPatch patch;
      patch.version = u->user.version;
      patch.password = password;
      auto done = app.users().Patch(p, u->user.id, patch, kCliRequest);
      if (!done.ok()) return Fail("user reset-password", done.status());
      std::printf("password reset for %s\n", reset->username.c_str());
      if (reset->password_file.empty()) std::printf("password: %s\n", password.c_str());
      return 0;
    });
  });
}

void AddOfficeCommands(CLI::App& root) {
  CLI::App* office = root.add_subcommand("office", "Manage offices");
  office->require_subcommand(1);
  struct AddArgs : Common {
    std::string name, code, country;
  };
  auto add = std::make_shared<AddArgs>();
  CLI::App* cmd = office->add_subcommand("add", "Create an office");
  AddCommon(cmd, *add);
  cmd->add_option("--name", add->name)->required();
  cmd->add_option("--code", add->code, "e.g. MYS-KUL")->required();
  cmd->add_option("--country", add->country, "ISO 3166-1 alpha-2, e.g. MY")->required();
  cmd->callback([add] {
    Run("office add", *add, [&](App& app, const service::Principal& p) {
      auto o = app.offices().Create(p, {add->name, add->code, add->country}, kCliRequest);
      if (!o.ok()) return Fail("office add", o.status());
      std::printf("created office %s %s (%s)\n", o->code.c_str(), o->name.c_str(), o->id.c_str());
      return 0;
    });
  });
  auto list = std::make_shared<Common>();
  cmd = office->add_subcommand("list", "List offices");
  AddCommon(cmd, *list);
  cmd->callback([list] {
    Run("office list", *list, [&](App& app, const service::Principal& p) {
      auto offices = app.offices().List(p, {service::kMaxPageSize, ""});
      if (!offices.ok()) return Fail("office list", offices.status());
      std::printf("%-10s %-8s %-24s %s\n", "CODE", "COUNTRY", "NAME", "ID");
      for (const auto& o : offices->items) {
        std::printf("%-10s %-8s %-24s %s\n", o.code.c_str(), o.country.c_str(), o.name.c_str(),
                    o.id.c_str());
      }
      return 0;
    });
  });
}

void AddDemoCommand(CLI::App& root) {
  auto args = std::make_shared<Common>();
  CLI::App* cmd = root.add_subcommand("demo", "Add synthetic demo offices and users");
  AddCommon(cmd, *args);
  cmd->callback([args] {
    Run("demo", *args, [&](App& app, const service::Principal&) {
      auto creds = service::SeedDemo(app.ctx(), app.roles());
      if (!creds.ok()) return Fail("demo", creds.status());
      std::printf(
          "Demo offices: MYS-KUL Kuala Lumpur, VNM-HAN Hanoi, MMR-RGN Yangon, "
          "MDA-KIV Chisinau, UGA-KLA Kampala\n");
      if (creds->empty()) std::printf("Demo users exist already (passwords were shown once).\n");
      for (const auto& c : *creds) {
        std::printf("  %-20s %-18s %-8s password: %s\n", c.username.c_str(), c.role.c_str(),
                    c.office_code.c_str(), c.password.c_str());
      }
      std::printf("Roles that see personal data enrol a TOTP second factor at first sign-in.\n");
      return 0;
    });
  });
}

void AddAuditCommands(CLI::App& root) {
  CLI::App* audit = root.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto args = std::make_shared<Common>();
  CLI::App* cmd = audit->add_subcommand("verify", "Recompute the audit hash chain");
  AddCommon(cmd, *args);
  cmd->callback([args] {
    Run("audit verify", *args, [&](App& app, const service::Principal&) {
      auto report = service::VerifyAuditChain(app.db(), app.ctx().keyring);
      if (!report.ok()) return Fail("audit verify", report.status());
      if (report->intact) {
        std::printf("audit chain intact: %lld entries\n", static_cast<long long>(report->entries));
        return 0;
      }
      std::printf("audit chain BROKEN at entry seq=%lld: %s (%lld entries verified before it)\n",
                  static_cast<long long>(report->first_bad_seq), report->problem.c_str(),
                  static_cast<long long>(report->entries));
      return 1;
    });
  });
}

}  // namespace hw::cli
