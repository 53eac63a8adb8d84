// The IT staff queue: GET /api/fulfilment/queue, POST /api/fulfilment/{ritm}/fulfil|reject.
#include <spdlog/spdlog.h>

#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

constexpr const char* kStaffRole = "it_staff";
constexpr std::size_t kMaxReason = 2000;

nlohmann::json queue_item_json(const RequestItemRecord& item) {
  return {{"number", item.number},       {"request_number", item.request_number},
          {"item", item.item_id},        {"item_name", item.item_name},
          {"summary", item.summary},     {"state", item.state},
          {"opened_by", item.opened_by}, {"requested_for", item.requested_for}};
}

void decide(ApiContext& context, Call& call, Decision decision) {
  if (!call.session->has_role(kStaffRole)) {
    send_error(call.res, 403, "Only IT staff can fulfil requests.");
    return;
  }
  auto body = read_object(call.req, call.res, {"reason"});
  if (!body) return;
  bool bad = false;
  auto reason = string_member(*body, "reason", kMaxReason, call.res, bad);
  if (bad) return;
  if (decision == Decision::reject && (!reason || reason->empty())) {
    send_json(call.res, 422, {{"errors", {{"reason", {"Give a reason for the rejection."}}}}});
    return;
  }
  const std::string number = call.req.matches[1].str();
  // One decision at a time: the fulfilment handler changes the world (the Duo ledger),
  // so it must never run twice for one item.
  std::lock_guard lock(context.decisions);
  auto item = context.store.request_item(number);
  if (!item) {
    send_error(call.res, 404, "No such requested item.");
    return;
  }
  if (item->state != "open") {
    send_error(call.res, 409, "This item is already " + item->state + ".");
    return;
  }
  auto form = context.catalog.find(item->item_id);
  if (!form) {
    send_error(call.res, 409, "The item's form is not loaded; it cannot be fulfilled now.");
    return;
  }
  if (const Fulfilment* handler = form->fulfilment()) {
    FulfilmentResult result = handler->call(
        FulfilmentInput{item->number, item->item_id, item->answers, decision, reason.value_or("")});
    if (!result.ok) {
      send_error(call.res, 409, result.message.empty() ? "Fulfilment failed." : result.message);
      return;
    }
  }
  const char* state = decision == Decision::fulfil ? "fulfilled" : "rejected";
  ItemDecision record{item->number, state, call.session->username, reason.value_or(""), {}};
  MailFacts facts{item->request_number,
                  item->number,
                  item->item_name,
                  item->summary,
                  item->opened_by,
                  item->requested_for,
                  item->special_instructions,
                  record.reason};
  record.mails = compose_mails(*form, state, facts, context.directory);
  const StoreError error = context.store.decide(record);
  if (error == StoreError::conflict) {
    send_error(call.res, 409, "This item was decided meanwhile.");
    return;
  }
  if (error != StoreError::none) {
    spdlog::error("fulfilment of {} ran but its state could not be saved", item->number);
    send_error(call.res, 503, "The decision could not be saved; try again.");
    return;
  }
  if (context.mail_queued) context.mail_queued();
  item->state = state;
  send_json(call.res, 200, {{"item", queue_item_json(*item)}});
}

}  // namespace

void add_fulfilment_routes(Router& router) {
  ApiContext& context = router.context();

  router.get("/api/fulfilment/queue", Access::session, [&context](Call& call) {
    if (!call.session->has_role(kStaffRole)) {
      send_error(call.res, 403, "Only IT staff can see the fulfilment queue.");
      return;
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : context.store.open_items()) items.push_back(queue_item_json(item));
    send_json(call.res, 200, {{"items", std::move(items)}});
  });

  router.post(R"(/api/fulfilment/([^/]+)/fulfil)", Access::session_csrf,
              [&context](Call& call) { decide(context, call, Decision::fulfil); });
  router.post(R"(/api/fulfilment/([^/]+)/reject)", Access::session_csrf,
              [&context](Call& call) { decide(context, call, Decision::reject); });
}

}  // namespace servicedesk::host
