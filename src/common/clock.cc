#include "common/clock.h"

#include <chrono>
#include <cstdio>

namespace hw {

TimeMs SystemClock::NowMs() const {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  return duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string FormatTimestamp(TimeMs ms) {
  // Civil date by arithmetic (no gmtime_r, no printf): list pages format two per row.
  namespace chrono = std::chrono;
  const chrono::sys_time<chrono::milliseconds> t{chrono::milliseconds{ms}};
  const chrono::sys_days day = chrono::floor<chrono::days>(t);
  const chrono::year_month_day ymd{day};
  const chrono::hh_mm_ss<chrono::milliseconds> tod{t - day};
  char buf[32];
  auto put = [&buf](int at, long long value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      buf[at + i] = static_cast<char>('0' + value % 10);
  };
  const int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) {  // not fixed-width; never in practice
    std::snprintf(buf, sizeof buf, "%d-%02u-%02uT%02d:%02d:%02d.%03dZ", y,
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                  static_cast<int>(tod.seconds().count()),
                  static_cast<int>(tod.subseconds().count()));
    return buf;
  }
  put(0, y, 4);
  buf[4] = '-';
  put(5, static_cast<unsigned>(ymd.month()), 2);
  buf[7] = '-';
  put(8, static_cast<unsigned>(ymd.day()), 2);
  buf[10] = 'T';
  put(11, tod.hours().count(), 2);
  buf[13] = ':';
  put(14, tod.minutes().count(), 2);
  buf[16] = ':';
  put(17, tod.seconds().count(), 2);
  buf[19] = '.';
  put(20, tod.subseconds().count(), 3);
  buf[23] = 'Z';
  return std::string(buf, 24);
}

}  // namespace hw
