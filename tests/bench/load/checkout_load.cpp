// Checkout throughput: many DITCs ordering at once, each add-to-cart followed by checkout.
#include <mutex>

#include "timed_clients.hpp"

namespace servicedesk::bench {
namespace {

/// An order for a new employee's cellphone; each client uses its own number.
nlohmann::json duo_line(int client) {
  return {{"item", "duo-account-updates"},
          {"answers",
           {{"account", "newhire"},
            {"request_type", "add"},
            {"phone", "714-555-2" + std::to_string(100 + client)}}}};
}

}  // namespace

LoadFigures run_checkout_load(int port, int clients, const std::string& user_prefix,
                              std::chrono::seconds duration, std::multiset<std::string>& numbers,
                              int first_user) {
  std::mutex mutex;
  const nlohmann::json checkout = {{"requested_for", "newhire"},
                                   {"special_instructions", "load test"}};
  return run_timed_clients(
      port, clients, user_prefix, duration,
      [&](ApiClient& api, int client) {
        if (api.post("/api/cart/items", duo_line(client)).status != 201) {
          return false;
        }
        const Reply answer = api.post("/api/cart/checkout", checkout);
        if (answer.status != 201) return false;
        const nlohmann::json request = read_json(answer)["request"];
        std::lock_guard lock(mutex);
        numbers.insert(request.value("number", ""));
        for (const auto& item : request["items"]) {
          numbers.insert(item.value("number", ""));
        }
        return true;
      },
      first_user);
}

}  // namespace servicedesk::bench
