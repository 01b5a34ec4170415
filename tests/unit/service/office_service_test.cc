#include "service/office_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kPassword;
using testing::ServiceTest;

class OfficeServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = SignIn("admin", kAdminPassword);
  }
  Principal admin_;
};

TEST_F(OfficeServiceTest, CreateStoresAndAudits) {
  auto o = offices_->Create(admin_, {"Kuala Lumpur", "MYS-KUL", "MY"}, Req());
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_TRUE(IsValidId(o->id));
  EXPECT_EQ(o->organisation_id, org_id_);
  EXPECT_EQ(o->name, "Kuala Lumpur");
  EXPECT_EQ(o->code, "MYS-KUL");
  EXPECT_EQ(o->country, "MY");
  EXPECT_EQ(o->version, 1);
  EXPECT_EQ(o->created_at, clock_.NowMs());

  auto conn = Conn();
  auto stored = storage::OfficeStore(*conn).Get(o->id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->code, "MYS-KUL");
  auto rows = conn->Query(
      "SELECT actor, action, entity_id, office_id FROM audit_log "
      "ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Text(0), admin_.user_id);
  EXPECT_EQ((*rows)[0].Text(1), "office.create");
  EXPECT_EQ((*rows)[0].Text(2), o->id);
  EXPECT_EQ((*rows)[0].Text(3), o->id);
}

TEST_F(OfficeServiceTest, CreateNamesEveryBadField) {
  auto r = offices_->Create(admin_, {"", "kl", "XX"}, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().size(), 3u);
  for (const char* f : {"name", "code", "country"})
    EXPECT_EQ(r.status().fields().count(f), 1u) << f;

  struct Case {
    domain::NewOffice office;
    const char* field;
  };
  const Case cases[] = {
      {{std::string(201, 'n'), "AAA-1", "MY"}, "name"},
      {{"Name", "AB", "MY"}, "code"},
      {{"Name", "ABCDEFGHIJKLMNOPQ", "MY"}, "code"},
      {{"Name", "MYS KUL", "MY"}, "code"},
      {{"Name", "mys-kul", "MY"}, "code"},
      {{"Name", "MYS-KUL", "my"}, "country"},
      {{"Name", "MYS-KUL", "MYS"}, "country"},
      {{"Name", "MYS-KUL", "ZZ"}, "country"},
  };
  for (const Case& c : cases) {
    auto bad = offices_->Create(admin_, c.office, Req());
    ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(bad.status().fields().size(), 1u) << bad.status().ToString();
    EXPECT_EQ(bad.status().fields().count(c.field), 1u) << bad.status().ToString();
  }
  EXPECT_EQ(Count("offices"), 1);
}

TEST_F(OfficeServiceTest, DuplicateCodeIsConflictOnCode) {
  ASSERT_TRUE(offices_->Create(admin_, {"Hanoi", "VNM-HAN", "VN"}, Req()).ok());
  std::int64_t audit_before = Count("audit_log");
  auto r = offices_->Create(admin_, {"Hanoi 2", "VNM-HAN", "VN"}, Req());
  ASSERT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(r.status().fields().count("code"), 1u);
  EXPECT_EQ(Count("offices"), 2);
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST_F(OfficeServiceTest, CreateNeedsCreateOffice) {
  for (const char* role : {"caseworker", "auditor", "programme_manager"}) {
    Principal p = PrincipalOf(MakeUser(std::string("u.") + role, role, hq_));
    auto r = offices_->Create(p, {"Yangon", "MMR-RGN", "MM"}, Req());
    EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied) << role;
    // Every role may read the list of offices.
    EXPECT_TRUE(offices_->List(p, {}).ok()) << role;
  }
  EXPECT_EQ(offices_->List(Principal{}, {}).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(OfficeServiceTest, ListPages) {
  for (const char* code : {"AAA-001", "BBB-002", "CCC-003", "DDD-004"}) MakeOffice(code);
  std::vector<std::string> codes;
  PageRequest page{2, ""};
  int pages = 0;
  for (;;) {
    auto r = offices_->List(admin_, page);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    for (const auto& o : r->items) codes.push_back(o.code);
    ++pages;
    if (!r->next) break;
    EXPECT_EQ(*r->next, r->items.back().id);
    page.after = *r->next;
  }
  EXPECT_EQ(pages, 3);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes,
            (std::vector<std::string>{"AAA-001", "BBB-002", "CCC-003", "DDD-004", "ORG-HQ"}));
  auto exact = offices_->List(admin_, {5, ""});
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->items.size(), 5u);
  EXPECT_FALSE(exact->next.has_value());  // no empty last page
}

TEST_F(OfficeServiceTest, BadCursorIsInvalidArgumentOnAfter) {
  for (const char* after : {"abc", "MYS-KUL", "' OR 1=1 --"}) {
    auto r = offices_->List(admin_, {10, after});
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << after;
    EXPECT_EQ(r.status().fields().count("after"), 1u) << after;
  }
  EXPECT_TRUE(offices_->List(admin_, {10, NewId()}).ok());  // any well-formed id is a cursor
}

class AuditServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    kl_ = MakeOffice("MYS-KUL");
    MakeUser("auditor", "auditor", hq_);
    auditor_ = SignIn("auditor", kPassword);
  }
  std::string kl_;
  Principal auditor_;
};

