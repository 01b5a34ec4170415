#include "service/bootstrap.h"

#include <map>

#include "common/id.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "service/assessment_service.h"
#include "service/audit_log.h"
#include "service/case_service.h"
#include "service/demo_assessments.h"
#include "service/demo_shelters.h"
#include "service/screening_service.h"
#include "service/synthetic_cases.h"
#include "storage/case_store.h"
#include "storage/meta_store.h"
#include "storage/office_store.h"
#include "storage/role_store.h"
#include "storage/user_store.h"

namespace hw::service {
namespace {

const RequestInfo kCli{"cli", "local"};

Result<domain::User> InsertUser(Context& ctx, storage::Connection& conn,
                                const std::string& username, const std::string& password,
                                const std::string& role, const std::string& office_id) {
  HW_RETURN_IF_ERROR(crypto::CheckPasswordPolicy(password));
  const TimeMs now = ctx.clock.NowMs();
  domain::User u;
  u.id = NewId();
  u.username = username;
  u.office_id = office_id;
  u.roles = {role};
  u.created_at = u.updated_at = now;
  HW_ASSIGN_OR_RETURN(u.password_hash, crypto::HashPassword(password));
  HW_RETURN_IF_ERROR(storage::UserStore(conn).Insert(u));
  HW_RETURN_IF_ERROR(
      AppendAudit(conn, ctx, "system", kCli, {"user.create", "user", u.id, office_id}));
  return u;
}

}  // namespace

Status PrepareStore(Context& ctx, RoleCatalog& roles) {
  HW_RETURN_IF_ERROR(storage::Migrate(ctx.db));
  HW_RETURN_IF_ERROR(ctx.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::RoleStore store(conn);
    for (const domain::Role& r : DefaultRoles()) HW_RETURN_IF_ERROR(store.Upsert(r));
    return Status::Ok();
  }));
  HW_RETURN_IF_ERROR(roles.Reload(ctx.db));
  HW_RETURN_IF_ERROR(SeedIndicatorSets(ctx.db, ctx.clock.NowMs()));
  HW_RETURN_IF_ERROR(SeedAssessmentTemplates(ctx.db, ctx.clock.NowMs()));
  // A wrong master key would fail only at the first decryption; refuse it at startup instead.
  HW_ASSIGN_OR_RETURN(auto conn, ctx.db.Acquire());
  HW_ASSIGN_OR_RETURN(auto fingerprint, storage::MetaStore(*conn).Get("key_fingerprint"));
  if (fingerprint && *fingerprint != ctx.keyring.Fingerprint()) {
    return Status::PermissionDenied("the master key does not belong to this store");
  }
  return Status::Ok();
}

Status InitializeStore(Context& ctx, RoleCatalog& roles, const InitOptions& opts) {
  HW_RETURN_IF_ERROR(PrepareStore(ctx, roles));
  return ctx.db.InTransaction([&](storage::Connection& conn) -> Status {
    HW_ASSIGN_OR_RETURN(std::int64_t users, storage::UserStore(conn).Count());
    if (users > 0) return Status::Conflict("the store is already initialised");
    const TimeMs now = ctx.clock.NowMs();
    storage::OfficeStore offices(conn);
    domain::Organisation org{NewId(), opts.organisation_name};
    HW_RETURN_IF_ERROR(offices.InsertOrganisation(org, now));
    domain::Office office;
    office.id = NewId();
    office.organisation_id = org.id;
    office.name = opts.office_name;
    office.code = opts.office_code;
    office.country = opts.office_country;
    office.created_at = office.updated_at = now;
    HW_RETURN_IF_ERROR(offices.Insert(office));
    HW_RETURN_IF_ERROR(storage::MetaStore(conn).Put("key_fingerprint", ctx.keyring.Fingerprint()));
    HW_RETURN_IF_ERROR(
        AppendAudit(conn, ctx, "system", kCli, {"store.init", "office", office.id, office.id}));
    return InsertUser(ctx, conn, "admin", opts.admin_password, "admin", office.id).status();
  });
}

