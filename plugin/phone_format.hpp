// How phone numbers may appear in summaries, mail and logs: masked to their last four digits.
#pragma once

#include <string>
#include <string_view>

namespace servicedesk::duo {

/// True for "+" followed by 7 to 15 digits, the shape phones are stored in.
bool is_e164(std::string_view phone) noexcept;

/// The last four digits of `phone` (any formatting), or fewer when it has fewer digits.
std::string last_four(std::string_view phone);

/// `phone` with every digit but the last four hidden, keeping the country code of an
/// E.164 number: "+17145550199" -> "+1 ***-***-0199", "+442079460958" -> "+44 ******0958".
std::string mask_phone(std::string_view phone);

}  // namespace servicedesk::duo
