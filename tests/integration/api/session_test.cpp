// Step 1 of the article, "Log in": sessions, cookies, CSRF and who may call what.
#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using SessionTest = HostApiTest;

TEST_F(SessionTest, DemoPersonLogsInWithHttpOnlyStrictCookie) {
  ApiClient client(host().port());
  Reply reply = client.log_in("dcoordinator");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json["user"]["username"], "dcoordinator");
  EXPECT_EQ(reply.json["user"]["display_name"], "Coordinator, Dana");
  EXPECT_EQ(reply.json["user"]["roles"], nlohmann::json::array({"ditc"}));
  EXPECT_EQ(reply.json["csrf_token"].get<std::string>().size(), 64u);
  const std::string cookie = reply.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(client.get("/api/catalog").status, 200);
}

TEST_F(SessionTest, WrongPasswordUnknownUserAndAdministrativeAccountAreRefused) {
  ApiClient client(host().port());
  EXPECT_EQ(client.log_in("dcoordinator", "wrong").status, 401);
  EXPECT_EQ(client.log_in("nobody").status, 401);
  EXPECT_EQ(client.log_in("athletics-admin").status, 401);
  Reply reply = client.log_in("athletics-admin");
  EXPECT_TRUE(reply.json.contains("error"));
  EXPECT_TRUE(reply.header("Set-Cookie").empty());
}

TEST_F(SessionTest, EveryCallButLogInAndHealthNeedsASession) {
  ApiClient anonymous(host().port());
  EXPECT_EQ(anonymous.get("/healthz").status, 200);
  for (const char* path : {"/api/catalog", "/api/catalog/items/request-software", "/api/cart",
                           "/api/requests", "/api/directory/search?q=titan",
                           "/api/fulfilment/queue", "/api/admin/catalog", "/metrics"}) {
    Reply reply = anonymous.get(path);
    EXPECT_EQ(reply.status, 401) << path;
    EXPECT_TRUE(reply.json.contains("error")) << path;
  }
  EXPECT_EQ(anonymous.post("/api/cart/items", {{"item", "request-software"}}).status, 401);
  EXPECT_EQ(anonymous.post("/api/cart/checkout", nlohmann::json::object()).status, 401);
}

TEST_F(SessionTest, MutatingCallsWithoutCsrfTokenAreForbidden) {
  ApiClient client = as("tuffytitan");
  client.send_csrf = false;
  EXPECT_EQ(
      client
          .post("/api/cart/items", {{"item", "request-software"}, {"answers", software_answers()}})
          .status,
      403);
  EXPECT_EQ(client.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}}).status, 403);
  EXPECT_EQ(client.del("/api/session").status, 403);
  client.send_csrf = true;
  const std::string token = client.csrf_token;
  client.csrf_token = std::string(64, 'a');
  EXPECT_EQ(
      client
          .post("/api/cart/items", {{"item", "request-software"}, {"answers", software_answers()}})
          .status,
      403);
  client.csrf_token = token;
  EXPECT_TRUE(client.get("/api/cart").json["lines"].empty());
}

TEST_F(SessionTest, LogOutEndsTheSession) {
  ApiClient client = as("tessatitan");
  EXPECT_EQ(client.del("/api/session").status, 204);
  EXPECT_EQ(client.get("/api/catalog").status, 401);
}

TEST_F(SessionTest, SecurityHeadersOnApiAndStaticFiles) {
  ApiClient client(host().port());
  Reply health = client.get("/healthz");
  EXPECT_EQ(health.header("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(health.header("Content-Security-Policy").empty());
  Reply page = client.get("/");
  if (page.status == 200) {  // the portal is served from the source tree
    EXPECT_EQ(page.header("Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
              "frame-ancestors 'none'; base-uri 'none'");
    EXPECT_EQ(page.header("X-Content-Type-Options"), "nosniff");
  }
}

}  // namespace
}  // namespace servicedesk::test
