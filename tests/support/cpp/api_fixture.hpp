// A GoogleTest fixture with one real host per test suite and helpers for common steps.
#pragma once

#include <memory>
#include <string>

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

/// One host started for the whole suite (start-up costs more than a test).
class HostApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    host_ = std::make_unique<HostProcess>(dir_->path() / "data");
  }
  static void TearDownTestSuite() {
    host_.reset();
    dir_.reset();
  }

  static std::filesystem::path data_dir() { return dir_->path() / "data"; }
  static HostProcess& host() { return *host_; }

  /// A client logged in as `username`, its cart emptied.
  static ApiClient as(const std::string& username) {
    ApiClient client(host_->port());
    EXPECT_EQ(client.log_in(username).status, 200) << username;
    const Reply cart = client.get("/api/cart");
    for (const auto& line : cart.json["lines"])
      client.del("/api/cart/items/" + std::to_string(line["id"].get<long long>()));
    return client;
  }

  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<HostProcess> host_;
};

}  // namespace servicedesk::test
