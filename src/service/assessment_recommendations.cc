// Recommendations of an assessment: follow-up actions, editable after the assessment is finished.
#include "common/id.h"
#include "domain/case.h"
#include "domain/case_work.h"
#include "service/access_policy.h"
#include "service/assessment_service.h"
#include "service/assessment_support.h"
#include "service/audit_log.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Applies `in` to `rec` and checks the result against the assessment's template.
Status Merge(storage::Connection& conn, const domain::AssessmentTemplate& t,
             const RecommendationInput& in, storage::RecommendationRow* rec) {
  Status::Fields f = in.errors;
  if (in.text) rec->text = *in.text;
  if (in.area) rec->area = *in.area;
  if (in.item) rec->item = *in.item;
  if (in.owner_user_id) rec->owner_user_id = *in.owner_user_id;
  if (in.owner_name) rec->owner_name = *in.owner_name;
  if (in.priority) rec->priority = *in.priority;
  if (in.due_date) rec->due_date = *in.due_date;
  if (in.status) rec->status = *in.status;
  if (!f.count("text")) {
    if (Blank(rec->text)) {
      f["text"] = "is required";
    } else if (domain::Utf8Length(rec->text) > domain::kMaxRecommendationText) {
      f["text"] = "must be at most 2000 characters";
    }
  }
  if (!rec->area.empty() && !t.FindArea(rec->area)) {
    f["area"] = "unknown area";
  } else if (!rec->item.empty()) {
    if (rec->area.empty()) {
      f["area"] = "is required with item";
    } else if (!t.FindItem(rec->area, rec->item)) {
      f["item"] = "unknown item";
    }
  }
  if (domain::Utf8Length(rec->owner_name) > domain::kMaxOwnerName) {
    f["owner_name"] = "must be at most 200 characters";
  }
  if (!domain::IsOneOf(domain::kRecommendationPriorities, rec->priority)) {
    f["priority"] = "must be one of low, medium, high";
  }
  if (!domain::IsOneOf(domain::kRecommendationStatuses, rec->status)) {
    f["status"] = "must be one of open, in_progress, done";
  }
  if (!rec->due_date.empty() && !domain::IsIsoDate(rec->due_date)) {
    f["due_date"] = "must be a date YYYY-MM-DD";
  }
  if (!rec->owner_user_id.empty() && !f.count("owner_user_id")) {
    HW_ASSIGN_OR_RETURN(auto user, storage::UserStore(conn).Get(rec->owner_user_id));
    if (!user || user->disabled) f["owner_user_id"] = "unknown user";
  }
  if (!f.empty()) return Status::InvalidArgument("invalid recommendation", std::move(f));
  return Status::Ok();
}

RecommendationView ToView(storage::RecommendationRow row, TimeMs now) {
  RecommendationView v;
  v.overdue = domain::IsRecommendationOverdue(row.due_date, row.status, domain::TodayIso(now));
  v.row = std::move(row);
  return v;
}

}  // namespace

Result<Page<RecommendationView>> AssessmentService::ListRecommendations(
    const Principal& p, const std::string& assessment_id, const PageRequest& page) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadAssessmentPerm, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(storage::AssessmentRow a,
                      LoadScopedAssessment(*conn, p, assessment_id, kReadAssessmentPerm));
  HW_ASSIGN_OR_RETURN(auto rows, storage::AssessmentStore(*conn).ListRecommendations(
                                     a.id, page.after, page.limit + 1));
  const TimeMs now = ctx_.clock.NowMs();
  Page<RecommendationView> out;
  for (auto& row : rows) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next = out.items.back().row.id;
      break;
    }
    out.items.push_back(ToView(std::move(row), now));
  }
  return out;
}

Result<RecommendationView> AssessmentService::AddRecommendation(const Principal& p,
                                                                const std::string& assessment_id,
                                                                const RecommendationInput& in,
                                                                const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateAssessmentPerm, ""));
  const TimeMs now = ctx_.clock.NowMs();
  storage::RecommendationRow rec;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::AssessmentRow a,
                        LoadScopedAssessment(conn, p, assessment_id, kUpdateAssessmentPerm));
    HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t,
                        LoadTemplate(conn, a.template_id, a.template_version));
    rec.priority = "medium";
    rec.status = "open";
    HW_RETURN_IF_ERROR(Merge(conn, t, in, &rec));
    rec.id = NewId();
    rec.assessment_id = a.id;
    rec.shelter_id = a.shelter_id;
    rec.office_id = a.office_id;
    rec.created_by = p.user_id;
    rec.created_at = rec.updated_at = now;
    HW_RETURN_IF_ERROR(storage::AssessmentStore(conn).InsertRecommendation(rec));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"recommendation.create", "recommendation", rec.id, a.office_id});
  });
  if (!st.ok()) return st;
  return ToView(std::move(rec), now);
}

Result<RecommendationView> AssessmentService::UpdateRecommendation(
    const Principal& p, const std::string& assessment_id, const std::string& rec_id,
    long long version, const RecommendationInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateAssessmentPerm, ""));
  const TimeMs now = ctx_.clock.NowMs();
  storage::RecommendationRow rec;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::AssessmentRow a,
                        LoadScopedAssessment(conn, p, assessment_id, kUpdateAssessmentPerm));
    storage::AssessmentStore store(conn);
    HW_ASSIGN_OR_RETURN(auto found, store.GetRecommendation(rec_id));
    if (!found || found->assessment_id != a.id) {
      return Status::NotFound("recommendation not found");
    }
    rec = *std::move(found);
    HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t,
                        LoadTemplate(conn, a.template_id, a.template_version));
    HW_RETURN_IF_ERROR(Merge(conn, t, in, &rec));
    if (rec.version != version) {
      return Status::Conflict("the recommendation was changed by someone else")
          .WithDetail("current_version", rec.version);
    }
    HW_RETURN_IF_ERROR(store.UpdateRecommendation(rec, now));
    rec.version += 1;
    rec.updated_at = now;
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"recommendation.update", "recommendation", rec.id, a.office_id});
  });
  if (!st.ok()) return st;
  return ToView(std::move(rec), now);
}

}  // namespace hw::service
