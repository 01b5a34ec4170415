// The report of one assessment as XLSX or CSV (service/table_writer): a row per item, per area,
// the overall score and the recommendations, with the previous assessment's scores beside them.
#include <cctype>

#include "domain/case.h"
#include "service/access_policy.h"
#include "service/assessment_codec.h"
#include "service/assessment_service.h"
#include "service/assessment_support.h"
#include "service/audit_log.h"
#include "service/table_writer.h"

namespace hw::service {
namespace {

Cell Num(const std::optional<double>& v) {
  if (!v) return std::monostate{};
  return domain::RoundScore(*v);
}

Cell Int(const std::optional<int>& v) {
  if (!v) return std::monostate{};
  return static_cast<long long>(*v);
}

Cell Text(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}

std::string Slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 40) out.resize(40);
  return out.empty() ? "shelter" : out;
}

const std::vector<Cell> kHeader = {
    std::string("section"),    std::string("area"),           std::string("area_title"),
    std::string("item"),       std::string("statement"),      std::string("critical"),
    std::string("weight"),     std::string("score"),          std::string("na"),
    std::string("area_score"), std::string("previous_score"), std::string("delta"),
    std::string("evidence")};

Status WriteRows(TableWriter& w, const AssessmentView& v, const domain::AssessmentChanges& changes,
                 const std::vector<storage::RecommendationRow>& recs) {
  HW_RETURN_IF_ERROR(w.AddRow(kHeader));
  for (const domain::ItemChange& c : changes.items) {
    const domain::AssessmentArea* area = v.tmpl.FindArea(c.area);
    const domain::AssessmentItem* item = v.tmpl.FindItem(c.area, c.item);
    if (!area || !item) continue;  // only in the previous assessment's template
    std::string evidence;
    if (auto a = v.sheet.find(c.area); a != v.sheet.end()) {
      if (auto i = a->second.find(c.item); i != a->second.end()) evidence = i->second.evidence;
    }
    HW_RETURN_IF_ERROR(
        w.AddRow({std::string("item"), c.area, area->title, c.item, item->statement,
                  std::string(item->critical ? "yes" : "no"), item->weight, Int(c.current_score),
                  std::string(c.current_na ? "yes" : "no"), std::monostate{}, Int(c.previous_score),
                  Int(c.delta), Text(evidence)}));
  }
  for (const domain::ScoreChange& a : changes.areas) {
    if (!v.tmpl.FindArea(a.key)) continue;
    HW_RETURN_IF_ERROR(
        w.AddRow({std::string("area"), a.key, a.title, std::monostate{}, std::monostate{},
                  std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{},
                  Num(a.current), Num(a.previous), Num(a.delta), std::monostate{}}));
  }
  const domain::ScoreChange& o = changes.overall;
  HW_RETURN_IF_ERROR(
      w.AddRow({std::string("overall"), std::monostate{}, std::monostate{}, std::monostate{},
                std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{},
                std::monostate{}, Num(o.current), Num(o.previous), Num(o.delta), Text(v.summary)}));
  for (const storage::RecommendationRow& r : recs) {
    std::string details = "priority=" + r.priority + "; status=" + r.status;
    if (!r.due_date.empty()) details += "; due=" + r.due_date;
    const std::string owner = !r.owner_name.empty() ? r.owner_name : r.owner_user_id;
    if (!owner.empty()) details += "; owner=" + owner;
    HW_RETURN_IF_ERROR(
        w.AddRow({std::string("recommendation"), Text(r.area), std::monostate{}, Text(r.item),
                  r.text, std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{},
                  std::monostate{}, std::monostate{}, std::monostate{}, details}));
  }
  return Status::Ok();
}

}  // namespace

Result<AssessmentFile> AssessmentService::Export(const Principal& p, const std::string& id,
                                                 const std::string& format,
                                                 const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadAssessmentPerm, ""));
  const std::string fmt = format.empty() ? "xlsx" : format;
  if (fmt != "xlsx" && fmt != "csv") return Status::InvalidField("format", "must be xlsx or csv");
  HW_ASSIGN_OR_RETURN(ChangesView changes, Changes(p, id));
  const TimeMs now = ctx_.clock.NowMs();
  AssessmentFile file;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::AssessmentRow row,
                        LoadScopedAssessment(conn, p, id, kReadAssessmentPerm));
    HW_ASSIGN_OR_RETURN(AssessmentView v, BuildAssessmentView(conn, ctx_, std::move(row), now));
    HW_ASSIGN_OR_RETURN(auto recs,
                        storage::AssessmentStore(conn).ListRecommendations(v.row.id, "", 100000));
    HW_ASSIGN_OR_RETURN(auto writer, MakeTableWriter(fmt, "Assessment"));
    HW_RETURN_IF_ERROR(WriteRows(*writer, v, changes.changes, recs));
    HW_ASSIGN_OR_RETURN(file.bytes, writer->Finish());
    file.content_type = writer->content_type();
    file.filename = "assessment-" + Slug(v.row.shelter_name) + "-" + v.row.assessed_on + "." +
                    writer->extension();
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"assessment.export", "assessment", v.row.id, v.row.office_id});
  });
  if (!st.ok()) return st;
  return file;
}

}  // namespace hw::service
