// The seam between the DUO rules and Duo: read an account's phones, apply a fulfilled request.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "answers.hpp"
#include "servicedesk/directory.hpp"

namespace servicedesk::duo {

/// The refusal shown when Duo cannot be read; nothing is written when it is shown.
inline constexpr std::string_view kDuoUnreachable =
    "Duo cannot be reached right now; try again in a few minutes.";

/// The phones (E.164) of one user on one account, or that Duo could not be read.
struct PhonesRead {
  std::vector<std::string> phones;
  bool unavailable = false;
};

/// What applying a request did. `temporary` failures may succeed when tried again later
/// (Duo unreachable, rate limited, a server error); `refused` ones will not.
struct ApplyResult {
  enum class Status { done, refused, temporary };
  Status status = Status::done;
  std::string message;  ///< what happened or why not, phones masked to their last four
};

/// Where Duo phones live: the demo ledger, or a real tenant through the Admin API.
/// Implementations are thread-safe.
class DuoBackend {
 public:
  virtual ~DuoBackend() = default;
  /// The phones `user` has on `account`: for a person account user == account; on an
  /// administrative account, the member's phones on it.
  virtual PhonesRead phones(std::string_view account, std::string_view user) = 0;
  /// Applies a fulfilled request. Running it again for the same RITM ends in the same state.
  virtual ApplyResult apply(std::string_view ritm, const DuoRequest& request, AccountKind kind) = 0;
};

}  // namespace servicedesk::duo
