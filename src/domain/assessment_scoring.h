// Scoring a shelter assessment and comparing it with the previous one. Pure functions.
//
// Definitions (docs/api-assessments.md, "Scoring"):
// - an item is *scored* (0..3), *n/a* (explicitly not applicable) or *unscored*;
// - area score = sum(weight * score) / sum(weight * 3) * 100 over the area's scored items; n/a
//   and unscored items count in neither sum; no scored item -> no score (nullopt);
// - overall score = the same over every scored item of every area (items weigh by their own
//   weight, areas by the weight of their scored items);
// - a critical gap is a critical item scored 0 or 1.
// Scores are exact here; the API rounds them to one decimal (RoundScore).
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/assessment.h"

namespace hw::domain {

struct ScoreTotals {
  std::optional<double> score;  // percentage 0..100; nullopt when nothing is scored
  double points = 0;            // sum(weight * score) over scored items
  double max_points = 0;        // sum(weight * 3) over scored items
  int scored = 0;
  int na = 0;
  int unscored = 0;
};

struct AreaScore {
  std::string key;
  std::string title;
  ScoreTotals totals;
  int critical_gaps = 0;
};

struct CriticalGap {
  std::string area;
  std::string item;
  int score = 0;
};

struct AssessmentScore {
  ScoreTotals overall;
  std::vector<AreaScore> areas;            // template order
  std::vector<CriticalGap> critical_gaps;  // template order
  bool complete = false;                   // every item scored or n/a
};

// Scores `sheet` against `t`. Entries for keys the template lacks are ignored.
AssessmentScore ScoreAssessment(const AssessmentTemplate& t, const ScoreSheet& sheet);

// sum / max * 100, or nullopt when max is 0.
std::optional<double> WeightedPercent(double points, double max_points);

// Rounded half away from zero to one decimal (66.666 -> 66.7), for the API and exports.
double RoundScore(double value);
std::optional<double> RoundScore(const std::optional<double>& value);

// Follow-up: item by item what changed since the previous assessment.
enum class ChangeKind { kImproved, kWorsened, kUnchanged, kNotComparable };

struct ItemChange {
  std::string area;
  std::string item;
  std::string statement;  // from the current template, else the previous one
  bool critical = false;
  std::optional<int> previous_score;
  std::optional<int> current_score;
  bool previous_na = false;
  bool current_na = false;
  std::optional<int> delta;  // current - previous when both are scores
  ChangeKind change = ChangeKind::kNotComparable;
};

struct ScoreChange {
  std::string key;  // area key; "" for overall
  std::string title;
  std::optional<double> previous;  // rounded to one decimal
  std::optional<double> current;   // rounded to one decimal
  std::optional<double> delta;     // current - previous of the rounded scores, rounded
};

struct AssessmentChanges {
  ScoreChange overall;
  std::vector<ScoreChange> areas;  // the current template's areas, then areas only in previous
  std::vector<ItemChange> items;   // the current template's items, then items only in previous
};

// Compares an assessment with the previous one, matching items by (area key, item key) so that
// the two may use different template versions. Without a previous one (`previous_t` null) every
// previous value and delta is empty.
AssessmentChanges DiffAssessments(const AssessmentTemplate& current_t, const ScoreSheet& current,
                                  const AssessmentTemplate* previous_t, const ScoreSheet* previous);

const char* ChangeKindName(ChangeKind kind);  // improved | worsened | unchanged | "" (none)

}  // namespace hw::domain
