// The off-campus phone policy behind the `off_campus_phone` rule.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/handlers.hpp"
#include "verdict_cache.hpp"

namespace servicedesk::duo {

/// A binding's parameters: `campus_prefixes` (E.164 prefixes, "+1657278") and `region`
/// (where numbers without a country code are dialled, "US").
struct PhonePolicyOptions {
  std::vector<std::string> campus_prefixes;
  std::string region = "US";
  friend bool operator==(const PhonePolicyOptions&, const PhonePolicyOptions&) = default;
};

/// Plain messages a DITC understands, one per kind of refusal.
namespace phone_messages {
inline constexpr std::string_view kDigitsOnly =
    "Enter a phone number using digits only, for example 714-555-0199.";
inline constexpr std::string_view kTooShort =
    "This phone number is too short. Enter the full number with its area code, for example "
    "714-555-0199.";
inline constexpr std::string_view kTooLong = "This phone number has too many digits.";
inline constexpr std::string_view kCountryCode =
    "Start a number outside the US with + and its country code, for example +44 20 7946 0958.";
inline constexpr std::string_view kInvalid =
    "This is not a valid phone number. Check the digits and enter it again.";
inline constexpr std::string_view kCampus =
    "This is a campus number. Enter an off-campus number, typically a cellphone.";
inline constexpr std::string_view kTollFree =
    "Toll-free numbers cannot be used for Duo. Enter a cellphone number.";
inline constexpr std::string_view kPremiumRate =
    "Premium-rate numbers cannot be used for Duo. Enter a cellphone number.";
inline constexpr std::string_view kSharedCost =
    "Shared-cost numbers cannot be used for Duo. Enter a cellphone number.";
}  // namespace phone_messages

/// Checks phone answers: junk and letters refused before parsing (libphonenumber would
/// read letters as keypad digits), then invalid, campus, toll-free, premium-rate and
/// shared-cost numbers refused; anything else passes normalized to E.164.
/// Thread-safe; verdicts are cached, so checking the same text again is cheap.
class PhonePolicy {
 public:
  static constexpr std::size_t kDefaultCacheEntries = 4096;

  /// Throws std::invalid_argument for a prefix that is not "+" and digits or an unknown
  /// region, so a bad YAML binding is a load error.
  explicit PhonePolicy(PhonePolicyOptions options,
                       std::size_t cache_entries = kDefaultCacheEntries);

  /// The verdict for `text` (a trimmed answer); pass carries the E.164 form.
  RuleVerdict check(std::string_view text) const;
  /// The same without the cache (for measuring, and for the cache's own tests).
  RuleVerdict check_uncached(std::string_view text) const;

  const PhonePolicyOptions& options() const noexcept { return options_; }
  std::size_t cached_entries() const { return cache_.size(); }

 private:
  PhonePolicyOptions options_;
  mutable VerdictCache cache_;
};

/// The E.164 form of any valid number written with digits (no campus or type policy
/// applied), or nothing.
std::optional<std::string> to_e164(std::string_view text, const std::string& region = "US");

}  // namespace servicedesk::duo
