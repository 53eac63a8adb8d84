// The checkout use case: re-check the whole cart, then write the request with its mails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// What the requester sends at checkout; absent values are nothing.
struct CheckoutInput {
  std::optional<std::string> requested_for;
  std::optional<std::string> special_instructions;
};

/// One requested item (RITM) as written.
struct CheckedOutItem {
  std::string number;
  std::string item_id;
  std::string item_name;
  std::string summary;
  std::string state;  ///< "open", or "fulfilling" when fulfilled at checkout
};

/// A written request, or the refusal: empty cart (bad input), an item no longer orderable
/// or a guard (conflict), field errors by path (invalid), the store (unavailable).
struct CheckoutOutcome {
  Outcome outcome;
  std::string request_number;
  std::string requested_for;
  std::string opened_by;
  std::vector<CheckedOutItem> items;
};

/// Checks out the requester's cart: every line again against its live form (it may have
/// changed since the line was added), the guards over the whole cart, the checkout fields
/// of each distinct item, and Requested For as a person in the directory. Then one store
/// transaction writes the request, its items, its "submitted" mails and clears the cart.
CheckoutOutcome checkout(const Desk& desk, const Requester& requester, const CheckoutInput& input);

}  // namespace servicedesk::host
