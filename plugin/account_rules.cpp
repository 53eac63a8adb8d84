// The DUO account rules: person versus administrative accounts, phones read from the backend.
#include "account_rules.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "answers.hpp"
#include "phone_format.hpp"

namespace servicedesk::duo {

namespace {

bool is_four_digits(std::string_view text) {
  return text.size() == 4 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_ending(const std::vector<std::string>& phones, std::string_view four) {
  return std::any_of(phones.begin(), phones.end(),
                     [&](const std::string& phone) { return last_four(phone) == four; });
}

constexpr std::string_view kEnterLastFour =
    "Enter the last four digits of the phone number to be updated/removed.";
constexpr std::string_view kEnterPhone = "Enter the full off-campus phone number to be added.";

/// The checks of one request; collects errors by path.
class Checker {
 public:
  Checker(const DuoContext& context, const DuoRequest& request)
      : context_(context), request_(request) {}

  std::vector<FieldError> run() && {
    const auto kind = context_.kind_of(request_.account);
    if (!kind) return {};  // the engine reports an unknown account on the field itself
    if (*kind == AccountKind::person) {
      check_person();
    } else {
      check_administrative();
    }
    return std::move(errors_);
  }

 private:
  void add(std::string path, std::string message) {
    errors_.push_back({std::move(path), std::move(message)});
  }

  /// The E.164 form of a phone answer, or "" when the field rule refuses it anyway.
  std::string normalized(std::string_view phone) const { return context_.e164_or_empty(phone); }

  void check_person() {
    const std::string& account = request_.account;
    const std::string name = context_.display_name(account);
    const std::string& type = request_.request_type;
    if (type == "remove") {
      add("request_type", std::string(kRemoveOnlyAdministrative));
      return;
    }
    if (type != "add" && type != "update") return;
    const PhonesRead read = context_.backend().phones(account, account);
    if (read.unavailable) {
      add("account", std::string(kDuoUnreachable));
      return;
    }
    const std::vector<std::string>& phones = read.phones;
    if (type == "update" && phones.empty()) {
      add("request_type", name + " has no phone on Duo yet. Choose Add to add one.");
      return;
    }
    if (request_.phone.empty()) {
      add("phone", std::string(kEnterPhone));
      return;
    }
    const std::string phone = normalized(request_.phone);
    if (!phone.empty() && std::find(phones.begin(), phones.end(), phone) != phones.end()) {
      add("phone", already_on_account(name));
    }
    if (type == "update") check_replaced_phone(phones, name);
  }

  void check_replaced_phone(const std::vector<std::string>& phones, const std::string& name) {
    const std::string& four = request_.replace_last_four;
    if (four.empty()) {
      if (phones.size() > 1) {
        add("replace_last_four",
            name + " has several phones on Duo. Enter the last four digits of the one to replace.");
      }
      return;
    }
    if (!is_four_digits(four)) {
      add("replace_last_four", "Enter the last four digits.");
    } else if (!has_ending(phones, four)) {
      add("replace_last_four", no_phone_ending_message(four, name));
    }
  }

  void check_administrative() {
    const std::string& type = request_.request_type;
    if (type != "add" && type != "update" && type != "remove") return;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < request_.members.size(); ++i) {
      const MemberChange& row = request_.members[i];
      if (row.user.empty()) continue;  // the engine reports the missing user
      const std::string prefix = "members[" + std::to_string(i) + "].";
      const std::string name = context_.display_name(row.user);
      const std::string phone = type == "remove" ? std::string{} : normalized(row.phone);
      if (type != "remove" && row.phone.empty()) add(prefix + "phone", std::string(kEnterPhone));
      const PhonesRead read = context_.backend().phones(request_.account, row.user);
      if (read.unavailable) {
        add("account", std::string(kDuoUnreachable));
        return;
      }
      const std::vector<std::string>& phones = read.phones;
      if (!phone.empty() && std::find(phones.begin(), phones.end(), phone) != phones.end()) {
        add(prefix + "phone", name + " already has this number on this account.");
      }
      if (type != "add") {
        if (row.last_four.empty()) {
          add(prefix + "last_four", std::string(kEnterLastFour));
        } else if (!is_four_digits(row.last_four) || !has_ending(phones, row.last_four)) {
          add(prefix + "last_four", no_phone_ending_message(row.last_four, name));
        }
      }
      // Rows are unique by (user, last four); for Add, where no last four is asked, by phone.
      const std::string key = type == "add" ? (phone.empty() ? row.phone : phone) : row.last_four;
      if (!key.empty() && !seen.emplace(row.user, key).second) {
        add(prefix + (type == "add" ? "phone" : "last_four"),
            "This row repeats an earlier row for " + name + ".");
      }
    }
  }

  const DuoContext& context_;
  const DuoRequest& request_;
  std::vector<FieldError> errors_;
};

}  // namespace

PhoneOnAccountRule::PhoneOnAccountRule(std::shared_ptr<DuoContext> context)
    : context_(std::move(context)) {}

RuleVerdict PhoneOnAccountRule::operator()(const FieldInput& input) const {
  const std::string account = string_at(input.answers, field_ids::kAccount);
  const std::string user = input.row ? string_at(*input.row, field_ids::kUser) : account;
  // Malformed digits and missing users are the pattern's and the engine's to report.
  if (account.empty() || user.empty() || !is_four_digits(input.value)) return RuleVerdict::pass();
  const PhonesRead read = context_->backend().phones(account, user);
  if (read.unavailable) return RuleVerdict::fail(std::string(kDuoUnreachable));
  if (has_ending(read.phones, input.value)) return RuleVerdict::pass();
  return RuleVerdict::fail(no_phone_ending_message(input.value, context_->display_name(user)));
}

DuoAccountRules::DuoAccountRules(std::shared_ptr<DuoContext> context)
    : context_(std::move(context)) {}

std::vector<FieldError> DuoAccountRules::operator()(const FormInput& input) const {
  const DuoRequest request = read_request(input.answers);
  return Checker(*context_, request).run();
}

}  // namespace servicedesk::duo
