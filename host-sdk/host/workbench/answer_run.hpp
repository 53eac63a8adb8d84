// One answer set run through a live form as the portal would: for `test` and `try`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "servicedesk/directory.hpp"
#include "servicedesk/forms/form.hpp"
#include "usecases/item_source.hpp"

namespace servicedesk::host {

/// Who fills the form in, and what else is in their cart.
struct AnswerSetting {
  std::string requester;                   ///< a username of the directory
  std::vector<std::string> roles;          ///< the requester's roles (from the directory)
  std::vector<std::string> cart;           ///< item ids already in the cart, for the guards
  std::optional<nlohmann::json> checkout;  ///< `{requested_for, special_instructions}`, if given
};

/// What the portal and the server make of one answer set.
struct AnswerRun {
  bool available = true;  ///< the requester may see and order the item (`available_for`)
  Evaluation live;        ///< the field states while typing (POST .../evaluate)
  Submission submitted;   ///< the server's check on add to cart (form rules included)
  std::string refused;    ///< a checkout guard's message when the cart may not hold the item
  std::optional<Submission> checkout;  ///< the checkout fields' check, when given
  /// Every error by path: the submission's, then the checkout fields' as "checkout.PATH".
  std::map<std::string, std::vector<std::string>> errors() const;
  /// Accepted on add to cart: available, no error, no guard refused, checkout fields fine.
  bool valid() const;
};

/// Runs `answers` through `form` for `setting`: the same engine, handlers and guard
/// functions the host calls (nothing is stored). `items` resolves the cart's other items.
AnswerRun run_answers(const Form& form, const ItemSource& items, const Directory& directory,
                      const AnswerSetting& setting, const nlohmann::json& answers);

/// The value at a field path of validated answers ("members[0].phone"), or nullptr.
const nlohmann::json* value_at(const nlohmann::json& answers, const std::string& path);

}  // namespace servicedesk::host
