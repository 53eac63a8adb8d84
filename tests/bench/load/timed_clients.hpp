// Runs N logged-in API clients in parallel for a fixed time, timing each operation.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "api_client.hpp"
#include "scenarios.hpp"

namespace servicedesk::bench {

/// One operation of client `client`; returns false when it failed (counted as an error).
using TimedOperation = std::function<bool(ApiClient& api, int client)>;

/// Logs in `clients` users named `user_prefix` + two digits (password "demo"), starts them
/// together and runs `operation` in a loop on each until `duration` has passed.
LoadFigures run_timed_clients(const std::string& host, int port, int clients,
                              const std::string& user_prefix, std::chrono::seconds duration,
                              const TimedOperation& operation);

/// "ditc" + 7 -> "ditc07".
std::string numbered_user(const std::string& prefix, int n);

}  // namespace servicedesk::bench
