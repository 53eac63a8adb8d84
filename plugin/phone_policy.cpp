// The off-campus phone policy: cheap text checks first, then libphonenumber.
#include "phone_policy.hpp"

#include <stdexcept>

#include <phonenumbers/phonenumberutil.h>

namespace servicedesk::duo {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Longer answers are refused unparsed and never cached, so junk cannot fill the cache
// with huge keys.
constexpr std::size_t kMaxAnswerLength = 40;
constexpr int kMinDigits = 7;                 // the shortest numbers anywhere, with country code
constexpr int kMaxDigitsWithPlus = 15;        // E.164's maximum
constexpr int kMaxDigitsDialled = 18;         // "011" international prefix + E.164
constexpr int kMinNationalDigitsNoPlus = 10;  // area code + number in the default region

RuleVerdict fail(std::string_view message) {
  return RuleVerdict::fail(std::string(message));
}

/// Refuses what is not a phone number before libphonenumber reads it.
std::optional<RuleVerdict> precheck(std::string_view text, int& digits) {
  namespace m = phone_messages;
  if (text.size() > kMaxAnswerLength) return fail(m::kDigitsOnly);
  digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return fail(m::kDigitsOnly);
    } else if (c != ' ' && c != '(' && c != ')' && c != '-' && c != '.') {
      return fail(m::kDigitsOnly);
    }
  }
  if (digits == 0) return fail(m::kDigitsOnly);
  if (digits < kMinDigits) return fail(m::kTooShort);
  const bool plus = text.front() == '+';
  if (digits > (plus ? kMaxDigitsWithPlus : kMaxDigitsDialled)) return fail(m::kTooLong);
  return std::nullopt;
}

bool is_plus_and_digits(std::string_view text) {
  if (text.size() < 2 || text.front() != '+') return false;
  for (char c : text.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

PhonePolicy::PhonePolicy(PhonePolicyOptions options, std::size_t cache_entries)
    : options_(std::move(options)), cache_(cache_entries) {
  for (const std::string& prefix : options_.campus_prefixes) {
    if (!is_plus_and_digits(prefix)) {
      throw std::invalid_argument("campus prefix '" + prefix +
                                  "' is not an E.164 prefix such as +1657278");
    }
  }
  if (PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(options_.region) == 0) {
    throw std::invalid_argument("region '" + options_.region +
                                "' is not a two-letter region code such as US");
  }
}

RuleVerdict PhonePolicy::check(std::string_view text) const {
  if (text.size() > kMaxAnswerLength) return check_uncached(text);
  if (auto cached = cache_.find(text)) return std::move(*cached);
  RuleVerdict verdict = check_uncached(text);
  cache_.insert(text, verdict);
  return verdict;
}

RuleVerdict PhonePolicy::check_uncached(std::string_view text) const {
  namespace m = phone_messages;
  int digits = 0;
  if (auto refused = precheck(text, digits)) return std::move(*refused);

  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  const auto parsed = util.Parse(std::string(text), options_.region, &number);
  if (parsed == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) return fail(m::kCountryCode);
  if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) return fail(m::kInvalid);
  if (!util.IsValidNumber(number)) {
    const bool national = text.front() != '+';
    return fail(national && digits < kMinNationalDigitsNoPlus ? m::kTooShort : m::kInvalid);
  }

  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  for (const std::string& prefix : options_.campus_prefixes) {
    if (e164.starts_with(prefix)) return fail(m::kCampus);
  }
  switch (util.GetNumberType(number)) {
    case PhoneNumberUtil::TOLL_FREE:
      return fail(m::kTollFree);
    case PhoneNumberUtil::PREMIUM_RATE:
      return fail(m::kPremiumRate);
    case PhoneNumberUtil::SHARED_COST:
      return fail(m::kSharedCost);
    default:
      return RuleVerdict::pass(std::move(e164));
  }
}

std::optional<std::string> to_e164(std::string_view text, const std::string& region) {
  int digits = 0;
  if (precheck(text, digits)) return std::nullopt;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(text), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsValidNumber(number)) {
    return std::nullopt;
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

}  // namespace servicedesk::duo
