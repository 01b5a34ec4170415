#include "storage/office_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/id.h"
#include "unit/storage/storage_fixture.h"

namespace hw::storage {
namespace {

using testing::StorageTest;

class OfficeStoreTest : public StorageTest {};

TEST_P(OfficeStoreTest, OrganisationInsertAndFirst) {
  auto conn = Conn();
  OfficeStore store(*conn);
  auto none = store.FirstOrganisation();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  std::string a = NewId(), b = NewId();
  ASSERT_TRUE(store.InsertOrganisation({b, "Second"}, 10).ok());
  ASSERT_TRUE(store.InsertOrganisation({a, "First"}, 10).ok());
  auto first = store.FirstOrganisation();
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->has_value());
  EXPECT_EQ((*first)->id, std::min(a, b));  // ordered by id

  Status dup = store.InsertOrganisation({a, "Again"}, 11);
  EXPECT_EQ(dup.code(), StatusCode::kConflict);
}

TEST_P(OfficeStoreTest, InsertGetAndFindByCode) {
  auto conn = Conn();
  domain::Office o = SeedOffice(*conn, "MYS-KUL", 1'700'000'000'123);
  OfficeStore store(*conn);

  auto got = store.Get(o.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  const domain::Office& g = **got;
  EXPECT_EQ(g.id, o.id);
  EXPECT_EQ(g.organisation_id, org_id_);
  EXPECT_EQ(g.name, "Office MYS-KUL");
  EXPECT_EQ(g.code, "MYS-KUL");
  EXPECT_EQ(g.country, "MY");
  EXPECT_EQ(g.created_at, 1'700'000'000'123);
  EXPECT_EQ(g.updated_at, 1'700'000'000'123);
  EXPECT_EQ(g.version, 1);

  auto by_code = store.FindByCode("MYS-KUL");
  ASSERT_TRUE(by_code.ok());
  ASSERT_TRUE(by_code->has_value());
  EXPECT_EQ((*by_code)->id, o.id);

  auto missing = store.Get(NewId());
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  auto missing_code = store.FindByCode("mys-kul");  // codes match exactly
  ASSERT_TRUE(missing_code.ok());
  EXPECT_FALSE(missing_code->has_value());
}

TEST_P(OfficeStoreTest, DuplicateCodeIsConflict) {
  auto conn = Conn();
  SeedOffice(*conn, "VNM-HAN");
  domain::Office again{NewId(), org_id_, "Hanoi again", "VNM-HAN", "VN", 1, 1, 1};
  Status st = OfficeStore(*conn).Insert(again);
  EXPECT_EQ(st.code(), StatusCode::kConflict) << st.ToString();
  auto list = OfficeStore(*conn).List("", 10);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
}

TEST_P(OfficeStoreTest, DuplicateIdIsConflict) {
  auto conn = Conn();
  domain::Office o = SeedOffice(*conn, "AAA-001");
  o.code = "AAA-002";
  EXPECT_EQ(OfficeStore(*conn).Insert(o).code(), StatusCode::kConflict);
}

TEST_P(OfficeStoreTest, ListPagesInIdOrder) {
  auto conn = Conn();
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) ids.push_back(SeedOffice(*conn, "OFF-" + std::to_string(i)).id);
  std::sort(ids.begin(), ids.end());
  OfficeStore store(*conn);

  std::vector<std::string> seen;
  std::string after;
  int pages = 0;
  for (;;) {
    auto page = store.List(after, 3);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_LE(page->size(), 3u);
    for (const auto& o : *page) seen.push_back(o.id);
    ++pages;
    if (page->size() < 3) break;
    after = page->back().id;
  }
  EXPECT_EQ(pages, 3);  // 3 + 3 + 1
  EXPECT_EQ(seen, ids);

  auto all = store.List("", 100);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 7u);
  auto past_end = store.List(ids.back(), 100);
  ASSERT_TRUE(past_end.ok());
  EXPECT_TRUE(past_end->empty());
  auto zero = store.List("", 0);
  ASSERT_TRUE(zero.ok());
  EXPECT_TRUE(zero->empty());
}

HW_INSTANTIATE_BACKENDS(OfficeStoreTest);

}  // namespace
}  // namespace hw::storage
