// GET /api/requests (the user's requests) and GET /api/requests/{number} (one, with mail).
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

const char* state_name(DeliveryState state) {
  switch (state) {
    case DeliveryState::sent:
      return "sent";
    case DeliveryState::failed_retrying:
      return "failed_retrying";
    case DeliveryState::pending:
      break;
  }
  return "pending";
}

nlohmann::json person_json(const Directory& directory, const std::string& username) {
  const DirectoryEntry* entry = directory.find(username);
  return {{"username", username}, {"display_name", entry ? entry->display_name : username}};
}

/// A request as the API shows it: summaries only (phones masked), never raw answers.
nlohmann::json request_json(const Directory& directory, const RequestRecord& request) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : request.items) {
    nlohmann::json entry = {{"number", item.number},
                            {"item", item.item_id},
                            {"item_name", item.item_name},
                            {"summary", item.summary},
                            {"state", item.state}};
    add_fulfilment_fields(item, entry);
    items.push_back(std::move(entry));
  }
  return {{"number", request.number},
          {"opened_by", person_json(directory, request.opened_by)},
          {"requested_for", person_json(directory, request.requested_for)},
          {"special_instructions", request.special_instructions},
          {"created_at_ms", request.created_at_ms},
          {"items", std::move(items)}};
}

}  // namespace

void add_request_routes(Router& router) {
  ApiContext& context = router.context();

  router.get("/api/requests", Access::session, [&context](Call& call) {
    nlohmann::json requests = nlohmann::json::array();
    for (const auto& request : context.store.requests_for(call.session->username))
      requests.push_back(request_json(context.directory, request));
    send_json(call.res, 200, {{"requests", std::move(requests)}});
  });

  router.get(R"(/api/requests/([^/]+))", Access::session, [&context](Call& call) {
    auto request = context.store.request(call.req.matches[1].str());
    const std::string& user = call.session->username;
    // Someone else's request is answered like a missing one: numbers are not secrets,
    // but who asked for what is.
    if (!request || (request->opened_by != user && request->requested_for != user &&
                     !is_staff(requester_of(call)))) {
      send_error(call.res, 404, "No such request.");
      return;
    }
    nlohmann::json body = request_json(context.directory, *request);
    nlohmann::json notifications = nlohmann::json::array();
    for (const auto& note : request->notifications) {
      notifications.push_back({{"item_number", note.item_number},
                               {"event", note.event},
                               {"to", note.to_username},
                               {"to_address", note.to_address},
                               {"subject", note.subject},
                               {"state", state_name(note.state)},
                               {"attempts", note.attempts}});
    }
    body["notifications"] = std::move(notifications);
    send_json(call.res, 200, {{"request", std::move(body)}});
  });
}

}  // namespace servicedesk::host
