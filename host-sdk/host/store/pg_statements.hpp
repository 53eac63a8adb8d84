// The statements on the checkout path, prepared on each pooled connection so that the
// database parses and plans each once per connection instead of once per call.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace servicedesk::host::pg {

/// Names of the prepared statements; their SQL is in pg_statements.cpp.
namespace statement {
inline constexpr const char* kLockCart = "lock_cart";
inline constexpr const char* kCartLines = "cart_lines";
inline constexpr const char* kCartLineIds = "cart_line_ids";
inline constexpr const char* kAddCartLine = "add_cart_line";
inline constexpr const char* kReserveNumbers = "reserve_numbers";
inline constexpr const char* kCheckout = "checkout";
inline constexpr const char* kClaimDueMail = "claim_due_mail";
inline constexpr const char* kMarkSent = "mark_sent";
inline constexpr const char* kFindSession = "find_session";
}  // namespace statement

/// Every prepared statement as (name, SQL), for PgPool to register on each new connection.
std::vector<std::pair<std::string, std::string>> prepared_statements();

}  // namespace servicedesk::host::pg
