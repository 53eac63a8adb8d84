// A request as its reader may see it: answers by the form version, state, activity for staff.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// One request as shown to one reader.
struct RequestPage {
  Outcome outcome;
  std::optional<RequestRecord> request;
  std::string state;  ///< request_state() of its items
  /// Per item, in item order: answers_json() with the labels of the version it was submitted
  /// with; sensitive values in full only for IT staff.
  std::vector<nlohmann::json> answers;
  bool staff = false;
  std::vector<ActivityEntry> activity;  ///< newest first; IT staff only
};

/// The request `number` (a REQ, or a RITM of it) for its opener, its Requested For person and
/// IT staff; anyone else is told there is no such request. When IT staff see sensitive
/// answers in full, each field shown is written to the request's activity log first; if that
/// write fails, they see the values masked.
RequestPage show_request(const Desk& desk, const Requester& requester, std::string_view number);

/// The requester's own requests (opened by or for them), newest first, with their states.
struct OwnRequest {
  RequestRecord request;
  std::string state;
};
std::vector<OwnRequest> own_requests(const Desk& desk, const Requester& requester);

}  // namespace servicedesk::host
