// Orders for the store contract tests: a cart line, a checkout with reserved numbers.
#pragma once

#include <string>
#include <vector>

#include "store/store.hpp"

namespace servicedesk::test {

/// A mail to `who` (at example.edu), about `item_number` when one is given.
inline host::NewMail mail_to(const std::string& who, const std::string& item_number = "") {
  return {item_number, "submitted", who, who + "@example.edu", who, "Subject " + who, "Body"};
}

/// Checks out one item of `item_id` for `opened_by`, requested for `requested_for`, with one
/// mail per item and the given form version (none when `fields` is null); the order written.
inline host::CheckoutOrder check_out(host::Store& store, const std::string& opened_by,
                                     const std::string& requested_for, const std::string& item_id,
                                     const nlohmann::json& fields = nullptr,
                                     const std::string& hash = "") {
  host::StoreError error = host::StoreError::none;
  host::CartLine line;
  line.item_id = item_id;
  line.answers = {{"mailbox_name", "finance-" + item_id}};
  line.summary = "summary of " + item_id;
  const auto added = store.add_cart_line(opened_by, line, {}, error);
  host::CheckoutOrder order;
  order.opened_by = opened_by;
  order.requested_for = requested_for;
  if (added) order.cart_line_ids.push_back(added->id);
  host::NewRequestItem item{item_id, "Name of " + item_id, line.answers, line.summary};
  item.form_fields = fields;
  item.form_hash = hash;
  order.items.push_back(std::move(item));
  order.numbers = *store.reserve_numbers(1);
  order.mails.push_back({order.numbers.item_numbers[0], "submitted", opened_by,
                         opened_by + "@example.edu", opened_by, "Subject", "Body"});
  const auto result = store.checkout(order);
  EXPECT_TRUE(result.ok()) << result.message;
  return order;
}

/// The kinds of `rows`, in their order.
inline std::vector<std::string> kinds(const std::vector<host::ActivityEntry>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.kind);
  return out;
}

}  // namespace servicedesk::test
