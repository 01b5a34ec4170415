// Assessment templates (versioned, never changed once written), shelter assessments and their
// recommendations. Runs on the caller's connection (and transaction).
// Errors: Conflict for a duplicate key or a stale version (detail current_version); NotFound when
// a row to update is gone; Internal for anything else, including the store's refusal to change a
// finished assessment (the service checks that first and answers Conflict).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "storage/db.h"

namespace hw::storage {

struct AssessmentTemplateRow {
  std::string id;
  std::int64_t version = 1;
  std::string title;
  std::string body;  // JSON, the API shape
  std::string created_by;
  TimeMs created_at = 0;
};

struct AssessmentRow {
  std::string id;
  std::string shelter_id;
  std::string office_id;
  std::string template_id;
  std::int64_t template_version = 1;
  std::string assessed_on;  // YYYY-MM-DD
  std::string status;       // draft | finished
  std::string scores;       // JSON
  std::string sealed;       // sealed bytes, "" = none
  std::string result;       // JSON
  std::int64_t critical_gaps = 0;
  std::string finished_by;  // "" while a draft
  TimeMs finished_at = 0;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;
  std::string shelter_name;  // read from shelters; not written
};

struct RecommendationRow {
  std::string id;
  std::string assessment_id;
  std::string shelter_id;
  std::string office_id;
  std::string text;
  std::string area;           // "" = none
  std::string item;           // "" = none
  std::string owner_user_id;  // "" = none
  std::string owner_name;     // "" = none
  std::string priority;
  std::string due_date;  // "" = none
  std::string status;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  std::int64_t version = 1;
};

// The facts about a shelter an assessment needs.
struct ShelterRef {
  std::string id;
  std::string office_id;
  std::string name;
  std::string capacity;  // JSON {"women":12,"girls":4,...}
};

struct AssessmentFilter {
  std::string office_id;    // "" = every office
  std::string shelter_id;   // "" = any
  std::string status;       // "" = any
  std::string template_id;  // "" = any
  // Keyset cursor: rows strictly before (after_date, after_id) in (assessed_on, id) descending.
  std::string after_date;
  std::string after_id;
  int limit = 50;
};

class AssessmentStore {
 public:
  explicit AssessmentStore(Connection& conn) : conn_(conn) {}

  // Conflict when (id, version) exists.
  Status InsertTemplate(const AssessmentTemplateRow& row);
  // Inserts unless (id, version) exists; for seeding the shipped default.
  Status InsertTemplateIfAbsent(const AssessmentTemplateRow& row);
  // Every version of every template (or of `id` when not ""), by id then newest version first.
  Result<std::vector<AssessmentTemplateRow>> ListTemplates(const std::string& id);
  // `version` 0 = the latest version.
  Result<std::optional<AssessmentTemplateRow>> GetTemplate(const std::string& id,
                                                           std::int64_t version);

  Result<std::optional<ShelterRef>> GetShelter(const std::string& shelter_id);
  // The shelters of an office, by name (for the demo data).
  Result<std::vector<ShelterRef>> ListShelters(const std::string& office_id);

  Status Insert(const AssessmentRow& row);
  Result<std::optional<AssessmentRow>> Get(const std::string& id);
  // Newest assessed_on first (then newest id), at most `limit`.
  Result<std::vector<AssessmentRow>> List(const AssessmentFilter& filter);
  // Writes assessed_on, status, scores, sealed, result, critical_gaps, finished_by/at when the
  // stored version equals `row.version`, and bumps it. Conflict (current_version) when stale.
  Status Update(const AssessmentRow& row, TimeMs now);
  // The finished assessment of `shelter_id` other than `id` that comes last before
  // (assessed_on, id), or nullopt.
  Result<std::optional<AssessmentRow>> FindPrevious(const std::string& shelter_id,
                                                    const std::string& assessed_on,
                                                    const std::string& id);
  // Finished assessments of `template_id` in `office_id` ("" = all), by shelter, newest first.
  Result<std::vector<AssessmentRow>> ListFinished(const std::string& template_id,
                                                  const std::string& office_id);

  Status InsertRecommendation(const RecommendationRow& row);
  Result<std::optional<RecommendationRow>> GetRecommendation(const std::string& id);
  // Oldest first, ids after `after`, at most `limit`.
  Result<std::vector<RecommendationRow>> ListRecommendations(const std::string& assessment_id,
                                                             const std::string& after, int limit);
  // Guarded by `row.version` like Update.
  Status UpdateRecommendation(const RecommendationRow& row, TimeMs now);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
