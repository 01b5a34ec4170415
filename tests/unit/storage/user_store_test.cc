#include "storage/user_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/id.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class UserStoreTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = Conn();
    SeedRoles(*conn);
    office_a_ = SeedOffice(*conn, "AAA-001").id;
    office_b_ = SeedOffice(*conn, "BBB-002").id;
  }

  domain::User Insert(domain::User u) {
    auto conn = Conn();
    Status st = UserStore(*conn).Insert(u);
    if (!st.ok()) throw std::runtime_error(st.ToString());
    return u;
  }

  domain::User MustGet(const std::string& id) {
    auto conn = Conn();
    auto got = UserStore(*conn).Get(id);
    if (!got.ok() || !got->has_value()) throw std::runtime_error("user missing: " + id);
    return **got;
  }

  std::string office_a_, office_b_;
};

TEST_P(UserStoreTest, InsertAndGetWithRoles) {
  domain::User u = MakeUser(office_a_, "alice", {"caseworker", "admin"});
  u.disabled = true;
  u.totp_enabled = true;
  u.created_at = 111;
  u.updated_at = 222;
  Insert(u);

  domain::User g = MustGet(u.id);
  EXPECT_EQ(g.id, u.id);
  EXPECT_EQ(g.office_id, office_a_);
  EXPECT_EQ(g.username, "alice");
  EXPECT_EQ(g.display_name, "Display alice");
  EXPECT_EQ(g.password_hash, "$argon2id$placeholder");
  EXPECT_TRUE(g.disabled);
  EXPECT_TRUE(g.totp_enabled);
  EXPECT_EQ(g.roles, (std::vector<std::string>{"admin", "caseworker"}));  // sorted
  EXPECT_EQ(g.created_at, 111);
  EXPECT_EQ(g.updated_at, 222);
  EXPECT_EQ(g.version, 1);
  EXPECT_EQ(g.failed_logins, 0);
  EXPECT_FALSE(g.first_failed_at.has_value());
  EXPECT_FALSE(g.locked_until.has_value());
  EXPECT_FALSE(g.last_login_at.has_value());
  EXPECT_FALSE(g.totp_last_step.has_value());
  EXPECT_TRUE(g.totp_secret_sealed.empty());
  EXPECT_TRUE(g.totp_pending_sealed.empty());
}

TEST_P(UserStoreTest, FindByUsernameAndMissingUsers) {
  domain::User u = Insert(MakeUser(office_a_, "bob"));
  auto conn = Conn();
  UserStore store(*conn);
  auto found = store.FindByUsername("bob");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, u.id);
  EXPECT_EQ((*found)->roles, std::vector<std::string>{"caseworker"});

  auto none = store.FindByUsername("robert");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto no_id = store.Get(NewId());
  ASSERT_TRUE(no_id.ok());
  EXPECT_FALSE(no_id->has_value());
}

TEST_P(UserStoreTest, DuplicateUsernameIsConflictAndLeavesNoRoles) {
  Insert(MakeUser(office_a_, "carol"));
  domain::User dup = MakeUser(office_b_, "carol", {"admin"});
  Status st = db_->InTransaction([&](Connection& c) { return UserStore(c).Insert(dup); });
  EXPECT_EQ(st.code(), StatusCode::kConflict) << st.ToString();
  auto conn = Conn();
  auto rows = conn->Query("SELECT COUNT(*) FROM user_roles WHERE user_id = $1", {dup.id});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Int(0), 0);
  auto count = UserStore(*conn).Count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
}

TEST_P(UserStoreTest, UnknownRoleOrOfficeIsRefused) {
  domain::User bad_role = MakeUser(office_a_, "dave", {"wizard"});
  Status st = db_->InTransaction([&](Connection& c) { return UserStore(c).Insert(bad_role); });
  EXPECT_FALSE(st.ok());
  domain::User bad_office = MakeUser(NewId(), "erin");
  st = db_->InTransaction([&](Connection& c) { return UserStore(c).Insert(bad_office); });
  EXPECT_FALSE(st.ok());
  auto conn = Conn();
  EXPECT_EQ(*UserStore(*conn).Count(), 0);
}

