// Catalog administrators' view: hot reload seen through the API, metrics, and the CLI's
// `plugins` and `lint` subcommands.
#include <fstream>

#include "api_fixture.hpp"
#include "command.hpp"

namespace servicedesk::test {
namespace {

std::string item_name(ApiClient& client, const std::string& id) {
  const Reply catalog = client.get("/api/catalog");
  for (const auto& category : catalog.json["categories"])
    for (const auto& item : category["items"])
      if (item["id"] == id) return item["name"];
  return {};
}

TEST(CatalogReloadTest, BrokenEditIsReportedAndLastGoodFormStaysLive) {
  TempDir dir;
  const auto catalog = dir.path() / "catalog";
  std::filesystem::copy(SERVICEDESK_CATALOG_DIR, catalog);
  HostProcess host(dir.path() / "data", {"--catalog-dir", catalog.string()});
  ApiClient staff(host.port());
  ASSERT_EQ(staff.log_in("helpdesk").status, 200);
  ASSERT_EQ(item_name(staff, "request-software"), "Request software");

  const auto yaml = catalog / "request-software.yaml";
  const std::string good = read_file(yaml);
  std::ofstream(yaml) << "id: request-software\nname: [unclosed\n";
  auto file_status = [&] {
    const Reply status = staff.get("/api/admin/catalog");
    for (const auto& file : status.json["files"])
      if (file["file"] == "request-software.yaml") return file;
    return nlohmann::json();
  };
  ASSERT_TRUE(eventually([&] { return file_status().value("ok", true) == false; }));
  const auto broken = file_status();
  EXPECT_TRUE(broken["live"].get<bool>());
  ASSERT_FALSE(broken["errors"].empty());
  EXPECT_NE(broken["errors"][0].get<std::string>().find("request-software.yaml:"),
            std::string::npos);
  EXPECT_EQ(item_name(staff, "request-software"), "Request software");

  std::string renamed = good;
  renamed.replace(renamed.find("name: Request software"), 22, "name: Request licensed software");
  std::ofstream(yaml) << renamed;
  EXPECT_TRUE(eventually(
      [&] { return item_name(staff, "request-software") == "Request licensed software"; }));
  EXPECT_TRUE(file_status().value("ok", false));
}

TEST(MetricsTest, CountsRequestsByRouteAndCheckouts) {
  TempDir dir;
  HostProcess host(dir.path() / "data");
  ApiClient client(host.port());
  ASSERT_EQ(client.log_in("tuffytitan").status, 200);
  ASSERT_EQ(
      client
          .post("/api/cart/items", {{"item", "request-software"}, {"answers", software_answers()}})
          .status,
      201);
  ASSERT_EQ(client.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}}).status, 201);
  EXPECT_EQ(client.get("/api/requests/REQ0000001").status, 200);
  // A request is counted just after its answer is written: poll until both show.
  const std::string checkout_line =
      R"(servicedesk_http_requests_total{route="/api/cart/checkout",method="POST",status="201"} 1)";
  const std::string request_line = R"(route="/api/requests/{}",method="GET",status="200")";
  Reply metrics;
  // /metrics is for IT staff (or a scraper's token), not for the person who ordered.
  ApiClient staff(host.port());
  ASSERT_EQ(staff.log_in("helpdesk").status, 200);
  EXPECT_EQ(client.get("/metrics").status, 403);
  EXPECT_TRUE(eventually([&] {
    metrics = staff.get("/metrics");
    return metrics.body.find(checkout_line) != std::string::npos &&
           metrics.body.find(request_line) != std::string::npos;
  })) << metrics.body;
  EXPECT_NE(metrics.header("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_NE(metrics.body.find("servicedesk_checkouts_total 1\n"), std::string::npos);
  EXPECT_NE(metrics.body.find("servicedesk_outbox_depth "), std::string::npos);
  EXPECT_NE(metrics.body.find("servicedesk_delivery_failures_total 0\n"), std::string::npos);
  // The access log has one line per request, without tokens or query strings.
  client.get("/api/directory/search?q=secretquery");
  host.stop();
  const std::string log = host.log();
  EXPECT_NE(log.find("POST /api/cart/checkout 201"), std::string::npos);
  EXPECT_EQ(log.find("secretquery"), std::string::npos);
  EXPECT_EQ(log.find(client.csrf_token), std::string::npos);
  EXPECT_EQ(log.find(client.cookie.substr(client.cookie.find('=') + 1)), std::string::npos);
}

TEST(HostCliTest, PluginsListsBothPluginsAndTheirHandlers) {
  TempDir dir;
  const auto result = run_host_command("plugins --data-dir " + dir.path().string());
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("duo-account-updates"), std::string::npos);
  EXPECT_NE(result.output.find("alone_in_cart"), std::string::npos);
  EXPECT_NE(result.output.find("request-software"), std::string::npos);
}

TEST(HostCliTest, LintPassesShippedCatalogAndFailsBrokenFileWithPosition) {
  TempDir dir;
  // Under the asan preset, GCC 12's LeakSanitizer crashes at the exit of `lint` while it
  // scans a dynamic thread-local block ("Tracer caught signal 11", DTLS at 0x688); leaving
  // thread-local roots out for this command only lets the leak check finish. No effect
  // without sanitizers. To be understood and removed (see the session note).
  ::setenv("LSAN_OPTIONS", "use_tls=0", 1);
  const auto shipped =
      run_host_command("lint --data-dir " + dir.path().string() + " " + SERVICEDESK_CATALOG_DIR);
  EXPECT_EQ(shipped.exit_code, 0) << shipped.output;
  const auto broken = dir.path() / "broken.yaml";
  std::ofstream(broken)
      << "id: broken\nname: Broken\ncategory: Test\nfields:\n"
         "  - { id: a, type: text, label: A, rules: [ { use: no_such_rule } ] }\n";
  const auto result =
      run_host_command("lint --data-dir " + dir.path().string() + " " + broken.string());
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find(broken.string() + ":5:"), std::string::npos) << result.output;
  ::unsetenv("LSAN_OPTIONS");
}

TEST(HostCliTest, SecondHostOnAUsedPortFailsToStart) {
  TempDir dir;
  HostProcess first(dir.path() / "first");
  const auto second = run_host_command("serve --listen 127.0.0.1:" + std::to_string(first.port()) +
                                       " --data-dir " + (dir.path() / "second").string());
  EXPECT_EQ(second.exit_code, 1) << second.output;
  EXPECT_NE(second.output.find("cannot listen"), std::string::npos) << second.output;
  ApiClient client(first.port());
  EXPECT_EQ(client.get("/healthz").status, 200);
}

TEST(HostCliTest, ConfigFileMistakesAreReportedWithPosition) {
  TempDir dir;
  const auto config = dir.path() / "host.yaml";
  std::ofstream(config) << "listen: 127.0.0.1:0\nlisen: 127.0.0.1:9\nmail: { smpt: x }\n";
  const auto result = run_host_command("--config " + config.string() + " serve");
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(config.string() + ":2:1: unknown setting \"lisen\""),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("unknown mail setting \"smpt\""), std::string::npos)
      << result.output;
}

}  // namespace
}  // namespace servicedesk::test
