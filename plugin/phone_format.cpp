// Masks phone numbers so that only their last four digits ever leave the plugin.
#include "phone_format.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace servicedesk::duo {

namespace {

std::string digits_of(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

}  // namespace

bool is_e164(std::string_view phone) noexcept {
  if (phone.size() < 8 || phone.size() > 16 || phone.front() != '+') return false;
  for (char c : phone.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string last_four(std::string_view phone) {
  const std::string digits = digits_of(phone);
  return digits.size() <= 4 ? digits : digits.substr(digits.size() - 4);
}

std::string mask_phone(std::string_view phone) {
  const std::string digits = digits_of(phone);
  const std::string tail = last_four(digits);
  if (!phone.empty() && phone.front() == '+' && digits.size() > 4) {
    if (digits.size() == 11 && digits.front() == '1') return "+1 ***-***-" + tail;
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    PhoneNumber parsed;
    if (PhoneNumberUtil::GetInstance()->Parse(std::string(phone), "ZZ", &parsed) ==
        PhoneNumberUtil::NO_PARSING_ERROR) {
      const std::string code = std::to_string(parsed.country_code());
      if (digits.size() > code.size() + 4) {
        return "+" + code + " " + std::string(digits.size() - code.size() - 4, '*') + tail;
      }
    }
  }
  return "***" + tail;
}

}  // namespace servicedesk::duo
