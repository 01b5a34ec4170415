#include "service/demo_assessments.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "domain/case.h"
#include "service/assessment_codec.h"
#include "service/assessment_service.h"
#include "storage/assessment_store.h"
#include "storage/office_store.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

const RequestInfo kCli{"cli", "local"};
constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;

// Synthetic evidence notes: about the shelter, never about a person.
constexpr std::array<const char*, 6> kEvidence = {
    "Checked the written record for the last month.",
    "Spoke with two staff members on different shifts.",
    "Policy document seen; last reviewed more than a year ago.",
    "Observed during the walk-through of the premises.",
    "No written record found; staff described the practice orally.",
    "Residents asked as a group, without staff present.",
};

// One recommendation per area, used where the area scored lowest.
std::string RecommendationFor(const std::string& area) {
  if (area == "safety") return "Review the safety plan with all staff and hold a drill.";
  if (area == "environment") return "Repair the damaged windows and damp walls in the dormitory.";
  if (area == "staffing") return "Add a second staff member to the night shift at weekends.";
  if (area == "confidentiality") return "Lock the file cabinet and limit keys to case staff.";
  if (area == "rights") return "Translate the house rules into the residents' main languages.";
  if (area == "health") return "Agree a referral arrangement with a clinic open at night.";
  if (area == "food") return "Test the water filter monthly and keep the record.";
  if (area == "children") return "Appoint a named safeguarding lead and train the night staff.";
  if (area == "legal") return "Arrange a monthly visit from the legal aid partner.";
  return "Write an individual exit plan with each resident and review it monthly.";
}

// Uniform in [lo, hi] from raw engine output, so the sequence is the same with every library.
int Uniform(std::mt19937& rng, int lo, int hi) {
  return lo + static_cast<int>(rng() % static_cast<std::uint32_t>(hi - lo + 1));
}

bool HasChildren(const std::string& capacity) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(capacity, ec);
  if (ec || !v.is_object()) return true;
  long long children = 0;
  for (const char* key : {"girls", "boys", "families"}) {
    const boost::json::value* n = v.as_object().if_contains(key);
    if (n && n->is_int64()) children += n->as_int64();
  }
  return children > 0;
}

// Baseline scores around `quality` (0..1); the children's area is n/a without children.
domain::ScoreSheet BaselineSheet(const domain::AssessmentTemplate& t, double quality, bool children,
                                 std::mt19937& rng) {
  domain::ScoreSheet sheet;
  for (const domain::AssessmentArea& area : t.areas) {
    for (const domain::AssessmentItem& item : area.items) {
      domain::ItemScore& e = sheet[area.key][item.key];
      if (area.key == "children" && !children) {
        e.na = true;
        continue;
      }
      const int noise = Uniform(rng, 0, 9) < 6 ? 0 : Uniform(rng, 0, 1) * 2 - 1;
      const int base = static_cast<int>(std::lround(quality * domain::kMaxItemScore));
      e.score = std::clamp(base + noise, 0, domain::kMaxItemScore);
      if (Uniform(rng, 0, 3) == 0) {
        e.evidence = kEvidence[static_cast<size_t>(Uniform(rng, 0, kEvidence.size() - 1))];
      }
    }
  }
  return sheet;
}

// A follow-up: most items unchanged, some better, a few worse.
domain::ScoreSheet FollowUpSheet(const domain::ScoreSheet& baseline, std::mt19937& rng) {
  domain::ScoreSheet sheet = baseline;
  for (auto& [area, items] : sheet) {
    for (auto& [key, e] : items) {
      if (!e.score) continue;
      const int roll = Uniform(rng, 0, 9);
      const int delta = roll < 5 ? 0 : roll < 9 ? 1 : -1;
      e.score = std::clamp(*e.score + delta, 0, domain::kMaxItemScore);
      e.evidence = Uniform(rng, 0, 2) == 0 ? "Compared with the previous visit." : "";
    }
  }
  return sheet;
}

domain::ScorePatch ToPatch(const domain::ScoreSheet& sheet) {
  domain::ScorePatch patch;
  for (const auto& [area, items] : sheet) {
    std::vector<std::pair<std::string, domain::ItemScorePatch>> entries;
    for (const auto& [key, e] : items) {
      domain::ItemScorePatch p;
      if (e.score) p.score = *e.score;
      if (e.na) p.na = true;
      if (!e.evidence.empty()) p.evidence = e.evidence;
      entries.emplace_back(key, p);
    }
    patch.emplace_back(area, std::move(entries));
  }
  return patch;
}

Result<AssessmentView> MakeFinished(AssessmentService& svc, const Principal& p,
                                    const std::string& shelter_id, const std::string& date,
                                    const domain::ScoreSheet& sheet) {
  NewAssessmentInput in;
  in.shelter_id = shelter_id;
  in.template_version = 1;  // the sheet is built from the shipped version
  in.assessed_on = date;
  in.summary = "Synthetic demo assessment.";
  HW_ASSIGN_OR_RETURN(AssessmentView draft, svc.Create(p, in, kCli));
  AssessmentPatchInput patch;
  patch.version = draft.row.version;
  patch.scores = ToPatch(sheet);
  HW_ASSIGN_OR_RETURN(AssessmentView saved, svc.Update(p, draft.row.id, patch, kCli));
  return svc.Finish(p, saved.row.id, saved.row.version, kCli);
}

