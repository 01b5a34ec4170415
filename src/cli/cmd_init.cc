// homeward init --data DIR [--db URL] [--admin-password-file FILE]
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/app.h"
#include "cli/commands.h"
#include "crypto/keyring.h"
#include "service/bootstrap.h"
#include "storage/user_store.h"

namespace hw::cli {
namespace {

namespace fs = std::filesystem;

struct InitArgs {
  std::string data_dir;
  std::string db_url;
  std::string admin_password_file;
};

// Refuses when the store already holds users (or, for SQLite, when the file exists).
Status CheckStoreIsNew(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0 && fs::exists(url.substr(7))) {
    return Status::Conflict("a store already exists at " + url.substr(7));
  }
  HW_ASSIGN_OR_RETURN(auto db, storage::OpenDatabase(url));
  HW_ASSIGN_OR_RETURN(auto conn, db->Acquire());
  auto count = storage::UserStore(*conn).Count();
  // A missing table means a fresh database; a count > 0 an existing store.
  if (count.ok() && *count > 0) return Status::Conflict("the database already holds a store");
  return Status::Ok();
}

int RunInit(const InitArgs& args) {
  std::string password;
  bool generated = false;
  if (!args.admin_password_file.empty()) {
    auto pw = ReadSecretFile(args.admin_password_file);
    if (!pw.ok()) return Fail("init", pw.status());
    password = *pw;
  } else {
    password = GeneratePassword();
    generated = true;
  }
  std::error_code ec;
  fs::create_directories(args.data_dir, ec);
  if (ec) return Fail("init", Status::InvalidField("data", "cannot create " + args.data_dir));
  ::chmod(args.data_dir.c_str(), 0700);
  fs::path key_path = fs::path(args.data_dir) / "master.key";
  if (fs::exists(key_path)) {
    return Fail(
        "init",
        Status::Conflict("refusing to touch an existing store: " + key_path.string() + " exists"));
  }
  DataDirOptions opts{args.data_dir, args.db_url};
  std::string url = ResolveDbUrl(opts);
  if (Status st = CheckStoreIsNew(url); !st.ok()) return Fail("init", st);
  auto keyring = crypto::Keyring::CreateKeyFile(key_path);
  if (!keyring.ok()) return Fail("init", keyring.status());
  if (!args.db_url.empty()) {
    // Remember the server so later commands need only --data.
    std::ofstream cfg(fs::path(args.data_dir) / "homeward.toml");
    cfg << "# Homeward settings for this data directory.\n";
    cfg << "db = \"" << args.db_url << "\"\n";
    cfg.close();
    ::chmod((fs::path(args.data_dir) / "homeward.toml").c_str(), 0600);
  }
  auto db = storage::OpenDatabase(url);
  if (!db.ok()) return Fail("init", db.status());
  SystemClock clock;
  service::Context ctx{**db, *keyring, clock, LoadSecurityConfig(args.data_dir)};
  service::RoleCatalog roles;
  service::InitOptions init;
  init.admin_password = password;
  if (Status st = service::InitializeStore(ctx, roles, init); !st.ok()) return Fail("init", st);
  std::printf("Initialised Homeward in %s (%s).\n", args.data_dir.c_str(),
              url.rfind("sqlite:", 0) == 0 ? "SQLite" : "PostgreSQL");
  std::printf("Master key: %s (mode 0600). Back it up separately from the database.\n",
              key_path.c_str());
  if (generated) {
    std::printf("Administrator: admin / %s  (shown once; change it after signing in)\n",
                password.c_str());
  } else {
    std::printf("Administrator: admin (password from %s)\n", args.admin_password_file.c_str());
  }
  return 0;
}

}  // namespace

void AddInitCommand(CLI::App& app) {
  auto args = std::make_shared<InitArgs>();
  CLI::App* cmd = app.add_subcommand("init", "Create a new store, master key and admin user");
  cmd->add_option("--data", args->data_dir, "Data directory")->required();
  cmd->add_option("--db", args->db_url, "postgresql://... (default: SQLite in the data directory)");
  cmd->add_option("--admin-password-file", args->admin_password_file,
                  "File holding the admin password (default: generate and print one)");
  cmd->callback([args] {
    int rc = RunInit(*args);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace hw::cli
