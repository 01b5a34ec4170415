// CaseStore::GetMany and the CaseFetcher that batches concurrent case reads into it, on both
// backends: the right row to each caller, odd ids that cannot fail a batch, errors to everyone.
#include "storage/case_fetcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "storage/case_store.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class CaseFetcherTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    auto conn = Conn();
    office_ = SeedOffice(*conn, "FET-T01").id;
    for (int i = 0; i < 5; ++i) ids_.push_back(Insert(*conn, i));
  }

  std::string Insert(Connection& conn, int n) {
    CaseRow c = SampleCase(office_, "FET-T01", n);
    Status st = CaseStore(conn).Insert(c);
    if (!st.ok()) throw std::runtime_error(st.ToString());
    return c.id;
  }

  std::string office_;
  std::vector<std::string> ids_;
};

TEST_P(CaseFetcherTest, GetManyReturnsTheRowsThatExistWithTheirFields) {
  auto conn = Conn();
  auto rows = CaseStore(*conn).GetMany({ids_[3], "no-such-case", ids_[0], ids_[3]});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  std::map<std::string, CaseRow> by_id;
  for (auto& r : *rows) by_id[r.id] = r;
  ASSERT_EQ(by_id.count(ids_[3]), 1u);
  const CaseRow& r = by_id[ids_[3]];
  EXPECT_EQ(r.number, "FET-T01-2026-10003");
  EXPECT_EQ(r.attrs, "{\"n\":3}");
  EXPECT_EQ(r.pii, std::string("sealed\0bytes3", 13));  // bytes intact, NUL included
  EXPECT_EQ(r.office_id, office_);
  EXPECT_EQ(r.version, 1);
  // Same as a single read.
  auto one = CaseStore(*conn).Get(ids_[3]);
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ((*one)->pii, r.pii);
  EXPECT_EQ((*one)->wrapped_key, r.wrapped_key);
  EXPECT_EQ(by_id.count(ids_[0]), 1u);
}

TEST_P(CaseFetcherTest, GetManyLeavesOutIdsThatCannotNameACaseWithoutFailing) {
  auto conn = Conn();
  std::vector<std::string> ids = {
      std::string("a\0b", 3), "\xff\xfe",  "quote\"d", "back\\slash", "{braces}", "comma,sep", "",
      std::string(300, 'x'),  "new\nline", ids_[1]};
  auto rows = CaseStore(*conn).GetMany(ids);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].id, ids_[1]);
  auto none = CaseStore(*conn).GetMany({"\xff"});
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
  auto empty = CaseStore(*conn).GetMany({});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_P(CaseFetcherTest, ConcurrentFetchesEachGetTheirOwnRow) {
  CaseFetcher fetcher(*db_);
  EXPECT_EQ(fetcher.batches(), GetParam() == Backend::kPostgres);
  constexpr int kThreads = 8;
  constexpr int kReads = 60;
  std::atomic<int> wrong{0};
  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::future<void>> waits;
      for (int i = 0; i < kReads; ++i) {
        const int pick = (t + i) % 7;  // 5 existing cases, and two that are not there
        std::string id =
            pick < 5 ? ids_[static_cast<size_t>(pick)] : "missing-" + std::to_string(pick);
        auto done = std::make_shared<std::promise<void>>();
        waits.push_back(done->get_future());
        fetcher.Fetch(id, [&, pick, id, done](Result<std::optional<CaseRow>> row) {
          bool ok = row.ok() &&
                    (pick < 5 ? row->has_value() && (*row)->id == id &&
                                    (*row)->number == "FET-T01-2026-1000" + std::to_string(pick)
                              : !row->has_value());
          if (!ok) ++wrong;
          ++answered;
          done->set_value();
        });
      }
      for (auto& w : waits) w.wait();
    });
  }
  for (auto& t : threads) t.join();
  fetcher.Drain();
  EXPECT_EQ(answered.load(), kThreads * kReads);
  EXPECT_EQ(wrong.load(), 0);
}

TEST_P(CaseFetcherTest, AStatementErrorReachesEveryCallerOfTheBatch) {
  {
    auto conn = Conn();
    ASSERT_TRUE(conn->ExecScript("ALTER TABLE cases RENAME TO cases_elsewhere").ok());
  }
  db_->CloseIdleConnections();  // no statement prepared against the old table
  CaseFetcher fetcher(*db_);
  std::atomic<int> errors{0};
  for (int i = 0; i < 3; ++i) {
    fetcher.Fetch(ids_[static_cast<size_t>(i)], [&](Result<std::optional<CaseRow>> row) {
      if (!row.ok() && row.status().code() == StatusCode::kInternal) ++errors;
    });
  }
  fetcher.Drain();
  EXPECT_EQ(errors.load(), 3);
}

TEST_P(CaseFetcherTest, DestroyingTheFetcherAnswersWhatIsQueued) {
  std::atomic<int> answered{0};
  {
    CaseFetcher fetcher(*db_);
    for (int i = 0; i < 20; ++i) {
      fetcher.Fetch(ids_[static_cast<size_t>(i % 5)], [&](Result<std::optional<CaseRow>> row) {
        if (row.ok() && row->has_value()) ++answered;
      });
    }
  }
  EXPECT_EQ(answered.load(), 20);
}

HW_INSTANTIATE_BACKENDS(CaseFetcherTest);

}  // namespace
}  // namespace hw::storage
