// The standard rules shipped with the host: `date_range` (end not before start, at most N days).
#include "servicedesk/forms/standard_rules.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/calendar.hpp"
#include "servicedesk/registrar.hpp"

namespace servicedesk {
namespace {

/// The date answered to `field`, or nullopt when it has no answer (hidden, optional, or
/// refused by its own checks: the engine reports that at the field).
std::optional<std::chrono::sys_days> answered_date(const nlohmann::json& answers,
                                                   const std::string& field) {
  auto it = answers.find(field);
  if (it == answers.end() || !it->is_string()) return std::nullopt;
  auto day = parse_iso_date(it->get_ref<const std::string&>());
  // A date field's answer is always YYYY-MM-DD; anything else is a broken promise, which the
  // host reports as a handler failure rather than letting the range through.
  if (!day) throw std::logic_error("field '" + field + "' holds no YYYY-MM-DD date");
  return day;
}

/// Builds one `date_range` binding from its checked parameters.
auto make_date_range(const RuleParams& params) {
  const std::string start = params.get<std::string>("start");
  const std::string end = params.get<std::string>("end");
  if (start == end) throw std::invalid_argument("'start' and 'end' name the same field");
  const std::int64_t max_days = params.get_or<std::int64_t>("max_days", -1);
  if (params.has("max_days") && max_days < 0)
    throw std::invalid_argument("'max_days' is negative; expected 0 or more");
  const std::string message = params.get_or<std::string>("message", "");
  return [=](const FormInput& input) {
    std::vector<FieldError> errors;
    const auto first = answered_date(input.answers, start);
    const auto last = answered_date(input.answers, end);
    if (!first || !last) return errors;
    if (*last < *first) {
      errors.push_back(
          {end, "Choose a date on or after the start date (" + format_iso_date(*first) + ")."});
    } else if (max_days >= 0 && (*last - *first).count() > max_days) {
      const std::string latest = format_iso_date(*first + std::chrono::days(max_days));
      errors.push_back({end, !message.empty()
                                 ? message
                                 : "Choose a date at most " + std::to_string(max_days) +
                                       (max_days == 1 ? " day" : " days") +
                                       " after the start date (" + latest + " or earlier)."});
    }
    return errors;
  };
}

template <class Fn, class Factory>
void add(HandlerCatalog& catalog, std::string name, HandlerContract contract, Factory factory) {
  catalog.table<Fn>().add(
      {std::move(name), std::string(kStandardRulesOrigin), std::move(contract),
       std::make_shared<detail::CallableFactory<Fn, Factory>>(std::move(factory))});
}

}  // namespace

void add_standard_rules(HandlerCatalog& catalog) {
  add<FormRuleFn>(
      catalog, "date_range",
      {{{"start", ParamType::date_field, true, "the first day (a date field)"},
        {"end", ParamType::date_field, true, "the last day (a date field)"},
        {"max_days", ParamType::integer, false, "at most this many days from start to end"},
        {"message", ParamType::string, false,
         "the sentence shown when the range is longer than max_days"}},
       {},
       Cost::cheap},
      &make_date_range);
}

}  // namespace servicedesk
