// Small value types the store and the queues it implements share: a mail to queue, a refusal.
#pragma once

#include <string>

namespace servicedesk::host {

/// One mail to queue with a request or a decision.
struct NewMail {
  std::string item_number;  ///< "RITM0000001", or empty for a request-level mail
  std::string event;        ///< "submitted", "fulfilled", "rejected"
  std::string to_username;
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string body;
};

/// Why a write was refused; `conflict` means the data changed underneath the caller.
enum class StoreError { none, conflict, not_found, failed };

}  // namespace servicedesk::host