TEST_P(UserStoreTest, ListFiltersByOfficeAndPages) {
  std::vector<std::string> in_a, all;
  for (int i = 0; i < 5; ++i) {
    in_a.push_back(Insert(MakeUser(office_a_, "a" + std::to_string(i))).id);
  }
  for (int i = 0; i < 3; ++i)
    all.push_back(Insert(MakeUser(office_b_, "b" + std::to_string(i))).id);
  all.insert(all.end(), in_a.begin(), in_a.end());
  std::sort(in_a.begin(), in_a.end());
  std::sort(all.begin(), all.end());

  auto conn = Conn();
  UserStore store(*conn);
  auto everyone = store.List("", "", 100);
  ASSERT_TRUE(everyone.ok());
  ASSERT_EQ(everyone->size(), 8u);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ((*everyone)[i].id, all[i]);
  for (const auto& u : *everyone) EXPECT_EQ(u.roles, std::vector<std::string>{"caseworker"});

  std::vector<std::string> seen;
  std::string after;
  for (int guard = 0; guard < 10; ++guard) {
    auto page = store.List(office_a_, after, 2);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const auto& u : *page) {
      EXPECT_EQ(u.office_id, office_a_);
      seen.push_back(u.id);
    }
    if (page->size() < 2) break;
    after = page->back().id;
  }
  EXPECT_EQ(seen, in_a);

  auto first_two = store.List("", "", 2);
  ASSERT_TRUE(first_two.ok());
  ASSERT_EQ(first_two->size(), 2u);
  auto next = store.List("", (*first_two)[1].id, 2);
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->size(), 2u);
  EXPECT_EQ((*next)[0].id, all[2]);
  auto other = store.List(NewId(), "", 10);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());

  auto count = store.Count();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 8);
}

