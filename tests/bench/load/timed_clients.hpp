// Runs N logged-in API clients in parallel for a fixed time, timing each operation.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "api_client.hpp"  // tests/support
#include "scenarios.hpp"

namespace servicedesk::bench {

using test::ApiClient;
using test::Reply;

/// A load client: one kept-alive connection without Nagle's delay, no JSON parsed unless
/// asked (read_json), and a failed connection is a status 0 (an error), not an exception.
test::ClientOptions load_client_options();

/// The answer's body as JSON (discarded when it is not JSON).
nlohmann::json read_json(const Reply& reply);

/// One operation of client `client`; returns false when it failed (counted as an error).
using TimedOperation = std::function<bool(ApiClient& api, int client)>;

/// Logs in `clients` users named `user_prefix` + two digits (password "demo"), numbered from
/// `first_user`, starts them together and runs `operation` in a loop on each until `duration`
/// has passed; `operation` gets the user's number.
LoadFigures run_timed_clients(int port, int clients, const std::string& user_prefix,
                              std::chrono::seconds duration, const TimedOperation& operation,
                              int first_user = 0);

/// "ditc" + 7 -> "ditc07".
std::string numbered_user(const std::string& prefix, int n);

}  // namespace servicedesk::bench
