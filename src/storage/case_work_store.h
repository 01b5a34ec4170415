// Services, notes and tasks of cases. Sealed columns (note bodies, task titles) arrive and leave
// as raw bytes; the service layer seals and opens them. Runs on the caller's connection (and
// transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/case_work.h"
#include "storage/db.h"

namespace hw::storage {

struct NoteRow {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::string author;
  std::string body;  // sealed bytes
  TimeMs created_at = 0;
};

struct TaskRow {
  domain::CaseTask task;  // `title` holds the sealed bytes
};

struct TaskFilter {
  std::string assignee_id;
  std::string office_id;   // "" = every office
  std::string status;      // "" = any
  std::string due_before;  // YYYY-MM-DD, "" = no bound (overdue: due_date < today)
  std::string after;       // cursor "due_date_id" (URL-safe)
  int limit = 50;
};

class CaseWorkStore {
 public:
  explicit CaseWorkStore(Connection& conn) : conn_(conn) {}

  Status InsertService(const domain::AssistanceService& s);
  Result<std::optional<domain::AssistanceService>> GetService(const std::string& id);
  Result<std::vector<domain::AssistanceService>> ListServices(const std::string& case_id,
                                                              const std::string& after, int limit);
  // Version-checked: Conflict (detail current_version) when stale; bumps the version.
  Status UpdateService(const domain::AssistanceService& s, TimeMs now);

  Status InsertNote(const NoteRow& n);
  Result<std::vector<NoteRow>> ListNotes(const std::string& case_id, const std::string& after,
                                         int limit);

  Status InsertTask(const domain::CaseTask& t);
  Result<std::optional<domain::CaseTask>> GetTask(const std::string& id);
  Result<std::vector<domain::CaseTask>> ListTasks(const std::string& case_id,
                                                  const std::string& after, int limit);
  // Tasks by due date then id, with the case number filled in.
  Result<std::vector<domain::CaseTask>> FindTasks(const TaskFilter& f);
  Status UpdateTask(const domain::CaseTask& t, TimeMs now);

 private:
  Connection& conn_;
};

}  // namespace hw::storage
