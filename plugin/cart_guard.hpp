// `alone_in_cart`: the article's "You are not able to submit other requests along with" rule.
#pragma once

#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// Refuses a cart holding the guarded item together with any other line (a second request
/// for the same item included). The host runs the guards of every item in the cart, so
/// this also refuses adding anything to a cart that already holds the guarded item.
GuardVerdict alone_in_cart(const CartView& cart);

}  // namespace servicedesk::duo
