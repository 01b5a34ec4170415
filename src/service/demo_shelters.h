// Demo shelters for `homeward demo`: five synthetic shelters in Malaysia under the Kuala Lumpur
// office (three government, two NGO) with stays of demo cases, from a fixed seed.
#pragma once

#include "common/status.h"
#include "service/context.h"
#include "service/role_catalog.h"

namespace hw::service {

// Does nothing when the KUL office is missing or already has shelters. Runs after
// SeedDemoCases: residents are drawn from the office's demo cases.
Status SeedDemoShelters(Context& ctx, RoleCatalog& roles);

}  // namespace hw::service
