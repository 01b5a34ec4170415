#include "storage/audit_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class AuditStoreTest : public StorageTest {
 protected:
  static domain::AuditEntry Entry(std::int64_t seq, const std::string& office) {
    domain::AuditEntry e;
    e.seq = seq;
    e.time = 1000 + seq;
    e.actor = "actor-" + std::to_string(seq);
    e.action = "session.login";
    e.entity = "user";
    e.entity_id = "entity-" + std::to_string(seq);
    e.office_id = office;
    e.request_id = "req-" + std::to_string(seq);
    e.prev_hash = "prev-" + std::to_string(seq);
    e.hash = "hash-" + std::to_string(seq);
    return e;
  }

  // Appends seq 1..n, alternating offices "A" and "B" (odd = A).
  void Fill(int n) {
    Status st = db_->InTransaction([&](Connection& c) -> Status {
      AuditStore store(c);
      HW_RETURN_IF_ERROR(store.LockForAppend());
      for (int i = 1; i <= n; ++i) HW_RETURN_IF_ERROR(store.Insert(Entry(i, i % 2 ? "A" : "B")));
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  static std::vector<std::int64_t> Seqs(const std::vector<domain::AuditEntry>& entries) {
    std::vector<std::int64_t> out;
    for (const auto& e : entries) out.push_back(e.seq);
    return out;
  }

  std::int64_t CountRows() {
    auto conn = Conn();
    auto rows = conn->Query("SELECT COUNT(*) FROM audit_log");
    if (!rows.ok()) throw std::runtime_error(rows.status().ToString());
    return (*rows)[0].Int(0);
  }
};

TEST_P(AuditStoreTest, InsertAndLast) {
  auto conn = Conn();
  AuditStore store(*conn);
  auto none = store.Last();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(store.Insert(Entry(1, "A")).ok());
  ASSERT_TRUE(store.Insert(Entry(2, "B")).ok());
  auto last = store.Last();
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(last->has_value());
  const domain::AuditEntry& e = **last;
  EXPECT_EQ(e.seq, 2);
  EXPECT_EQ(e.time, 1002);
  EXPECT_EQ(e.actor, "actor-2");
  EXPECT_EQ(e.action, "session.login");
  EXPECT_EQ(e.entity, "user");
  EXPECT_EQ(e.entity_id, "entity-2");
  EXPECT_EQ(e.office_id, "B");
  EXPECT_EQ(e.request_id, "req-2");
  EXPECT_EQ(e.prev_hash, "prev-2");
  EXPECT_EQ(e.hash, "hash-2");
}

TEST_P(AuditStoreTest, DuplicateSeqIsConflict) {
  auto conn = Conn();
  AuditStore store(*conn);
  ASSERT_TRUE(store.Insert(Entry(1, "A")).ok());
  EXPECT_EQ(store.Insert(Entry(1, "B")).code(), StatusCode::kConflict);
}

TEST_P(AuditStoreTest, ListNewestFirstWithCursorAndOfficeFilter) {
  Fill(7);
  auto conn = Conn();
  AuditStore store(*conn);
  auto all = store.ListNewestFirst("", 0, 100);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(Seqs(*all), (std::vector<std::int64_t>{7, 6, 5, 4, 3, 2, 1}));

  auto page = store.ListNewestFirst("", 0, 3);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Seqs(*page), (std::vector<std::int64_t>{7, 6, 5}));
  page = store.ListNewestFirst("", 5, 3);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Seqs(*page), (std::vector<std::int64_t>{4, 3, 2}));
  page = store.ListNewestFirst("", -1, 2);  // non-positive = from the newest
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Seqs(*page), (std::vector<std::int64_t>{7, 6}));
  page = store.ListNewestFirst("", 1, 10);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->empty());

  auto office_a = store.ListNewestFirst("A", 0, 100);
  ASSERT_TRUE(office_a.ok());
  EXPECT_EQ(Seqs(*office_a), (std::vector<std::int64_t>{7, 5, 3, 1}));
  office_a = store.ListNewestFirst("A", 5, 1);
  ASSERT_TRUE(office_a.ok());
  EXPECT_EQ(Seqs(*office_a), (std::vector<std::int64_t>{3}));
  auto office_c = store.ListNewestFirst("C", 0, 100);
  ASSERT_TRUE(office_c.ok());
  EXPECT_TRUE(office_c->empty());
}

TEST_P(AuditStoreTest, ScanFromIsOldestFirstInBatches) {
  Fill(5);
  auto conn = Conn();
  AuditStore store(*conn);
  auto batch = store.ScanFrom(0, 2);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(Seqs(*batch), (std::vector<std::int64_t>{1, 2}));
  batch = store.ScanFrom(2, 2);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(Seqs(*batch), (std::vector<std::int64_t>{3, 4}));
  batch = store.ScanFrom(4, 2);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(Seqs(*batch), (std::vector<std::int64_t>{5}));
  batch = store.ScanFrom(5, 2);
  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(batch->empty());
}

