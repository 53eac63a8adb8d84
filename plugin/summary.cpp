// Builds masked summaries of DUO requests.
#include "summary.hpp"

#include <utility>

#include "answers.hpp"
#include "phone_format.hpp"

namespace servicedesk::duo {

namespace {

std::string capitalized(std::string word) {
  if (!word.empty() && word.front() >= 'a' && word.front() <= 'z') {
    word.front() = static_cast<char>(word.front() - 'a' + 'A');
  }
  return word;
}

}  // namespace

DuoSummary::DuoSummary(std::shared_ptr<const DuoContext> context) : context_(std::move(context)) {}

std::string DuoSummary::operator()(const SummaryInput& input) const {
  const DuoRequest request = read_request(input.answers);
  const auto named = [this](const std::string& username) {
    const std::string name = context_->display_name(username);
    return name == username ? name : name + " (" + username + ")";
  };
  const std::string type =
      capitalized(request.request_type.empty() ? "change" : request.request_type);
  const std::string account = named(request.account);
  // Answers are normally E.164 already; a phone typed otherwise still masks the same way.
  const auto masked = [this](const std::string& phone) {
    const std::string e164 = context_->e164_or_empty(phone);
    return mask_phone(e164.empty() ? phone : e164);
  };

  if (context_->kind_of(request.account) != AccountKind::administrative) {
    const std::string phone = masked(request.phone);
    if (request.request_type == "add") return "Add " + phone + " to " + account;
    if (request.request_type == "update") {
      if (!request.replace_last_four.empty()) {
        return "Update " + account + ": phone ending " + request.replace_last_four + " → " + phone;
      }
      return "Update " + account + ": phone → " + phone;
    }
    return type + " " + account;
  }

  std::string summary = type + " " + account + ":";
  const char* separator = " ";
  for (const MemberChange& row : request.members) {
    summary += separator;
    separator = "; ";
    summary += context_->display_name(row.user) + ": ";
    if (request.request_type == "add") {
      summary += "add " + masked(row.phone);
    } else if (request.request_type == "update") {
      summary += "phone ending " + last_four(row.last_four) + " → " + masked(row.phone);
    } else {
      summary += "remove phone ending " + last_four(row.last_four);
    }
  }
  return summary;
}

}  // namespace servicedesk::duo
