// Result<T>: a value or a non-ok Status.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "common/status.h"

namespace hw {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result needs a value or a non-ok Status");
    if (status_.ok()) status_ = Status::Internal("Result constructed from ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace hw

// Early-return helpers for Status- and Result-returning code.
#define HW_CONCAT_INNER(a, b) a##b
#define HW_CONCAT(a, b) HW_CONCAT_INNER(a, b)
#define HW_RETURN_IF_ERROR_IMPL(tmp, expr) \
  do {                                     \
    ::hw::Status tmp = (expr);             \
    if (!tmp.ok()) return tmp;             \
  } while (false)
#define HW_RETURN_IF_ERROR(expr) HW_RETURN_IF_ERROR_IMPL(HW_CONCAT(hw_status_, __LINE__), expr)
#define HW_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
#define HW_ASSIGN_OR_RETURN(lhs, expr) \
  HW_ASSIGN_OR_RETURN_IMPL(HW_CONCAT(hw_result_, __LINE__), lhs, expr)
