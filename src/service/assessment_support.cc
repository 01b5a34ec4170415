#include "service/assessment_support.h"

#include "service/access_policy.h"
#include "service/assessment_codec.h"
#include "storage/key_store.h"

namespace hw::service {

Result<storage::AssessmentRow> LoadScopedAssessment(storage::Connection& conn, const Principal& p,
                                                    const std::string& id, const char* permission) {
  HW_ASSIGN_OR_RETURN(auto row, storage::AssessmentStore(conn).Get(id));
  if (!row || !Authorize(p, permission, row->office_id).ok()) {
    return Status::NotFound("assessment not found");
  }
  return *std::move(row);
}

Result<domain::AssessmentTemplate> LoadTemplate(storage::Connection& conn, const std::string& id,
                                                long long version) {
  HW_ASSIGN_OR_RETURN(auto row, storage::AssessmentStore(conn).GetTemplate(id, version));
  if (!row) return Status::Internal("assessment template missing: " + id);
  return TemplateFromRow(*row);
}

std::string EvidenceField(const std::string& assessment_id) {
  return "assessment:" + assessment_id + ":evidence";
}

Result<AssessmentView> BuildAssessmentView(storage::Connection& conn, const Context& ctx,
                                           storage::AssessmentRow row, TimeMs now) {
  AssessmentView v;
  HW_ASSIGN_OR_RETURN(v.tmpl, LoadTemplate(conn, row.template_id, row.template_version));
  std::string sealed_plain;
  if (!row.sealed.empty()) {
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx.keyring, keys);
    HW_ASSIGN_OR_RETURN(sealed_plain,
                        cipher.OpenField(row.shelter_id, EvidenceField(row.id), row.sealed));
  }
  HW_RETURN_IF_ERROR(SheetFromStored(row.scores, sealed_plain, &v.sheet, &v.summary));
  domain::NormaliseSheet(v.tmpl, &v.sheet);
  v.score = domain::ScoreAssessment(v.tmpl, v.sheet);
  HW_ASSIGN_OR_RETURN(auto previous, storage::AssessmentStore(conn).FindPrevious(
                                         row.shelter_id, row.assessed_on, row.id));
  if (previous) v.previous_id = previous->id;
  v.row = std::move(row);
  return v;
}

Result<AssessmentListRow> ToListRow(storage::AssessmentRow row) {
  AssessmentListRow out;
  HW_ASSIGN_OR_RETURN(ScoreSummary s, ScoreSummaryFromStored(row.result));
  out.overall = s.overall;
  out.area_scores = std::move(s.areas);
  out.critical_gaps = s.critical_gaps;
  out.row = std::move(row);
  return out;
}

}  // namespace hw::service
