#include "service/login_throttle.h"

namespace hw::service {

int LoginThrottle::Failures(const std::string& key, TimeMs now) {
  std::lock_guard lock(mu_);
  auto it = windows_.find(key);
  if (it == windows_.end() || now - it->second.start >= window_ms_) return 0;
  return it->second.count;
}

int LoginThrottle::RecordFailure(const std::string& key, TimeMs now) {
  std::lock_guard lock(mu_);
  if (windows_.size() > 100000) PruneLocked(now);
  Window& w = windows_[key];
  if (w.count == 0 || now - w.start >= window_ms_) w = Window{now, 0};
  return ++w.count;
}

TimeMs LoginThrottle::RetryAfterMs(const std::string& key, TimeMs now) {
  std::lock_guard lock(mu_);
  auto it = windows_.find(key);
  if (it == windows_.end()) return 0;
  TimeMs left = it->second.start + window_ms_ - now;
  return left > 0 ? left : 0;
}

void LoginThrottle::Reset(const std::string& key) {
  std::lock_guard lock(mu_);
  windows_.erase(key);
}

void LoginThrottle::PruneLocked(TimeMs now) {
  for (auto it = windows_.begin(); it != windows_.end();) {
    it = now - it->second.start >= window_ms_ ? windows_.erase(it) : std::next(it);
  }
}

}  // namespace hw::service
