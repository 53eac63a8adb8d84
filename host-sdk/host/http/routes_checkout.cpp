// POST /api/cart/checkout: re-check the cart, then write request, items and mails at once.
#include <map>

#include "http/json_io.hpp"
#include "http/route_helpers.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

constexpr std::size_t kMaxInstructions = 4000;

/// Merges `errors` into `into`, each path prefixed (for cart lines) or not.
void merge_errors(nlohmann::json& into, const Submission& submission, const std::string& prefix) {
  for (const auto& [path, messages] : submission.errors) {
    const std::string key = prefix.empty() ? path : prefix + (path.empty() ? "" : "." + path);
    for (const auto& message : messages) into[key].push_back(message);
  }
}

}  // namespace

void add_checkout_routes(Router& router) {
  ApiContext& context = router.context();

  router.post("/api/cart/checkout", Access::session_csrf, [&context](Call& call) {
    auto body = read_object(call.req, call.res, {"requested_for", "special_instructions"});
    if (!body) return;
    bool bad = false;
    auto requested_for = string_member(*body, "requested_for", 256, call.res, bad);
    if (bad) return;
    auto instructions =
        string_member(*body, "special_instructions", kMaxInstructions, call.res, bad);
    if (bad) return;

    const Session& session = *call.session;
    const auto lines = context.store.cart(session.username);
    if (lines.empty()) {
      send_error(call.res, 400, "Your cart is empty.");
      return;
    }
    std::vector<std::string> item_ids;
    std::vector<std::int64_t> line_ids;
    std::vector<std::shared_ptr<const Form>> forms;
    for (const auto& line : lines) {
      auto form = context.catalog.find(line.item_id);
      if (!form || !may_order(*form, session)) {
        send_error(call.res, 409, "An item in your cart is no longer available; remove it first.");
        return;
      }
      item_ids.push_back(line.item_id);
      line_ids.push_back(line.id);
      forms.push_back(std::move(form));
    }
    if (auto refusal = guard_refusal(context, item_ids)) {
      send_error(call.res, 409, *refusal);
      return;
    }

    // Every line again (the form may have changed since it was added), then the checkout
    // fields of each distinct item.
    EvalContext eval{&context.directory, session.username};
    nlohmann::json errors = nlohmann::json::object();
    std::vector<NewRequestItem> items;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Submission submission = forms[i]->validate(lines[i].answers, eval);
      if (!submission.ok || !submission.answers) {
        merge_errors(errors, submission, "lines[" + std::to_string(lines[i].id) + "]");
        continue;
      }
      NewRequestItem item;
      item.item_id = lines[i].item_id;
      item.item_name = forms[i]->header().name;
      item.answers = *submission.answers;
      item.summary = summarize(*forms[i], item.answers);
      items.push_back(std::move(item));
    }
    nlohmann::json checkout_answers = nlohmann::json::object();
    if (requested_for) checkout_answers["requested_for"] = *requested_for;
    if (instructions) checkout_answers["special_instructions"] = *instructions;
    std::map<std::string, bool> checked;
    for (const auto& form : forms) {
      if (checked[form->header().id]) continue;
      checked[form->header().id] = true;
      Submission submission = form->validate_checkout(checkout_answers, eval);
      if (!submission.ok) merge_errors(errors, submission, "");
    }
    // Whatever the forms say, a request is always for a person in the directory.
    const DirectoryEntry* person = requested_for ? context.directory.find(*requested_for) : nullptr;
    if ((person == nullptr || person->kind != AccountKind::person) &&
        !errors.contains("requested_for")) {
      errors["requested_for"].push_back(requested_for && !requested_for->empty()
                                            ? "Choose a person from the directory."
                                            : "This field is required.");
    }
    if (!errors.empty()) {
      send_json(call.res, 422, {{"errors", std::move(errors)}});
      return;
    }

    CheckoutOrder order;
    order.opened_by = session.username;
    order.requested_for = person->username;
    order.special_instructions = instructions.value_or("");
    order.items = items;
    order.cart_line_ids = line_ids;
    const Directory& directory = context.directory;
    order.compose_mails = [&](const std::string& request_number,
                              const std::vector<std::string>& numbers) {
      std::vector<NewMail> mails;
      for (std::size_t i = 0; i < numbers.size() && i < forms.size(); ++i) {
        MailFacts facts{
            request_number,  numbers[i],          items[i].item_name,         items[i].summary,
            order.opened_by, order.requested_for, order.special_instructions, ""};
        for (auto& mail : compose_mails(*forms[i], "submitted", facts, directory))
          mails.push_back(std::move(mail));
      }
      return mails;
    };
    CheckoutResult result = context.store.checkout(order);
    if (!result.ok()) {
      if (result.error == StoreError::conflict)
        send_error(call.res, 409, "Your cart changed meanwhile; review it and check out again.");
      else
        send_error(call.res, 503, "The request could not be saved; nothing was submitted.");
      return;
    }
    if (context.mail_queued) context.mail_queued();
    nlohmann::json result_items = nlohmann::json::array();
    for (std::size_t i = 0; i < result.item_numbers.size(); ++i) {
      result_items.push_back({{"number", result.item_numbers[i]},
                              {"item", items[i].item_id},
                              {"item_name", items[i].item_name},
                              {"summary", items[i].summary},
                              {"state", "open"}});
    }
    send_json(call.res, 201,
              {{"request",
                {{"number", result.request_number},
                 {"requested_for", order.requested_for},
                 {"opened_by", order.opened_by},
                 {"items", std::move(result_items)}}}});
  });
}

}  // namespace servicedesk::host
