// The alone-in-the-cart checkout guard.
#include "cart_guard.hpp"

#include <algorithm>
#include <string>

namespace servicedesk::duo {

GuardVerdict alone_in_cart(const CartView& cart) {
  const auto& ids = cart.item_ids;
  const bool holds_guarded = std::find(ids.begin(), ids.end(), cart.guarded_item) != ids.end();
  if (!holds_guarded || ids.size() <= 1) return {true, {}};
  return {false, std::string(cart.guarded_item) + " must be alone in the cart, which has " +
                     std::to_string(ids.size()) + " lines"};
}

}  // namespace servicedesk::duo
