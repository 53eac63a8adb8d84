// A host wired to the fake Duo Admin API: config, seed, and reading the fake's state and log.
#pragma once

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include <httplib.h>

#include "duo_article.hpp"

namespace servicedesk::test {

inline constexpr const char* kDuoApiHost = "api-1a2b3c4d.duosecurity.com";
inline constexpr const char* kDuoIkey = "DIWJ8X6AEYOR5OMC6TQ1";
/// A test-only secret; the host reads it from DUO_SKEY like a deployment would.
inline constexpr const char* kDuoSkey = "test-secret-Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";

/// The demo people on the fake Duo tenant. tuffytitan's phone on athletics-admin (0111) and
/// dcoordinator's (0112) are on both users, as Duo models an administrative account's
/// member phones; tessatitan has a phone Duo knows but the demo ledger does not (0177).
inline void write_duo_seed(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "seed.json") << R"({"users": {
    "tuffytitan": ["+17145550101", "+17145550111"],
    "tessatitan": ["+17145550177"],
    "dcoordinator": ["+17145550102", "+17145550112"],
    "newhire": [],
    "athletics-admin": ["+17145550111", "+17145550112"]}})";
}

/// host.yaml with only the plugin's `duo_admin_api` section, pointing at the fake.
inline std::filesystem::path write_duo_host_config(const std::filesystem::path& folder, int port,
                                                   const std::string& extra = "") {
  const std::filesystem::path file = folder / "host.yaml";
  std::ofstream(file) << "plugins:\n"
                         "  duo-account-updates:\n"
                         "    duo_admin_api:\n"
                         "      host: "
                      << kDuoApiHost << "\n      endpoint: http://127.0.0.1:" << port
                      << "\n      ikey: " << kDuoIkey
                      << "\n      skey_env: DUO_SKEY\n      timeout_ms: 2000\n"
                      << extra;
  return file;
}

/// Talks to the fake's test-only control calls.
class FakeDuoControl {
 public:
  explicit FakeDuoControl(int port) : client_("127.0.0.1", port) {}
  /// {"users": {username: [numbers]}, "phones": {number: [usernames]}}
  nlohmann::json state() { return get("/__fake/state"); }
  /// Every API call so far: method, path, query, status, code.
  nlohmann::json calls() { return get("/__fake/log")["calls"]; }
  void clear_log() { post("/__fake/clear_log", {}); }
  /// The next `times` calls (matching `method` and `path_prefix` when given) get `status`.
  void fail(int status, int times, const std::string& method = "",
            const std::string& path_prefix = "") {
    post("/__fake/fail",
         {{"status", status}, {"times", times}, {"method", method}, {"path_prefix", path_prefix}});
  }
  void page_size(int limit) { post("/__fake/page_size", {{"limit", limit}}); }
  /// The next `times` matching calls are applied, then answered only after `ms`.
  void delay(int ms, int times, const std::string& method, const std::string& path_prefix) {
    post("/__fake/delay",
         {{"ms", ms}, {"times", times}, {"method", method}, {"path_prefix", path_prefix}});
  }

 private:
  nlohmann::json get(const std::string& path) {
    auto result = client_.Get(path);
    if (!result || result->status != 200) throw std::runtime_error("fake control " + path);
    return nlohmann::json::parse(result->body);
  }
  void post(const std::string& path, const nlohmann::json& body) {
    auto result = client_.Post(path, body.dump(), "application/json");
    if (!result || result->status != 200) throw std::runtime_error("fake control " + path);
  }
  httplib::Client client_;
};

/// Numbers of `username` on the fake, sorted.
inline std::vector<std::string> duo_numbers(FakeDuoControl& control, const std::string& username) {
  return control.state()["users"].value(username, std::vector<std::string>{});
}

/// helpdesk fulfils `ritm`; returns the reply.
inline Reply fulfil(int port, const std::string& ritm) {
  ApiClient helpdesk(port);
  EXPECT_EQ(helpdesk.log_in("helpdesk").status, 200);
  return helpdesk.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
}

/// The state of `ritm` as IT staff see it in the queue ("" once it left the queue).
inline std::string queue_state(int port, const std::string& ritm) {
  ApiClient helpdesk(port);
  EXPECT_EQ(helpdesk.log_in("helpdesk").status, 200);
  const Reply queue = helpdesk.get("/api/fulfilment/queue");
  for (const auto& item : queue.json["items"])
    if (item["number"] == ritm) return item["state"].get<std::string>();
  return "";
}

/// The RITM number of a checkout reply.
inline std::string ritm_of(const Reply& checkout) {
  return checkout.json["request"]["items"][0]["number"].get<std::string>();
}

/// One fake Duo and one host using it, shared by a test suite.
class DuoAdminApiTest : public SuiteHostTest {
 protected:
  static void SetUpTestSuite() {
    setenv("DUO_SKEY", kDuoSkey, 1);
    write_duo_seed(folder() / "duo");
    duo_ = std::make_unique<FakeDuo>(folder() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY");
    // Jobs retry quickly here, so a test sees a temporary failure recovered.
    const auto config = write_duo_host_config(
        folder(), duo_->port(), "jobs:\n  initial_backoff_ms: 200\n  max_backoff_ms: 800\n");
    start_host({"--config", config.string()});
  }
  static void TearDownTestSuite() {
    stop_host();  // before the fake it calls
    duo_.reset();
    SuiteHostTest::TearDownTestSuite();
  }

  static ApiClient as(const std::string& username) {
    return logged_in_with_empty_cart(host().port(), username);
  }
  /// An administrative Update: dcoordinator's ...0112 on athletics-admin becomes 714 555 0166.
  static nlohmann::json dana_replaces_her_athletics_phone() {
    return {{"account", "athletics-admin"},
            {"request_type", "update"},
            {"members",
             {{{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "714 555 0166"}}}}};
  }
  static FakeDuoControl control() { return FakeDuoControl(duo_->port()); }

  static inline std::unique_ptr<FakeDuo> duo_;
};

}  // namespace servicedesk::test
