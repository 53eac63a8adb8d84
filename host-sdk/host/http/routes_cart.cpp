// GET /api/cart, POST /api/cart/items (validate, guard, store), DELETE /api/cart/items/{id}.
#include <charconv>

#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

nlohmann::json line_json(ApiContext& context, const CartLine& line) {
  auto form = context.catalog.find(line.item_id);
  return {{"id", line.id},
          {"item", line.item_id},
          {"item_name", form ? form->header().name : line.item_id},
          {"summary", line.summary}};
}

}  // namespace

void add_cart_routes(Router& router) {
  ApiContext& context = router.context();

  router.get("/api/cart", Access::session, [&context](Call& call) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : context.store.cart(call.session->username))
      lines.push_back(line_json(context, line));
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
    auto form = orderable_form(context, *item_id, *call.session, call.res);
    if (!form) return;

    EvalContext eval{&context.directory, call.session->username};
    Submission submission = form->validate(answers, eval);
    if (!submission.ok || !submission.answers) {
      send_json(call.res, 422, {{"errors", submission.errors_json()}});
      return;
    }
    // The guards judge the cart as it would be with the new line; the store then adds the
    // line only if the cart is still what the guards saw.
    const auto existing = context.store.cart(call.session->username);
    std::vector<std::string> item_ids;
    std::vector<std::int64_t> line_ids;
    for (const auto& line : existing) {
      item_ids.push_back(line.item_id);
      line_ids.push_back(line.id);
    }
    item_ids.push_back(form->header().id);
    if (auto refusal = guard_refusal(context, item_ids)) {
      send_error(call.res, 409, *refusal);
      return;
    }
    CartLine line;
    line.item_id = form->header().id;
    line.answers = *submission.answers;
    line.summary = summarize(*form, line.answers);
    StoreError error = StoreError::none;
    auto stored = context.store.add_cart_line(call.session->username, line, line_ids, error);
    if (!stored) {
      if (error == StoreError::conflict)
        send_error(call.res, 409, "Your cart changed meanwhile; review it and try again.");
      else
        send_error(call.res, 503, "The cart could not be saved; try again.");
      return;
    }
    send_json(call.res, 201, {{"line", line_json(context, *stored)}});
  });

  router.del(R"(/api/cart/items/([^/]+))", Access::session_csrf, [&context](Call& call) {
    const std::string text = call.req.matches[1].str();
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() ||
        !context.store.remove_cart_line(call.session->username, id)) {
      send_error(call.res, 404, "No such line in your cart.");
      return;
    }
    call.res.status = 204;
  });
}

}  // namespace servicedesk::host
