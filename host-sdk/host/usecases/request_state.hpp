// A request's state, derived from its items as ServiceNow derives a REQ's.
#pragma once

#include <string>
#include <vector>

#include "store/store.hpp"

namespace servicedesk::host {

/// "open" while no item was acted on; "in_progress" once one was (decided, being fulfilled,
/// failed) and some are not closed; "closed_complete" when every item was fulfilled;
/// "closed_incomplete" when every item is closed and at least one was rejected.
std::string request_state(const std::vector<RequestItemRecord>& items);

}  // namespace servicedesk::host
