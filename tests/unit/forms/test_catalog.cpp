// Test doubles for the form tests: a handler catalog linked in directly and a demo directory.
#include "test_catalog.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <stdexcept>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "servicedesk/registrar.hpp"

namespace servicedesk::forms_test {
namespace {

template <class Fn, class Factory>
RegisteredHandler<Fn> make(std::string name, std::vector<ParamSpec> params, Factory factory,
                           std::vector<FieldRead> reads = {}) {
  return {name,
          "forms-test",
          {std::move(params), std::move(reads)},
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

}  // namespace

// Over 60 lines on purpose: the list of every test handler, one short registration each.
TestCatalog::TestCatalog() {
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

std::filesystem::path make_temp_dir(const std::string& tag) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("servicedesk-forms-" + tag + "-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace servicedesk::forms_test
