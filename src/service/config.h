// Settings the services enforce. Defaults are the secure ones from DESIGN.md.
#pragma once

#include "common/clock.h"

namespace hw::service {

struct SecurityConfig {
  bool require_totp = true;      // roles flagged requires_totp must enrol a second factor
  int failures_before_lock = 5;  // per account, within lock_window_ms
  TimeMs lock_window_ms = 15LL * 60 * 1000;
  TimeMs lock_duration_ms = 15LL * 60 * 1000;
  int failures_per_address = 50;  // per client address, within lock_window_ms
  TimeMs session_idle_ms = 30LL * 60 * 1000;
  TimeMs session_absolute_ms = 12LL * 60 * 60 * 1000;
  TimeMs session_touch_interval_ms = 60LL * 1000;  // write last_seen_at at most this often
};

}  // namespace hw::service
