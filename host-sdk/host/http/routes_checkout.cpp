// POST /api/cart/checkout: parse the checkout fields, call the checkout use case, answer.
#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"
#include "usecases/checkout.hpp"

namespace servicedesk::host {
namespace {

constexpr std::size_t kMaxRequestedFor = 256;
constexpr std::size_t kMaxInstructions = 4000;

nlohmann::json request_json(const CheckoutOutcome& done) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : done.items) {
    items.push_back({{"number", item.number},
                     {"item", item.item_id},
                     {"item_name", item.item_name},
                     {"summary", item.summary},
                     {"state", item.state}});
  }
  return {{"number", done.request_number},
          {"requested_for", done.requested_for},
          {"opened_by", done.opened_by},
          {"items", std::move(items)}};
}

}  // namespace

void add_checkout_routes(Router& router) {
  ApiContext& context = router.context();

  router.post("/api/cart/checkout", Access::session_csrf, [&context](Call& call) {
    auto body = read_object(call.req, call.res, {"requested_for", "special_instructions"});
    if (!body) return;
    bool bad = false;
    CheckoutInput input;
    input.requested_for = string_member(*body, "requested_for", kMaxRequestedFor, call.res, bad);
    if (bad) return;
    input.special_instructions =
        string_member(*body, "special_instructions", kMaxInstructions, call.res, bad);
    if (bad) return;
    const CheckoutOutcome done = checkout(desk_of(context), requester_of(call), input);
    if (!done.outcome.ok()) {
      send_refusal(call.res, done.outcome);
      return;
    }
    send_json(call.res, 201, {{"request", request_json(done)}});
  });
}

}  // namespace servicedesk::host
