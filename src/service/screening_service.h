// Screening with versioned indicator sets: the service computes the published rule's suggestion
// (domain/screening.h) and stores it with the observed indicators; a caseworker then records the
// identification decision and a justification, which sets the case's vic_TraffickingStatus.
// Nothing is decided automatically.
//
// Permissions: listing sets needs read:case or update:indicator_set; a new set version needs
// update:indicator_set (admin); screening a case and deciding need update:case, listing a case's
// screenings read:case. Free text (notes, justification) is sealed under the case's data key,
// written only by view_pii holders and shown only to them, each such read audited.
// Errors: another office's case is NotFound; stale versions Conflict with current_version.
// Thread-safe (holds references only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/screening.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"

namespace hw::service {

inline constexpr const char* kUpdateIndicatorSetPerm = "update:indicator_set";

struct IndicatorSetView {
  domain::IndicatorSet set;
  std::string created_by;
  TimeMs created_at = 0;
};

struct ScreeningInput {
  std::string indicator_set;
  long long set_version = 0;  // 0 = the latest version
  std::vector<std::string> observed;
  std::string notes;  // "" = none
};

struct DecisionInput {
  std::string decision;  // a vic_TraffickingStatus value
  std::string justification;
  long long case_version = 0;
};

struct ScreeningView {
  std::string id;
  std::string case_id;
  std::string office_id;
  std::string indicator_set;
  long long set_version = 1;
  std::vector<std::string> observed;
  domain::ScreeningResult result;
  bool with_pii = false;  // notes and justification present
  std::string notes;
  std::string decision;  // "" = not decided yet
  std::string justification;
  std::string decided_by;
  TimeMs decided_at = 0;
  std::string created_by;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  long long version = 1;
  long long case_version = 0;  // the case's version after a decision (0 otherwise)
};

class ScreeningService {
 public:
  explicit ScreeningService(Context& ctx) : ctx_(ctx) {}

  Result<std::vector<IndicatorSetView>> ListSets(const Principal& p);
  // Stores `set` as a new version of its id. For an existing id, `based_on` must be the latest
  // version (else Conflict with current_version) and population and kind must stay the same; a
  // new id starts at version 1. `set.version` is ignored.
  Result<IndicatorSetView> CreateSetVersion(const Principal& p, domain::IndicatorSet set,
                                            std::optional<long long> based_on,
                                            const RequestInfo& info);

  Result<ScreeningView> Screen(const Principal& p, const std::string& case_id,
                               const ScreeningInput& in, const RequestInfo& info);
  Result<Page<ScreeningView>> List(const Principal& p, const std::string& case_id,
                                   const PageRequest& page, const RequestInfo& info);
  // Records the decision on a screening not yet decided (else Conflict "already_decided") and
  // sets the case's vic_TraffickingStatus, guarded by `in.case_version`.
  Result<ScreeningView> Decide(const Principal& p, const std::string& case_id,
                               const std::string& screening_id, const DecisionInput& in,
                               const RequestInfo& info);

 private:
  Context& ctx_;
};

// Inserts the shipped indicator sets (version 1) that are not in the store yet. Run at startup.
Status SeedIndicatorSets(storage::Database& db, TimeMs now);

}  // namespace hw::service
