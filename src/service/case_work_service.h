// The work on a case below /cases/{id}: assistance services, notes and tasks.
//
// Permissions: reading needs read:case, writing update:case, both for the case's office (another
// office's case is NotFound). Notes and task titles are free text that may describe the person:
// sealed under the case's data key (fields "note:<id>", "task:<id>:title"), written only by
// view_pii holders, shown only to them, and every read of them is audited. Services hold no
// personal data. Every mutation is audited (no personal values) and every update is
// version-checked (Conflict with current_version).
// Thread-safe (holds references only).
#pragma once

#include <optional>
#include <set>
#include <string>

#include "common/result.h"
#include "domain/case_work.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"

namespace hw::service {

// Fields of a service as sent; absent = std::nullopt, null = named in `cleared`.
struct ServiceInput {
  std::optional<std::string> type, provider, start_date, end_date, status, currency, funding_source;
  std::optional<double> cost;
  std::set<std::string> cleared;
  Status::Fields errors;  // found while reading the request; reported with the validation's
};

// Fields of a task as sent; absent = std::nullopt.
struct TaskInput {
  std::optional<std::string> title, due_date, assignee, status;
  Status::Fields errors;  // found while reading the request; reported with the validation's
};

struct TaskView {
  domain::CaseTask task;  // title "" unless with_pii
  bool with_pii = false;
  bool overdue = false;  // open and due before today (UTC)
};

struct TaskQuery {
  std::string assignee = "me";  // "me" or a user id
  std::string status = "open";  // open | done | all
  bool overdue = false;
  PageRequest page;
};

class CaseWorkService {
 public:
  explicit CaseWorkService(Context& ctx) : ctx_(ctx) {}

  Result<Page<domain::AssistanceService>> ListServices(const Principal& p,
                                                       const std::string& case_id,
                                                       const PageRequest& page);
  Result<domain::AssistanceService> CreateService(const Principal& p, const std::string& case_id,
                                                  const ServiceInput& in, const RequestInfo& info);
  Result<domain::AssistanceService> PatchService(const Principal& p, const std::string& case_id,
                                                 const std::string& service_id, long long version,
                                                 const ServiceInput& in, const RequestInfo& info);

  Result<Page<domain::CaseNote>> ListNotes(const Principal& p, const std::string& case_id,
                                           const PageRequest& page, const RequestInfo& info);
  Result<domain::CaseNote> CreateNote(const Principal& p, const std::string& case_id,
                                      const std::string& text, const RequestInfo& info);

  Result<Page<TaskView>> ListTasks(const Principal& p, const std::string& case_id,
                                   const PageRequest& page, const RequestInfo& info);
  Result<TaskView> CreateTask(const Principal& p, const std::string& case_id, const TaskInput& in,
                              const RequestInfo& info);
  Result<TaskView> PatchTask(const Principal& p, const std::string& case_id,
                             const std::string& task_id, long long version, const TaskInput& in,
                             const RequestInfo& info);
  // Tasks assigned to one user (default the caller) across the cases in the caller's scope,
  // by due date.
  Result<Page<TaskView>> FindTasks(const Principal& p, const TaskQuery& q, const RequestInfo& info);

 private:
  Context& ctx_;
};

}  // namespace hw::service
