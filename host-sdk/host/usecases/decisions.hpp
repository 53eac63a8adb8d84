// The fulfilment use cases: IT staff's queue of open items and their decisions on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// Every open requested item, oldest first, or the refusal (not IT staff).
struct QueueOutcome {
  Outcome outcome;
  std::vector<RequestItemRecord> items;
};
QueueOutcome fulfilment_queue(const Desk& desk, const Requester& requester);

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

/// Runs the item's fulfilment handler (which may change the world, so one decision at a
/// time), then writes the new state with its mails in one transaction.
DecisionOutcome decide(const Desk& desk, const Requester& requester, const DecisionInput& input);

}  // namespace servicedesk::host
