// Notification mails: recipients resolved in the directory, templates rendered per event.
#include "usecases/notifications.hpp"

#include <algorithm>
#include <map>

#include "usecases/answer_view.hpp"

namespace servicedesk::host {

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
  values.insert(facts.answers.begin(), facts.answers.end());
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

std::vector<NewMail> compose_item_mails(const Form& form, std::string_view event,
                                        const RequestItemRecord& item, std::string_view reason,
                                        const Directory& directory) {
  const MailFacts facts{item.request_number,
                        item.number,
                        item.item_name,
                        item.summary,
                        item.opened_by,
                        item.requested_for,
                        item.special_instructions,
                        std::string(reason),
                        answer_placeholders(recorded_fields(item, form), item.answers, directory)};
  return compose_mails(form, event, facts, directory);
}

}  // namespace servicedesk::host
