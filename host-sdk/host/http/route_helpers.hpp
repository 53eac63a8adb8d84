// What the route groups share: the use cases' ground, the caller as a requester, refusals.
#pragma once

#include "http/message.hpp"

#include "http/router.hpp"
#include "usecases/desk.hpp"

namespace servicedesk::host {

/// The use cases' view of the routes' context.
Desk desk_of(ApiContext& context);

/// The logged-in caller of a route that needs a session.
Requester requester_of(const Call& call);

/// The HTTP status of a refusal: 400, 403, 404, 409, 422, 503.
int status_of(Refusal refusal);

/// Writes a use case's refusal: `{"errors":{PATH:[msg]}}` for invalid answers, else
/// `{"error": sentence}`, with the refusal's status.
void send_refusal(Response& res, const Outcome& outcome);

/// Adds what the API shows of an item's fulfilment: the failure `reason` of a failed item,
/// and for an item being fulfilled after temporary failures, `attempts`, `last_error` and
/// `next_attempt_at_ms`.
void add_fulfilment_fields(const RequestItemRecord& item, nlohmann::json& entry);

}  // namespace servicedesk::host
