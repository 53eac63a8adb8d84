// The demo ledger behind the backend seam: reads, and a request's change computed on a copy.
#include "ledger_backend.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "phone_format.hpp"
#include "phone_policy.hpp"
#include "refusals.hpp"

namespace servicedesk::duo {

namespace {

using NameOf = std::function<std::string(std::string_view)>;

/// Computes one request's change on a copy of the ledger's accounts. Returns an error or
/// "", and says what it did in `done`.
class Applier {
 public:
  Applier(const NameOf& name_of, const DuoRequest& request, AccountKind kind)
      : name_of_(name_of), request_(request), kind_(kind) {}

  std::string operator()(LedgerAccounts& accounts) {
    done_.clear();
    const std::string& type = request_.request_type;
    const std::string& account = request_.account;
    if (kind_ == AccountKind::person) {
      if (type == "remove") return std::string(kRemoveOnlyAdministrative);
      return change(accounts[account][account], account, request_.replace_last_four, request_.phone,
                    "");
    }
    if (request_.members.empty()) return "The request names no users of the account.";
    const std::string where = " on " + name_of_(account);
    for (const MemberChange& row : request_.members) {
      AccountPhones& members = accounts[account];
      if (std::string error = change(members[row.user], row.user, row.last_four, row.phone, where);
          !error.empty()) {
        return error;
      }
      if (members[row.user].empty()) members.erase(row.user);  // removed from the account
    }
    return {};
  }

  std::string message() const {
    std::string text;
    for (const std::string& line : done_) text += (text.empty() ? "" : " ") + line;
    return text;
  }

 private:
  std::string change(std::vector<std::string>& phones, const std::string& user,
                     const std::string& four, const std::string& typed, const std::string& where) {
    const std::string name = name_of_(user);
    const std::string& type = request_.request_type;
    const auto ending = [&](const std::string& digits) {
      return std::find_if(phones.begin(), phones.end(),
                          [&](const std::string& phone) { return last_four(phone) == digits; });
    };
    auto target = phones.end();
    if (type == "update" || type == "remove") {
      if (!four.empty()) {
        target = ending(four);
        if (target == phones.end()) {
          return no_phone_ending_message(four, name);
        }
      } else if (kind_ == AccountKind::person && phones.size() == 1) {
        target = phones.begin();
      } else {
        return phones.empty() ? name + " has no phone on Duo to " + type + "."
                              : "The last four digits of the phone to " + type +
                                    " are missing for " + name + ".";
      }
    }
    if (type == "remove") {
      done_.push_back("Removed phone ending " + last_four(*target) + " of " + name + where + ".");
      phones.erase(target);
      return {};
    }
    if (type != "add" && type != "update") return "Unknown request type '" + type + "'.";
    const auto e164 = to_e164(typed);
    if (!e164) return "The phone number for " + name + " is not a valid number.";
    if (std::find(phones.begin(), phones.end(), *e164) != phones.end()) {
      return already_on_account(name);
    }
    if (type == "add") {
      phones.push_back(*e164);
      done_.push_back("Added " + mask_phone(*e164) + " for " + name + where + ".");
    } else {
      done_.push_back("Replaced phone ending " + last_four(*target) + " with " + mask_phone(*e164) +
                      " for " + name + where + ".");
      *target = *e164;
    }
    return {};
  }

  const NameOf& name_of_;
  const DuoRequest& request_;
  AccountKind kind_;
  std::vector<std::string> done_;
};

}  // namespace

LedgerBackend::LedgerBackend(std::unique_ptr<DuoLedger> ledger, NameOf display_name)
    : ledger_(std::move(ledger)), display_name_(std::move(display_name)) {}

PhonesRead LedgerBackend::phones(std::string_view account, std::string_view user) {
  return {ledger_->phones(account, user), false};
}

ApplyResult LedgerBackend::apply(std::string_view ritm, const DuoRequest& request,
                                 AccountKind kind) {
  Applier applier(display_name_, request, kind);
  const DuoLedger::Outcome outcome = ledger_->update(ritm, std::ref(applier));
  if (outcome.already_applied)
    return {ApplyResult::Status::done,
            std::string(ritm) + " was already applied; nothing changed."};
  if (!outcome.ok) return {ApplyResult::Status::refused, outcome.error};
  return {ApplyResult::Status::done, applier.message()};
}

}  // namespace servicedesk::duo
