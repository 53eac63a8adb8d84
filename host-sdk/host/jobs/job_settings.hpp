// How the fulfilment job worker runs: `jobs:` in the host's config.
#pragma once

#include <chrono>
#include <string>

namespace servicedesk::host {

/// `jobs:` in the host's config.
struct JobSettings {
  /// This host among those sharing one database; default `<hostname>:<port>`. A host that
  /// starts again under the same id takes back the jobs its previous run held at once.
  std::string host_id;
  std::chrono::milliseconds lease{60000};  ///< a claim not renewed for this long is taken over
  std::chrono::milliseconds poll_interval{1000};
  std::chrono::milliseconds initial_backoff{5000};  ///< after the first temporary failure
  std::chrono::milliseconds max_backoff{std::chrono::minutes(10)};
  int max_attempts = 20;                        ///< temporary failures before the item is `failed`
  std::chrono::milliseconds answer_wait{5000};  ///< a decision waits this long for its job
};

}  // namespace servicedesk::host
