// GET /api/requests (the user's requests) and GET /api/requests/{number} (one, with its
// answers, mail and, for IT staff, its activity log).
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"
#include "usecases/request_view.hpp"

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

nlohmann::json activity_json(const std::vector<ActivityEntry>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) {
    out.push_back({{"at_ms", row.at_ms},
                   {"item_number", row.item_number},
                   {"actor", row.actor},
                   {"kind", row.kind},
                   {"detail", row.detail}});
  }
  return out;
}

nlohmann::json person_json(const Directory& directory, const std::string& username) {
  const DirectoryEntry* entry = directory.find(username);
  return {{"username", username}, {"display_name", entry ? entry->display_name : username}};
}

/// A request as the API shows it: summaries (phones masked) and its derived state.
nlohmann::json request_json(const Directory& directory, const RequestRecord& request,
                            const std::string& state) {
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
          {"state", state},
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
    for (const auto& own : own_requests(desk_of(context), requester_of(call)))
      requests.push_back(request_json(context.directory, own.request, own.state));
    send_json(call.res, 200, {{"requests", std::move(requests)}});
  });

  router.get(R"(/api/requests/([^/]+))", Access::session, [&context](Call& call) {
    RequestPage page =
        show_request(desk_of(context), requester_of(call), call.req.matches[1].str());
    if (!page.outcome.ok()) {
      send_refusal(call.res, page.outcome);
      return;
    }
    const RequestRecord& request = *page.request;
    nlohmann::json body = request_json(context.directory, request, page.state);
    for (std::size_t i = 0; i < request.items.size(); ++i)
      body["items"][i]["answers"] = std::move(page.answers[i]);
    if (page.staff) body["activity"] = activity_json(page.activity);
    nlohmann::json notifications = nlohmann::json::array();
    for (const auto& note : request.notifications) {
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