TEST_F(AuditServiceTest, ListIsNewestFirstAndPaged) {
  std::int64_t total = Count("audit_log");
  ASSERT_GE(total, 5);
  auto first = audit_->List(auditor_, {2, ""}, Req());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].seq, total);
  EXPECT_EQ(first->items[1].seq, total - 1);
  ASSERT_TRUE(first->next.has_value());
  EXPECT_EQ(*first->next, std::to_string(total - 1));

  // Reading is itself audited, and the cursor is stable despite the new entry.
  EXPECT_EQ(Count("audit_log"), total + 1);
  EXPECT_EQ(AuditActions().back(), "audit.read");
  auto second = audit_->List(auditor_, {2, *first->next}, Req());
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[0].seq, total - 2);
  EXPECT_EQ(second->items[1].seq, total - 3);

  // Walking to the end yields every entry once and no cursor after the last page.
  std::vector<std::int64_t> seqs;
  PageRequest page{3, ""};
  for (;;) {
    auto r = audit_->List(auditor_, page, Req());
    ASSERT_TRUE(r.ok());
    for (const auto& e : r->items) seqs.push_back(e.seq);
    if (!r->next) break;
    page.after = *r->next;
  }
  EXPECT_EQ(seqs.front(), seqs.size());
  EXPECT_EQ(seqs.back(), 1);
  EXPECT_TRUE(std::is_sorted(seqs.rbegin(), seqs.rend()));
}

TEST_F(AuditServiceTest, EntriesCarryNoPersonalValues) {
  ASSERT_FALSE(Login("ghost.person", "some password").ok());
  auto r = audit_->List(auditor_, {200, ""}, Req());
  ASSERT_TRUE(r.ok());
  for (const auto& e : r->items) {
    for (const std::string* s :
         {&e.actor, &e.action, &e.entity, &e.entity_id, &e.office_id, &e.request_id}) {
      EXPECT_EQ(s->find("ghost"), std::string::npos) << e.action;
      EXPECT_EQ(s->find(kPassword), std::string::npos) << e.action;
      EXPECT_EQ(s->find("auditor"), std::string::npos) << e.action;  // ids, not usernames
    }
  }
}

TEST_F(AuditServiceTest, BadCursorIsInvalidArgumentOnAfter) {
  for (const char* after : {"abc", "0", "-5", "12x", " 3", "99999999999999999999999"}) {
    auto r = audit_->List(auditor_, {10, after}, Req());
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << after;
    EXPECT_EQ(r.status().fields().count("after"), 1u) << after;
  }
}

TEST_F(AuditServiceTest, OnlyAuditorsReadTheTrail) {
  Principal admin = SignIn("admin", kAdminPassword);
  std::int64_t before = Count("audit_log");
  EXPECT_EQ(audit_->List(admin, {}, Req()).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("audit_log"), before);  // a refused read is not recorded as a read
}

TEST_F(AuditServiceTest, OfficeScopedReadersSeeTheirOfficeOnly) {
  Principal local = PrincipalOf(MakeUser("kl.worker", "caseworker", kl_));
  local.permissions.insert("read:audit");  // a hypothetical office-level auditor
  auto r = audit_->List(local, {200, ""}, Req());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->items.empty());
  for (const auto& e : r->items) EXPECT_EQ(e.office_id, kl_) << e.action;
  auto all = audit_->List(auditor_, {200, ""}, Req());
  ASSERT_TRUE(all.ok());
  EXPECT_GT(all->items.size(), r->items.size());
}

}  // namespace
}  // namespace hw::service
