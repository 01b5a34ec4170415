// Assessment templates, score sheets and results <-> JSON. The stored forms are the API forms
// (assessment_templates.body, assessments.scores/result), so storage, seeding and handlers share
// this one reader and writer. Readers name each problem by its API path in `errors`.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "common/status.h"
#include "domain/assessment.h"
#include "domain/assessment_scoring.h"
#include "storage/assessment_store.h"

namespace hw::service {

// {"id","title","description","areas":[{"key","title","source","items":[{"key","statement",
// "guidance","levels":[4],"weight","critical"}]}]} (no version). Unknown fields, wrong types and
// missing fields go to `errors` ("areas[0].items[2].weight"); range checks are
// domain::ValidateAssessmentTemplate's.
domain::AssessmentTemplate TemplateFromJson(const boost::json::object& o, Status::Fields& errors);
boost::json::object TemplateToJson(const domain::AssessmentTemplate& t);

// The shipped default (version 1). Internal if the embedded JSON does not read or validate,
// which the unit tests rule out.
Result<domain::AssessmentTemplate> DefaultAssessmentTemplate();

Result<domain::AssessmentTemplate> TemplateFromRow(const storage::AssessmentTemplateRow& row);
storage::AssessmentTemplateRow TemplateToRow(const domain::AssessmentTemplate& t,
                                             const std::string& created_by, TimeMs created_at);

// PATCH "scores": {area: {item: {"score","na","evidence"} | null}}. Type errors go to `errors`
// by path ("scores.safety.s1.score"); keys are not checked against a template here.
domain::ScorePatch ScorePatchFromJson(const boost::json::value& v, Status::Fields& errors);

// Stored forms: scores in clear {"area":{"item":{"score":2}|{"na":true}}}; the sealed part
// {"summary":"...","evidence":{"area":{"item":"..."}}}.
std::string ScoresToStored(const domain::ScoreSheet& sheet);
std::string SealedPartToStored(const domain::ScoreSheet& sheet, const std::string& summary);
// Internal when the stored text does not read. `sealed_part` "" = none.
Status SheetFromStored(const std::string& scores, const std::string& sealed_part,
                       domain::ScoreSheet* sheet, std::string* summary);

// The API "result" object (scores rounded to one decimal).
boost::json::object ScoreToJson(const domain::AssessmentScore& s);

// The figures a list row or the comparison shows, read from a stored result.
struct ScoreSummary {
  std::optional<double> overall;
  std::vector<std::pair<std::string, std::optional<double>>> areas;  // template order
  long long critical_gaps = 0;
};
Result<ScoreSummary> ScoreSummaryFromStored(const std::string& result);

}  // namespace hw::service
