// The DUO refusal sentences shared by the account rules and fulfilment.
#include "refusals.hpp"

namespace servicedesk::duo {

std::string no_phone_ending_message(std::string_view last_four, std::string_view display_name) {
  return "No phone ending in " + std::string(last_four) + " is on this account for " +
         std::string(display_name) + ".";
}

std::string already_on_account(std::string_view display_name) {
  return "This number is already on the Duo account of " + std::string(display_name) + ".";
}

}  // namespace servicedesk::duo
