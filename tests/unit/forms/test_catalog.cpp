// Test doubles for the form tests: a handler catalog linked in directly and a demo directory.
#include "test_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/standard_rules.hpp"
#include "servicedesk/registrar.hpp"

namespace servicedesk::forms_test {
namespace {

template <class Fn, class Factory>
RegisteredHandler<Fn> make(std::string name, std::vector<ParamSpec> params, Factory factory,
                           std::vector<FieldRead> reads = {}, Cost cost = Cost::cheap) {
  return {name,
          "forms-test",
          {std::move(params), std::move(reads), cost},
          std::make_shared<detail::CallableFactory<Fn, Factory>>(std::move(factory))};
}

RuleVerdict digits_only(const FieldInput& input, std::int64_t length) {
  std::string digits;
  for (char c : input.value) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits += c;
    else if (c != ' ' && c != '-')
      return RuleVerdict::fail("Use digits only.");
  }
  if (length > 0 && static_cast<std::int64_t>(digits.size()) != length) {
    return RuleVerdict::fail("Enter exactly " + std::to_string(length) + " digits.");
  }
  return RuleVerdict::pass(digits);
}

/// Days since 1970-01-01 of a strict "YYYY-MM-DD", or nothing (a plugin parsing as strictly
/// as a careful author would: "2025-03-03 " is not a date).
std::optional<long> day_number(const nlohmann::json* value) {
  if (value == nullptr || !value->is_string()) return std::nullopt;
  const std::string& text = value->get_ref<const std::string&>();
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return std::nullopt;
  y -= m <= 2;  // days from civil (Howard Hinnant's algorithm)
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

const nlohmann::json* answer(const nlohmann::json& answers, const std::string& id) {
  auto it = answers.find(id);
  return it == answers.end() ? nullptr : &*it;
}

/// `loan_within`: the loan ends at most `max_days` after `start_field` (or after
/// `override_field` when that one is answered). Without a readable start it passes: the
/// start field's own checks report that, which is why the answers must be the validated ones.
void add_loan_rules(const std::function<void(RegisteredHandler<FieldRuleFn>)>& keep_rule) {
  keep_rule(make<FieldRuleFn>(
      "loan_within",
      {{"start_field", ParamType::field, true, "the loan's first day"},
       {"max_days", ParamType::integer, true, "the longest loan"},
       {"override_field", ParamType::field, false, "a start that replaces start_field"}},
      [](const RuleParams& params) {
        const std::string start = params.get<std::string>("start_field");
        const std::string override_start = params.get_or<std::string>("override_field", "");
        const std::int64_t max_days = params.get<std::int64_t>("max_days");
        return [=](const FieldInput& input) {
          const nlohmann::json* from =
              override_start.empty() ? nullptr : answer(input.answers, override_start);
          if (from == nullptr) from = answer(input.answers, start);
          const nlohmann::json end = std::string(input.value);
          const auto first = day_number(from), last = day_number(&end);
          if (first && last && *last - *first > max_days)
            return RuleVerdict::fail("A loan lasts at most " + std::to_string(max_days) + " days.");
          return RuleVerdict::pass();
        };
      }));
}

}  // namespace

// Over 60 lines on purpose: the list of every test handler, one short registration each.
TestCatalog::TestCatalog() {
  add_standard_rules(*this);  // as the host's plugin registry does
  add_item({"accounts", "accounts.yaml", "forms-test"});
  // Reads a rows field by name, like the DUO plugin's duo_account_rules reads `members`.
  keep(make<FormRuleFn>(
      "reads_members", {},
      [](const RuleParams&) { return [](const FormInput&) { return std::vector<FieldError>{}; }; },
      {{"members", {"user"}}}));
  keep(make<FieldRuleFn>("digits_only", {{"length", ParamType::integer, false, "digits"}},
                         [](const RuleParams& params) {
                           const auto length = params.get_or<std::int64_t>("length", 0);
                           return [length](const FieldInput& input) {
                             return digits_only(input, length);
                           };
                         }));
  keep(make<FieldRuleFn>("no_prefix", {{"prefixes", ParamType::string_list, true, ""}},
                         [](const RuleParams& params) {
                           auto prefixes = params.get_or<std::vector<std::string>>("prefixes", {});
                           if (prefixes.empty())
                             throw std::invalid_argument("prefixes must not be empty");
                           return [prefixes](const FieldInput& input) {
                             for (const auto& prefix : prefixes) {
                               if (input.value.substr(0, prefix.size()) == prefix) {
                                 return RuleVerdict::fail("That is a campus number.");
                               }
                             }
                             return RuleVerdict::pass();
                           };
                         }));
  keep(make<FieldRuleFn>("upper", {}, [](const RuleParams&) {
    return [](const FieldInput& input) {
      std::string out(input.value);
      for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return RuleVerdict::pass(out);
    };
  }));
  keep(make<FieldRuleFn>("throws", {}, [](const RuleParams&) {
    return [](const FieldInput&) -> RuleVerdict { throw std::runtime_error("boom"); };
  }));
  add_loan_rules([this](RegisteredHandler<FieldRuleFn> rule) { keep(std::move(rule)); });
  // Reads `note` with a getter of the wrong type: refused at bind time.
  keep(make<FieldRuleFn>("misread", {{"limit", ParamType::string, false, ""}},
                         [](const RuleParams& params) {
                           params.get_or<std::int64_t>("limit", 7);  // throws: wrong type
                           return [](const FieldInput&) { return RuleVerdict::pass(); };
                         }));
  // Counts its live calls; `costly_echo` is the same rule declared too costly to run live.
  for (const auto& [name, cost] :
       {std::pair{"echo_errors", Cost::cheap}, std::pair{"costly_echo", Cost::costly}}) {
    keep(make<FormRuleFn>(
        name, {{"field", ParamType::field, true, "the field to echo"}},
        [](const RuleParams& params) {
          const std::string field = params.get<std::string>("field");
          return [field](const FormInput& input) {
            auto it = input.answers.find(field);
            std::vector<FieldError> errors;
            if (it != input.answers.end() && it->is_string())
              errors.push_back({field, "Seen: '" + it->get<std::string>() + "'."});
            return errors;
          };
        },
        {}, cost));
  }
  keep(make<FormRuleFn>("throwing_form_rule", {}, [](const RuleParams&) {
    return [](const FormInput&) -> std::vector<FieldError> { throw std::out_of_range("map::at"); };
  }));
  // Stand-ins for the DUO plugin's handlers (names and parameters as plugin/registration.cpp
  // registers them).
  keep(make<FieldRuleFn>("off_campus_phone",
                         {{"campus_prefixes", ParamType::string_list, true, ""},
                          {"region", ParamType::string, false, ""}},
                         [](const RuleParams& params) {
                           auto prefixes =
                               params.get_or<std::vector<std::string>>("campus_prefixes", {});
                           return [prefixes](const FieldInput& input) {
                             std::string e164 = "+";
                             for (char c : input.value) {
                               if (std::isdigit(static_cast<unsigned char>(c))) e164 += c;
                             }
                             if (e164.size() < 11)
                               return RuleVerdict::fail("Enter a full phone number.");
                             for (const auto& prefix : prefixes) {
                               if (e164.rfind(prefix, 0) == 0)
                                 return RuleVerdict::fail("Enter an off-campus phone number.");
                             }
                             return RuleVerdict::pass(e164);
                           };
                         }));
  keep(make<FieldRuleFn>("phone_on_account", {}, [](const RuleParams&) {
    return [](const FieldInput&) { return RuleVerdict::pass(); };
  }));
  keep(make<FormRuleFn>("not_requester", {}, [](const RuleParams&) {
    return [](const FormInput& input) {
      std::vector<FieldError> errors;
      auto it = input.answers.find("account");
      if (it != input.answers.end() && it->is_string() && *it == input.requester) {
        errors.push_back({"account", "You cannot choose yourself."});
      }
      return errors;
    };
  }));
  keep(make<FormRuleFn>("duo_account_rules", {}, [](const RuleParams&) {
    return [](const FormInput&) { return std::vector<FieldError>{}; };
  }));
  keep(make<CheckoutGuardFn>("alone_in_cart", {}, [](const RuleParams&) {
    return [](const CartView& cart) {
      return GuardVerdict{cart.item_ids.size() <= 1, "not alone"};
    };
  }));
  for (const char* name : {"echo_summary", "duo_summary", "software_summary"}) {
    keep(make<SummarizerFn>(name, {}, [](const RuleParams&) {
      return [](const SummaryInput& input) { return input.answers.dump(); };
    }));
  }
  for (const char* name : {"always_ok", "duo_fulfilment"}) {
    keep(make<FulfilmentFn>(name, {}, [](const RuleParams&) {
      return [](const FulfilmentInput&) { return FulfilmentResult{true, "done"}; };
    }));
  }
}

std::filesystem::path data_path(const std::string& relative) {
  return std::filesystem::path(SERVICEDESK_FORMS_TEST_DATA) / relative;
}

}  // namespace servicedesk::forms_test
