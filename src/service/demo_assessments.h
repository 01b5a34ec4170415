// Demo assessments for `homeward demo`: one finished assessment of each demo shelter of the Kuala
// Lumpur office, a finished follow-up for two of them, and recommendations in every state (one
// overdue), all from a fixed seed. Made through AssessmentService as the demo programme manager,
// so they are validated and audited like any other.
#pragma once

#include "common/status.h"
#include "service/context.h"
#include "service/role_catalog.h"

namespace hw::service {

// Does nothing when the KUL office, its shelters or the demo programme manager are missing, or
// when any assessment exists already. Runs after SeedDemoShelters.
Status SeedDemoAssessments(Context& ctx, RoleCatalog& roles);

}  // namespace hw::service
