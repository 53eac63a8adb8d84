// The IT staff queue: GET /api/fulfilment/queue, POST /api/fulfilment/{ritm}/fulfil|reject|retry.
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"
#include "usecases/decisions.hpp"
#include "usecases/work_queue.hpp"

namespace servicedesk::host {
namespace {

constexpr std::size_t kMaxReason = 2000;

nlohmann::json queue_item_json(const RequestItemRecord& item) {
  nlohmann::json entry = {{"number", item.number},
                          {"request_number", item.request_number},
                          {"item", item.item_id},
                          {"item_name", item.item_name},
                          {"summary", item.summary},
                          {"state", item.state},
                          {"opened_by", item.opened_by},
                          {"requested_for", item.requested_for},
                          {"created_at_ms", item.created_at_ms}};
  add_fulfilment_fields(item, entry);
  return entry;
}

/// 200 with the item as it is now; 202 while its fulfilment job is still running.
void send_decided(Response& res, const DecisionOutcome& done) {
  if (!done.item) {
    send_refusal(res, done.outcome);
    return;
  }
  send_json(res, done.item->state == "fulfilling" ? 202 : 200,
            {{"item", queue_item_json(*done.item)}});
}

void decide_route(ApiContext& context, Call& call, Decision decision) {
  const Requester requester = requester_of(call);
  // Who may decide is checked before the body is read, so strangers learn nothing of it.
  if (const Outcome refusal = may_decide(requester); !refusal.ok()) {
    send_refusal(call.res, refusal);
    return;
  }
  auto body = read_object(call.req, call.res, {"reason"});
  if (!body) return;
  bool bad = false;
  auto reason = string_member(*body, "reason", kMaxReason, call.res, bad);
  if (bad) return;
  const std::string number = call.req.matches[1].str();
  send_decided(call.res,
               decide(desk_of(context), requester, {number, decision, std::move(reason)}));
}

void retry_route(ApiContext& context, Call& call) {
  const Requester requester = requester_of(call);
  if (const Outcome refusal = may_decide(requester); !refusal.ok()) {
    send_refusal(call.res, refusal);
    return;
  }
  if (!read_object(call.req, call.res, {})) return;  // an empty object: nothing to send
  const std::string number = call.req.matches[1].str();
  send_decided(call.res, retry_fulfilment(desk_of(context), requester, number));
}

}  // namespace

void add_fulfilment_routes(Router& router) {
  ApiContext& context = router.context();

  router.get("/api/fulfilment/queue", Access::session, [&context](Call& call) {
    auto param = [&call](std::string_view key) -> std::optional<std::string> {
      if (!call.req.has_param(key)) return std::nullopt;
      return call.req.get_param_value(key);
    };
    const WorkQueue queue =
        working_queue(desk_of(context), requester_of(call),
                      {param("item"), param("state"), param("older_than_days"), param("q"),
                       param("order"), param("page"), param("page_size")});
    if (!queue.outcome.ok()) {
      send_refusal(call.res, queue.outcome);
      return;
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : queue.page.items) items.push_back(queue_item_json(item));
    send_json(call.res, 200,
              {{"items", std::move(items)},
               {"total", queue.page.total},
               {"page", queue.page_number},
               {"page_size", queue.page_size}});
  });

  router.post(R"(/api/fulfilment/([^/]+)/fulfil)", Access::session_csrf,
              [&context](Call& call) { decide_route(context, call, Decision::fulfil); });
  router.post(R"(/api/fulfilment/([^/]+)/reject)", Access::session_csrf,
              [&context](Call& call) { decide_route(context, call, Decision::reject); });
  router.post(R"(/api/fulfilment/([^/]+)/retry)", Access::session_csrf,
              [&context](Call& call) { retry_route(context, call); });
}

}  // namespace servicedesk::host
