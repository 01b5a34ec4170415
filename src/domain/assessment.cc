#include "domain/assessment.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include "domain/case_work.h"

namespace hw::domain {
namespace {

bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A required text of 1..max characters that is not only white space.
void CheckText(Status::Fields& f, const std::string& path, const std::string& text, size_t max,
               bool required) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    if (required) f[path] = "is required";
    return;
  }
  if (Utf8Length(text) > max) f[path] = "must be at most " + std::to_string(max) + " characters";
}

void CheckItem(Status::Fields& f, const std::string& path, const AssessmentItem& item) {
  if (!IsAssessmentKey(item.key)) {
    f[path + ".key"] = "must be 1 to 32 of a-z, 0-9 and '_', starting with a letter";
  }
  CheckText(f, path + ".statement", item.statement, kMaxStatement, true);
  CheckText(f, path + ".guidance", item.guidance, kMaxGuidance, false);
  for (const std::string& level : item.levels) {
    if (level.find_first_not_of(" \t\r\n") == std::string::npos ||
        Utf8Length(level) > kMaxLevelText) {
      f[path + ".levels"] = "must be 4 texts of 1 to " + std::to_string(kMaxLevelText) +
                            " characters: levels[n] describes score n";
    }
  }
  if (!std::isfinite(item.weight) || item.weight <= 0 || item.weight > kMaxItemWeight) {
    f[path + ".weight"] = "must be a number above 0 and at most 100";
  }
}

}  // namespace

const AssessmentArea* AssessmentTemplate::FindArea(std::string_view key) const {
  for (const AssessmentArea& a : areas) {
    if (a.key == key) return &a;
  }
  return nullptr;
}

const AssessmentItem* AssessmentTemplate::FindItem(std::string_view area,
                                                   std::string_view item) const {
  const AssessmentArea* a = FindArea(area);
  if (!a) return nullptr;
  for (const AssessmentItem& i : a->items) {
    if (i.key == item) return &i;
  }
  return nullptr;
}

size_t AssessmentTemplate::ItemCount() const {
  size_t n = 0;
  for (const AssessmentArea& a : areas) n += a.items.size();
  return n;
}

bool IsTemplateId(std::string_view id) {
  if (id.size() < 2 || id.size() > 64 || !IsLowerOrDigit(id[0])) return false;
  for (char c : id) {
    if (!IsLowerOrDigit(c) && c != '-') return false;
  }
  return true;
}

bool IsAssessmentKey(std::string_view key) {
  if (key.empty() || key.size() > 32 || key[0] < 'a' || key[0] > 'z') return false;
  for (char c : key) {
    if (!IsLowerOrDigit(c) && c != '_') return false;
  }
  return true;
}

Status ValidateAssessmentTemplate(const AssessmentTemplate& t) {
  Status::Fields f;
  if (!IsTemplateId(t.id)) {
    f["id"] = "must be 2 to 64 of a-z, 0-9 and '-', starting with a letter or digit";
  }
  CheckText(f, "title", t.title, kMaxTemplateTitle, true);
  CheckText(f, "description", t.description, kMaxTemplateDescription, false);
  if (t.areas.empty() || t.areas.size() > kMaxAreas) {
    f["areas"] = "must hold 1 to " + std::to_string(kMaxAreas) + " areas";
  }
  std::set<std::string> area_keys;
  for (size_t i = 0; i < t.areas.size(); ++i) {
    const AssessmentArea& area = t.areas[i];
    const std::string path = "areas[" + std::to_string(i) + "]";
    if (!IsAssessmentKey(area.key)) {
      f[path + ".key"] = "must be 1 to 32 of a-z, 0-9 and '_', starting with a letter";
    } else if (!area_keys.insert(area.key).second) {
      f[path + ".key"] = "duplicate key '" + area.key + "'";
    }
    CheckText(f, path + ".title", area.title, kMaxTemplateTitle, true);
    CheckText(f, path + ".source", area.source, kMaxAreaSource, true);
    if (area.items.empty() || area.items.size() > kMaxItemsPerArea) {
      f[path + ".items"] = "must hold 1 to " + std::to_string(kMaxItemsPerArea) + " items";
    }
    std::set<std::string> item_keys;
    for (size_t j = 0; j < area.items.size(); ++j) {
      const std::string item_path = path + ".items[" + std::to_string(j) + "]";
      CheckItem(f, item_path, area.items[j]);
      if (IsAssessmentKey(area.items[j].key) && !item_keys.insert(area.items[j].key).second) {
        f[item_path + ".key"] = "duplicate key '" + area.items[j].key + "'";
      }
    }
  }
  if (!f.empty()) return Status::InvalidArgument("invalid assessment template", std::move(f));
  return Status::Ok();
}

