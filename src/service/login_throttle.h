// In-memory failure counters for what the database cannot hold: client addresses, and usernames
// that do not exist (so an unknown name locks out like a real one and reveals nothing).
// Thread-safe. Bounded: old windows are pruned as it grows.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "common/clock.h"

namespace hw::service {

class LoginThrottle {
 public:
  explicit LoginThrottle(TimeMs window_ms) : window_ms_(window_ms) {}
  // Failures recorded for `key` in the current window.
  int Failures(const std::string& key, TimeMs now);
  // Records a failure; returns the new count.
  int RecordFailure(const std::string& key, TimeMs now);
  // Ms until the window of `key` ends (0 if none).
  TimeMs RetryAfterMs(const std::string& key, TimeMs now);
  void Reset(const std::string& key);

 private:
  struct Window {
    TimeMs start = 0;
    int count = 0;
  };
  void PruneLocked(TimeMs now);

  TimeMs window_ms_;
  std::mutex mu_;
  std::map<std::string, Window> windows_;
};

}  // namespace hw::service
