// GET /api/cart, POST /api/cart/items, DELETE /api/cart/items/{id}: parse, call, answer.
#include <charconv>

#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"
#include "usecases/cart.hpp"

namespace servicedesk::host {
namespace {

nlohmann::json line_json(const CartLineView& line) {
  return {{"id", line.id},
          {"item", line.item_id},
          {"item_name", line.item_name},
          {"summary", line.summary}};
}

}  // namespace

void add_cart_routes(Router& router) {
  ApiContext& context = router.context();

  router.get("/api/cart", Access::session, [&context](Call& call) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : list_cart(desk_of(context), requester_of(call)))
      lines.push_back(line_json(line));
    send_json(call.res, 200, {{"lines", std::move(lines)}});
  });

  router.post("/api/cart/items", Access::session_csrf, [&context](Call& call) {
    auto body = read_object(call.req, call.res, {"item", "answers"});
    if (!body) return;
    bool bad = false;
    auto item_id = string_member(*body, "item", 200, call.res, bad);
    if (bad) return;
    if (!item_id) {
      send_error(call.res, 400, "Send \"item\" (the catalog item id).");
      return;
    }
    const nlohmann::json answers = body->value("answers", nlohmann::json::object());
    if (!answers.is_object()) {
      send_error(call.res, 400, "\"answers\" must be an object.");
      return;
    }
    const AddToCartResult added =
        add_to_cart(desk_of(context), requester_of(call), *item_id, answers);
    if (!added.line) {
      send_refusal(call.res, added.outcome);
      return;
    }
    send_json(call.res, 201, {{"line", line_json(*added.line)}});
  });

  router.del(R"(/api/cart/items/([^/]+))", Access::session_csrf, [&context](Call& call) {
    const std::string text = call.req.matches[1].str();
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() ||
        !remove_from_cart(desk_of(context), requester_of(call), id)) {
      send_error(call.res, 404, "No such line in your cart.");
      return;
    }
    call.res.status = 204;
  });
}

}  // namespace servicedesk::host
