// `duo_fulfilment`: applies a fulfilled DUO request through the backend; a rejection changes
// nothing.
#pragma once

#include <memory>

#include "duo_context.hpp"
#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// Run when IT staff decide a RITM. Fulfil: the change (add, replace, remove) is applied
/// through the backend (the demo ledger all or nothing, once per RITM; Duo step by step,
/// safe to rerun). A failure Duo may get over is marked temporary for the host to retry.
/// Reject: nothing changes. The message says what happened, with phones masked.
class DuoFulfilment {
 public:
  explicit DuoFulfilment(std::shared_ptr<DuoContext> context);
  FulfilmentResult operator()(const FulfilmentInput& input) const;

 private:
  std::shared_ptr<DuoContext> context_;
};

}  // namespace servicedesk::duo
