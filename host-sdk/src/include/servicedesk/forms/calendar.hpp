// Host side: the one authority on today's date, and ISO 8601 dates (YYYY-MM-DD) as answers.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace servicedesk {

/// Today's date for relative date bounds (`min: today`, `max: +14d`). The engine asks the
/// calendar of its EvalContext once per evaluation and never reads the wall clock itself,
/// so tests pass a FixedCalendar.
class Calendar {
 public:
  virtual ~Calendar() = default;
  virtual std::chrono::sys_days today() const noexcept = 0;
};

/// The host's local date (the TZ environment variable applies): the only place that reads
/// the wall clock for dates.
const Calendar& system_calendar() noexcept;

/// A calendar stuck on one day, for tests.
class FixedCalendar final : public Calendar {
 public:
  explicit FixedCalendar(std::chrono::sys_days day) : day_(day) {}
  std::chrono::sys_days today() const noexcept override { return day_; }

 private:
  std::chrono::sys_days day_;
};

/// `text` as a calendar date when it is exactly `YYYY-MM-DD` (year 0001 to 9999) and the day
/// exists (no 2026-02-30); nullopt otherwise.
std::optional<std::chrono::sys_days> parse_iso_date(std::string_view text) noexcept;

/// `day` as `YYYY-MM-DD`.
std::string format_iso_date(std::chrono::sys_days day);

/// A date field's `min` or `max` as written in YAML: an absolute date, or days from today.
struct DateBound {
  bool relative = false;
  std::chrono::sys_days day{};  ///< when absolute
  int offset_days = 0;          ///< when relative: `today` is 0, `+14d` 14, `-1d` -1
  std::string text;             ///< as written, for messages and the client form
  std::chrono::sys_days resolve(std::chrono::sys_days today) const {
    return relative ? today + std::chrono::days(offset_days) : day;
  }
};

/// Parses `2026-03-14`, `today`, `+14d` or `-1d` (at most 36600 days either way); nullopt
/// otherwise.
std::optional<DateBound> parse_date_bound(std::string_view text);

}  // namespace servicedesk
