#include "service/consent_service.h"

#include <charconv>

#include "common/id.h"
#include "domain/case.h"
#include "domain/vocabulary.h"
#include "service/access_policy.h"
#include "service/audit_log.h"
#include "storage/case_store.h"
#include "storage/consent_store.h"
#include "storage/key_store.h"

namespace hw::service {
namespace {

constexpr const char* kReadCase = "read:case";
constexpr const char* kUpdateCase = "update:case";

std::string WitnessField(const std::string& consent_id) { return "consent_witness:" + consent_id; }

// The case's office when `p` may act on it with `permission`; NotFound otherwise, so a case of
// another office looks exactly like a missing one.
Result<std::string> CaseOffice(storage::Connection& conn, const Principal& p,
                               const std::string& case_id, const char* permission) {
  HW_ASSIGN_OR_RETURN(auto row, storage::CaseStore(conn).Get(case_id));
  if (!row || !Authorize(p, permission, row->office_id).ok()) {
    return Status::NotFound("case not found");
  }
  return row->office_id;
}

}  // namespace

EffectiveConsents Effective(const std::vector<domain::Consent>& newest_first) {
  EffectiveConsents out;
  for (const std::string& kind : domain::ConsentKinds()) {
    if (kind != domain::consent::kSharing) out.by_kind[kind] = "";
  }
  std::map<std::string, bool> seen_org;  // by organisation key
  for (const domain::Consent& c : newest_first) {
    if (c.kind == domain::consent::kSharing) {
      auto key = domain::OrganisationKey(c.organisation);
      if (seen_org.emplace(key, true).second) out.sharing[c.organisation] = c.state;
    } else if (auto it = out.by_kind.find(c.kind); it != out.by_kind.end() && it->second.empty()) {
      it->second = c.state;
    }
  }
  return out;
}

Status RequireConsent(storage::Connection& conn, const std::string& case_id,
                      const std::string& kind, const std::string& organisation) {
  const std::string org_key =
      kind == domain::consent::kSharing ? domain::OrganisationKey(organisation) : std::string();
  HW_ASSIGN_OR_RETURN(auto latest, storage::ConsentStore(conn).Latest(case_id, kind, org_key));
  if (latest && latest->consent.state == domain::consent::kGiven) return Status::Ok();
  std::string what = kind;
  if (!org_key.empty()) what += " with " + domain::QuoteInput(organisation);
  return Status::PermissionDenied("missing consent: " + what).WithReason("consent_required");
}

Result<ConsentView> ConsentService::Add(const Principal& p, const std::string& case_id,
                                        const ConsentInput& in, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kUpdateCase, ""));
  const bool with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  domain::Consent c;
  c.id = NewId();
  c.case_id = case_id;
  c.kind = in.kind;
  c.state = in.state;
  c.date = in.date;
  c.form = in.form;
  c.witness = in.witness;
  c.organisation = in.organisation;
  c.recorded_by = p.user_id;
  c.created_at = now;
  if (!c.witness.empty() && !with_pii) {
    return Status::PermissionDenied("recording a witness needs view_pii");
  }
  Status st = ctx_.db.InTransaction([&](storage::Connection& conn) -> Status {
    // Scope before validation: nothing about another office's case may leak, not even a 422.
    HW_ASSIGN_OR_RETURN(c.office_id, CaseOffice(conn, p, case_id, kUpdateCase));
    HW_RETURN_IF_ERROR(domain::ValidateConsent(c, domain::LatestTodayIso(now)));
    storage::ConsentRow row{c, ""};
    row.consent.witness.clear();
    if (!c.witness.empty()) {
      storage::SqlWrappedKeyStore keys(conn, now);
      crypto::RecordCipher cipher(ctx_.keyring, keys);
      HW_ASSIGN_OR_RETURN(row.sealed_witness,
                          cipher.SealField(case_id, WitnessField(c.id), c.witness));
    }
    HW_RETURN_IF_ERROR(storage::ConsentStore(conn).Append(row));
    c.seq = row.consent.seq;
    return AppendAudit(conn, ctx_, p.user_id, info, {"case.consent", "case", case_id, c.office_id});
  });
  if (!st.ok()) return st;
  return ConsentView{std::move(c), with_pii};
}

Result<ConsentList> ConsentService::List(const Principal& p, const std::string& case_id,
                                         const PageRequest& page, const RequestInfo& info) {
  HW_RETURN_IF_ERROR(Authorize(p, kReadCase, ""));
  std::int64_t after = 0;
  if (!page.after.empty()) {
    auto [end, ec] =
        std::from_chars(page.after.data(), page.after.data() + page.after.size(), after);
    if (ec != std::errc() || end != page.after.data() + page.after.size() || after <= 0) {
      return Status::InvalidField("after", "is not a valid cursor");
    }
  }
  ConsentList out;
  out.with_pii = p.Has(domain::perm::kViewPii);
  const TimeMs now = ctx_.clock.NowMs();
  bool revealed = false;
  auto load = [&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(std::string office_id, CaseOffice(conn, p, case_id, kReadCase));
    HW_ASSIGN_OR_RETURN(auto rows, storage::ConsentStore(conn).ListForCase(case_id));
    std::vector<domain::Consent> all;
    all.reserve(rows.size());
    for (const auto& r : rows) all.push_back(r.consent);
    out.effective = Effective(all);
    storage::SqlWrappedKeyStore keys(conn, now);
    crypto::RecordCipher cipher(ctx_.keyring, keys);
    for (const auto& r : rows) {
      if (after > 0 && r.consent.seq >= after) continue;
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = std::to_string(out.items.back().seq);
        break;
      }
      domain::Consent c = r.consent;
      if (out.with_pii && !r.sealed_witness.empty()) {
        HW_ASSIGN_OR_RETURN(c.witness,
                            cipher.OpenField(case_id, WitnessField(c.id), r.sealed_witness));
        revealed = true;
      }
      out.items.push_back(std::move(c));
    }
    if (!revealed) return Status::Ok();
    // Every view of personal data is on the audit trail, committed with the read.
    return AppendAudit(conn, ctx_, p.user_id, info, {"case.read_pii", "case", case_id, office_id});
  };
  if (out.with_pii) {
    HW_RETURN_IF_ERROR(ctx_.db.InTransaction(load));
  } else {
    HW_ASSIGN_OR_RETURN(auto conn, ctx_.db.Acquire());
    HW_RETURN_IF_ERROR(load(*conn));
  }
  return out;
}

}  // namespace hw::service
