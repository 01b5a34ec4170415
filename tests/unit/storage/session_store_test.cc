#include "storage/session_store.h"

#include <gtest/gtest.h>

#include <string>

#include "storage/user_store.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class SessionStoreTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = Conn();
    SeedRoles(*conn);
    office_ = SeedOffice(*conn, "SES-001").id;
    alice_ = MakeUser(office_, "alice");
    bob_ = MakeUser(office_, "bob");
    ASSERT_TRUE(UserStore(*conn).Insert(alice_).ok());
    ASSERT_TRUE(UserStore(*conn).Insert(bob_).ok());
  }

  SessionRow Make(const std::string& hash, const domain::User& u, TimeMs created, TimeMs expires) {
    return SessionRow{hash, u.id, u.office_id, "csrf-" + hash, created, created, expires};
  }

  bool Exists(const std::string& hash) {
    auto conn = Conn();
    auto s = SessionStore(*conn).Find(hash);
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    return s->has_value();
  }

  std::string office_;
  domain::User alice_, bob_;
};

TEST_P(SessionStoreTest, InsertAndFind) {
  auto conn = Conn();
  SessionStore store(*conn);
  ASSERT_TRUE(store.Insert(Make("h1", alice_, 1000, 50'000)).ok());
  auto s = store.Find("h1");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(s->has_value());
  EXPECT_EQ((*s)->token_hash, "h1");
  EXPECT_EQ((*s)->user_id, alice_.id);
  EXPECT_EQ((*s)->office_id, office_);
  EXPECT_EQ((*s)->csrf_token, "csrf-h1");
  EXPECT_EQ((*s)->created_at, 1000);
  EXPECT_EQ((*s)->last_seen_at, 1000);
  EXPECT_EQ((*s)->expires_at, 50'000);

  auto none = store.Find("h2");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_P(SessionStoreTest, DuplicateTokenHashIsConflict) {
  auto conn = Conn();
  SessionStore store(*conn);
  ASSERT_TRUE(store.Insert(Make("h1", alice_, 1000, 2000)).ok());
  EXPECT_EQ(store.Insert(Make("h1", bob_, 1000, 2000)).code(), StatusCode::kConflict);
  auto s = store.Find("h1");
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->user_id, alice_.id);
}

TEST_P(SessionStoreTest, SessionOfUnknownUserIsRefused) {
  domain::User ghost = MakeUser(office_, "ghost");
  auto conn = Conn();
  Status st = SessionStore(*conn).Insert(Make("h1", ghost, 1, 2));
  EXPECT_FALSE(st.ok());
}

TEST_P(SessionStoreTest, TouchMovesLastSeenOnly) {
  auto conn = Conn();
  SessionStore store(*conn);
  ASSERT_TRUE(store.Insert(Make("h1", alice_, 1000, 50'000)).ok());
  ASSERT_TRUE(store.Touch("h1", 7777).ok());
  auto s = store.Find("h1");
  ASSERT_TRUE(s.ok() && s->has_value());
  EXPECT_EQ((*s)->last_seen_at, 7777);
  EXPECT_EQ((*s)->created_at, 1000);
  EXPECT_EQ((*s)->expires_at, 50'000);
  EXPECT_TRUE(store.Touch("absent", 1).ok());  // nothing to touch is not an error
}

TEST_P(SessionStoreTest, DeleteAndDeleteForUser) {
  {
    auto conn = Conn();
    SessionStore store(*conn);
    ASSERT_TRUE(store.Insert(Make("a1", alice_, 1, 100)).ok());
    ASSERT_TRUE(store.Insert(Make("a2", alice_, 1, 100)).ok());
    ASSERT_TRUE(store.Insert(Make("b1", bob_, 1, 100)).ok());
    ASSERT_TRUE(store.Delete("a1").ok());
    ASSERT_TRUE(store.Delete("a1").ok());  // idempotent
  }
  EXPECT_FALSE(Exists("a1"));
  EXPECT_TRUE(Exists("a2"));
  {
    auto conn = Conn();
    ASSERT_TRUE(SessionStore(*conn).DeleteForUser(alice_.id).ok());
  }
  EXPECT_FALSE(Exists("a2"));
  EXPECT_TRUE(Exists("b1"));
}

TEST_P(SessionStoreTest, DeleteExpiredRemovesIdleAndPastAbsoluteLimit) {
  {
    auto conn = Conn();
    SessionStore store(*conn);
    // idle: last seen at 100; expired: absolute limit 500; fresh: neither.
    ASSERT_TRUE(store.Insert(Make("idle", alice_, 100, 10'000)).ok());
    ASSERT_TRUE(store.Insert(Make("expired", alice_, 900, 500)).ok());
    ASSERT_TRUE(store.Insert(Make("fresh", bob_, 900, 10'000)).ok());
    ASSERT_TRUE(store.Insert(Make("edge", bob_, 200, 1000)).ok());
    // Idle before 200 or past the absolute limit at 1000.
    ASSERT_TRUE(store.DeleteExpired(200, 1000).ok());
  }
  EXPECT_FALSE(Exists("idle"));
  EXPECT_FALSE(Exists("expired"));
  EXPECT_TRUE(Exists("fresh"));
  EXPECT_TRUE(Exists("edge"));  // both limits are exclusive
}

HW_INSTANTIATE_BACKENDS(SessionStoreTest);

}  // namespace
}  // namespace hw::storage
