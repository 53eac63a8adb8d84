// Applies fulfilled DUO requests through the backend seam (demo ledger or Duo).
#include "fulfilment.hpp"

#include <utility>

#include "answers.hpp"

namespace servicedesk::duo {

DuoFulfilment::DuoFulfilment(std::shared_ptr<DuoContext> context) : context_(std::move(context)) {}

FulfilmentResult DuoFulfilment::operator()(const FulfilmentInput& input) const {
  const std::string ritm(input.ritm_number);
  if (input.decision == Decision::reject) {
    context_->logger().info(ritm + " rejected; Duo was not changed");
    return {true, "Rejected; Duo was not changed."};
  }
  const DuoRequest request = read_request(input.answers);
  const auto kind = context_->kind_of(request.account);
  if (!kind) return {false, "The account '" + request.account + "' is not in the directory."};

  // The Duo calls tagged with this RITM reach its activity log through the feedback.
  const CallJournal::Scope journal(context_->journal(), ritm,
                                   input.feedback ? &input.feedback->activity : nullptr);
  const ApplyResult result = context_->backend().apply(ritm, request, *kind);
  if (result.status != ApplyResult::Status::done) {
    const bool temporary = result.status == ApplyResult::Status::temporary;
    context_->logger().warn(ritm + (temporary ? " could not reach Duo: " : " was refused: ") +
                            result.message);
    if (temporary && input.feedback != nullptr) input.feedback->temporary = true;
    return {false, result.message};
  }
  context_->logger().info(ritm + " fulfilled: " + result.message);
  return {true, result.message};
}

}  // namespace servicedesk::duo
