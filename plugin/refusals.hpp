// The DUO refusal sentences said both when a form is checked and when a request is fulfilled.
#pragma once

#include <string>
#include <string_view>

namespace servicedesk::duo {

inline constexpr std::string_view kRemoveOnlyAdministrative =
    "Remove is only available for administrative accounts.";

/// "No phone ending in 1234 is on this account for Titan, Tuffy."
std::string no_phone_ending_message(std::string_view last_four, std::string_view display_name);

/// "This number is already on the Duo account of Titan, Tuffy."
std::string already_on_account(std::string_view display_name);

}  // namespace servicedesk::duo
