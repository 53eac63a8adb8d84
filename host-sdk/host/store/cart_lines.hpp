// The one rule both stores apply before changing a cart: the caller saw the cart as it is.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace servicedesk::host {

/// True when `expected` (the cart line ids the caller saw, in any order) are exactly the
/// cart's lines now (`actual`, in ascending id order as both stores read them).
inline bool same_cart_lines(std::vector<std::int64_t> expected,
                            const std::vector<std::int64_t>& actual) {
  std::sort(expected.begin(), expected.end());
  return expected == actual;
}

}  // namespace servicedesk::host
