// One answer set run through a live form as the portal would: for `test` and `try`.
#include "workbench/answer_run.hpp"

#include "usecases/cart.hpp"
#include "usecases/desk.hpp"

namespace servicedesk::host {

std::map<std::string, std::vector<std::string>> AnswerRun::errors() const {
  std::map<std::string, std::vector<std::string>> out = submitted.errors;
  if (checkout) {
    for (const auto& [path, messages] : checkout->errors) out["checkout." + path] = messages;
  }
  return out;
}

bool AnswerRun::valid() const {
  return available && submitted.ok && refused.empty() && (!checkout || checkout->ok);
}

AnswerRun run_answers(const Form& form, const ItemSource& items, const Directory& directory,
                      const AnswerSetting& setting, const nlohmann::json& answers) {
  AnswerRun run;
  const Requester requester{setting.requester, setting.roles};
  run.available = may_order(form, requester);
  const EvalContext context{&directory, setting.requester, nullptr};
  run.live = form.evaluate(answers, context);
  run.submitted = form.validate(answers, context);
  std::vector<std::string> cart = setting.cart;
  cart.push_back(form.header().id);
  if (Outcome guard = guard_refusal(items, cart, nullptr); !guard.ok()) run.refused = guard.message;
  if (setting.checkout) run.checkout = form.validate_checkout(*setting.checkout, context);
  return run;
}

const nlohmann::json* value_at(const nlohmann::json& answers, const std::string& path) {
  const nlohmann::json* node = &answers;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    std::string step =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::optional<std::size_t> index;
    if (const auto open = step.find('['); open != std::string::npos && step.back() == ']') {
      try {
        index = std::stoul(step.substr(open + 1, step.size() - open - 2));
      } catch (const std::exception&) {
        return nullptr;
      }
      step.resize(open);
    }
    if (!node->is_object() || !node->contains(step)) return nullptr;
    node = &(*node)[step];
    if (index) {
      if (!node->is_array() || *index >= node->size()) return nullptr;
      node = &(*node)[*index];
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node;
}

}  // namespace servicedesk::host
