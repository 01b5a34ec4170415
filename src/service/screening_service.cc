#include "service/screening_service.h"

#include <boost/json.hpp>

#include "common/id.h"
#include "domain/case_work.h"
#include "domain/user.h"
#include "domain/vocabulary.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_scope.h"
#include "service/screening_codec.h"
#include "storage/key_store.h"
#include "storage/screening_store.h"

namespace hw::service {
namespace {

namespace json = boost::json;

std::string NotesField(const std::string& id) { return "screening:" + id + ":notes"; }
std::string JustificationField(const std::string& id) {
  return "screening:" + id + ":justification";
}

Result<ScreeningView> ToView(const storage::ScreeningRow& row, CaseTextOpener* opener) {
  ScreeningView v;
  v.id = row.id;
  v.case_id = row.case_id;
  v.office_id = row.office_id;
  v.indicator_set = row.indicator_set;
  v.set_version = row.set_version;
  boost::system::error_code ec;
  json::value observed = json::parse(row.observed, ec);
  if (ec || !observed.is_array()) return Status::Internal("screening observed is not JSON");
  for (const auto& id : observed.as_array()) {
    if (id.is_string()) v.observed.emplace_back(id.as_string());
  }
  HW_ASSIGN_OR_RETURN(v.result, ScreeningResultFromJson(row.result));
  v.decision = row.decision;
  v.decided_by = row.decided_by;
  v.decided_at = row.decided_at;
  v.created_by = row.created_by;
  v.created_at = row.created_at;
  v.updated_at = row.updated_at;
  v.version = row.version;
  if (opener) {
    v.with_pii = true;
    HW_ASSIGN_OR_RETURN(v.notes, opener->Open(NotesField(row.id), row.notes));
    HW_ASSIGN_OR_RETURN(v.justification,
                        opener->Open(JustificationField(row.id), row.justification));
  }
  return v;
}

Status CheckText(const char* field, const std::string& text, bool required) {
  if (text.empty() && !required) return Status::Ok();
  if (domain::ValidateNoteText(text).ok()) return Status::Ok();
  return Status::InvalidField(field, "must be 1 to 20000 characters");
}

}  // namespace

Status SeedIndicatorSets(storage::Database& db, TimeMs now) {
  return db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::ScreeningStore store(conn);
    for (const domain::IndicatorSet& set : domain::DefaultIndicatorSets()) {
      HW_RETURN_IF_ERROR(store.InsertSetIfAbsent(IndicatorSetToRow(set, "system", now)));
    }
    return Status::Ok();
  });
}

Result<std::vector<IndicatorSetView>> ScreeningService::ListSets(const Principal& p) {
  if (!Authorize(p, kUpdateIndicatorSetPerm, "").ok()) {
    HW_RETURN_IF_ERROR(Authorize(p, kReadCasePerm, ""));
  }
  HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto rows, storage::ScreeningStore(*conn).ListSets());
  std::vector<IndicatorSetView> out;
  for (const auto& row : rows) {
    HW_ASSIGN_OR_RETURN(domain::IndicatorSet set, IndicatorSetFromRow(row));
    out.push_back({std::move(set), row.created_by, row.created_at});
  }
  return out;
}

