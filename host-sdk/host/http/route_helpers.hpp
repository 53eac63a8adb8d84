// Helpers several route groups share: item access, summaries, names, mail composition.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include "http/message.hpp"

#include "http/api_context.hpp"
#include "servicedesk/form.hpp"

namespace servicedesk::host {

/// Whether the user may see and order the item (`available_for.roles`; empty = everyone).
bool may_order(const Form& form, const Session& session);

/// The live form of `item_id` the user may order; writes 404 or 403 and returns nullptr.
std::shared_ptr<const Form> orderable_form(ApiContext& context, std::string_view item_id,
                                           const Session& session, Response& res);

/// The form's summary of `answers` (the item's summarizer, or the item name).
std::string summarize(const Form& form, const nlohmann::json& answers);

/// Runs the checkout guards of every distinct item in `item_ids` (the whole cart as it
/// would be); the first refusal's YAML message, or nothing when all allow it.
std::optional<std::string> guard_refusal(ApiContext& context,
                                         const std::vector<std::string>& item_ids);

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
};

/// The mails of the form's notifications `on` this event: one per distinct recipient.
std::vector<NewMail> compose_mails(const Form& form, std::string_view event, const MailFacts& facts,
                                   const Directory& directory);

}  // namespace servicedesk::host