TEST_P(UserStoreTest, UpdateWritesFieldsBumpsVersionAndReplacesRoles) {
  domain::User u = Insert(MakeUser(office_a_, "frank"));
  u.office_id = office_b_;
  u.display_name = "Frank F.";
  u.password_hash = "$argon2id$new";
  u.disabled = true;
  u.totp_enabled = true;
  u.totp_secret_sealed = std::string("sec\0ret\xff", 8);
  u.totp_pending_sealed = std::string("\0pending", 8);
  u.failed_logins = 3;
  u.first_failed_at = 5000;
  u.locked_until = 6000;
  u.roles = {"admin"};
  {
    auto conn = Conn();
    Status st = UserStore(*conn).Update(u, 9999);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  domain::User g = MustGet(u.id);
  EXPECT_EQ(g.version, 2);
  EXPECT_EQ(g.updated_at, 9999);
  EXPECT_EQ(g.created_at, 1000);   // not touched
  EXPECT_EQ(g.username, "frank");  // usernames never change
  EXPECT_EQ(g.office_id, office_b_);
  EXPECT_EQ(g.display_name, "Frank F.");
  EXPECT_EQ(g.password_hash, "$argon2id$new");
  EXPECT_TRUE(g.disabled);
  EXPECT_TRUE(g.totp_enabled);
  EXPECT_EQ(g.totp_secret_sealed, std::string("sec\0ret\xff", 8));
  EXPECT_EQ(g.totp_pending_sealed, std::string("\0pending", 8));
  EXPECT_EQ(g.failed_logins, 3);
  EXPECT_EQ(g.first_failed_at, 5000);
  EXPECT_EQ(g.locked_until, 6000);
  EXPECT_EQ(g.roles, std::vector<std::string>{"admin"});

  // Clearing optional fields writes NULL.
  g.totp_pending_sealed.clear();
  g.first_failed_at.reset();
  g.locked_until.reset();
  {
    auto conn = Conn();
    ASSERT_TRUE(UserStore(*conn).Update(g, 10000).ok());
    auto rows = conn->Query(
        "SELECT totp_pending, first_failed_at, locked_until FROM users "
        "WHERE id = $1",
        {u.id});
    ASSERT_TRUE(rows.ok());
    EXPECT_TRUE((*rows)[0].IsNull(0));
    EXPECT_TRUE((*rows)[0].IsNull(1));
    EXPECT_TRUE((*rows)[0].IsNull(2));
  }
  EXPECT_EQ(MustGet(u.id).version, 3);
}

TEST_P(UserStoreTest, StaleUpdateIsConflictWithCurrentVersion) {
  domain::User u = Insert(MakeUser(office_a_, "grace"));
  domain::User first = u, second = u;
  first.display_name = "first writer";
  second.display_name = "second writer";
  auto conn = Conn();
  UserStore store(*conn);
  ASSERT_TRUE(store.Update(first, 2000).ok());
  Status st = store.Update(second, 3000);
  ASSERT_EQ(st.code(), StatusCode::kConflict) << st.ToString();
  ASSERT_EQ(st.details().count("current_version"), 1u);
  EXPECT_EQ(st.details().at("current_version"), 2);
  auto g = store.Get(u.id);
  ASSERT_TRUE(g.ok() && g->has_value());
  EXPECT_EQ((*g)->display_name, "first writer");  // no silent overwrite
  EXPECT_EQ((*g)->version, 2);
  EXPECT_EQ((*g)->updated_at, 2000);
}

TEST_P(UserStoreTest, UpdateOfUnknownUserIsNotFound) {
  domain::User ghost = MakeUser(office_a_, "ghost");
  auto conn = Conn();
  Status st = UserStore(*conn).Update(ghost, 1);
  EXPECT_EQ(st.code(), StatusCode::kNotFound) << st.ToString();
}

TEST_P(UserStoreTest, SetLoginStateKeepsTheVersion) {
  domain::User u = Insert(MakeUser(office_a_, "heidi"));
  u.failed_logins = 4;
  u.first_failed_at = 100;
  u.locked_until = 200;
  u.last_login_at = 300;
  u.totp_last_step = 59'000'000;
  u.display_name = "not written by SetLoginState";
  {
    auto conn = Conn();
    ASSERT_TRUE(UserStore(*conn).SetLoginState(u).ok());
  }
  domain::User g = MustGet(u.id);
  EXPECT_EQ(g.version, 1);
  EXPECT_EQ(g.updated_at, 1000);
  EXPECT_EQ(g.display_name, "Display heidi");
  EXPECT_EQ(g.failed_logins, 4);
  EXPECT_EQ(g.first_failed_at, 100);
  EXPECT_EQ(g.locked_until, 200);
  EXPECT_EQ(g.last_login_at, 300);
  EXPECT_EQ(g.totp_last_step, 59'000'000);

  u.failed_logins = 0;
  u.first_failed_at.reset();
  u.locked_until.reset();
  {
    auto conn = Conn();
    ASSERT_TRUE(UserStore(*conn).SetLoginState(u).ok());
  }
  g = MustGet(u.id);
  EXPECT_EQ(g.failed_logins, 0);
  EXPECT_FALSE(g.first_failed_at.has_value());
  EXPECT_FALSE(g.locked_until.has_value());
  EXPECT_EQ(g.last_login_at, 300);
}

TEST_P(UserStoreTest, RecordLoginFailureCountsWithinTheWindowAndLocks) {
  domain::User u = Insert(MakeUser(office_a_, "ivy"));
  const TimeMs kWindow = 900'000;
  auto conn = Conn();
  UserStore store(*conn);
  // Failures at 10 s intervals; the fifth locks until now + 15 min.
  for (int i = 1; i <= 5; ++i) {
    const TimeMs now = 1'000'000 + i * 10'000;
    domain::User stale = u;  // the caller's copy does not matter: the store counts
    ASSERT_TRUE(store.RecordLoginFailure(stale, now, now - kWindow, 5, now + kWindow).ok());
    EXPECT_EQ(stale.failed_logins, i);
    EXPECT_EQ(stale.first_failed_at, 1'010'000);
    if (i < 5) {
      EXPECT_FALSE(stale.locked_until.has_value()) << i;
    } else {
      EXPECT_EQ(stale.locked_until, now + kWindow);
    }
  }
  domain::User g = MustGet(u.id);
  EXPECT_EQ(g.failed_logins, 5);
  EXPECT_EQ(g.first_failed_at, 1'010'000);
  EXPECT_EQ(g.locked_until, 1'050'000 + kWindow);
  EXPECT_EQ(g.version, 1);  // bookkeeping, not an edit
}

TEST_P(UserStoreTest, RecordLoginFailureRestartsAnExpiredWindow) {
  domain::User u = Insert(MakeUser(office_a_, "jack"));
  const TimeMs kWindow = 900'000;
  auto conn = Conn();
  UserStore store(*conn);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(store.RecordLoginFailure(u, 1000 + i, 1000 + i - kWindow, 5, 0).ok());
  }
  EXPECT_EQ(u.failed_logins, 3);
  // Exactly one window after the first failure: a new window begins.
  const TimeMs later = 1000 + kWindow;
  ASSERT_TRUE(store.RecordLoginFailure(u, later, later - kWindow, 5, later + kWindow).ok());
  EXPECT_EQ(u.failed_logins, 1);
  EXPECT_EQ(u.first_failed_at, later);
  EXPECT_FALSE(u.locked_until.has_value());
}

TEST_P(UserStoreTest, RecordLoginFailureCountsEveryConnection) {
  domain::User u = Insert(MakeUser(office_a_, "kim"));
  auto a = Conn();
  auto b = Conn();
  for (int i = 0; i < 3; ++i) {
    domain::User copy_a = u, copy_b = u;  // both start from the same stale read
    ASSERT_TRUE(UserStore(*a).RecordLoginFailure(copy_a, 100, 0, 10, 999).ok());
    ASSERT_TRUE(UserStore(*b).RecordLoginFailure(copy_b, 100, 0, 10, 999).ok());
  }
  EXPECT_EQ(MustGet(u.id).failed_logins, 6);
}

TEST_P(UserStoreTest, RecordLoginFailureOfUnknownUserIsNotFound) {
  domain::User ghost = MakeUser(office_a_, "ghost");
  auto conn = Conn();
  EXPECT_EQ(UserStore(*conn).RecordLoginFailure(ghost, 1, 0, 5, 2).code(), StatusCode::kNotFound);
}

HW_INSTANTIATE_BACKENDS(UserStoreTest);

}  // namespace
}  // namespace hw::storage
