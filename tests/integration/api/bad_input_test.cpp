// Bad input of any kind gets a 4xx JSON error: never a 5xx, a crash or a half-written request.
#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using BadInputTest = HostApiTest;

void expect_client_error(const Reply& reply, const std::string& what) {
  EXPECT_GE(reply.status, 400) << what << ": " << reply.body;
  EXPECT_LT(reply.status, 500) << what << ": " << reply.body;
  EXPECT_TRUE(reply.json.is_object() &&
              (reply.json.contains("error") || reply.json.contains("errors")))
      << what << ": " << reply.body;
}

TEST_F(BadInputTest, MalformedBodiesAnswer400) {
  ApiClient client = as("dcoordinator");
  const std::vector<std::string> bodies = {"{",
                                           "{\"item\":",
                                           "[]",
                                           "42",
                                           "\"text\"",
                                           "null",
                                           "{\"item\": \"request-software\",}",
                                           "{\"item\":\"\xff\xfe\"}",
                                           "{\"item\":\"\xc3\"}",
                                           std::string(5000, '[')};
  for (const auto& body : bodies) {
    expect_client_error(client.post_raw("/api/cart/items", body), body.substr(0, 30));
    expect_client_error(client.post_raw("/api/cart/checkout", body), body.substr(0, 30));
    expect_client_error(client.post_raw("/api/session", body), body.substr(0, 30));
  }
  expect_client_error(
      client.post_raw("/api/cart/items", "item=x", "application/x-www-form-urlencoded"),
      "form-encoded");
}

TEST_F(BadInputTest, TextWithANulCharacterIsRefusedWith400) {
  ApiClient client = as("dcoordinator");
  for (const std::string body :
       {R"({"requested_for": "newhire", "special_instructions": "a\u0000b"})",
        R"({"requested_for": "new\u0000hire"})"}) {
    const Reply reply = client.post_raw("/api/cart/checkout", body);
    EXPECT_EQ(reply.status, 400) << body;
    EXPECT_NE(reply.json.value("error", "").find("NUL"), std::string::npos) << reply.body;
  }
  const Reply nested = client.post_raw(
      "/api/cart/items",
      R"({"item": "duo-account-updates", "answers": {"account": "newhire", "x\u0000": 1}})");
  EXPECT_EQ(nested.status, 400) << nested.body;
  EXPECT_TRUE(client.get("/api/cart").json["lines"].empty());
}

TEST_F(BadInputTest, BodiesNestedDeeplyAreRefusedWith400AndTheHostStaysUp) {
  ApiClient client = as("dcoordinator");
  // As deep as the 64 KiB body limit allows: this used to overflow a worker's stack.
  const std::string deep = R"({"item": "duo-account-updates", "answers": {"a": )" +
                           std::string(30000, '[') + std::string(30000, ']') + "}}";
  const Reply refused = client.post_raw("/api/cart/items", deep);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.json.value("error", ""), "The body is nested too deeply.");
  const std::string shallow = R"({"item": "duo-account-updates", "answers": {"a": )" +
                              std::string(20, '[') + std::string(20, ']') + "}}";
  EXPECT_NE(client.post_raw("/api/cart/items", shallow).json.value("error", ""),
            "The body is nested too deeply.");
  EXPECT_EQ(client.get("/api/session").status, 200);
}

TEST_F(BadInputTest, WrongTypesAndUnknownFieldsAnswer400) {
  ApiClient client = as("dcoordinator");
  const std::vector<nlohmann::json> bodies = {
      {{"item", 5}, {"answers", nlohmann::json::object()}},
      {{"item", "request-software"}, {"answers", "Matlab"}},
      {{"item", "request-software"}, {"answers", {1, 2}}},
      {{"item", nullptr}},
      {{"item", "request-software"}, {"answers", software_answers()}, {"price", 0}},
  };
  for (const auto& body : bodies)
    expect_client_error(client.post("/api/cart/items", body), body.dump());
  expect_client_error(client.post("/api/cart/checkout", {{"requested_for", {"newhire"}}}), "array");
  expect_client_error(client.post("/api/cart/checkout", {{"requested_for", "newhire"}, {"x", 1}}),
                      "unknown checkout field");
  expect_client_error(client.post("/api/session", {{"username", 1}, {"password", "demo"}}),
                      "number username");
  // A client never tells the server an account's kind: such an answer is an error by path.
  Reply evaluated = client.post("/api/catalog/items/duo-account-updates/evaluate",
                                {{"answers", {{"account", {{"kind", "administrative"}}}}}});
  EXPECT_EQ(evaluated.status, 200);
  EXPECT_FALSE(evaluated.json["valid"].get<bool>());
  EXPECT_FALSE(evaluated.json["fields"]["account"]["errors"].empty());
  // Answers of the wrong type inside the form are the form's business: a 4xx, never a 5xx.
  Reply odd = client.post("/api/cart/items", {{"item", "duo-account-updates"},
                                              {"answers", {{"account", 7}, {"members", "x"}}}});
  EXPECT_GE(odd.status, 400);
  EXPECT_LT(odd.status, 500);
  EXPECT_TRUE(client.get("/api/cart").json["lines"].empty());
}

TEST_F(BadInputTest, HugeBodyIsRefusedWith413) {
  ApiClient client = as("dcoordinator");
  nlohmann::json body = {{"item", "request-software"},
                         {"answers", {{"software", std::string(200 * 1024, 'x')}}}};
  expect_client_error(client.post("/api/cart/items", body), "200 KiB");
  EXPECT_EQ(client.get("/healthz").status, 200);
}

TEST_F(BadInputTest, SqlAndHtmlInStringsAreJustText) {
  ApiClient client = as("tuffytitan");
  expect_client_error(client.post("/api/cart/items", {{"item", "x'; DROP TABLE requests; --"}}),
                      "sql item");
  Reply search = client.get("/api/directory/search?q=%27%20OR%201%3D1%20--");
  EXPECT_EQ(search.status, 200);
  EXPECT_TRUE(search.json["results"].empty());
  const std::string html = "<script>alert(1)</script>'; DELETE FROM cart_lines; --";
  Reply added = client.post("/api/cart/items",
                            {{"item", "request-software"}, {"answers", software_answers(html)}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.header("Content-Type").rfind("application/json", 0), 0u);
  Reply done = client.post("/api/cart/checkout",
                           {{"requested_for", "tuffytitan"}, {"special_instructions", html}});
  ASSERT_EQ(done.status, 201);
  Reply shown = client.get("/api/requests/" + done.json["request"]["number"].get<std::string>());
  EXPECT_EQ(shown.json["request"]["special_instructions"], html);
}

TEST_F(BadInputTest, BadPathsAnswer404NotCrash) {
  ApiClient client = as("dcoordinator");
  for (const char* path : {"/api/catalog/items/%FF%FE", "/api/requests/REQ%00", "/api/nothing",
                           "/api/requests/../../etc/passwd",
                           "/api/catalog/items/"
                           "%2e%2e"}) {
    Reply reply = client.get(path);
    EXPECT_GE(reply.status, 400) << path;
    EXPECT_LT(reply.status, 500) << path;
  }
  expect_client_error(client.del("/api/cart/items/99999999999999999999999"), "huge id");
  EXPECT_EQ(client.get("/healthz").status, 200);
}

}  // namespace
}  // namespace servicedesk::test
