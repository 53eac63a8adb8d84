// The cart use cases: list, add a line (validated, guarded), remove a line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "usecases/desk.hpp"
#include "usecases/summary.hpp"

namespace servicedesk::host {

/// A cart line as shown to its owner.
struct CartLineView {
  std::int64_t id = 0;
  std::string item_id;
  std::string item_name;  ///< from the live form; the item id when the form is gone
  std::string summary;
};

/// The requester's cart, oldest line first.
std::vector<CartLineView> list_cart(const Desk& desk, const Requester& requester);

/// Adds an item with its answers: the form validates them, the checkout guards judge the
/// cart as it would be, and the store adds the line only if the cart is still what the
/// guards saw. The line when added, else the refusal.
struct AddToCartResult {
  std::optional<CartLineView> line;
  Outcome outcome;
};
AddToCartResult add_to_cart(const Desk& desk, const Requester& requester, std::string_view item_id,
                            const nlohmann::json& answers);

/// Removes one of the requester's lines; false when there was none with that id.
bool remove_from_cart(const Desk& desk, const Requester& requester, std::int64_t line_id);

/// Runs the checkout guards of every distinct item in `item_ids` (the whole cart as it
/// would be): the first refusal with its YAML message (409; its detail is logged), a guard
/// that threw as a plain sentence (503; reported to `failures`), or ok when all allow it.
Outcome guard_refusal(const ItemSource& catalog, const std::vector<std::string>& item_ids,
                      const HandlerFailureSink* failures);

}  // namespace servicedesk::host
