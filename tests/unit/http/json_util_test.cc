// The shared readers of optional input fields: each caller keeps its own message for a null, and
// FieldReader's PATCH form reads and allows "version" only when asked to.
#include "http/json_util.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>

namespace hw::http {
namespace {

namespace json = boost::json;

json::object Body(const char* text) { return json::parse(text).as_object(); }

TEST(OptionalStringTest, AbsentIsNotAnError) {
  Status::Fields errors;
  EXPECT_EQ(OptionalString(Body("{}"), "name", 10, {}, errors), std::nullopt);
  EXPECT_TRUE(errors.empty());
}

TEST(OptionalStringTest, NullIsClearedRefusedOrEmptyAsAsked) {
  const json::object body = Body(R"({"name":null})");
  Status::Fields errors;
  std::set<std::string> cleared;
  EXPECT_EQ(OptionalString(body, "name", 10, {.cleared = &cleared}, errors), std::nullopt);
  EXPECT_EQ(cleared, std::set<std::string>{"name"});
  EXPECT_TRUE(errors.empty());

  EXPECT_EQ(OptionalString(body, "name", 10, {.empty = true}, errors), std::string());
  EXPECT_TRUE(errors.empty());

  EXPECT_EQ(OptionalString(body, "name", 10, {}, errors), std::nullopt);
  EXPECT_EQ(errors["name"], "must not be null");
  EXPECT_EQ(OptionalString(body, "name", 10, {.error = "is required"}, errors), std::nullopt);
  EXPECT_EQ(errors["name"], "is required");
}

TEST(OptionalStringTest, WrongTypeAndTooLongAreNamed) {
  Status::Fields errors;
  EXPECT_EQ(OptionalString(Body(R"({"a":1})"), "a", 10, {}, errors), std::nullopt);
  EXPECT_EQ(OptionalString(Body(R"({"b":"12345"})"), "b", 4, {}, errors), std::nullopt);
  EXPECT_EQ(OptionalString(Body(R"({"c":"1234"})"), "c", 4, {}, errors), "1234");
  EXPECT_EQ(errors, (Status::Fields{{"a", "must be a string"}, {"b", "is too long"}}));
}

TEST(OptionalNumberTest, ReadsClearsAndRefuses) {
  const json::object body = Body(R"({"x":1.5,"y":null,"z":"1"})");
  Status::Fields errors;
  std::set<std::string> cleared;
  EXPECT_EQ(OptionalNumber(body, "x", cleared, errors), 1.5);
  EXPECT_EQ(OptionalNumber(body, "y", cleared, errors), std::nullopt);
  EXPECT_EQ(OptionalNumber(body, "z", cleared, errors), std::nullopt);
  EXPECT_EQ(OptionalNumber(body, "w", cleared, errors), std::nullopt);
  EXPECT_EQ(cleared, std::set<std::string>{"y"});
  EXPECT_EQ(errors, (Status::Fields{{"z", "must be a number"}}));
}

TEST(FieldReaderTest, VersionIsRequiredAndAllowedOnlyOnPatch) {
  const json::object patch = Body(R"({"title":"t"})");
  FieldReader r(patch);
  long long version = -1;
  r.OnlyAllow({"title"}, &version);
  Status::Fields errors;
  r.MergeInto(errors);
  EXPECT_EQ(version, 0);
  EXPECT_EQ(errors, (Status::Fields{{"version", "is required"}}));

  const json::object create = Body(R"({"title":"t","version":3})");
  FieldReader c(create);
  c.OnlyAllow({"title"}, nullptr);
  Status::Fields kept{{"version", "kept"}};
  c.MergeInto(kept);
  EXPECT_EQ(kept, (Status::Fields{{"version", "kept"}}));
  EXPECT_EQ(c.Finish().fields(), (Status::Fields{{"version", "is not a known field"}}));
}

}  // namespace
}  // namespace hw::http
