// `duo_fulfilment`: applies a fulfilled DUO request to the ledger; a rejection changes nothing.
#pragma once

#include <memory>

#include "duo_context.hpp"
#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// Run when IT staff decide a RITM. Fulfil: the change (add, replace, remove) is applied
/// to the ledger all or nothing and persisted, once per RITM. Reject: the ledger stays as
/// it was. The message says what happened, with phones masked.
class DuoFulfilment {
 public:
  explicit DuoFulfilment(std::shared_ptr<DuoContext> context);
  FulfilmentResult operator()(const FulfilmentInput& input) const;

 private:
  std::shared_ptr<DuoContext> context_;
};

}  // namespace servicedesk::duo
