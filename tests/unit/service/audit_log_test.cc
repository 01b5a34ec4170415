// The hash-chained audit log: what is appended, and what VerifyAuditChain catches.
#include "service/audit_log.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/audit_store.h"
#include "unit/service/service_fixture.h"

namespace hw::service {
namespace {

using testing::kAdminPassword;
using testing::kPassword;
using testing::ServiceTest;

const std::string kGenesis(64, '0');

class AuditLogTest : public ServiceTest {
 protected:
  // A realistic trail: init, user creation, a login, a failed login, a logout.
  void MakeHistory() {
    Principal admin = SignIn("admin", kAdminPassword);
    ASSERT_TRUE(users_->Create(admin, {"nora", "", kPassword, {"auditor"}, hq_}, Req()).ok());
    ASSERT_FALSE(Login("nora", "wrong password!").ok());
    ASSERT_FALSE(Login("nobody.at.all", "wrong password!").ok());
    Principal nora = SignIn("nora", kPassword);
    HW_ASSERT_OK(auth_->Logout(nora, Req()));
  }

  std::vector<domain::AuditEntry> Entries() {
    auto conn = Conn();
    auto e = storage::AuditStore(*conn).ScanFrom(0, 1000);
    if (!e.ok()) throw std::runtime_error(e.status().ToString());
    return *e;
  }

  void Sql(const std::string& sql) {
    auto conn = Conn();
    Status st = conn->ExecScript(sql);
    if (!st.ok()) throw std::runtime_error(st.ToString());
  }

  AuditVerifyReport Verify(const crypto::Keyring& keyring) {
    auto r = VerifyAuditChain(*db_, keyring);
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return *r;
  }
};

TEST_F(AuditLogTest, LoginLogoutFailuresAndUserChangesAreRecorded) {
  MakeHistory();
  std::vector<std::string> actions = AuditActions();
  EXPECT_EQ(actions,
            (std::vector<std::string>{"store.init", "user.create", "session.login", "user.create",
                                      "session.login_failed", "session.login_failed",
                                      "session.login", "session.logout"}));
  auto entries = Entries();
  ASSERT_EQ(entries.size(), 8u);
  EXPECT_EQ(entries[0].actor, "system");
  EXPECT_EQ(entries[0].request_id, "cli");
  EXPECT_EQ(entries[4].entity, "user");  // nora's failure names her account by id
  EXPECT_EQ(entries[5].actor, "-");      // the unknown name is not recorded at all
  EXPECT_EQ(entries[5].entity_id, "");
  EXPECT_EQ(entries[7].request_id, "req-test");
  for (const auto& e : entries) {
    EXPECT_EQ(e.time, clock_.NowMs());
    EXPECT_EQ(e.hash.size(), 64u);
  }
}

TEST_F(AuditLogTest, EntriesFormAChain) {
  MakeHistory();
  auto entries = Entries();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].seq, 1);
  EXPECT_EQ(entries[0].prev_hash, kGenesis);
  for (size_t i = 1; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].seq, entries[i - 1].seq + 1);
    EXPECT_EQ(entries[i].prev_hash, entries[i - 1].hash);
    EXPECT_NE(entries[i].hash, entries[i - 1].hash);
  }
}

TEST_F(AuditLogTest, IntactChainVerifies) {
  MakeHistory();
  AuditVerifyReport r = Verify(keyring_);
  EXPECT_TRUE(r.intact) << r.problem;
  EXPECT_EQ(r.entries, Count("audit_log"));
  EXPECT_EQ(r.first_bad_seq, 0);
  EXPECT_TRUE(r.problem.empty());
}

TEST_F(AuditLogTest, EmptyLogVerifies) {
  auto db = storage::OpenDatabase((dir_->path() / "empty.db").string());
  ASSERT_TRUE(db.ok());
  HW_ASSERT_OK(storage::Migrate(**db));
  auto r = VerifyAuditChain(**db, keyring_);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->intact);
  EXPECT_EQ(r->entries, 0);
}

TEST_F(AuditLogTest, AlteredEntryIsNamed) {
  MakeHistory();
  Sql("DROP TRIGGER audit_log_no_update");
  Sql("UPDATE audit_log SET action = 'user.read' WHERE seq = 4");
  AuditVerifyReport r = Verify(keyring_);
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 4);
  EXPECT_NE(r.problem.find("hash mismatch"), std::string::npos) << r.problem;
  EXPECT_EQ(r.entries, 3);  // the good prefix
}

