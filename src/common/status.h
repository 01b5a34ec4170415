// Status: the outcome of an operation that can fail in an expected way.
// Cheap to copy when ok (no allocation). Per-field messages accompany InvalidArgument.
// Thread safety: a Status is a value; distinct objects may be used from distinct threads.
#pragma once

#include <map>
#include <string>
#include <utility>

namespace hw {

enum class StatusCode {
  kOk,
  kInvalidArgument,  // bad input; `fields` names each offending field
  kNotFound,
  kUnauthenticated,
  kPermissionDenied,
  kConflict,  // unique violation, stale version, state clash
  kRateLimited,
  kUnavailable,
  kInternal,
};

class Status {
 public:
  using Fields = std::map<std::string, std::string>;

  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message, Fields fields = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(fields));
  }
  static Status InvalidField(const std::string& field, const std::string& message) {
    return Status(StatusCode::kInvalidArgument, "invalid input", Fields{{field, message}});
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status Unauthenticated(std::string message) {
    return Status(StatusCode::kUnauthenticated, std::move(message));
  }
  static Status PermissionDenied(std::string message) {
    return Status(StatusCode::kPermissionDenied, std::move(message));
  }
  static Status Conflict(std::string message) {
    return Status(StatusCode::kConflict, std::move(message));
  }
  // A conflict about one field's value (a taken username or code).
  static Status ConflictField(const std::string& field, std::string message) {
    return Status(StatusCode::kConflict, message, Fields{{field, message}});
  }
  static Status RateLimited(std::string message, int retry_after_seconds) {
    Status s(StatusCode::kRateLimited, std::move(message));
    s.retry_after_seconds_ = retry_after_seconds;
    return s;
  }
  static Status Unavailable(std::string message) {
    return Status(StatusCode::kUnavailable, std::move(message));
  }
  // `message` is for logs only: it never reaches a client.
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Fields& fields() const { return fields_; }
  int retry_after_seconds() const { return retry_after_seconds_; }

  // A machine-readable reason refining the code (e.g. "too_many_attempts", "csrf").
  const std::string& reason() const { return reason_; }
  Status& WithReason(std::string reason) {
    reason_ = std::move(reason);
    return *this;
  }
  // Extra detail safe to show a client (e.g. the current version on a stale update).
  const std::map<std::string, long long>& details() const { return details_; }
  Status& WithDetail(std::string key, long long value) {
    details_[std::move(key)] = value;
    return *this;
  }

  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message, Fields fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  Fields fields_;
  std::string reason_;
  std::map<std::string, long long> details_;
  int retry_after_seconds_ = 0;
};

const char* StatusCodeName(StatusCode code);

}  // namespace hw
