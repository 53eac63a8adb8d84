// Dates as e-mail and HTTP signatures write them (RFC 5322 section 3.3), for host and plugins.
#pragma once

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace servicedesk {

/// `when` in UTC as "Tue, 21 Aug 2012 17:29:18 +0000". RFC 5322 reads "-0000" as "UTC, but
/// the local zone is unknown"; Duo's signing, following Python's email.utils, writes that one.
inline std::string internet_date(std::chrono::system_clock::time_point when,
                                 const char* zone = "+0000") {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d %s",
                kDays[static_cast<std::size_t>(utc.tm_wday)], utc.tm_mday,
                kMonths[static_cast<std::size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour,
                utc.tm_min, utc.tm_sec, zone);
  return text;
}

}  // namespace servicedesk