TEST_F(AuditLogTest, EveryCoveredFieldIsProtected) {
  MakeHistory();
  Sql("DROP TRIGGER audit_log_no_update");
  const char* edits[] = {"actor = 'someone-else'", "entity = 'case'",  "entity_id = 'x'",
                         "office_id = 'x'",        "request_id = 'x'", "time = time + 1"};
  for (const char* edit : edits) {
    auto before = Entries()[2];
    Sql(std::string("UPDATE audit_log SET ") + edit + " WHERE seq = 3");
    AuditVerifyReport r = Verify(keyring_);
    EXPECT_FALSE(r.intact) << edit;
    EXPECT_EQ(r.first_bad_seq, 3) << edit;
    // Restore the row for the next edit.
    auto conn = Conn();
    ASSERT_TRUE(conn->Execute("UPDATE audit_log SET actor=$1, entity=$2, entity_id=$3, "
                              "office_id=$4, request_id=$5, time=$6 WHERE seq = 3",
                              {before.actor, before.entity, before.entity_id, before.office_id,
                               before.request_id, before.time})
                    .ok());
    ASSERT_TRUE(Verify(keyring_).intact) << edit;
  }
}

TEST_F(AuditLogTest, BrokenLinkIsNamed) {
  MakeHistory();
  Sql("DROP TRIGGER audit_log_no_update");
  Sql("UPDATE audit_log SET prev_hash = '" + std::string(64, 'f') + "' WHERE seq = 5");
  AuditVerifyReport r = Verify(keyring_);
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 5);
  EXPECT_NE(r.problem.find("prev_hash"), std::string::npos) << r.problem;
}

TEST_F(AuditLogTest, DeletedEntryIsASequenceGap) {
  MakeHistory();
  Sql("DROP TRIGGER audit_log_no_delete");
  Sql("DELETE FROM audit_log WHERE seq = 3");
  AuditVerifyReport r = Verify(keyring_);
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 4);
  EXPECT_NE(r.problem.find("sequence gap"), std::string::npos) << r.problem;
  EXPECT_EQ(r.entries, 2);
}

TEST_F(AuditLogTest, DeletedFirstEntryIsASequenceGap) {
  MakeHistory();
  Sql("DROP TRIGGER audit_log_no_delete");
  Sql("DELETE FROM audit_log WHERE seq = 1");
  AuditVerifyReport r = Verify(keyring_);
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 2);
  EXPECT_EQ(r.entries, 0);
}

TEST_F(AuditLogTest, RecomputedChainWithoutTheKeyDoesNotVerify) {
  MakeHistory();
  crypto::Keyring other = crypto::Keyring::FromBytes(crypto::Key32::Random());
  AuditVerifyReport r = Verify(other);
  EXPECT_FALSE(r.intact);
  EXPECT_EQ(r.first_bad_seq, 1);
  EXPECT_NE(r.problem.find("hash mismatch"), std::string::npos) << r.problem;
}

TEST_F(AuditLogTest, AppendIsAtomicWithTheChange) {
  std::int64_t before = Count("audit_log");
  Status st = db_->InTransaction([&](storage::Connection& conn) -> Status {
    HW_RETURN_IF_ERROR(
        AppendAudit(conn, *ctx_, "someone", Req(), {"user.update", "user", "x", hq_}));
    return Status::Conflict("the change failed");
  });
  EXPECT_EQ(st.code(), StatusCode::kConflict);
  EXPECT_EQ(Count("audit_log"), before);
  EXPECT_TRUE(Verify(keyring_).intact);
}

TEST_F(AuditLogTest, AnonymousActorIsDash) {
  HW_ASSERT_OK(db_->InTransaction([&](storage::Connection& conn) {
    return AppendAudit(conn, *ctx_, "", Req(), {"session.login_failed", "session", "", ""});
  }));
  EXPECT_EQ(Entries().back().actor, "-");
  EXPECT_TRUE(Verify(keyring_).intact);
}