Result<std::vector<DemoCredential>> SeedDemo(Context& ctx, RoleCatalog& roles) {
  HW_RETURN_IF_ERROR(PrepareStore(ctx, roles));
  struct DemoOffice {
    const char* name;
    const char* code;
    const char* country;
  };
  static constexpr DemoOffice kOffices[] = {
      {"Kuala Lumpur", "MYS-KUL", "MY"}, {"Hanoi", "VNM-HAN", "VN"},   {"Yangon", "MMR-RGN", "MM"},
      {"Chisinau", "MDA-KIV", "MD"},     {"Kampala", "UGA-KLA", "UG"},
  };
  std::vector<DemoCredential> creds;
  Status st = ctx.db.InTransaction([&](storage::Connection& conn) -> Status {
    storage::OfficeStore offices(conn);
    HW_ASSIGN_OR_RETURN(auto org, offices.FirstOrganisation());
    if (!org) return Status::NotFound("run `homeward init` first");
    const TimeMs now = ctx.clock.NowMs();
    std::map<std::string, std::string> office_ids;
    for (const DemoOffice& d : kOffices) {
      HW_ASSIGN_OR_RETURN(auto existing, offices.FindByCode(d.code));
      if (existing) {
        office_ids[d.code] = existing->id;
        continue;
      }
      domain::Office o{NewId(), org->id, d.name, d.code, d.country, now, now, 1};
      HW_RETURN_IF_ERROR(offices.Insert(o));
      HW_RETURN_IF_ERROR(
          AppendAudit(conn, ctx, "system", kCli, {"office.create", "office", o.id, o.id}));
      office_ids[d.code] = o.id;
    }
    struct DemoUser {
      const char* username;
      const char* role;
      const char* office;
    };
    static constexpr DemoUser kUsers[] = {
        {"caseworker", "caseworker", "MYS-KUL"},
        {"supervisor", "supervisor", "MYS-KUL"},
        {"shelter.manager", "shelter_manager", "MYS-KUL"},
        {"return.officer", "return_officer", "MYS-KUL"},
        {"programme.manager", "programme_manager", "MYS-KUL"},
        {"data.officer", "data_officer", "MYS-KUL"},
        {"auditor", "auditor", "MYS-KUL"},
        {"caseworker.hanoi", "caseworker", "VNM-HAN"},
        {"caseworker.yangon", "caseworker", "MMR-RGN"},
        {"caseworker.chisinau", "caseworker", "MDA-KIV"},
        {"caseworker.kampala", "caseworker", "UGA-KLA"},
    };
    storage::UserStore users(conn);
    for (const DemoUser& d : kUsers) {
      HW_ASSIGN_OR_RETURN(auto existing, users.FindByUsername(d.username));
      if (existing) continue;
      // Passwords are random per installation: nothing secret lives in the repository.
      std::string password = crypto::RandomToken().substr(0, 16);
      HW_RETURN_IF_ERROR(
          InsertUser(ctx, conn, d.username, password, d.role, office_ids[d.office]).status());
      creds.push_back({d.username, d.role, d.office, password});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  HW_RETURN_IF_ERROR(SeedDemoCases(ctx, roles, 200));
  HW_RETURN_IF_ERROR(SeedDemoShelters(ctx, roles));
  HW_RETURN_IF_ERROR(SeedDemoAssessments(ctx, roles));
  return creds;
}

Result<std::vector<DemoAuthor>> DemoAuthors(Context& ctx, RoleCatalog& roles) {
  std::vector<DemoAuthor> authors;
  HW_ASSIGN_OR_RETURN(auto conn, ctx.db.Acquire());
  storage::UserStore users(*conn);
  storage::OfficeStore offices(*conn);
  // The first is Kuala Lumpur, the destination office; the others are origin offices.
  for (const char* name : {"caseworker", "caseworker.hanoi", "caseworker.yangon",
                           "caseworker.chisinau", "caseworker.kampala"}) {
    HW_ASSIGN_OR_RETURN(auto user, users.FindByUsername(name));
    if (!user) continue;
    HW_ASSIGN_OR_RETURN(auto office, offices.Get(user->office_id));
    DemoAuthor a;
    a.principal.user_id = user->id;
    a.principal.office_id = user->office_id;
    bool requires_totp = false;
    roles.Resolve(user->roles, &a.principal.permissions, &a.principal.scope, &requires_totp);
    a.country = office ? office->country : "MY";
    authors.push_back(std::move(a));
  }
  return authors;
}

Status SeedDemoCases(Context& ctx, RoleCatalog& roles, int count) {
  {
    HW_ASSIGN_OR_RETURN(auto conn, ctx.db.Acquire());
    storage::CaseFilter any;
    any.limit = 1;
    HW_ASSIGN_OR_RETURN(auto existing, storage::CaseStore(*conn).List(any));
    if (!existing.first.empty()) return Status::Ok();  // seeded before
  }
  HW_ASSIGN_OR_RETURN(std::vector<DemoAuthor> authors, DemoAuthors(ctx, roles));
  if (authors.empty()) return Status::Ok();
  CaseService cases(ctx);
  SyntheticCaseGenerator gen;
  for (int i = 0; i < count; ++i) {
    // Most cases are registered in Kuala Lumpur, the destination office.
    const DemoAuthor& a =
        authors[i % 10 < 6 ? 0 : static_cast<size_t>(i % 10 - 5) % authors.size()];
    auto created = cases.Create(a.principal, gen.Next(a.country, ctx.clock.NowMs()), kCli);
    if (!created.ok()) return created.status();
  }
  return Status::Ok();
}

}  // namespace hw::service
