// Today's date (the one wall-clock reader for dates) and strict ISO 8601 calendar dates.
#include "servicedesk/forms/calendar.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace servicedesk {
namespace {

class SystemCalendar final : public Calendar {
 public:
  std::chrono::sys_days today() const noexcept override {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr) {
      return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    }
    return std::chrono::sys_days(std::chrono::year(local.tm_year + 1900) /
                                 std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)) /
                                 std::chrono::day(static_cast<unsigned>(local.tm_mday)));
  }
};

bool digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

int number(std::string_view text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

constexpr int kMaxOffsetDays = 36600;

}  // namespace

const Calendar& system_calendar() noexcept {
  static const SystemCalendar calendar;
  return calendar;
}

std::optional<std::chrono::sys_days> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(number(y)),
                                         std::chrono::month(static_cast<unsigned>(number(m))),
                                         std::chrono::day(static_cast<unsigned>(number(d)))};
  if (number(y) < 1 || !date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

std::string format_iso_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day date(day);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return out;
}

std::optional<DateBound> parse_date_bound(std::string_view text) {
  DateBound bound;
  bound.text = std::string(text);
  if (text == "today") {
    bound.relative = true;
    return bound;
  }
  if (text.size() >= 3 && (text[0] == '+' || text[0] == '-') && text.back() == 'd') {
    const std::string_view count = text.substr(1, text.size() - 2);
    if (!digits(count) || count.size() > 5) return std::nullopt;
    const int days = number(count);
    if (days > kMaxOffsetDays) return std::nullopt;
    bound.relative = true;
    bound.offset_days = text[0] == '-' ? -days : days;
    return bound;
  }
  auto day = parse_iso_date(text);
  if (!day) return std::nullopt;
  bound.day = *day;
  return bound;
}

}  // namespace servicedesk
