#include "service/assessment_service.h"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "common/id.h"
#include "domain/case.h"
#include "domain/case_work.h"
#include "service/access_policy.h"
#include "service/assessment_codec.h"
#include "service/assessment_support.h"
#include "service/audit_log.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

constexpr const char* kDraft = "draft";
constexpr const char* kFinished = "finished";

Status FinishedConflict() {
  return Status::Conflict("this assessment is finished and can no longer be changed")
      .WithReason("assessment_finished");
}

void CheckAssessedOn(Status::Fields& f, const std::string& date, const std::string& today) {
  if (date.empty()) {
    f["assessed_on"] = "is required";
  } else if (!domain::IsIsoDate(date)) {
    f["assessed_on"] = "must be a date YYYY-MM-DD";
  } else if (date > today) {
    f["assessed_on"] = "must not be in the future";
  }
}

// Seals the evidence and summary of `sheet` into `row.sealed` under the shelter's data key.
Status SealInto(storage::Connection& conn, const Context& ctx, TimeMs now,
                const domain::ScoreSheet& sheet, const std::string& summary,
                storage::AssessmentRow* row) {
  const std::string plain = SealedPartToStored(sheet, summary);
  row->sealed.clear();
  if (plain.empty()) return Status::Ok();
  storage::SqlWrappedKeyStore keys(conn, now);
  crypto::RecordCipher cipher(ctx.keyring, keys);
  HW_ASSIGN_OR_RETURN(row->sealed,
                      cipher.SealField(row->shelter_id, EvidenceField(row->id), plain));
  return Status::Ok();
}

// Recomputes the stored forms of `row` from the sheet.
void StoreScores(const domain::AssessmentTemplate& t, const domain::ScoreSheet& sheet,
                 storage::AssessmentRow* row) {
  const domain::AssessmentScore score = domain::ScoreAssessment(t, sheet);
  row->scores = ScoresToStored(sheet);
  row->result = boost::json::serialize(ScoreToJson(score));
  row->critical_gaps = static_cast<std::int64_t>(score.critical_gaps.size());
}

Status CanReadTemplates(const Principal& p) {
  if (Authorize(p, kUpdateAssessmentTemplatePerm, "").ok()) return Status::Ok();
  return Authorize(p, kReadAssessmentPerm, "");
}

}  // namespace

Status SeedAssessmentTemplates(storage::Database& db, TimeMs now) {
  HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t, DefaultAssessmentTemplate());
  return db.InTransaction([&](storage::Connection& conn) -> Status {
    return storage::AssessmentStore(conn).InsertTemplateIfAbsent(TemplateToRow(t, "system", now));
  });
}

Result<Page<TemplateView>> AssessmentService::ListTemplates(const Principal& p,
                                                            const std::string& id,
                                                            const PageRequest& page) {
  HW_RETURN_IF_ERROR(CanReadTemplates(p));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto rows, storage::AssessmentStore(*conn).ListTemplates(id));
  Page<TemplateView> out;
  std::string previous_id;
  for (const auto& row : rows) {
    const bool latest = row.id != previous_id;  // rows come newest version first per id
    previous_id = row.id;
    // Cursor order: id ascending, then version descending.
    if (!page.after.empty()) {
      const size_t at = page.after.rfind('@');
      if (at == std::string::npos) return Status::InvalidField("after", "is not a valid cursor");
      const std::string after_id = page.after.substr(0, at);
      const long long after_version = std::atoll(page.after.c_str() + at + 1);
      if (row.id < after_id || (row.id == after_id && row.version >= after_version)) continue;
    }
    if (static_cast<int>(out.items.size()) == page.limit) {
      const TemplateView& last = out.items.back();
      out.next = last.tmpl.id + "@" + std::to_string(last.tmpl.version);
      break;
    }
    HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t, TemplateFromRow(row));
    out.items.push_back({std::move(t), latest, row.created_by, row.created_at});
  }
  return out;
}

