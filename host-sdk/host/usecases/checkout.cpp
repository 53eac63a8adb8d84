// The checkout use case: lines, guards, checkout fields, numbers, mails, one transaction.
#include "usecases/checkout.hpp"

#include <algorithm>

#include <set>

#include "usecases/answer_view.hpp"
#include "usecases/cart.hpp"
#include "usecases/duties.hpp"
#include "usecases/notifications.hpp"

namespace servicedesk::host {
namespace {

/// Merges `submission`'s errors into `into`, each path prefixed (for cart lines) or not.
void merge_errors(nlohmann::json& into, const Submission& submission, const std::string& prefix) {
  for (const auto& [path, messages] : submission.errors) {
    const std::string key = prefix.empty() ? path : prefix + (path.empty() ? "" : "." + path);
    for (const auto& message : messages) into[key].push_back(message);
  }
}

/// The cart's lines with their live forms, checked as orderable and allowed by the guards.
struct CheckedCart {
  std::vector<CartLine> lines;
  std::vector<std::shared_ptr<const Form>> forms;
  Outcome outcome;
};

CheckedCart checked_cart(const Desk& desk, const Requester& requester) {
  CheckedCart cart;
  cart.lines = desk.store.cart(requester.username);
  if (cart.lines.empty()) {
    cart.outcome = Outcome::refuse(Refusal::bad_input, "Your cart is empty.");
    return cart;
  }
  std::vector<std::string> item_ids;
  for (const auto& line : cart.lines) {
    auto form = desk.catalog.find(line.item_id);
    if (!form || !may_order(*form, requester)) {
      cart.outcome = Outcome::refuse(
          Refusal::conflict, "An item in your cart is no longer available; remove it first.");
      return cart;
    }
    item_ids.push_back(line.item_id);
    cart.forms.push_back(std::move(form));
  }
  if (Outcome refusal = guard_refusal(desk.catalog, item_ids, desk.handler_failures); !refusal.ok())
    cart.outcome = std::move(refusal);
  return cart;
}

/// Validates every line and the checkout fields; fills `items` and returns the errors.
nlohmann::json validate_order(const Desk& desk, const Requester& requester, const CheckedCart& cart,
                              const CheckoutInput& input, std::vector<NewRequestItem>& items) {
  const EvalContext eval{&desk.directory, requester.username, desk.handler_failures};
  nlohmann::json errors = nlohmann::json::object();
  for (std::size_t i = 0; i < cart.lines.size(); ++i) {
    Submission submission = cart.forms[i]->validate(cart.lines[i].answers, eval);
    if (!submission.ok || !submission.answers) {
      merge_errors(errors, submission, "lines[" + std::to_string(cart.lines[i].id) + "]");
      continue;
    }
    NewRequestItem item{
        cart.lines[i].item_id, cart.forms[i]->header().name, std::move(*submission.answers), {}};
    // The summary is made once Requested For is known (a template may name them).
    item.form_fields = form_version_fields(*cart.forms[i]);
    item.form_hash = form_version_hash(item.form_fields);
    // `fulfil: automatic` and the like: the job is queued with the request itself.
    item.fulfil_at_checkout = desk.jobs != nullptr && cart.forms[i]->fulfilment() != nullptr &&
                              desk.catalog.fulfils_at_checkout(item.item_id);
    items.push_back(std::move(item));
  }
  nlohmann::json checkout_answers = nlohmann::json::object();
  if (input.requested_for) checkout_answers["requested_for"] = *input.requested_for;
  if (input.special_instructions)
    checkout_answers["special_instructions"] = *input.special_instructions;
  std::set<std::string> checked;
  for (const auto& form : cart.forms) {
    if (!checked.insert(form->header().id).second) continue;
    Submission submission = form->validate_checkout(checkout_answers, eval);
    if (!submission.ok) merge_errors(errors, submission, "");
  }
  // Whatever the forms say, a request is always for a person in the directory.
  const DirectoryEntry* person =
      input.requested_for ? desk.directory.find(*input.requested_for) : nullptr;
  if ((person == nullptr || person->kind != AccountKind::person) &&
      !errors.contains("requested_for")) {
    errors["requested_for"].push_back(input.requested_for && !input.requested_for->empty()
                                          ? "Choose a person from the directory."
                                          : "This field is required.");
  }
  return errors;
}

/// The "submitted" mails of every item of the order, numbers filled in.
std::vector<NewMail> submitted_mails(const Desk& desk, const CheckoutOrder& order,
                                     const std::vector<std::shared_ptr<const Form>>& forms) {
  std::vector<NewMail> mails;
  for (std::size_t i = 0; i < order.items.size(); ++i) {
    const NewRequestItem& item = order.items[i];
    const MailFacts facts{order.numbers.request_number,
                          order.numbers.item_numbers[i],
                          item.item_name,
                          item.summary,
                          order.opened_by,
                          order.requested_for,
                          order.special_instructions,
                          "",
                          answer_placeholders(item.form_fields, item.answers, desk.directory)};
    for (auto& mail : compose_mails(*forms[i], "submitted", facts, desk.directory))
      mails.push_back(std::move(mail));
  }
  return mails;
}

}  // namespace

CheckoutOutcome checkout(const Desk& desk, const Requester& requester, const CheckoutInput& input) {
  CheckoutOutcome outcome;
  CheckedCart cart = checked_cart(desk, requester);
  if (!cart.outcome.ok()) {
    outcome.outcome = std::move(cart.outcome);
    return outcome;
  }
  CheckoutOrder order;
  nlohmann::json errors = validate_order(desk, requester, cart, input, order.items);
  if (!errors.empty()) {
    outcome.outcome = Outcome::invalid_answers(std::move(errors));
    return outcome;
  }
  for (std::size_t i = 0; i < cart.lines.size(); ++i) {
    // The scope may have changed since the line was added (a department move, a new rule).
    Outcome scope = within_ditc_scope(desk, requester, *cart.forms[i], order.items[i].answers);
    if (scope.ok())
      scope = requested_for_within_scope(desk, requester, *cart.forms[i], *input.requested_for);
    if (!scope.ok()) {
      outcome.outcome = std::move(scope);
      return outcome;
    }
  }
  order.opened_by = requester.username;
  order.requested_for = desk.directory.find(*input.requested_for)->username;
  order.special_instructions = input.special_instructions.value_or("");
  for (const auto& line : cart.lines) order.cart_line_ids.push_back(line.id);
  for (std::size_t i = 0; i < order.items.size(); ++i) {
    order.items[i].summary =
        summarize(*cart.forms[i], order.items[i].answers,
                  {desk.directory, order.opened_by, order.requested_for}, desk.handler_failures);
  }
  auto numbers = desk.store.reserve_numbers(order.items.size());
  if (!numbers) {
    outcome.outcome = Outcome::refuse(Refusal::unavailable,
                                      "The request could not be saved; nothing was submitted.");
    return outcome;
  }
  order.numbers = std::move(*numbers);
  order.mails = submitted_mails(desk, order, cart.forms);

  const CheckoutResult result = desk.store.checkout(order);
  if (!result.ok()) {
    outcome.outcome =
        result.error == StoreError::conflict
            ? Outcome::refuse(Refusal::conflict,
                              "Your cart changed meanwhile; review it and check out again.")
            : Outcome::refuse(Refusal::unavailable,
                              "The request could not be saved; nothing was submitted.");
    return outcome;
  }
  if (desk.mail_queued) desk.mail_queued();
  const bool queued_a_job = std::any_of(order.items.begin(), order.items.end(),
                                        [](const auto& item) { return item.fulfil_at_checkout; });
  if (queued_a_job) desk.jobs->wake();
  outcome.request_number = order.numbers.request_number;
  outcome.requested_for = order.requested_for;
  outcome.opened_by = order.opened_by;
  for (std::size_t i = 0; i < order.items.size(); ++i) {
    const NewRequestItem& item = order.items[i];
    outcome.items.push_back({order.numbers.item_numbers[i], item.item_id, item.item_name,
                             item.summary, item.fulfil_at_checkout ? "fulfilling" : "open"});
  }
  return outcome;
}

}  // namespace servicedesk::host
