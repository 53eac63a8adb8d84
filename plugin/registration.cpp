// Binds the DUO handlers to the names the YAML form uses.
#include "registration.hpp"

#include <memory>
#include <string>
#include <vector>

#include "account_rules.hpp"
#include "answers.hpp"
#include "cart_guard.hpp"
#include "duo_context.hpp"
#include "fulfilment.hpp"
#include "summary.hpp"

namespace servicedesk::duo {

ItemInfo duo_item_info() {
  return {.id = "duo-account-updates", .form_file = "duo-account-updates.yaml"};
}

void register_duo_plugin(Registrar& registrar) {
  std::shared_ptr<DuoContext> context = DuoContext::open(registrar.services());
  registrar.add_item(duo_item_info());
  if (context->fulfil_mode() == FulfilMode::automatic)
    registrar.fulfil_at_checkout(duo_item_info().id);

  registrar.add_field_rule(
      "off_campus_phone",
      {{"campus_prefixes", ParamType::string_list, true,
        "E.164 prefixes of campus numbers, refused (\"+1657278\")"},
       {"region", ParamType::string, false,
        "region for numbers written without a country code (default US)"}},
      [context](const RuleParams& params) {
        PhonePolicyOptions options{params.get_or<std::vector<std::string>>("campus_prefixes", {}),
                                   params.get_or<std::string>("region", "US")};
        return [policy = context->phone_policy(options)](const FieldInput& input) {
          return policy->check(input.value);
        };
      });
  // The account (and, inside rows, the row's user) whose phones the last four must match.
  registrar.add_field_rule(
      "phone_on_account", {}, [context](const RuleParams&) { return PhoneOnAccountRule(context); },
      {{field_ids::kAccount, {}}, {std::string("row.") + field_ids::kUser, {}}});
  // It reads the account's phones from Duo (a remote API): too costly to run as people type.
  registrar.add_form_rule(
      "duo_account_rules", {}, [context](const RuleParams&) { return DuoAccountRules(context); },
      request_fields(), Cost::costly);
  registrar.add_checkout_guard("alone_in_cart", {}, [](const RuleParams&) {
    return [](const CartView& cart) { return alone_in_cart(cart); };
  });
  registrar.add_summarizer(
      "duo_summary", {}, [context](const RuleParams&) { return DuoSummary(context); },
      request_fields());
  registrar.add_fulfilment(
      "duo_fulfilment", {}, [context](const RuleParams&) { return DuoFulfilment(context); },
      request_fields());
}

}  // namespace servicedesk::duo
