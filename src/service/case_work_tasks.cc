// Tasks of cases (CaseWorkService, continued from case_work_service.cc).
#include <map>
#include <memory>

#include "common/id.h"
#include "domain/case.h"
#include "domain/user.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "service/case_scope.h"
#include "service/case_work_service.h"
#include "storage/case_work_store.h"
#include "storage/key_store.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

std::string TitleField(const std::string& id) { return "task:" + id + ":title"; }

Status CheckAssignee(storage::Connection& conn, const std::string& user_id,
                     const std::string& office_id) {
  std::optional<domain::User> user;
  if (IsValidId(user_id)) {
    HW_ASSIGN_OR_RETURN(user, storage::UserStore(conn).Get(user_id));
  }
  if (!user || user->disabled || user->office_id != office_id) {
    return Status::InvalidField("assignee", "must be an active user of the case's office");
  }
  return Status::Ok();
}

// The validation of a task together with the errors found while reading the request.
Status CheckTask(const domain::CaseTask& t, Status::Fields errors) {
  Status st = domain::ValidateTask(t);
  for (const auto& [field, message] : st.fields()) errors.emplace(field, message);
  if (!errors.empty()) return Status::InvalidArgument("invalid task", std::move(errors));
  return Status::Ok();
}

// Opens task titles of many cases, fetching each case's key once.
class TitleOpener {
 public:
  explicit TitleOpener(crypto::RecordCipher& cipher) : cipher_(cipher) {}
  Result<std::string> Open(const domain::CaseTask& t) {
    auto& opener = openers_[t.case_id];
    if (!opener) opener = std::make_unique<CaseTextOpener>(cipher_, t.case_id);
    return opener->Open(TitleField(t.id), t.title);
  }

 private:
  crypto::RecordCipher& cipher_;
  std::map<std::string, std::unique_ptr<CaseTextOpener>> openers_;
};

// Fills a page of views from store rows (limit + 1 fetched), opening titles when allowed.
Status FillTasks(std::vector<domain::CaseTask> rows, const PageRequest& page, bool with_pii,
                 const std::string& today, TitleOpener& titles, Page<TaskView>& out,
                 bool cursor_by_due) {
  for (auto& t : rows) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      const domain::CaseTask& last = out.items.back().task;
      out.next = cursor_by_due ? last.due_date + "_" + last.id : last.id;
      break;
    }
    TaskView v;
    v.with_pii = with_pii;
    v.overdue = t.status == "open" && t.due_date < today;
    if (with_pii) {
      HW_ASSIGN_OR_RETURN(t.title, titles.Open(t));
    } else {
      t.title.clear();
    }
    v.task = std::move(t);
    out.items.push_back(std::move(v));
  }
  return Status::Ok();
}

}  // namespace

Result<Page<TaskView>> CaseWorkService::ListTasks(const Principal& p, const std::string& case_id,
                                                  const PageRequest& page,
                                                  const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCasePerm, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  Page<TaskView> out;
  auto run = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kReadCasePerm));
    HW_ASSIGN_OR_RETURN(auto rows,
                        storage::CaseWorkStore(conn).ListTasks(c.id, page.after, page.limit + 1));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    TitleOpener titles(cipher);
    HW_RETURN_IF_ERROR(
        FillTasks(std::move(rows), page, with_pii, domain::TodayIso(now), titles, out, false));
    if (!with_pii || out.items.empty()) return Status::Ok();
    return AppendAudit(conn, ctx_, p.user_id, info, {"task.read_pii", "case", c.id, c.office_id});
  };
  if (with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(run));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(run(*conn));
  }
  return out;
}

Result<TaskView> CaseWorkService::CreateTask(const Principal& p, const std::string& case_id,
                                             const TaskInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  if (!p.Has(domain::perm::kViewPii)) return Status::PermissionDenied("tasks need view_pii");
  const TimeMs now = ctx_.clock.NowMs();
  domain::CaseTask t;
  t.title = in.title.value_or("");
  t.due_date = in.due_date.value_or("");
  t.assignee_id = in.assignee.value_or(p.user_id);
  t.status = in.status.value_or("open");
  HW_RETURN_IF_ERROR(CheckTask(t, in.errors));
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    HW_RETURN_IF_ERROR(CheckAssignee(conn, t.assignee_id, c.office_id));
    t.id = NewId();
    t.case_id = c.id;
    t.office_id = c.office_id;
    t.case_number = c.number;
    t.created_by = p.user_id;
    t.created_at = t.updated_at = now;
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    domain::CaseTask sealed = t;
    HW_ASSIGN_OR_RETURN(sealed.title, cipher.SealField(c.id, TitleField(t.id), t.title));
    HW_RETURN_IF_ERROR(storage::CaseWorkStore(conn).InsertTask(sealed));
    return AppendAudit(conn, ctx_, p.user_id, info, {"task.create", "task", t.id, c.office_id});
  });
  if (!st.ok()) return st;
  return TaskView{t, true, t.status == "open" && t.due_date < domain::TodayIso(now)};
}

