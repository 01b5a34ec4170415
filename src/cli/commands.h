// One function per subcommand; each registers itself on the CLI11 app.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "common/status.h"

namespace hw::cli {

void AddInitCommand(CLI::App& app);
void AddServeCommand(CLI::App& app);
void AddUserCommands(CLI::App& app);
void AddOfficeCommands(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddAuditCommands(CLI::App& app);

// Prints a Status for a person and returns the process exit code.
int Fail(const std::string& what, const Status& status);

}  // namespace hw::cli