Result<TemplateView> AssessmentService::GetTemplate(const Principal& p, const std::string& id,
                                                    long long version) {
  HW_RETURN_IF_ERROR(CanReadTemplates(p));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  storage::AssessmentStore store(*conn);
  HW_ASSIGN_OR_RETURN(auto latest, store.GetTemplate(id, 0));
  if (!latest) return Status::NotFound("assessment template not found");
  std::optional<storage::AssessmentTemplateRow> row = latest;
  if (version > 0 && version != latest->version) {
    HW_ASSIGN_OR_RETURN(row, store.GetTemplate(id, version));
    if (!row) return Status::NotFound("no such version of the assessment template");
  }
  HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t, TemplateFromRow(*row));
  return TemplateView{std::move(t), row->version == latest->version, row->created_by,
                      row->created_at};
}

Result<TemplateView> AssessmentService::CreateTemplateVersion(const Principal& p,
                                                              domain::AssessmentTemplate t,
                                                              std::optional<long long> based_on,
                                                              const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateAssessmentTemplatePerm, ""));
  HW_RETURN_IF_ERROR(domain::ValidateAssessmentTemplate(t));
  const TimeMs now = ctx_.clock.NowMs();
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::AssessmentStore store(conn);
    HW_ASSIGN_OR_RETURN(auto latest, store.GetTemplate(t.id, 0));
    if (latest) {
      if (!based_on) {
        return Status::InvalidField("version", "is required: the version this edit is based on");
      }
      if (*based_on != latest->version) {
        return Status::Conflict("the assessment template has a newer version")
            .WithDetail("current_version", latest->version);
      }
      t.version = static_cast<int>(latest->version + 1);
    } else {
      if (based_on && *based_on != 0) {
        return Status::InvalidField("version", "no such template: omit version for a new one");
      }
      t.version = 1;
    }
    HW_RETURN_IF_ERROR(store.InsertTemplate(TemplateToRow(t, p.user_id, now)));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"assessment_template.create", "assessment_template",
                        t.id + "@" + std::to_string(t.version), p.office_id});
  });
  if (!st.ok()) return st;
  return TemplateView{std::move(t), true, p.user_id, now};
}

Result<AssessmentView> AssessmentService::Create(const Principal& p, const NewAssessmentInput& in,
                                                 const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kCreateAssessmentPerm, ""));
  const TimeMs now = ctx_.clock.NowMs();
  Status::Fields f = in.errors;
  if (in.shelter_id.empty() && !f.count("shelter_id")) f["shelter_id"] = "is required";
  if (!f.count("assessed_on")) CheckAssessedOn(f, in.assessed_on, domain::LatestTodayIso(now));
  if (domain::Utf8Length(in.summary) > domain::kMaxSummaryChars) {
    f["summary"] = "must be at most 20000 characters";
  }
  if (in.template_version < 0) f["template_version"] = "must be 1 or more";
  if (!f.empty()) return Status::InvalidArgument("invalid assessment", std::move(f));
  const std::string template_id =
      in.template_id.empty() ? std::string(domain::kDefaultAssessmentTemplateId) : in.template_id;
  AssessmentView view;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::AssessmentStore store(conn);
    HW_ASSIGN_OR_RETURN(auto shelter, store.GetShelter(in.shelter_id));
    Status::Fields errors;
    if (!shelter || !Authorize(p, kCreateAssessmentPerm, shelter->office_id).ok()) {
      errors["shelter_id"] = "unknown shelter";
    }
    HW_ASSIGN_OR_RETURN(auto trow, store.GetTemplate(template_id, in.template_version));
    if (!trow) {
      HW_ASSIGN_OR_RETURN(auto any, store.GetTemplate(template_id, 0));
      if (any) {
        errors["template_version"] = "no such version of the template";
      } else {
        errors["template_id"] = "unknown assessment template";
      }
    }
    if (!errors.empty()) return Status::InvalidArgument("invalid assessment", std::move(errors));
    HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t, TemplateFromRow(*trow));
    storage::AssessmentRow row;
    row.id = NewId();
    row.shelter_id = shelter->id;
    row.office_id = shelter->office_id;
    row.template_id = t.id;
    row.template_version = t.version;
    row.assessed_on = in.assessed_on;
    row.status = kDraft;
    StoreScores(t, {}, &row);
    HW_RETURN_IF_ERROR(SealInto(conn, ctx_, now, {}, in.summary, &row));
    row.created_by = p.user_id;
    row.created_at = row.updated_at = now;
    HW_RETURN_IF_ERROR(store.Insert(row));
    HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                   {"assessment.create", "assessment", row.id, row.office_id}));
    row.shelter_name = shelter->name;
    HW_ASSIGN_OR_RETURN(view, BuildAssessmentView(conn, ctx_, std::move(row), now));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