// The area with the lowest score of `v` (first in template order on a tie).
std::string WeakestArea(const AssessmentView& v) {
  std::string weakest;
  double lowest = 101;
  for (const domain::AreaScore& a : v.score.areas) {
    if (a.totals.score && *a.totals.score < lowest) {
      lowest = *a.totals.score;
      weakest = a.key;
    }
  }
  return weakest;
}

}  // namespace

Status SeedDemoAssessments(Context& ctx, RoleCatalog& roles) {
  Principal manager;
  std::vector<storage::ShelterRef> shelters;
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx.db.Acquire());
    HW_ASSIGN_OR_RETURN(auto kul, storage::OfficeStore(*conn).FindByCode("MYS-KUL"));
    HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(*conn).FindByUsername("programme.manager"));
    if (!kul || !user) return Status::Ok();
    storage::AssessmentStore store(*conn);
    storage::AssessmentFilter any;
    any.limit = 1;
    HW_ASSIGN_OR_RETURN(auto existing, store.List(any));
    if (!existing.empty()) return Status::Ok();  // seeded before
    HW_ASSIGN_OR_RETURN(shelters, store.ListShelters(kul->id));
    manager.user_id = user->id;
    manager.username = user->username;
    manager.office_id = user->office_id;
    bool requires_totp = false;
    roles.Resolve(user->roles, &manager.permissions, &manager.scope, &requires_totp);
  }
  if (shelters.empty()) return Status::Ok();
  HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t, DefaultAssessmentTemplate());
  AssessmentService svc(ctx);
  std::mt19937 rng(20261130);  // fixed seed: the same demo everywhere
  const TimeMs now = ctx.clock.NowMs();
  constexpr std::array<double, 5> kQuality = {0.45, 0.8, 0.6, 0.7, 0.35};
  std::vector<AssessmentView> latest;
  for (size_t i = 0; i < shelters.size(); ++i) {
    const storage::ShelterRef& s = shelters[i];
    const double quality = kQuality[i % kQuality.size()];
    const domain::ScoreSheet baseline = BaselineSheet(t, quality, HasChildren(s.capacity), rng);
    const bool follow_up = i == 0 || i == 2;  // two shelters were visited again
    const auto baseline_day = static_cast<TimeMs>(follow_up ? 380 + 7 * i : 60 + 9 * i);
    HW_ASSIGN_OR_RETURN(
        AssessmentView first,
        MakeFinished(svc, manager, s.id, domain::TodayIso(now - baseline_day * kDayMs), baseline));
    if (!follow_up) {
      latest.push_back(std::move(first));
      continue;
    }
    HW_ASSIGN_OR_RETURN(AssessmentView second,
                        MakeFinished(svc, manager, s.id,
                                     domain::TodayIso(now - static_cast<TimeMs>(30 + i) * kDayMs),
                                     FollowUpSheet(baseline, rng)));
    latest.push_back(std::move(second));
  }
  // Recommendations in every state; the first is overdue (due a month ago, still open).
  constexpr std::array<const char*, 5> kStatuses = {"open", "in_progress", "done", "open",
                                                    "in_progress"};
  constexpr std::array<const char*, 3> kPriorities = {"high", "medium", "low"};
  for (size_t i = 0; i < latest.size(); ++i) {
    const AssessmentView& v = latest[i];
    const std::string area = WeakestArea(v);
    RecommendationInput rec;
    rec.text = RecommendationFor(area);
    rec.area = area;
    rec.owner_name = i % 2 == 0 ? "Shelter manager" : "Programme manager";
    rec.priority = kPriorities[i % kPriorities.size()];
    rec.status = kStatuses[i % kStatuses.size()];
    const long long due_in = i == 0 ? -30 : 30 + 15 * static_cast<long long>(i);
    rec.due_date = domain::TodayIso(now + due_in * kDayMs);
    HW_RETURN_IF_ERROR(svc.AddRecommendation(manager, v.row.id, rec, kCli).status());
    if (!v.score.critical_gaps.empty()) {
      const domain::CriticalGap& gap = v.score.critical_gaps.front();
      RecommendationInput fix;
      fix.text = "Close the critical gap found on this standard before the next visit.";
      fix.area = gap.area;
      fix.item = gap.item;
      fix.owner_user_id = manager.user_id;
      fix.priority = "high";
      fix.status = "open";
      fix.due_date = domain::TodayIso(now + 14 * kDayMs);
      HW_RETURN_IF_ERROR(svc.AddRecommendation(manager, v.row.id, fix, kCli).status());
    }
  }
  return Status::Ok();
}

}  // namespace hw::service
