// Shelter assessments against minimum standards: versioned templates (areas of items scored 0-3)
// and the score sheet of one assessment, with their validation. Plain values, no I/O.
//
// A template is data: the shipped default is a JSON document embedded at build time
// (DefaultAssessmentTemplateJson, parsed by the service layer with the same code that reads an
// admin's POSTed version), and an admin's edit is a new version kept by the storage layer.
// Items are identified across versions by (area key, item key), which is how a follow-up
// assessment is compared with an earlier one made on another version.
//
// Thread safety: values and pure functions.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace hw::domain {

inline constexpr int kMaxItemScore = 3;  // the scale is 0..3
inline constexpr int kScoreLevels = kMaxItemScore + 1;
inline constexpr std::string_view kDefaultAssessmentTemplateId = "homeward-shelter-standards";

// Limits (characters, counted as Unicode code points).
inline constexpr size_t kMaxTemplateTitle = 200;
inline constexpr size_t kMaxTemplateDescription = 4000;
inline constexpr size_t kMaxAreaSource = 1000;
inline constexpr size_t kMaxStatement = 1000;
inline constexpr size_t kMaxGuidance = 4000;
inline constexpr size_t kMaxLevelText = 1000;
inline constexpr size_t kMaxAreas = 30;
inline constexpr size_t kMaxItemsPerArea = 30;
inline constexpr double kMaxItemWeight = 100.0;
inline constexpr size_t kMaxEvidenceChars = 4000;
inline constexpr size_t kMaxSummaryChars = 20000;

struct AssessmentItem {
  std::string key;                               // [a-z][a-z0-9_]{0,31}, unique within its area
  std::string statement;                         // the minimum standard
  std::string guidance;                          // what the assessor looks at; may be empty
  std::array<std::string, kScoreLevels> levels;  // levels[n] describes score n
  double weight = 1.0;                           // > 0, <= kMaxItemWeight
  bool critical = false;                         // scoring 0 or 1 on it is a critical gap
};

struct AssessmentArea {
  std::string key;  // [a-z][a-z0-9_]{0,31}, unique within the template
  std::string title;
  std::string source;  // the public principles the area is grounded in
  std::vector<AssessmentItem> items;
};

struct AssessmentTemplate {
  std::string id;  // [a-z0-9][a-z0-9-]{1,63}, the same across versions
  int version = 1;
  std::string title;
  std::string description;
  std::vector<AssessmentArea> areas;

  // nullptr when absent.
  const AssessmentArea* FindArea(std::string_view key) const;
  const AssessmentItem* FindItem(std::string_view area, std::string_view item) const;
  size_t ItemCount() const;
};

// True for a valid template id / area or item key (patterns above).
bool IsTemplateId(std::string_view id);
bool IsAssessmentKey(std::string_view key);

// Checks a template before it is stored, naming each bad field with its API path: "id", "title",
// "description", "areas", "areas[1].key", "areas[1].items[0].weight", ... The version is not
// checked (the store assigns it).
Status ValidateAssessmentTemplate(const AssessmentTemplate& t);

// What the assessor recorded for one item. Unscored: no score and not n/a.
struct ItemScore {
  std::optional<int> score;  // 0..kMaxItemScore
  bool na = false;           // not applicable; then `score` is empty
  std::string evidence;      // free text, "" = none (sealed at rest by the service)

  bool IsEmpty() const { return !score && !na && evidence.empty(); }
};

// area key -> item key -> entry. Items not present are unscored.
using ScoreSheet = std::map<std::string, std::map<std::string, ItemScore>>;

// A change to one item, as sent in PATCH. Each member, when set, replaces that part of the entry.
struct ItemScorePatch {
  bool clear = false;                   // the entry was null: forget everything about the item
  std::optional<long long> score;       // a score as sent (range checked by ApplyScorePatch)
  bool clear_score = false;             // score: null
  std::optional<bool> na;               // na: true / false
  std::optional<std::string> evidence;  // "" clears
};

// area key -> item key -> patch, in the order sent (keys as sent, unchecked).
using ScorePatch =
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, ItemScorePatch>>>>;

// Applies `patch` to `sheet` against the template, all or nothing. Errors (InvalidArgument,
// fields named by path): "scores.<area>" unknown area, "scores.<area>.<item>" unknown item,
// "scores.<area>.<item>.score" not 0..3, "scores.<area>.<item>.na" true together with a score,
// "scores.<area>.<item>.evidence" too long. Setting a score clears n/a; n/a clears the score.
Status ApplyScorePatch(const AssessmentTemplate& t, const ScorePatch& patch, ScoreSheet* sheet);

// Drops entries of the sheet that are empty or name items the template does not have.
void NormaliseSheet(const AssessmentTemplate& t, ScoreSheet* sheet);

// The items neither scored nor n/a, as "scores.<area>.<item>" -> message; empty when complete.
Status::Fields UnscoredItems(const AssessmentTemplate& t, const ScoreSheet& sheet);

// Recommendation vocabularies (wire names).
inline constexpr std::array<std::string_view, 3> kRecommendationPriorities = {"low", "medium",
                                                                              "high"};
inline constexpr std::array<std::string_view, 3> kRecommendationStatuses = {"open", "in_progress",
                                                                            "done"};
inline constexpr size_t kMaxRecommendationText = 2000;
inline constexpr size_t kMaxOwnerName = 200;

// A recommendation is overdue when it has a due date before `today` (YYYY-MM-DD) and is not done.
bool IsRecommendationOverdue(const std::string& due_date, const std::string& status,
                             const std::string& today);

// The shipped default template as JSON text, in the API's template shape (embedded at build time
// from src/domain/data/homeward-shelter-standards.json).
std::string_view DefaultAssessmentTemplateJson();

}  // namespace hw::domain