Result<AssessmentView> AssessmentService::Get(const Principal& p, const std::string& id) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadAssessmentPerm, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(storage::AssessmentRow row,
                      LoadScopedAssessment(*conn, p, id, kReadAssessmentPerm));
  return BuildAssessmentView(*conn, ctx_, std::move(row), ctx_.clock.NowMs());
}

Result<Page<AssessmentListRow>> AssessmentService::List(const Principal& p,
                                                        const AssessmentQuery& q) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadAssessmentPerm, ""));
  if (!q.status.empty() && q.status != kDraft && q.status != kFinished) {
    return Status::InvalidField("status", "must be draft or finished");
  }
  storage::AssessmentFilter f;
  f.office_id = OfficeFilter(p);
  f.shelter_id = q.shelter_id;
  f.status = q.status;
  f.template_id = q.template_id;
  f.limit = q.page.limit + 1;
  if (!q.page.after.empty()) {
    const size_t at = q.page.after.find('_');
    if (at != 10 || !domain::IsIsoDate(q.page.after.substr(0, at))) {
      return Status::InvalidField("after", "is not a valid cursor");
    }
    f.after_date = q.page.after.substr(0, at);
    f.after_id = q.page.after.substr(at + 1);
  }
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto rows, storage::AssessmentStore(*conn).List(f));
  Page<AssessmentListRow> out;
  for (auto& row : rows) {
    if (static_cast<int>(out.items.size()) == q.page.limit) {
      const storage::AssessmentRow& last = out.items.back().row;
      out.next = last.assessed_on + "_" + last.id;
      break;
    }
    HW_ASSIGN_OR_RETURN(AssessmentListRow r, ToListRow(std::move(row)));
    out.items.push_back(std::move(r));
  }
  return out;
}

Result<AssessmentView> AssessmentService::Update(const Principal& p, const std::string& id,
                                                 const AssessmentPatchInput& in,
                                                 const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateAssessmentPerm, ""));
  const TimeMs now = ctx_.clock.NowMs();
  AssessmentView view;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::AssessmentRow row,
                        LoadScopedAssessment(conn, p, id, kUpdateAssessmentPerm));
    if (row.status == kFinished) return FinishedConflict();
    Status::Fields f = in.errors;
    if (in.assessed_on && !f.count("assessed_on")) {
      CheckAssessedOn(f, *in.assessed_on, domain::LatestTodayIso(now));
    }
    if (in.summary && domain::Utf8Length(*in.summary) > domain::kMaxSummaryChars) {
      f["summary"] = "must be at most 20000 characters";
    }
    HW_ASSIGN_OR_RETURN(AssessmentView current, BuildAssessmentView(conn, ctx_, row, now));
    domain::ScoreSheet sheet = current.sheet;
    if (Status applied = domain::ApplyScorePatch(current.tmpl, in.scores, &sheet); !applied.ok()) {
      for (const auto& [field, message] : applied.fields()) f.emplace(field, message);
    }
    if (!f.empty()) return Status::InvalidArgument("invalid assessment", std::move(f));
    if (row.version != in.version) {
      return Status::Conflict("the assessment was changed by someone else")
          .WithDetail("current_version", row.version);
    }
    if (in.assessed_on) row.assessed_on = *in.assessed_on;
    const std::string summary = in.summary.value_or(current.summary);
    StoreScores(current.tmpl, sheet, &row);
    HW_RETURN_IF_ERROR(SealInto(conn, ctx_, now, sheet, summary, &row));
    storage::AssessmentStore store(conn);
    HW_RETURN_IF_ERROR(store.Update(row, now));
    HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                   {"assessment.update", "assessment", row.id, row.office_id}));
    row.version += 1;
    row.updated_at = now;
    HW_ASSIGN_OR_RETURN(view, BuildAssessmentView(conn, ctx_, std::move(row), now));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

