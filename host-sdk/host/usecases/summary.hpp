// An item's one-line summary: the plugin's summarizer, the YAML template, or the item name.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "servicedesk/directory.hpp"
#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/handler_failures.hpp"

namespace servicedesk::host {

/// Who a summary template may name. In the cart, before checkout names anyone, the person
/// requested for is the one filling the cart.
struct SummaryPeople {
  const Directory& directory;
  std::string opened_by;
  std::string requested_for;
};

/// The form's summary of `answers`: `summary: {template}` rendered (sensitive answers
/// masked), else the item's summarizer, else the item name (also when the summarizer returns
/// nothing or throws: reported to `failures`).
std::string summarize(const Form& form, const nlohmann::json& answers, const SummaryPeople& people,
                      const HandlerFailureSink* failures);

}  // namespace servicedesk::host
