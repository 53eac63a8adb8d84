// Account rules: which changes make sense for the selected account and its Duo phones.
#pragma once

#include "refusals.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "duo_context.hpp"
#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// `phone_on_account` (field rule, no parameters): the last four digits typed must match a
/// phone of the row's user (`row.user`; outside rows, the account itself) on the selected
/// account (`answers.account`).
class PhoneOnAccountRule {
 public:
  explicit PhoneOnAccountRule(std::shared_ptr<DuoContext> context);
  RuleVerdict operator()(const FieldInput& input) const;

 private:
  std::shared_ptr<DuoContext> context_;
};

/// `duo_account_rules` (form rule): the server's own check of the request against the
/// account's kind and its phones in the ledger, whatever the client sent. No parameters.
class DuoAccountRules {
 public:
  explicit DuoAccountRules(std::shared_ptr<DuoContext> context);
  std::vector<FieldError> operator()(const FormInput& input) const;

 private:
  std::shared_ptr<DuoContext> context_;
};

}  // namespace servicedesk::duo
