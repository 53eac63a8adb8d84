// GET /api/catalog, GET /api/catalog/items/{id}, POST /api/catalog/items/{id}/evaluate (of a
// draft too, for catalog administrators).
#include <algorithm>
#include <map>

#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"
#include "usecases/desk.hpp"
#include "usecases/evaluate.hpp"

namespace servicedesk::host {

void add_catalog_routes(Router& router) {
  ApiContext& context = router.context();

  router.get("/api/catalog", Access::session, [&context](Call& call) {
    std::map<std::string, std::vector<const ItemHeader*>> by_category;
    const auto forms = context.catalog.forms();
    const Requester requester = requester_of(call);
    for (const auto& form : forms) {
      if (may_order(*form, requester))
        by_category[form->header().category].push_back(&form->header());
    }
    nlohmann::json categories = nlohmann::json::array();
    for (auto& [name, items] : by_category) {
      std::sort(items.begin(), items.end(),
                [](const ItemHeader* a, const ItemHeader* b) { return a->name < b->name; });
      nlohmann::json list = nlohmann::json::array();
      for (const ItemHeader* item : items)
        list.push_back(
            {{"id", item->id}, {"name", item->name}, {"description", item->description}});
      categories.push_back({{"name", name}, {"items", std::move(list)}});
    }
    send_json(call.res, 200, {{"categories", std::move(categories)}});
  });

  router.get(R"(/api/catalog/items/([^/]+))", Access::session, [&context](Call& call) {
    auto found = find_orderable(desk_of(context), call.req.matches[1].str(), requester_of(call));
    if (!found.form) {
      send_refusal(call.res, found.outcome);
      return;
    }
    send_json(call.res, 200, found.form->client_json());
  });

  router.post(R"(/api/catalog/items/([^/]+)/evaluate)", Access::session_csrf,
              [&context](Call& call) {
                auto body = read_object(call.req, call.res, {"answers", "draft"});
                if (!body) return;
                const nlohmann::json answers = body->value("answers", nlohmann::json::object());
                const nlohmann::json draft = body->value("draft", nlohmann::json(false));
                if (!answers.is_object() || !draft.is_boolean()) {
                  send_error(call.res, 400,
                             answers.is_object() ? "\"draft\" must be true or false."
                                                 : "\"answers\" must be an object.");
                  return;
                }
                auto [outcome, evaluation] =
                    evaluate_answers(desk_of(context), requester_of(call),
                                     call.req.matches[1].str(), answers, draft.get<bool>());
                if (!outcome.ok()) {
                  send_refusal(call.res, outcome);
                  return;
                }
                send_json(call.res, 200, evaluation);
              });
}

}  // namespace servicedesk::host
