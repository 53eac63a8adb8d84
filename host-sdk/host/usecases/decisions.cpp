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

Outcome may_decide(const Requester& requester) {
  if (is_staff(requester)) return {};
  return refuse(Refusal::forbidden, "Only IT staff can fulfil requests.");
}

namespace {

/// The refusal for a store error of a job write.
Outcome job_refusal(StoreError error, const std::string& state_word) {
  if (error == StoreError::conflict)
    return refuse(Refusal::conflict, "This item is no longer " + state_word + ".");
  if (error == StoreError::not_found) return refuse(Refusal::not_found, "No such requested item.");
  return refuse(Refusal::unavailable, "The decision could not be saved; try again.");
}

/// Waits up to the runner's answer wait for the item's job to end a run, then reads the
/// item: fulfilled, failed, or still fulfilling (with the last temporary failure).
std::optional<RequestItemRecord> await_job(const Desk& desk, const std::string& number,
                                           std::uint64_t seen) {
  const auto deadline = std::chrono::steady_clock::now() + desk.jobs->answer_wait();
  for (;;) {
    auto item = desk.store.request_item(number);
    if (!item || item->state != "fulfilling" || item->attempts > 0) return item;
    if (std::chrono::steady_clock::now() >= deadline) return item;
    seen = desk.jobs->await_run(seen, deadline);
  }
}

/// Queues the item's fulfilment job with `write` (start or retry), then waits briefly.
template <class Write>
DecisionOutcome run_as_job(const Desk& desk, const std::string& number, const char* from,
                           Write write) {
  if (desk.jobs == nullptr) {
    return {refuse(Refusal::unavailable, "Fulfilment jobs are not running; try again later."), {}};
  }
  const std::uint64_t seen = desk.jobs->runs_ended();
  if (const StoreError error = write(); error != StoreError::none)
    return {job_refusal(error, from), {}};
  desk.jobs->wake();
  return {{}, await_job(desk, number, seen)};
}

/// The item when the requester may act on it now, or the refusal.
struct Decidable {
  Outcome outcome;
  std::optional<RequestItemRecord> item;
  std::shared_ptr<const Form> form;
};

Decidable decidable(const Desk& desk, const Requester& requester, std::string_view number) {
  auto item = desk.store.request_item(number);
  if (!item) return {refuse(Refusal::not_found, "No such requested item."), {}, nullptr};
  if (Outcome own = may_decide_item(requester, *item); !own.ok()) return {own, {}, nullptr};
  auto form = desk.catalog.find(item->item_id);
  if (!form) {
    return {refuse(Refusal::conflict, "The item's form is not loaded; it cannot be fulfilled now."),
            {},
            nullptr};
  }
  return {{}, std::move(item), std::move(form)};
}

/// Writes a decision taken in the request (a rejection, or an item without a handler).
DecisionOutcome decide_now(const Desk& desk, const Requester& requester, const DecisionInput& input,
                           RequestItemRecord item, const Form& form) {
  if (Outcome failed = run_handler(form, item, input, desk.handler_failures); !failed.ok())
    return {failed, {}};
  const char* state = input.decision == Decision::fulfil ? "fulfilled" : "rejected";
  ItemDecision record{item.number, state, requester.username, input.reason.value_or(""), {}};
  record.mails = compose_item_mails(form, state, item, record.reason, desk.directory);
  const StoreError error = desk.store.decide(record);
  if (error == StoreError::conflict)
    return {refuse(Refusal::conflict, "This item was decided meanwhile."), {}};
  if (error != StoreError::none) {
    spdlog::error("decision on {} ran but its state could not be saved", item.number);
    return {refuse(Refusal::unavailable, "The decision could not be saved; try again."), {}};
  }
  if (desk.mail_queued) desk.mail_queued();
  item.state = state;
  item.reason = record.reason;
  return {{}, std::move(item)};
}

}  // namespace

DecisionOutcome decide(const Desk& desk, const Requester& requester, const DecisionInput& input) {
  if (Outcome refusal = may_decide(requester); !refusal.ok()) return {std::move(refusal), {}};
  if (input.decision == Decision::reject && (!input.reason || input.reason->empty())) {
    return {Outcome::invalid_answers({{"reason", {"Give a reason for the rejection."}}}), {}};
  }
  // One decision at a time: a handler run in the request never runs twice for one item.
  // A job needs no lock (the store moves the item only from `open`), nor does its wait.
  std::unique_lock lock(desk.decisions);
  Decidable found = decidable(desk, requester, input.item_number);
  if (!found.item) return {std::move(found.outcome), {}};
  const std::string& state = found.item->state;
  const bool may = state == "open" || (state == "failed" && input.decision == Decision::reject);
  if (!may) return {refuse(Refusal::conflict, "This item is already " + state + "."), {}};
  if (input.decision == Decision::fulfil && found.form->fulfilment() != nullptr) {
    lock.unlock();
    const std::string number = found.item->number;
    return run_as_job(desk, number, "open",
                      [&] { return desk.store.start_fulfilment(number, requester.username); });
  }
  return decide_now(desk, requester, input, std::move(*found.item), *found.form);
}

DecisionOutcome retry_fulfilment(const Desk& desk, const Requester& requester,
                                 std::string_view item_number) {
  if (Outcome refusal = may_decide(requester); !refusal.ok()) return {std::move(refusal), {}};
  Decidable found = decidable(desk, requester, item_number);
  if (!found.item) return {std::move(found.outcome), {}};
  if (found.item->state != "failed") {
    return {refuse(Refusal::conflict,
                   "Only a failed item can be retried; this one is " + found.item->state + "."),
            {}};
  }
  const std::string number = found.item->number;
  return run_as_job(desk, number, "failed",
                    [&] { return desk.store.retry_fulfilment(number, requester.username); });
}

}  // namespace servicedesk::host