Status ApplyScorePatch(const AssessmentTemplate& t, const ScorePatch& patch, ScoreSheet* sheet) {
  Status::Fields f;
  ScoreSheet out = *sheet;
  for (const auto& [area_key, items] : patch) {
    const std::string area_path = "scores." + area_key;
    if (!t.FindArea(area_key)) {
      f[area_path] = "unknown area";
      continue;
    }
    for (const auto& [item_key, p] : items) {
      std::string path = area_path;
      path += ".";
      path += item_key;
      if (!t.FindItem(area_key, item_key)) {
        f[path] = "unknown item";
        continue;
      }
      ItemScore& entry = out[area_key][item_key];
      if (p.clear) {
        entry = ItemScore{};
        continue;
      }
      const bool score_given = p.score.has_value();
      if (score_given && (*p.score < 0 || *p.score > kMaxItemScore)) {
        f[path + ".score"] = "must be an integer from 0 to 3 (or null)";
      }
      if (p.na.value_or(false) && score_given) {
        f[path + ".na"] = "cannot be true together with a score";
      }
      if (p.evidence && Utf8Length(*p.evidence) > kMaxEvidenceChars) {
        f[path + ".evidence"] =
            "must be at most " + std::to_string(kMaxEvidenceChars) + " characters";
      }
      if (p.na) {
        entry.na = *p.na;
        if (*p.na) entry.score.reset();
      }
      if (p.clear_score) entry.score.reset();
      if (score_given) {
        entry.score = static_cast<int>(std::clamp<long long>(*p.score, 0, kMaxItemScore));
        entry.na = false;
      }
      if (p.evidence) entry.evidence = *p.evidence;
    }
  }
  if (!f.empty()) return Status::InvalidArgument("invalid scores", std::move(f));
  NormaliseSheet(t, &out);
  *sheet = std::move(out);
  return Status::Ok();
}

void NormaliseSheet(const AssessmentTemplate& t, ScoreSheet* sheet) {
  for (auto area = sheet->begin(); area != sheet->end();) {
    for (auto item = area->second.begin(); item != area->second.end();) {
      if (item->second.IsEmpty() || !t.FindItem(area->first, item->first)) {
        item = area->second.erase(item);
      } else {
        ++item;
      }
    }
    area = area->second.empty() ? sheet->erase(area) : std::next(area);
  }
}

Status::Fields UnscoredItems(const AssessmentTemplate& t, const ScoreSheet& sheet) {
  Status::Fields f;
  for (const AssessmentArea& area : t.areas) {
    auto a = sheet.find(area.key);
    for (const AssessmentItem& item : area.items) {
      bool done = false;
      if (a != sheet.end()) {
        auto i = a->second.find(item.key);
        done = i != a->second.end() && (i->second.score || i->second.na);
      }
      if (!done) {
        f["scores." + area.key + "." + item.key] = "is not scored: give a score or mark it n/a";
      }
    }
  }
  return f;
}

bool IsRecommendationOverdue(const std::string& due_date, const std::string& status,
                             const std::string& today) {
  return !due_date.empty() && status != "done" && due_date < today;
}

}  // namespace hw::domain
