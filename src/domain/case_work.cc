#include "domain/case_work.h"

#include <algorithm>
#include <cmath>

#include "domain/case.h"
#include "domain/vocabulary.h"

namespace hw::domain {
namespace {

template <size_t N>
std::string OneOfMessage(const std::array<std::string_view, N>& allowed) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < N; ++i) out += (i == 0 ? "" : ", ") + std::string(allowed[i]);
  return out;
}

bool Blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

Status ValidateAssistanceService(const AssistanceService& s) {
  Status::Fields f;
  if (!IsOneOf(kServiceTypes, s.type)) f["type"] = OneOfMessage(kServiceTypes);
  if (!IsOneOf(kServiceStatuses, s.status)) f["status"] = OneOfMessage(kServiceStatuses);
  if (Utf8Length(s.provider) > kMaxShortText) f["provider"] = "must be at most 200 characters";
  if (Utf8Length(s.funding_source) > kMaxShortText) {
    f["funding_source"] = "must be at most 200 characters";
  }
  if (!s.start_date.empty() && !IsIsoDate(s.start_date)) {
    f["start_date"] = "must be a date YYYY-MM-DD";
  }
  if (!s.end_date.empty() && !IsIsoDate(s.end_date)) {
    f["end_date"] = "must be a date YYYY-MM-DD";
  } else if (!s.end_date.empty() && IsIsoDate(s.start_date) && s.end_date < s.start_date) {
    f["end_date"] = "must not be before start_date";
  }
  if (s.cost_milli && (*s.cost_milli < 0 || *s.cost_milli > kMaxCost * 1000)) {
    f["cost"] = "must be a number from 0 to " + std::to_string(kMaxCost);
  }
  if (!s.currency.empty() && !IsIsoCurrency(s.currency)) {
    f["currency"] = "must be an ISO 4217 currency code, e.g. USD";
  } else if (s.cost_milli && s.currency.empty()) {
    f["currency"] = "is required with a cost (ISO 4217, e.g. USD)";
  }
  if (!f.empty()) return Status::InvalidArgument("invalid service", std::move(f));
  return Status::Ok();
}

Status ValidateTask(const CaseTask& t) {
  Status::Fields f;
  size_t len = Utf8Length(t.title);
  if (len == 0 || Blank(t.title) || len > kMaxTaskTitleChars) {
    f["title"] = "must be 1 to 500 characters";
  }
  if (!IsIsoDate(t.due_date)) f["due_date"] = "must be a date YYYY-MM-DD";
  if (!IsOneOf(kTaskStatuses, t.status)) f["status"] = OneOfMessage(kTaskStatuses);
  if (!f.empty()) return Status::InvalidArgument("invalid task", std::move(f));
  return Status::Ok();
}

Status ValidateNoteText(const std::string& text) {
  size_t len = Utf8Length(text);
  if (len == 0 || Blank(text) || len > kMaxNoteChars) {
    return Status::InvalidField("text", "must be 1 to 20000 characters");
  }
  return Status::Ok();
}

Result<std::int64_t> CostToMilli(double cost) {
  if (!std::isfinite(cost) || cost < 0 || cost > static_cast<double>(kMaxCost)) {
    return Status::InvalidField("cost", "must be a number from 0 to " + std::to_string(kMaxCost));
  }
  double milli = cost * 1000.0;
  double rounded = std::round(milli);
  if (std::fabs(milli - rounded) > 1e-6 * std::max(1.0, milli)) {
    return Status::InvalidField("cost", "must have at most 3 decimals");
  }
  return static_cast<std::int64_t>(rounded);
}

}  // namespace hw::domain