Result<TaskView> CaseWorkService::PatchTask(const Principal& p, const std::string& case_id,
                                            const std::string& task_id, long long version,
                                            const TaskInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCasePerm, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  if (in.title && !with_pii) return Status::PermissionDenied("task titles need view_pii");
  const TimeMs now = ctx_.clock.NowMs();
  domain::CaseTask t;
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(storage::CaseRow c, LoadScopedCase(conn, p, case_id, kUpdateCasePerm));
    storage::CaseWorkStore store(conn);
    HW_ASSIGN_OR_RETURN(auto found, store.GetTask(task_id));
    if (!found || found->case_id != c.id) return Status::NotFound("task not found");
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    domain::CaseTask sealed = *found;
    t = *std::move(found);
    if (with_pii) {
      HW_ASSIGN_OR_RETURN(t.title, cipher.OpenField(c.id, TitleField(t.id), sealed.title));
    } else {
      t.title.clear();
    }
    if (in.title) t.title = *in.title;
    if (in.due_date) t.due_date = *in.due_date;
    if (in.assignee) t.assignee_id = *in.assignee;
    if (in.status) t.status = *in.status;
    domain::CaseTask check = t;
    if (!with_pii) check.title = "-";  // unchanged, and not the caller's to see
    HW_RETURN_IF_ERROR(CheckTask(check, in.errors));
    if (in.assignee) HW_RETURN_IF_ERROR(CheckAssignee(conn, t.assignee_id, c.office_id));
    if (t.version != version) {
      return Status::Conflict("the task was changed by someone else")
          .WithDetail("current_version", t.version);
    }
    if (in.title) {
      HW_ASSIGN_OR_RETURN(sealed.title, cipher.SealField(c.id, TitleField(t.id), *in.title));
    }
    sealed.due_date = t.due_date;
    sealed.assignee_id = t.assignee_id;
    sealed.status = t.status;
    HW_RETURN_IF_ERROR(store.UpdateTask(sealed, now));
    t.version += 1;
    t.updated_at = now;
    return AppendAudit(conn, ctx_, p.user_id, info, {"task.update", "task", t.id, c.office_id});
  });
  if (!st.ok()) return st;
  return TaskView{t, with_pii, t.status == "open" && t.due_date < domain::TodayIso(now)};
}

Result<Page<TaskView>> CaseWorkService::FindTasks(const Principal& p, const TaskQuery& q,
                                                  const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCasePerm, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  const std::string today = domain::TodayIso(now);
  storage::TaskFilter f;
  Status::Fields errors;
  f.assignee_id = q.assignee.empty() || q.assignee == "me" ? p.user_id : q.assignee;
  if (!IsValidId(f.assignee_id)) errors["assignee"] = "must be me or a user id";
  if (q.status == "open" || q.status == "done") {
    f.status = q.status;
  } else if (q.status != "all") {
    errors["status"] = "must be one of open, done, all";
  }
  if (q.overdue) {
    if (q.status == "done") errors["overdue"] = "only open tasks can be overdue";
    f.status = "open";
    f.due_before = today;
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid filter", std::move(errors));
  f.office_id = OfficeFilter(p);
  f.after = q.page.after;
  f.limit = q.page.limit + 1;
  Page<TaskView> out;
  auto run = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(auto rows, storage::CaseWorkStore(conn).FindTasks(f));
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    TitleOpener titles(cipher);
    HW_RETURN_IF_ERROR(FillTasks(std::move(rows), q.page, with_pii, today, titles, out, true));
    if (!with_pii || out.items.empty()) return Status::Ok();
    return AppendAudit(conn, ctx_, p.user_id, info, {"task.read_pii", "task", "", p.office_id});
  };
  if (with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(run));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(run(*conn));
  }
  return out;
}

}  // namespace hw::service
