// homeward: the server and its administration commands.
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"
#include "common/process_guard.h"
#include "common/status.h"
#include "crypto/init.h"

namespace hw::cli {

int Fail(const std::string& what, const Status& status) {
  std::fprintf(stderr, "homeward: %s: %s\n", what.c_str(), status.ToString().c_str());
  return status.code() == StatusCode::kConflict ? 3 : 2;
}

}  // namespace hw::cli

namespace {

int Run(int argc, char** argv) {
  if (!hw::crypto::InitCrypto().ok()) {
    std::fprintf(stderr, "homeward: cannot initialise libsodium\n");
    return 2;
  }
  // Every command may load the master key and decrypt personal data: before any does, make sure
  // no core file and no ptrace of another same-user process can see this memory.
  if (hw::Status st = hw::ProtectProcessMemory(); !st.ok()) return hw::cli::Fail("startup", st);
  CLI::App app{"Homeward: counter-trafficking case management"};
  app.require_subcommand(1);
  hw::cli::AddInitCommand(app);
  hw::cli::AddServeCommand(app);
  hw::cli::AddUserCommands(app);
  hw::cli::AddOfficeCommands(app);
  hw::cli::AddDemoCommand(app);
  hw::cli::AddAuditCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Keys, databases and logs hold secrets: nothing we create is readable by others.
  ::umask(077);
  try {
    return Run(argc, argv);
  } catch (...) {
    // A broken invariant: say so without details that could hold personal data.
    std::fprintf(stderr, "homeward: internal error\n");
    return 70;
  }
}
