// Maps the routes' context and caller to the use cases, and their refusals to statuses.
#include "http/route_helpers.hpp"

#include "http/json_io.hpp"

namespace servicedesk::host {

Desk desk_of(ApiContext& context) {
  return {context.store,           context.catalog,   context.directory,
          context.mail_queued,     context.decisions, context.ditc_scope_department,
          context.refused_answers, context.jobs,      context.handler_failures};
}

Requester requester_of(const Call& call) {
  return {call.session->username, call.session->roles};
}

int status_of(Refusal refusal) {
  switch (refusal) {
    case Refusal::none:
      return 200;
    case Refusal::bad_input:
      return 400;
    case Refusal::forbidden:
      return 403;
    case Refusal::not_found:
      return 404;
    case Refusal::conflict:
      return 409;
    case Refusal::invalid:
      return 422;
    case Refusal::unavailable:
      return 503;
    case Refusal::throttled:
      return 429;
  }
  return 500;
}

void send_refusal(Response& res, const Outcome& outcome) {
  if (outcome.refusal == Refusal::invalid) {
    send_json(res, 422, {{"errors", outcome.errors}});
    return;
  }
  if (outcome.refusal == Refusal::throttled)
    res.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
  send_error(res, status_of(outcome.refusal), outcome.message);
}

void add_fulfilment_fields(const RequestItemRecord& item, nlohmann::json& entry) {
  if (!item.reason.empty()) entry["reason"] = item.reason;
  if (item.state != "fulfilling" || item.attempts == 0) return;
  entry["attempts"] = item.attempts;
  entry["last_error"] = item.last_error;
  entry["next_attempt_at_ms"] = item.next_attempt_at_ms;
}

}  // namespace servicedesk::host