Result<IndicatorSetView> ScreeningService::CreateSetVersion(const Principal& p,
                                                            domain::IndicatorSet set,
                                                            std::optional<long long> based_on,
                                                            const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateIndicatorSetPerm, ""));
  set.version = 1;
  HW_RETURN_IF_ERROR(domain::ValidateIndicatorSet(set));
  const TimeMs now = ctx_.clock.NowMs();
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::ScreeningStore store(conn);
    HW_ASSIGN_OR_RETURN(auto latest, store.GetSet(set.id, 0));
    if (latest) {
      if (!based_on) {
        return Status::InvalidField("version", "is required: the version this edit is based on");
      }
      if (*based_on != latest->version) {
        return Status::Conflict("the indicator set has a newer version")
            .WithDetail("current_version", latest->version);
      }
      Status::Fields f;
      if (latest->population != domain::PopulationName(set.population)) {
        f["population"] = "must stay " + latest->population + " across versions";
      }
      if (latest->kind != domain::ExploitationKindName(set.kind)) {
        f["kind"] = "must stay " + latest->kind + " across versions";
      }
      if (!f.empty()) return Status::InvalidArgument("invalid indicator set", std::move(f));
      set.version = static_cast<int>(latest->version + 1);
    } else if (based_on && *based_on != 0) {
      return Status::NotFound("indicator set not found");
    }
    HW_RETURN_IF_ERROR(store.InsertSet(IndicatorSetToRow(set, p.user_id, now)));
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"indicator_set.create", "indicator_set",
                        set.id + "@" + std::to_string(set.version), p.office_id});
  });
  if (!st.ok()) return st;
  return IndicatorSetView{std::move(set), p.user_id, now};
}

Result<ScreeningView> ScreeningService::Screen(const Principal& p, const std::string& case_id,
                                               const ScreeningInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  if (!in.notes.empty() && !with_pii) {
    return Status::PermissionDenied("writing screening notes needs view_pii");
  }
  Status::Fields f;
  if (in.indicator_set.empty()) f["indicator_set"] = "is required";
  if (in.set_version < 0) f["version"] = "must be 1 or more";
  if (!CheckText("notes", in.notes, false).ok()) f["notes"] = "must be at most 20000 characters";
  if (!f.empty()) return Status::InvalidArgument("invalid screening", std::move(f));
  const TimeMs now = ctx_.clock.NowMs();
  ScreeningView view;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    storage::ScreeningStore store(conn);
    HW_ASSIGN_OR_RETURN(auto set_row, store.GetSet(in.indicator_set, in.set_version));
    if (!set_row) {
      HW_ASSIGN_OR_RETURN(auto any, store.GetSet(in.indicator_set, 0));
      return any ? Status::InvalidField("version", "no such version of the indicator set")
                 : Status::InvalidField("indicator_set", "unknown indicator set");
    }
    HW_ASSIGN_OR_RETURN(domain::IndicatorSet set, IndicatorSetFromRow(*set_row));
    auto result = domain::EvaluateScreening(set, in.observed);
    if (!result.ok()) {
      auto bad = result.status().fields().find("indicators");
      return Status::InvalidField("observed",
                                  bad == result.status().fields().end() ? "invalid" : bad->second);
    }
    storage::ScreeningRow row;
    row.id = NewId();
    row.case_id = c.id;
    row.office_id = c.office_id;
    row.indicator_set = set.id;
    row.set_version = set.version;
    row.observed = json::serialize(json::array(in.observed.begin(), in.observed.end()));
    row.result = json::serialize(ScreeningResultToJson(*result));
    row.suggested_victim = result->suggested_victim;
    if (!in.notes.empty()) {
      storage::SqlWrappedKeyStore keys(conn, now);
      crypto::RecordCipher cipher(ctx_.keyring, keys);
      HW_ASSIGN_OR_RETURN(row.notes, cipher.SealField(c.id, NotesField(row.id), in.notes));
    }
    row.created_by = p.user_id;
    row.created_at = row.updated_at = now;
    HW_RETURN_IF_ERROR(store.Insert(row));
    HW_ASSIGN_OR_RETURN(view, ToView(row, nullptr));
    view.with_pii = with_pii;
    view.notes = in.notes;
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"screening.create", "screening", row.id, c.office_id});
  });
  if (!st.ok()) return st;
  return view;
}

