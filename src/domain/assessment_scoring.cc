#include "domain/assessment_scoring.h"

#include <cmath>
#include <set>
#include <utility>

namespace hw::domain {
namespace {

const ItemScore* FindEntry(const ScoreSheet& sheet, const std::string& area,
                           const std::string& item) {
  auto a = sheet.find(area);
  if (a == sheet.end()) return nullptr;
  auto i = a->second.find(item);
  return i == a->second.end() ? nullptr : &i->second;
}

// Adds one item to running totals.
void Count(const AssessmentItem& item, const ItemScore* entry, ScoreTotals* totals) {
  if (entry && entry->score) {
    totals->scored += 1;
    totals->points += item.weight * *entry->score;
    totals->max_points += item.weight * kMaxItemScore;
  } else if (entry && entry->na) {
    totals->na += 1;
  } else {
    totals->unscored += 1;
  }
}

std::optional<double> Delta(const std::optional<double>& previous,
                            const std::optional<double>& current) {
  if (!previous || !current) return std::nullopt;
  return RoundScore(*current - *previous);
}

ScoreChange MakeScoreChange(std::string key, std::string title,
                            const std::optional<double>& previous,
                            const std::optional<double>& current) {
  ScoreChange c;
  c.key = std::move(key);
  c.title = std::move(title);
  c.previous = RoundScore(previous);
  c.current = RoundScore(current);
  c.delta = Delta(c.previous, c.current);
  return c;
}

ItemChange MakeItemChange(const std::string& area, const AssessmentItem& item,
                          const ItemScore* previous, const ItemScore* current) {
  ItemChange c;
  c.area = area;
  c.item = item.key;
  c.statement = item.statement;
  c.critical = item.critical;
  if (previous) {
    c.previous_score = previous->score;
    c.previous_na = previous->na;
  }
  if (current) {
    c.current_score = current->score;
    c.current_na = current->na;
  }
  if (c.previous_score && c.current_score) {
    c.delta = *c.current_score - *c.previous_score;
    c.change = *c.delta > 0   ? ChangeKind::kImproved
               : *c.delta < 0 ? ChangeKind::kWorsened
                              : ChangeKind::kUnchanged;
  }
  return c;
}

}  // namespace

std::optional<double> WeightedPercent(double points, double max_points) {
  if (max_points <= 0) return std::nullopt;
  return points / max_points * 100.0;
}

double RoundScore(double value) { return std::round(value * 10.0) / 10.0; }

std::optional<double> RoundScore(const std::optional<double>& value) {
  if (!value) return std::nullopt;
  return RoundScore(*value);
}

AssessmentScore ScoreAssessment(const AssessmentTemplate& t, const ScoreSheet& sheet) {
  AssessmentScore out;
  for (const AssessmentArea& area : t.areas) {
    AreaScore as;
    as.key = area.key;
    as.title = area.title;
    for (const AssessmentItem& item : area.items) {
      const ItemScore* entry = FindEntry(sheet, area.key, item.key);
      Count(item, entry, &as.totals);
      Count(item, entry, &out.overall);
      if (item.critical && entry && entry->score && *entry->score <= 1) {
        as.critical_gaps += 1;
        out.critical_gaps.push_back({area.key, item.key, *entry->score});
      }
    }
    as.totals.score = WeightedPercent(as.totals.points, as.totals.max_points);
    out.areas.push_back(std::move(as));
  }
  out.overall.score = WeightedPercent(out.overall.points, out.overall.max_points);
  out.complete = out.overall.unscored == 0;
  return out;
}

AssessmentChanges DiffAssessments(const AssessmentTemplate& current_t, const ScoreSheet& current,
                                  const AssessmentTemplate* previous_t,
                                  const ScoreSheet* previous) {
  static const ScoreSheet kEmpty;
  const ScoreSheet& prev_sheet = previous_t && previous ? *previous : kEmpty;
  AssessmentChanges out;
  const AssessmentScore cur_score = ScoreAssessment(current_t, current);
  std::optional<AssessmentScore> prev_score;
  if (previous_t) prev_score = ScoreAssessment(*previous_t, prev_sheet);

  auto prev_area_score = [&](const std::string& key) -> std::optional<double> {
    if (!prev_score) return std::nullopt;
    for (const AreaScore& a : prev_score->areas) {
      if (a.key == key) return a.totals.score;
    }
    return std::nullopt;
  };

  out.overall =
      MakeScoreChange("", "Overall", prev_score ? prev_score->overall.score : std::nullopt,
                      cur_score.overall.score);
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < current_t.areas.size(); ++i) {
    const AssessmentArea& area = current_t.areas[i];
    out.areas.push_back(MakeScoreChange(area.key, area.title, prev_area_score(area.key),
                                        cur_score.areas[i].totals.score));
    for (const AssessmentItem& item : area.items) {
      seen.emplace(area.key, item.key);
      const ItemScore* prev_entry = previous_t && previous_t->FindItem(area.key, item.key)
                                        ? FindEntry(prev_sheet, area.key, item.key)
                                        : nullptr;
      out.items.push_back(
          MakeItemChange(area.key, item, prev_entry, FindEntry(current, area.key, item.key)));
    }
  }
  if (!previous_t) return out;
  for (const AssessmentArea& area : previous_t->areas) {
    if (!current_t.FindArea(area.key)) {
      out.areas.push_back(
          MakeScoreChange(area.key, area.title, prev_area_score(area.key), std::nullopt));
    }
    for (const AssessmentItem& item : area.items) {
      if (seen.count({area.key, item.key})) continue;
      out.items.push_back(
          MakeItemChange(area.key, item, FindEntry(prev_sheet, area.key, item.key), nullptr));
    }
  }
  return out;
}

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kImproved:
      return "improved";
    case ChangeKind::kWorsened:
      return "worsened";
    case ChangeKind::kUnchanged:
      return "unchanged";
    case ChangeKind::kNotComparable:
      return "";
  }
  return "";
}

}  // namespace hw::domain
