// Consents of a case: recording them (append-only; a withdrawal is a new entry), reading the
// history with the state in effect per kind, and RequireConsent, the check every action that needs
// a consent makes. Reading needs read:case, recording update:case, both within the case's office
// scope (another office's case is NotFound). The witness of a verbal consent is personal: sealed
// under the case's data key, shown and accepted only with view_pii, and every view is audited.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/consent.h"
#include "service/context.h"
#include "service/page.h"
#include "service/principal.h"
#include "storage/db.h"

namespace hw::service {

struct ConsentInput {
  std::string kind, state, date, form, witness, organisation;
};

// The state in effect: per kind ("" = never recorded); sharing per organisation.
struct EffectiveConsents {
  std::map<std::string, std::string> by_kind;  // every kind but sharing
  std::map<std::string, std::string> sharing;  // organisation (latest spelling) -> state
};

struct ConsentList {
  std::vector<domain::Consent> items;  // newest first; witness only when with_pii
  EffectiveConsents effective;
  std::optional<std::string> next;
  bool with_pii = false;
};

struct ConsentView {
  domain::Consent consent;  // witness only when with_pii
  bool with_pii = false;
};

class ConsentService {
 public:
  explicit ConsentService(Context& ctx) : ctx_(ctx) {}

  // Errors: NotFound (no such case in scope), PermissionDenied, InvalidArgument naming fields.
  Result<ConsentView> Add(const Principal& p, const std::string& case_id, const ConsentInput& in,
                          const RequestInfo& info);
  // The effective states cover the whole history, whatever page is asked for.
  Result<ConsentList> List(const Principal& p, const std::string& case_id, const PageRequest& page,
                           const RequestInfo& info);

 private:
  Context& ctx_;
};

// The effective states of a history given newest first.
EffectiveConsents Effective(const std::vector<domain::Consent>& newest_first);

// Ok when the latest `kind` consent of the case (for sharing: with `organisation`) is given;
// else PermissionDenied with reason "consent_required" and a message naming the missing consent
// (-> 403 consent_required). Reads on `conn`, so a withdrawal committed before is seen at once.
Status RequireConsent(storage::Connection& conn, const std::string& case_id,
                      const std::string& kind, const std::string& organisation = "");

}  // namespace hw::service