TEST_P(AuditStoreTest, UpdateIsRefusedByTheStore) {
  Fill(3);
  auto conn = Conn();
  auto r = conn->Execute("UPDATE audit_log SET action = $1 WHERE seq = $2",
                         {std::string("tampered"), std::int64_t{2}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied) << r.status().ToString();
  r = conn->Execute("UPDATE audit_log SET hash = $1", {std::string("x")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  Status script = conn->ExecScript("UPDATE audit_log SET actor = 'x' WHERE seq = 1");
  EXPECT_EQ(script.code(), StatusCode::kPermissionDenied);
  auto rows = conn->Query("SELECT action FROM audit_log WHERE seq = $1", {std::int64_t{2}});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].Text(0), "session.login");
}

TEST_P(AuditStoreTest, DeleteIsRefusedByTheStore) {
  Fill(3);
  {
    auto conn = Conn();
    auto r = conn->Execute("DELETE FROM audit_log WHERE seq = $1", {std::int64_t{1}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied) << r.status().ToString();
    r = conn->Execute("DELETE FROM audit_log");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(CountRows(), 3);
}

TEST_P(AuditStoreTest, RefusedWriteInsideTransactionRollsBackTheTransaction) {
  Fill(1);
  Status st = db_->InTransaction([&](Connection& c) -> Status {
    HW_RETURN_IF_ERROR(AuditStore(c).Insert(Entry(2, "A")));
    return c.Execute("DELETE FROM audit_log WHERE seq = $1", {std::int64_t{1}}).status();
  });
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CountRows(), 1);
}

TEST_P(AuditStoreTest, TruncateIsRefusedOnPostgres) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "SQLite has no TRUNCATE";
  Fill(2);
  auto conn = Conn();
  EXPECT_EQ(conn->ExecScript("TRUNCATE audit_log").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CountRows(), 2);
}

// The audit writer's one-statement append on PostgreSQL (service/audit_log: CommitBatch).
TEST_P(AuditStoreTest, AppendAtKnownHeadAppendsOrRefusesAsAWhole) {
  auto conn = Conn();
  AuditStore store(*conn);
  if (GetParam() != Backend::kPostgres) {
    EXPECT_EQ(store.AppendAtKnownHead({Entry(1, "A")}).code(), StatusCode::kInternal);
    return;
  }
  Fill(2);
  domain::AuditEntry odd = Entry(3, "A");
  odd.actor = "quote \" and back\\slash, {braces}";  // round-trips through the text[] literal
  odd.entity_id = "";
  ASSERT_TRUE(store.AppendAtKnownHead({odd, Entry(4, "B"), Entry(5, "A")}).ok());
  auto last = store.Last();
  ASSERT_TRUE(last.ok() && last->has_value());
  EXPECT_EQ((*last)->seq, 5);
  auto all = store.ScanFrom(2, 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].actor, odd.actor);
  EXPECT_EQ((*all)[0].entity_id, "");
  EXPECT_EQ((*all)[0].hash, "hash-3");
  EXPECT_EQ((*all)[2].time, 1005);
  // A head that moved on: refused, and none of the batch lands.
  Status stale = store.AppendAtKnownHead({Entry(6, "A"), Entry(5, "A")});
  EXPECT_EQ(stale.code(), StatusCode::kConflict) << stale.ToString();
  EXPECT_EQ(CountRows(), 5);
}

// An appender that locked and read the head inside its transaction is never overtaken: the
// one-statement append waits for the lock, then finds the head moved on.
TEST_P(AuditStoreTest, AppendAtKnownHeadWaitsForALockedAppender) {
  if (GetParam() != Backend::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  Fill(2);
  std::promise<void> locked;
  std::promise<void> go_on;
  auto in_transaction = std::async(std::launch::async, [&] {
    return db_->InTransaction([&](Connection& c) -> Status {
      AuditStore store(c);
      HW_RETURN_IF_ERROR(store.LockForAppend());
      HW_ASSIGN_OR_RETURN(auto last, store.Last());
      HW_RETURN_IF_ERROR(store.Insert(Entry(last ? last->seq + 1 : 1, "A")));
      locked.set_value();
      go_on.get_future().wait();
      return Status::Ok();
    });
  });
  locked.get_future().wait();
  auto writer = std::async(std::launch::async, [&] {
    auto conn = Conn();
    return AuditStore(*conn).AppendAtKnownHead({Entry(3, "B")});
  });
  EXPECT_EQ(writer.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
  go_on.set_value();
  Status tx = in_transaction.get();
  EXPECT_TRUE(tx.ok()) << tx.ToString();  // the transaction's append went through
  EXPECT_EQ(writer.get().code(), StatusCode::kConflict);
  EXPECT_EQ(CountRows(), 3);
}

HW_INSTANTIATE_BACKENDS(AuditStoreTest);

}  // namespace
}  // namespace hw::storage
