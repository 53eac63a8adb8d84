// The fulfilment use cases: the open-items queue and a staff decision with its mails.
#include "usecases/decisions.hpp"

#include <spdlog/spdlog.h>

#include "usecases/duties.hpp"
#include "usecases/notifications.hpp"

namespace servicedesk::host {
namespace {

Outcome refuse(Refusal why, std::string message) {
  return Outcome::refuse(why, std::move(message));
}

/// Calls the form's fulfilment handler, if it has one; the refusal when it fails. One that
/// throws is reported to `failures` and answered with a plain sentence.
Outcome run_handler(const Form& form, const RequestItemRecord& item, const DecisionInput& input,
                    const HandlerFailureSink* failures) {
  const Fulfilment* handler = form.fulfilment();
  if (handler == nullptr) return {};
  HandlerOutcome<FulfilmentResult> outcome = handler->call(FulfilmentInput{
      item.number, item.item_id, item.answers, input.decision, input.reason.value_or("")});
  if (!outcome.ok()) {
    const HandlerOrigin& origin = form.fulfilment_origin();
    if (failures != nullptr) {
      failures->report({HandlerKind<FulfilmentFn>::name, origin.name, origin.plugin, item.item_id,
                        "", outcome.failure});
    }
    return refuse(Refusal::conflict,
                  "Fulfilment failed: the item's handler could not run. Try again, or see the "
                  "host log.");
  }
  const FulfilmentResult& result = *outcome.result;
  if (result.ok) return {};
  return refuse(Refusal::conflict, result.message.empty() ? "Fulfilment failed." : result.message);
}

}  // namespace

QueueOutcome fulfilment_queue(const Desk& desk, const Requester& requester) {
  if (!is_staff(requester))
    return {refuse(Refusal::forbidden, "Only IT staff can see the fulfilment queue."), {}};
  return {{}, desk.store.open_items()};
}

Outcome may_decide(const Requester& requester) {
  if (is_staff(requester)) return {};
  return refuse(Refusal::forbidden, "Only IT staff can fulfil requests.");
}

DecisionOutcome decide(const Desk& desk, const Requester& requester, const DecisionInput& input) {
  if (Outcome refusal = may_decide(requester); !refusal.ok()) return {std::move(refusal), {}};
  if (input.decision == Decision::reject && (!input.reason || input.reason->empty())) {
    return {Outcome::invalid_answers({{"reason", {"Give a reason for the rejection."}}}), {}};
  }
  // One decision at a time: the fulfilment handler changes the world (the Duo ledger),
  // so it must never run twice for one item.
  std::lock_guard lock(desk.decisions);
  auto item = desk.store.request_item(input.item_number);
  if (!item) return {refuse(Refusal::not_found, "No such requested item."), {}};
  if (Outcome own = may_decide_item(requester, *item); !own.ok()) return {std::move(own), {}};
  if (item->state != "open")
    return {refuse(Refusal::conflict, "This item is already " + item->state + "."), {}};
  auto form = desk.catalog.find(item->item_id);
  if (!form) {
    return {refuse(Refusal::conflict, "The item's form is not loaded; it cannot be fulfilled now."),
            {}};
  }
  if (Outcome failed = run_handler(*form, *item, input, desk.handler_failures); !failed.ok())
    return {failed, {}};

  const char* state = input.decision == Decision::fulfil ? "fulfilled" : "rejected";
  ItemDecision record{item->number, state, requester.username, input.reason.value_or(""), {}};
  const MailFacts facts{item->request_number,
                        item->number,
                        item->item_name,
                        item->summary,
                        item->opened_by,
                        item->requested_for,
                        item->special_instructions,
                        record.reason};
  record.mails = compose_mails(*form, state, facts, desk.directory);
  const StoreError error = desk.store.decide(record);
  if (error == StoreError::conflict)
    return {refuse(Refusal::conflict, "This item was decided meanwhile."), {}};
  if (error != StoreError::none) {
    spdlog::error("fulfilment of {} ran but its state could not be saved", item->number);
    return {refuse(Refusal::unavailable, "The decision could not be saved; try again."), {}};
  }
  if (desk.mail_queued) desk.mail_queued();
  item->state = state;
  return {{}, std::move(item)};
}

}  // namespace servicedesk::host
