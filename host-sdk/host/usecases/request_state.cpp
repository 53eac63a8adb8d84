// A request's state, derived from its items.
#include "usecases/request_state.hpp"

#include <algorithm>

namespace servicedesk::host {

std::string request_state(const std::vector<RequestItemRecord>& items) {
  auto closed = [](const RequestItemRecord& item) {
    return item.state == "fulfilled" || item.state == "rejected";
  };
  if (!items.empty() && std::all_of(items.begin(), items.end(), closed)) {
    const bool rejected = std::any_of(items.begin(), items.end(),
                                      [](const auto& item) { return item.state == "rejected"; });
    return rejected ? "closed_incomplete" : "closed_complete";
  }
  const bool untouched = std::all_of(items.begin(), items.end(),
                                     [](const auto& item) { return item.state == "open"; });
  return untouched ? "open" : "in_progress";
}

}  // namespace servicedesk::host