TEST_F(AuditLogTest, LongChainsVerifyAcrossBatches) {
  // More than one verification batch (5000 entries), in one transaction to keep it fast.
  HW_ASSERT_OK(db_->InTransaction([&](storage::Connection& conn) -> Status {
    for (int i = 0; i < 5003; ++i) {
      HW_RETURN_IF_ERROR(
          AppendAudit(conn, *ctx_, "system", Req(), {"case.read_pii", "case", "c", hq_}));
    }
    return Status::Ok();
  }));
  AuditVerifyReport r = Verify(keyring_);
  EXPECT_TRUE(r.intact) << r.problem;
  EXPECT_EQ(r.entries, Count("audit_log"));
  EXPECT_GT(r.entries, 5000);
}

}  // namespace
}  // namespace hw::service

namespace hw::service {
namespace {

// Reads' entries (AppendAuditCommitted): committed by the store's writer, alone or many at once.

TEST_F(AuditLogTest, AHeldReadIsCommittedBeforeItIsReleased) {
  std::shared_ptr<AuditCommit> pending;
  HW_ASSERT_OK(
      AppendAuditCommitted(*ctx_, "u1", Req(), {"case.read_pii", "case", "c1", hq_}, &pending));
  ASSERT_TRUE(pending);
  std::promise<Status> released;
  pending->Then([&](const Status& st) { released.set_value(st); });
  auto outcome = released.get_future();
  ASSERT_EQ(outcome.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_TRUE(outcome.get().ok());
  // By then the entry is in the database.
  auto entries = Entries();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "case.read_pii");
  EXPECT_EQ(entries.back().entity_id, "c1");
  EXPECT_TRUE(pending->Wait().ok());  // known by now: no waiting
  EXPECT_TRUE(Verify(keyring_).intact);
}

TEST_F(AuditLogTest, ConcurrentReadsShareCommitsAndKeepTheChain) {
  const size_t before = Entries().size();
  constexpr int kThreads = 8, kEach = 40;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::shared_ptr<AuditCommit>> mine;
      for (int i = 0; i < kEach; ++i) {
        std::shared_ptr<AuditCommit> pending;
        std::string id = "c" + std::to_string(t) + "-" + std::to_string(i);
        // Half wait in place, half hand the commit back as the HTTP layer does.
        Status st =
            AppendAuditCommitted(*ctx_, "u" + std::to_string(t), Req(),
                                 {"case.read_pii", "case", id, hq_}, i % 2 ? &pending : nullptr);
        if (!st.ok()) ++failures;
        if (pending) mine.push_back(std::move(pending));
      }
      for (auto& p : mine) {
        if (!p->Wait().ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto entries = Entries();
  EXPECT_EQ(entries.size(), before + kThreads * kEach);
  std::set<std::string> ids;
  for (const auto& e : entries) {
    if (e.action == "case.read_pii") ids.insert(e.entity_id);
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(kThreads * kEach));  // each exactly once
  EXPECT_TRUE(Verify(keyring_).intact);
}

TEST_F(AuditLogTest, WaitingForTheWriterCommitsEverythingHandedToIt) {
  const size_t before = Entries().size();
  std::vector<std::shared_ptr<AuditCommit>> pending(50);
  for (size_t i = 0; i < pending.size(); ++i) {
    HW_ASSERT_OK(AppendAuditCommitted(
        *ctx_, "u1", Req(), {"case.read_pii", "case", "w" + std::to_string(i), hq_}, &pending[i]));
  }
  WaitForAuditWriter(*db_);  // as the server does before it stops
  EXPECT_EQ(Entries().size(), before + pending.size());
  for (auto& p : pending) EXPECT_TRUE(p->Wait().ok());
}

TEST_F(AuditLogTest, AFailedCommitIsReportedToTheHeldRead) {
  // The audit table refuses writes (as when the store is read-only): the read must not go out.
  Sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN "
      "SELECT RAISE(ABORT, 'refused'); END;");
  std::shared_ptr<AuditCommit> pending;
  HW_ASSERT_OK(
      AppendAuditCommitted(*ctx_, "u1", Req(), {"case.read_pii", "case", "c9", hq_}, &pending));
  EXPECT_FALSE(pending->Wait().ok());
  EXPECT_FALSE(AppendAuditCommitted(*ctx_, "u1", Req(), {"case.read_pii", "case", "c9", hq_}).ok());
}

}  // namespace
}  // namespace hw::service