Result<Page<ScreeningView>> ScreeningService::List(const Principal& p, const std::string& case_id,
                                                   const PageRequest& page,
                                                   const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCasePerm, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  Page<ScreeningView> out;
  auto run = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kReadCasePerm));
    HW_ASSIGN_OR_RETURN(auto rows,
                        storage::ScreeningStore(conn).ListByCase(c.id, page.after, page.limit + 1));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    CaseTextOpener opener(cipher, c.id);
    bool read_pii = false;
    for (const auto& row : rows) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = out.items.back().id;
        break;
      }
      read_pii = read_pii || (with_pii && (!row.notes.empty() || !row.justification.empty()));
      HW_ASSIGN_OR_RETURN(ScreeningView v, ToView(row, with_pii ? &opener : nullptr));
      out.items.push_back(std::move(v));
    }
    if (!read_pii) return Status::Ok();
    return AppendAudit(conn, ctx_, p.user_id, info,
                       {"screening.read_pii", "case", c.id, c.office_id});
  };
  if (with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(run));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(run(*conn));
  }
  return out;
}

Result<ScreeningView> ScreeningService::Decide(const Principal& p, const std::string& case_id,
                                               const std::string& screening_id,
                                               const DecisionInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  if (!p.Has(domain::perm::kViewPii)) {
    return Status::PermissionDenied("recording a decision needs view_pii");
  }
  Status::Fields f;
  if (in.decision.empty()) {
    f["decision"] = "is required";
  } else if (Status st = domain::CheckValue("decision", "vic_TraffickingStatus", in.decision);
             !st.ok()) {
    f.insert(st.fields().begin(), st.fields().end());
  }
  if (!CheckText("justification", in.justification, true).ok()) {
    f["justification"] = "is required: 1 to 20000 characters saying why";
  }
  if (!f.empty()) return Status::InvalidArgument("invalid decision", std::move(f));
  const TimeMs now = ctx_.clock.NowMs();
  ScreeningView view;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    storage::ScreeningStore store(conn);
    HW_ASSIGN_OR_RETURN(auto row, store.Get(screening_id));
    if (!row || row->case_id != c.id) return Status::NotFound("screening not found");
    if (!row->decision.empty()) {
      return Status::Conflict("this screening is already decided; screen again to revisit")
          .WithReason("already_decided");
    }
    if (c.version != in.case_version) {
      return Status::Conflict("the case was changed by someone else")
          .WithDetail("current_version", c.version);
    }
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    row->decision = in.decision;
    HW_ASSIGN_OR_RETURN(row->justification,
                        cipher.SealField(c.id, JustificationField(row->id), in.justification));
    row->decided_by = p.user_id;
    row->decided_at = now;
    HW_RETURN_IF_ERROR(store.UpdateDecision(*row, now));
    const std::string before = c.trafficking_status;
    c.trafficking_status = in.decision;
    storage::CaseStore cases(conn);
    HW_RETURN_IF_ERROR(cases.Update(c, now));
    json::array changes{json::object{{"field", "vic_TraffickingStatus"},
                                     {"from", before.empty() ? json::value() : json::value(before)},
                                     {"to", in.decision},
                                     {"screening_id", row->id}}};
    HW_RETURN_IF_ERROR(cases.InsertHistory(c.id, c.office_id,
                                           {NewId(), p.user_id, now, json::serialize(changes)}));
    row->version += 1;
    row->updated_at = now;
    HW_ASSIGN_OR_RETURN(view, ToView(*row, nullptr));
    CaseTextOpener opener(cipher, c.id);
    view.with_pii = true;
    HW_ASSIGN_OR_RETURN(view.notes, opener.Open(NotesField(row->id), row->notes));
    view.justification = in.justification;
    view.case_version = c.version + 1;
    HW_RETURN_IF_ERROR(AppendAudit(conn, ctx_, p.user_id, info,
                                   {"screening.decide", "screening", row->id, c.office_id}));
    return AppendAudit(conn, ctx_, p.user_id, info, {"case.update", "case", c.id, c.office_id});
  });
  if (!st.ok()) return st;
  return view;
}

}  // namespace hw::service
