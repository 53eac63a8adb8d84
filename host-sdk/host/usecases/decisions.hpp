// The fulfilment use cases: IT staff's queue of open items and their decisions on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// Nothing when the requester may decide on requested items (IT staff), else the refusal.
Outcome may_decide(const Requester& requester);

/// A decision as staff send it.
struct DecisionInput {
  std::string_view item_number;
  Decision decision = Decision::fulfil;
  std::optional<std::string> reason;  ///< required for a rejection
};

/// The decided item, or the refusal: not staff (forbidden), no reason for a rejection
/// (invalid), no such item (not found), already decided or the fulfilment handler failed
/// (conflict), the store (unavailable).
struct DecisionOutcome {
  Outcome outcome;
  std::optional<RequestItemRecord> item;
};

/// A decision on an open item (or a rejection of a failed one). To fulfil an item whose form
/// has a fulfilment handler, the item becomes `fulfilling` and a durable job is queued (one
/// transaction); the answer waits up to the job runner's answer wait and carries the item as
/// it then is: fulfilled, failed (with the reason), or fulfilling (with the last temporary
/// failure, to be retried). A rejection, or fulfilling an item without a handler, is written
/// at once with its mails.
DecisionOutcome decide(const Desk& desk, const Requester& requester, const DecisionInput& input);

/// IT staff try a failed item again: it becomes `fulfilling` and its job is queued anew;
/// the answer is as for decide(). Refused unless the item is failed.
DecisionOutcome retry_fulfilment(const Desk& desk, const Requester& requester,
                                 std::string_view item_number);

}  // namespace servicedesk::host
