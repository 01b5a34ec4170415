// Internal to the assessment service files (assessment_service.cc, assessment_recommendations.cc,
// assessment_export.cc): loading an assessment within the caller's scope, its template and its
// sealed evidence.
#pragma once

#include <string>

#include "common/result.h"
#include "service/assessment_service.h"
#include "storage/db.h"

namespace hw::service {

// The assessment `id` when `p` holds `permission` for its office; NotFound otherwise (a missing
// assessment and one out of scope answer alike).
Result<storage::AssessmentRow> LoadScopedAssessment(storage::Connection& conn, const Principal& p,
                                                    const std::string& id, const char* permission);

// The template version an assessment uses. Internal when it is missing (foreign key).
Result<domain::AssessmentTemplate> LoadTemplate(storage::Connection& conn, const std::string& id,
                                                long long version);

// The field name of an assessment's sealed part under its shelter's data key.
std::string EvidenceField(const std::string& assessment_id);

// Loads the template, reads the scores, opens evidence and summary and finds the previous
// finished assessment of the shelter: the full view of `row`.
Result<AssessmentView> BuildAssessmentView(storage::Connection& conn, const Context& ctx,
                                           storage::AssessmentRow row, TimeMs now);

// The list row figures of a stored assessment.
Result<AssessmentListRow> ToListRow(storage::AssessmentRow row);

}  // namespace hw::service