Result<AssessmentView> AssessmentService::Finish(const Principal& p, const std::string& id,
                                                 long long version, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateAssessmentPerm, ""));
  const TimeMs now = ctx_.clock.NowMs();
  AssessmentView view;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::AssessmentRow row,
                        LoadScopedAssessment(conn, p, id, kUpdateAssessmentPerm));
    if (row.status == kFinished) return FinishedConflict();
    if (row.version != version) {
      return Status::Conflict("the assessment was changed by someone else")
          .WithDetail("current_version", row.version);
    }
    HW_ASSIGN_OR_RETURN(AssessmentView current, BuildAssessmentView(conn, ctx_, row, now));
    Status::Fields unscored = domain::UnscoredItems(current.tmpl, current.sheet);
    if (!unscored.empty()) {
      return Status::InvalidArgument("every item must be scored or marked n/a before finishing",
                                     std::move(unscored));
    }
    row.status = kFinished;
    row.finished_by = p.user_id;
    row.finished_at = now;
    HW_RETURN_IF_ERROR(storage::AssessmentStore(conn).Update(row, now));
    HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                   {"assessment.finish", "assessment", row.id, row.office_id}));
    row.version += 1;
    row.updated_at = now;
    current.row = std::move(row);
    view = std::move(current);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

Result<ChangesView> AssessmentService::Changes(const Principal& p, const std::string& id) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadAssessmentPerm, ""));
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(storage::AssessmentRow row,
                      LoadScopedAssessment(*conn, p, id, kReadAssessmentPerm));
  const TimeMs now = ctx_.clock.NowMs();
  HW_ASSIGN_OR_RETURN(AssessmentView current, BuildAssessmentView(*conn, ctx_, row, now));
  ChangesView out;
  out.assessment_id = row.id;
  if (current.previous_id.empty()) {
    out.changes = domain::DiffAssessments(current.tmpl, current.sheet, nullptr, nullptr);
    return out;
  }
  HW_ASSIGN_OR_RETURN(auto prev_row, storage::AssessmentStore(*conn).Get(current.previous_id));
  if (!prev_row) return Status::Internal("previous assessment vanished");
  HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate prev_t,
                      LoadTemplate(*conn, prev_row->template_id, prev_row->template_version));
  domain::ScoreSheet prev_sheet;
  std::string prev_summary;
  HW_RETURN_IF_ERROR(SheetFromStored(prev_row->scores, "", &prev_sheet, &prev_summary));
  out.previous_id = prev_row->id;
  out.previous_assessed_on = prev_row->assessed_on;
  out.changes = domain::DiffAssessments(current.tmpl, current.sheet, &prev_t, &prev_sheet);
  return out;
}

Result<std::vector<ComparisonRow>> AssessmentService::Comparison(const Principal& p,
                                                                 const std::string& template_id,
                                                                 const std::string& area) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadAssessmentPerm, ""));
  const std::string tid =
      template_id.empty() ? std::string(domain::kDefaultAssessmentTemplateId) : template_id;
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  storage::AssessmentStore store(*conn);
  HW_ASSIGN_OR_RETURN(auto versions, store.ListTemplates(tid));
  if (versions.empty()) return Status::InvalidField("template_id", "unknown assessment template");
  if (!area.empty()) {
    bool known = false;
    for (const auto& v : versions) {
      HW_ASSIGN_OR_RETURN(domain::AssessmentTemplate t, TemplateFromRow(v));
      known = known || t.FindArea(area) != nullptr;
    }
    if (!known) return Status::InvalidField("area", "no version of the template has this area");
  }
  HW_ASSIGN_OR_RETURN(auto rows, store.ListFinished(tid, OfficeFilter(p)));
  std::vector<ComparisonRow> out;
  std::string last_shelter;
  for (auto& row : rows) {
    if (row.shelter_id == last_shelter) continue;  // rows are newest first per shelter
    last_shelter = row.shelter_id;
    ComparisonRow c;
    HW_ASSIGN_OR_RETURN(c.latest, ToListRow(std::move(row)));
    for (const auto& [key, score] : c.latest.area_scores) {
      if (key == area) c.area_score = score;
    }
    out.push_back(std::move(c));
  }
  auto sort_key = [&](const ComparisonRow& c) {
    return area.empty() ? c.latest.overall : c.area_score;
  };
  std::stable_sort(out.begin(), out.end(), [&](const ComparisonRow& a, const ComparisonRow& b) {
    const auto ka = sort_key(a), kb = sort_key(b);
    if (ka.has_value() != kb.has_value()) return ka.has_value();
    if (ka && *ka != *kb) return *ka > *kb;
    return a.latest.row.shelter_name < b.latest.row.shelter_name;
  });
  return out;
}

}  // namespace hw::service
