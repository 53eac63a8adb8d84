// A GoogleTest fixture with one real host per test suite and helpers for common steps.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "api_client.hpp"
#include "host_process.hpp"

namespace servicedesk::test {

/// Answers that pass the DUO item's checks: add an off-campus phone for the new hire.
inline nlohmann::json duo_add_for_newhire(const std::string& phone = "714 555 1234") {
  return {{"account", "newhire"}, {"request_type", "add"}, {"phone", phone}};
}

inline nlohmann::json software_answers(const std::string& name = "Matlab") {
  return {{"software", name}};
}

/// A client logged in as `username` on the host at `port` (a refused log-in fails the test).
inline ApiClient logged_in(int port, const std::string& username) {
  ApiClient client(port);
  EXPECT_EQ(client.log_in(username).status, 200) << username;
  return client;
}

/// The same, with the person's cart emptied (suites that share a host share carts).
inline ApiClient logged_in_with_empty_cart(int port, const std::string& username) {
  ApiClient client = logged_in(port, username);
  const Reply cart = client.get("/api/cart");  // kept alive: the loop walks into its JSON
  for (const auto& line : cart.json["lines"])
    client.del("/api/cart/items/" + std::to_string(line["id"].get<long long>()));
  return client;
}

/// One real host for a whole test suite (start-up costs more than a test). A suite's
/// SetUpTestSuite writes what its host reads into `folder()`, then calls `start_host`; the
/// host and the folder go when the suite ends.
class SuiteHostTest : public ::testing::Test {
 protected:
  static void start_host(const std::vector<std::string>& arguments = {}) {
    host_ = std::make_unique<HostProcess>(folder() / "data", arguments);
  }
  static void stop_host() { host_.reset(); }
  static void TearDownTestSuite() {
    stop_host();
    dir_.reset();
  }
  static std::filesystem::path folder() {
    if (!dir_) dir_ = std::make_unique<TempDir>();
    return dir_->path();
  }
  static std::filesystem::path data_dir() { return folder() / "data"; }
  static HostProcess& host() { return *host_; }
  /// A client logged in as `username`.
  static ApiClient as(const std::string& username) { return logged_in(host_->port(), username); }

 private:
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<HostProcess> host_;
};

/// The demo host with the shipped catalog; `as` empties the person's cart.
class HostApiTest : public SuiteHostTest {
 protected:
  static void SetUpTestSuite() { start_host(); }
  static ApiClient as(const std::string& username) {
    return logged_in_with_empty_cart(host().port(), username);
  }
};

}  // namespace servicedesk::test
