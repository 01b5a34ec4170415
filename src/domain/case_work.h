// The day-to-day work on a case: assistance services, notes and tasks. Plain records and their
// validation (no I/O). Free text that may describe the person (a note, a task title) is sealed at
// rest by the service layer; these structs carry it in clear while in memory.
//
// Thread safety: values and pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"
#include "common/status.h"

namespace hw::domain {

// Kinds of assistance (wire names).
inline constexpr std::array<std::string_view, 11> kServiceTypes = {"shelter",
                                                                   "medical",
                                                                   "psychosocial",
                                                                   "legal",
                                                                   "interpretation",
                                                                   "education",
                                                                   "vocational_training",
                                                                   "financial",
                                                                   "family_tracing",
                                                                   "travel_documents",
                                                                   "other"};
inline constexpr std::array<std::string_view, 4> kServiceStatuses = {"planned", "ongoing",
                                                                     "completed", "declined"};
inline constexpr std::array<std::string_view, 2> kTaskStatuses = {"open", "done"};

inline constexpr size_t kMaxNoteChars = 20000;
inline constexpr size_t kMaxTaskTitleChars = 500;
inline constexpr size_t kMaxShortText = 200;  // provider, funding source (characters)
// The largest cost accepted, in whole currency units.
inline constexpr std::int64_t kMaxCost = 1'000'000'000'000;

// One service delivered to (or planned for) a victim.
struct AssistanceService {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::string type;                        // one of kServiceTypes
  std::string provider;                    // "" = not given
  std::string start_date;                  // YYYY-MM-DD or ""
  std::string end_date;                    // YYYY-MM-DD or "", not before start_date
  std::string status;                      // one of kServiceStatuses
  std::optional<std::int64_t> cost_milli;  // thousandths of `currency`
  std::string currency;                    // ISO 4217, required with a cost
  std::string funding_source;              // "" = not given
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

struct CaseNote {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::string author;
  std::string text;  // personal: sealed at rest
  TimeMs created_at = 0;
};

struct CaseTask {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::string case_number;  // filled by listings, for display
  std::string title;        // personal: sealed at rest
  std::string due_date;     // YYYY-MM-DD
  std::string assignee_id;
  std::string status;  // one of kTaskStatuses
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
};

// Checks every field of `s` and names each bad one ("type", "end_date", "currency", ...).
Status ValidateAssistanceService(const AssistanceService& s);
// Checks title, due date and status; the assignee is checked against the store by the service.
Status ValidateTask(const CaseTask& t);
// 1 to kMaxNoteChars characters, not only white space. Names field "text".
Status ValidateNoteText(const std::string& text);

// A cost given as a JSON number, in thousandths: refuses negative values, more than three
// decimals and values above kMaxCost (InvalidField "cost").
Result<std::int64_t> CostToMilli(double cost);

// Characters (Unicode code points) of valid UTF-8 text.
size_t Utf8Length(std::string_view s);

// True when `value` is in `allowed`.
template <size_t N>
bool IsOneOf(const std::array<std::string_view, N>& allowed, std::string_view value) {
  for (std::string_view a : allowed) {
    if (a == value) return true;
  }
  return false;
}

}  // namespace hw::domain
