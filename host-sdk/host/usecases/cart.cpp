// The cart use cases: validate against the live form, judge the guards, store the line.
#include "usecases/cart.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "usecases/answer_probes.hpp"
#include "usecases/duties.hpp"

namespace servicedesk::host {
namespace {

CartLineView view_of(const ItemSource& catalog, const CartLine& line) {
  auto form = catalog.find(line.item_id);
  return {line.id, line.item_id, form ? form->header().name : line.item_id, line.summary};
}

}  // namespace

Outcome guard_refusal(const ItemSource& catalog, const std::vector<std::string>& item_ids,
                      const HandlerFailureSink* failures) {
  std::vector<std::string> seen;
  for (const auto& item_id : item_ids) {
    if (std::find(seen.begin(), seen.end(), item_id) != seen.end()) continue;
    seen.push_back(item_id);
    auto form = catalog.find(item_id);
    if (!form) continue;
    for (const auto& binding : form->checkout_guards()) {
      if (!binding.guard) continue;
      HandlerOutcome<GuardVerdict> verdict = binding.guard->call(CartView{item_ids, item_id});
      if (!verdict.ok()) {
        if (failures != nullptr) {
          failures->report({HandlerKind<CheckoutGuardFn>::name, binding.name, binding.plugin,
                            item_id, "", verdict.failure});
        }
        return Outcome::refuse(Refusal::unavailable, std::string(kCartNotChecked));
      }
      if (!verdict.result->allowed) {
        spdlog::info("checkout guard '{}' of plugin '{}' refused item '{}': {}", binding.name,
                     binding.plugin, item_id,
                     verdict.result->detail.empty() ? "no detail given" : verdict.result->detail);
        return Outcome::refuse(Refusal::conflict,
                               binding.message.empty()
                                   ? "This item cannot be ordered with the rest of your cart."
                                   : binding.message);
      }
    }
  }
  return {};
}

std::vector<CartLineView> list_cart(const Desk& desk, const Requester& requester) {
  std::vector<CartLineView> lines;
  for (const auto& line : desk.store.cart(requester.username))
    lines.push_back(view_of(desk.catalog, line));
  return lines;
}

AddToCartResult add_to_cart(const Desk& desk, const Requester& requester, std::string_view item_id,
                            const nlohmann::json& answers) {
  auto [form, refusal] = find_orderable(desk, item_id, requester);
  if (!form) return {std::nullopt, std::move(refusal)};
  if (Outcome locked = refused_answers_locked(desk, requester); !locked.ok())
    return {std::nullopt, std::move(locked)};
  const EvalContext eval{&desk.directory, requester.username, desk.handler_failures};
  Submission submission = form->validate(answers, eval);
  if (!submission.ok || !submission.answers) {
    count_refused_answers(desk, requester);
    return {std::nullopt, Outcome::invalid_answers(submission.errors_json())};
  }
  if (Outcome scope = within_ditc_scope(desk, requester, *form, *submission.answers); !scope.ok())
    return {std::nullopt, std::move(scope)};

  std::vector<std::string> item_ids;
  std::vector<std::int64_t> line_ids;
  for (const auto& line : desk.store.cart(requester.username)) {
    item_ids.push_back(line.item_id);
    line_ids.push_back(line.id);
  }
  item_ids.push_back(form->header().id);
  if (Outcome guard = guard_refusal(desk.catalog, item_ids, desk.handler_failures); !guard.ok())
    return {std::nullopt, std::move(guard)};

  CartLine line;
  line.item_id = form->header().id;
  line.answers = std::move(*submission.answers);
  line.summary =
      summarize(*form, line.answers, {desk.directory, requester.username, requester.username},
                desk.handler_failures);
  StoreError error = StoreError::none;
  auto stored = desk.store.add_cart_line(requester.username, line, line_ids, error);
  if (!stored) {
    if (error == StoreError::conflict) {
      return {std::nullopt,
              Outcome::refuse(Refusal::conflict,
                              "Your cart changed meanwhile; review it and try again.")};
    }
    return {std::nullopt,
            Outcome::refuse(Refusal::unavailable, "The cart could not be saved; try again.")};
  }
  return {view_of(desk.catalog, *stored), {}};
}

bool remove_from_cart(const Desk& desk, const Requester& requester, std::int64_t line_id) {
  return desk.store.remove_cart_line(requester.username, line_id);
}

}  // namespace servicedesk::host
