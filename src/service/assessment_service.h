// Shelter assessments against minimum standards (docs/api-assessments.md): versioned templates,
// draft -> finished assessments scored 0-3 per item, the follow-up comparison with the previous
// finished assessment of the shelter, recommendations, and the comparison between shelters.
//
// Permissions: read:assessment (read everything, templates included), create:assessment,
// update:assessment (save, finish, recommendations); update:assessment_template (admin) reads
// templates and publishes new versions. Scope: an assessment belongs to its shelter's office;
// out of scope is NotFound, like a missing id.
// Evidence notes and the summary are sealed under the shelter's data key (they may mention
// people); scores are clear. Every write appends an audit entry without values.
// Errors: InvalidArgument naming fields by API path; Conflict with current_version when stale;
// Conflict with reason "assessment_finished" for any change to a finished assessment.
// Thread-safe (holds references only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/assessment.h"
#include "domain/assessment_scoring.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"
#include "storage/assessment_store.h"

namespace hw::service {

inline constexpr const char* kReadAssessmentPerm = "read:assessment";
inline constexpr const char* kCreateAssessmentPerm = "create:assessment";
inline constexpr const char* kUpdateAssessmentPerm = "update:assessment";
inline constexpr const char* kUpdateAssessmentTemplatePerm = "update:assessment_template";

struct TemplateView {
  domain::AssessmentTemplate tmpl;
  bool latest = true;
  std::string created_by;
  TimeMs created_at = 0;
};

struct NewAssessmentInput {
  std::string shelter_id;
  std::string template_id;         // "" = the default template
  long long template_version = 0;  // 0 = the latest version
  std::string assessed_on;         // YYYY-MM-DD
  std::string summary;             // "" = none
  Status::Fields errors;           // found while parsing the request; reported with the rest
};

struct AssessmentPatchInput {
  long long version = 0;
  std::optional<std::string> assessed_on;
  std::optional<std::string> summary;  // "" clears
  domain::ScorePatch scores;
  Status::Fields errors;  // found while parsing the request
};

struct AssessmentView {
  storage::AssessmentRow row;  // `scores`, `sealed`, `result` are the stored forms
  domain::AssessmentTemplate tmpl;
  domain::ScoreSheet sheet;  // with evidence
  std::string summary;
  domain::AssessmentScore score;
  std::string previous_id;  // "" = none
};

struct AssessmentListRow {
  storage::AssessmentRow row;
  std::optional<double> overall;  // rounded
  std::vector<std::pair<std::string, std::optional<double>>> area_scores;
  long long critical_gaps = 0;
};

struct AssessmentQuery {
  std::string shelter_id;
  std::string status;
  std::string template_id;
  PageRequest page;
};

struct ChangesView {
  std::string assessment_id;
  std::string previous_id;  // "" = none
  std::string previous_assessed_on;
  domain::AssessmentChanges changes;
};

struct ComparisonRow {
  AssessmentListRow latest;
  std::optional<double> area_score;  // with an area filter
};

struct RecommendationInput {
  std::optional<std::string> text;
  std::optional<std::string> area;  // "" = clear
  std::optional<std::string> item;  // "" = clear
  std::optional<std::string> owner_user_id;
  std::optional<std::string> owner_name;
  std::optional<std::string> priority;
  std::optional<std::string> due_date;
  std::optional<std::string> status;
  Status::Fields errors;  // found while parsing the request
};

struct RecommendationView {
  storage::RecommendationRow row;
  bool overdue = false;
};

struct AssessmentFile {
  std::string bytes;
  std::string content_type;
  std::string filename;
};

class AssessmentService {
 public:
  explicit AssessmentService(Context& ctx) : ctx_(ctx) {}

  // Templates. `id` "" = every template. Each is a summary when listing (areas included anyway).
  Result<Page<TemplateView>> ListTemplates(const Principal& p, const std::string& id,
                                           const PageRequest& page);
  // `version` 0 = the latest. NotFound for an unknown id or version.
  Result<TemplateView> GetTemplate(const Principal& p, const std::string& id, long long version);
  // Stores `t` as a new version of its id: for an existing id `based_on` must be the latest
  // version (missing -> InvalidArgument "version", stale -> Conflict current_version); a new id
  // starts at 1 (then `based_on` must be absent or 0).
  Result<TemplateView> CreateTemplateVersion(const Principal& p, domain::AssessmentTemplate t,
                                             std::optional<long long> based_on,
                                             const RequestInfo& info);

  Result<AssessmentView> Create(const Principal& p, const NewAssessmentInput& in,
                                const RequestInfo& info);
  Result<AssessmentView> Get(const Principal& p, const std::string& id);
  Result<Page<AssessmentListRow>> List(const Principal& p, const AssessmentQuery& q);
  Result<AssessmentView> Update(const Principal& p, const std::string& id,
                                const AssessmentPatchInput& in, const RequestInfo& info);
  // InvalidArgument naming every item neither scored nor n/a.
  Result<AssessmentView> Finish(const Principal& p, const std::string& id, long long version,
                                const RequestInfo& info);
  Result<ChangesView> Changes(const Principal& p, const std::string& id);
  // Latest finished assessment per shelter in scope; `area` "" = sort by overall score.
  Result<std::vector<ComparisonRow>> Comparison(const Principal& p, const std::string& template_id,
                                                const std::string& area);
  // "xlsx" (default) or "csv"; InvalidArgument "format" otherwise.
  Result<AssessmentFile> Export(const Principal& p, const std::string& id,
                                const std::string& format, const RequestInfo& info);

  Result<Page<RecommendationView>> ListRecommendations(const Principal& p,
                                                       const std::string& assessment_id,
                                                       const PageRequest& page);
  Result<RecommendationView> AddRecommendation(const Principal& p, const std::string& assessment_id,
                                               const RecommendationInput& in,
                                               const RequestInfo& info);
  Result<RecommendationView> UpdateRecommendation(const Principal& p,
                                                  const std::string& assessment_id,
                                                  const std::string& rec_id, long long version,
                                                  const RecommendationInput& in,
                                                  const RequestInfo& info);

 private:
  Context& ctx_;
};

// Inserts the shipped default template (version 1) unless present. Run at startup.
Status SeedAssessmentTemplates(storage::Database& db, TimeMs now);

}  // namespace hw::service
