#include "common/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/result.h"

namespace hw {
namespace {

TEST(StatusTest, DefaultIsOkAndCheap) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_TRUE(s.message().empty());
  EXPECT_TRUE(s.fields().empty());
  EXPECT_TRUE(s.reason().empty());
  EXPECT_TRUE(s.details().empty());
  EXPECT_EQ(s.retry_after_seconds(), 0);
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, FactoriesSetTheirCode) {
  struct Case {
    Status status;
    StatusCode code;
    const char* name;
  };
  const Case cases[] = {
      {Status::InvalidArgument("bad"), StatusCode::kInvalidArgument, "invalid_argument"},
      {Status::NotFound("nf"), StatusCode::kNotFound, "not_found"},
      {Status::Unauthenticated("who"), StatusCode::kUnauthenticated, "unauthenticated"},
      {Status::PermissionDenied("no"), StatusCode::kPermissionDenied, "permission_denied"},
      {Status::Conflict("clash"), StatusCode::kConflict, "conflict"},
      {Status::RateLimited("slow", 3), StatusCode::kRateLimited, "rate_limited"},
      {Status::Unavailable("down"), StatusCode::kUnavailable, "unavailable"},
      {Status::Internal("boom"), StatusCode::kInternal, "internal"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(c.status.ok()) << c.name;
    EXPECT_EQ(c.status.code(), c.code) << c.name;
    EXPECT_STREQ(StatusCodeName(c.code), c.name);
    EXPECT_EQ(c.status.ToString().rfind(std::string(c.name) + ": ", 0), 0u) << c.status.ToString();
  }
  EXPECT_STREQ(StatusCodeName(StatusCode::kOk), "ok");
  EXPECT_STREQ(StatusCodeName(static_cast<StatusCode>(999)), "internal");
}

TEST(StatusTest, InvalidArgumentCarriesEveryField) {
  Status s = Status::InvalidArgument("invalid user", {{"username", "taken"}, {"roles", "empty"}});
  EXPECT_EQ(s.message(), "invalid user");
  ASSERT_EQ(s.fields().size(), 2u);
  EXPECT_EQ(s.fields().at("username"), "taken");
  EXPECT_EQ(s.fields().at("roles"), "empty");
  // Fields are listed in name order after the message.
  EXPECT_EQ(s.ToString(), "invalid_argument: invalid user [roles: empty] [username: taken]");
}

TEST(StatusTest, InvalidFieldNamesOneField) {
  Status s = Status::InvalidField("birth_date", "must be YYYY-MM-DD");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "invalid input");
  ASSERT_EQ(s.fields().size(), 1u);
  EXPECT_EQ(s.fields().at("birth_date"), "must be YYYY-MM-DD");
}

TEST(StatusTest, ConflictFieldIsAConflictNamingTheField) {
  Status s = Status::ConflictField("username", "the username is taken");
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(s.message(), "the username is taken");
  EXPECT_EQ(s.fields().at("username"), "the username is taken");
}

TEST(StatusTest, RateLimitedCarriesRetryAfterAndReason) {
  Status s = Status::RateLimited("later", 900);
  s.WithReason("too_many_attempts");
  EXPECT_EQ(s.retry_after_seconds(), 900);
  EXPECT_EQ(s.reason(), "too_many_attempts");
  EXPECT_EQ(Status::Conflict("x").retry_after_seconds(), 0);
}

TEST(StatusTest, WithReasonAndDetailChain) {
  Status s = Status::Conflict("stale").WithDetail("current_version", 7).WithReason("stale");
  EXPECT_EQ(s.details().at("current_version"), 7);
  EXPECT_EQ(s.reason(), "stale");
  s.WithDetail("current_version", 8);
  EXPECT_EQ(s.details().size(), 1u);
  EXPECT_EQ(s.details().at("current_version"), 8);
}

TEST(StatusTest, EmptyMessageToStringIsJustTheCode) {
  EXPECT_EQ(Status::NotFound("").ToString(), "not_found");
}

TEST(ResultTest, HoldsAValue) {
  Result<std::string> r(std::string("value"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.status().ok());
  EXPECT_EQ(*r, "value");
  EXPECT_EQ(r.value(), "value");
  EXPECT_EQ(r->size(), 5u);
  r.value() += "!";
  EXPECT_EQ(*r, "value!");
  const Result<std::string>& cr = r;
  EXPECT_EQ(*cr, "value!");
  EXPECT_EQ(cr.value(), "value!");
  EXPECT_EQ(cr->front(), 'v');
  std::string moved = std::move(r).value();
  EXPECT_EQ(moved, "value!");
}

TEST(ResultTest, HoldsAnError) {
  Result<int> r(Status::NotFound("no such thing"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "no such thing");
}

TEST(ResultTest, MoveOnlyValues) {
  Result<std::unique_ptr<int>> r(std::make_unique<int>(42));
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 42);
}

TEST(ResultDeathTest, OkStatusIsABrokenInvariant) {
#ifdef NDEBUG
  Result<int> r(Status::Ok());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
#else
  EXPECT_DEATH({ Result<int> r(Status::Ok()); }, "non-ok Status");
#endif
}

Status FailWhen(bool fail) { return fail ? Status::Unavailable("down") : Status::Ok(); }

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidField("n", "must be even");
  return n / 2;
}

Status Chain(bool fail, int n, int* out, int* reached) {
  HW_RETURN_IF_ERROR(FailWhen(fail));
  *reached += 1;
  HW_ASSIGN_OR_RETURN(int half, Half(n));
  HW_ASSIGN_OR_RETURN(int quarter, Half(half));  // two uses in one scope must not collide
  *out = quarter;
  return Status::Ok();
}

TEST(ResultTest, EarlyReturnMacros) {
  int out = 0;
  int reached = 0;
  EXPECT_TRUE(Chain(false, 8, &out, &reached).ok());
  EXPECT_EQ(out, 2);
  EXPECT_EQ(reached, 1);

  Status s = Chain(true, 8, &out, &reached);
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(reached, 1);  // stopped before the second step

  out = 0;
  s = Chain(false, 6, &out, &reached);  // 6 / 2 = 3 is odd
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.fields().at("n"), "must be even");
  EXPECT_EQ(out, 0);
}

}  // namespace
}  // namespace hw
