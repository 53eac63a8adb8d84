// Item access, summaries and notification rendering shared by cart, checkout and fulfilment.
#include "http/route_helpers.hpp"

#include <algorithm>

#include "http/json_io.hpp"

namespace servicedesk::host {

bool may_order(const Form& form, const Session& session) {
  const auto& roles = form.header().roles;
  if (roles.empty()) return true;
  return std::any_of(roles.begin(), roles.end(),
                     [&](const std::string& role) { return session.has_role(role); });
}

std::shared_ptr<const Form> orderable_form(ApiContext& context, std::string_view item_id,
                                           const Session& session, Response& res) {
  auto form = context.catalog.find(item_id);
  if (!form) {
    send_error(res, 404, "No such catalog item.");
    return nullptr;
  }
  if (!may_order(*form, session)) {
    send_error(res, 403, "You may not order this item.");
    return nullptr;
  }
  return form;
}

std::string summarize(const Form& form, const nlohmann::json& answers) {
  if (const Summarizer* summarizer = form.summarizer()) {
    std::string summary = summarizer->call(SummaryInput{form.header().id, answers});
    if (!summary.empty()) return summary;
  }
  return form.header().name;
}

std::optional<std::string> guard_refusal(ApiContext& context,
                                         const std::vector<std::string>& item_ids) {
  std::vector<std::string> seen;
  for (const auto& item_id : item_ids) {
    if (std::find(seen.begin(), seen.end(), item_id) != seen.end()) continue;
    seen.push_back(item_id);
    auto form = context.catalog.find(item_id);
    if (!form) continue;
    for (const auto& binding : form->checkout_guards()) {
      if (!binding.guard) continue;
      const GuardVerdict verdict = binding.guard->call(CartView{item_ids, item_id});
      if (!verdict.allowed) {
        return binding.message.empty() ? "This item cannot be ordered with the rest of your cart."
                                       : binding.message;
      }
    }
  }
  return std::nullopt;
}

std::string mail_name(const DirectoryEntry& entry) {
  if (entry.kind != AccountKind::person) return entry.display_name;
  const auto comma = entry.display_name.find(", ");
  if (comma == std::string::npos) return entry.display_name;
  return entry.display_name.substr(comma + 2) + " " + entry.display_name.substr(0, comma);
}

std::vector<NewMail> compose_mails(const Form& form, std::string_view event, const MailFacts& facts,
                                   const Directory& directory) {
  auto name_of = [&](const std::string& username) {
    const DirectoryEntry* entry = directory.find(username);
    return entry ? mail_name(*entry) : username;
  };
  std::map<std::string, std::string> values{
      {"request.number", facts.request_number},
      {"item.number", facts.item_number},
      {"item.name", facts.item_name},
      {"item.summary", facts.item_summary},
      {"opened_by.name", name_of(facts.opened_by)},
      {"requested_for.name", name_of(facts.requested_for)},
      {"special_instructions", facts.special_instructions},
      {"reason", facts.reason},
  };
  std::vector<NewMail> mails;
  for (const auto& spec : form.notifications()) {
    if (spec.on != event) continue;
    std::vector<std::string> usernames;
    for (const auto& recipient : spec.recipients) {
      const std::string& username = recipient == "opened_by"       ? facts.opened_by
                                    : recipient == "requested_for" ? facts.requested_for
                                                                   : recipient;
      if (std::find(usernames.begin(), usernames.end(), username) == usernames.end())
        usernames.push_back(username);
    }
    for (const auto& username : usernames) {
      const DirectoryEntry* entry = directory.find(username);
      if (entry == nullptr || entry->email.empty()) continue;  // nowhere to send it
      values["recipient.name"] = mail_name(*entry);
      NewMail mail;
      mail.item_number = facts.item_number;
      mail.event = std::string(event);
      mail.to_username = entry->username;
      mail.to_address = entry->email;
      mail.to_name = mail_name(*entry);
      mail.subject = render_template(spec.subject_template, values);
      mail.body = render_template(spec.body_template, values);
      mails.push_back(std::move(mail));
    }
  }
  return mails;
}

}  // namespace servicedesk::host
