// Notification mails: a form's templates rendered for one event of one requested item.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/directory.hpp"
#include "servicedesk/forms/form.hpp"
#include "store/store.hpp"

namespace servicedesk::host {

/// "Tuffy Titan" for the person "Titan, Tuffy"; other names as they are.
std::string mail_name(const DirectoryEntry& entry);

/// What one request item contributes to its mail placeholders.
struct MailFacts {
  std::string request_number;
  std::string item_number;
  std::string item_name;
  std::string item_summary;
  std::string opened_by;
  std::string requested_for;
  std::string special_instructions;
  std::string reason;
  /// `answers.<id>` placeholders (answer_placeholders(): sensitive values masked).
  std::map<std::string, std::string> answers;
};

/// The mails of the form's notifications `on` this event: one per distinct recipient with
/// an address in the directory.
std::vector<NewMail> compose_mails(const Form& form, std::string_view event, const MailFacts& facts,
                                   const Directory& directory);

/// compose_mails for a requested item as stored: its facts, and its answers as recorded with
/// the form version it was submitted with; `reason` is a rejection's (empty otherwise).
std::vector<NewMail> compose_item_mails(const Form& form, std::string_view event,
                                        const RequestItemRecord& item, std::string_view reason,
                                        const Directory& directory);

}  // namespace servicedesk::host
