// Clock: the source of "now", injectable so tests can move time (timeouts, lockouts).
// Thread safety: SystemClock is stateless; ManualClock is safe for concurrent use.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace hw {

// Milliseconds since the Unix epoch, UTC.
using TimeMs = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs NowMs() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimeMs NowMs() const override;
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimeMs start) : now_(start) {}
  TimeMs NowMs() const override { return now_.load(); }
  void Advance(TimeMs ms) { now_ += ms; }

 private:
  std::atomic<TimeMs> now_;
};

// RFC 3339 UTC with milliseconds, e.g. 2026-11-28T11:13:47.123Z.
std::string FormatTimestamp(TimeMs ms);

}  // namespace hw
