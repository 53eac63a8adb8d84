// Steps 5-11: add to cart (422, 409 alone in the cart), checkout, REQ and RITM numbers.
#include <regex>
#include <thread>

#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using CartCheckoutTest = HostApiTest;

Reply add(ApiClient& client, const std::string& item, const nlohmann::json& answers) {
  return client.post("/api/cart/items", {{"item", item}, {"answers", answers}});
}

int number_of(const std::string& text) {
  return std::stoi(text.substr(text.find_first_of("0123456789")));
}

TEST_F(CartCheckoutTest, AddToCartRefusesCampusNumberWithErrorsByPath) {
  ApiClient client = as("dcoordinator");
  Reply reply = add(client, "duo-account-updates", duo_add_for_newhire("657 278 7777"));
  ASSERT_EQ(reply.status, 422);
  ASSERT_TRUE(reply.json["errors"].contains("phone"));
  EXPECT_NE(reply.json["errors"]["phone"][0].get<std::string>().find("campus"), std::string::npos);
  Reply missing = add(client, "duo-account-updates", {{"request_type", "add"}});
  ASSERT_EQ(missing.status, 422);
  EXPECT_TRUE(missing.json["errors"].contains("account"));
  EXPECT_TRUE(client.get("/api/cart").json["lines"].empty());
}

TEST_F(CartCheckoutTest, CannotAddOtherRequestsAlongWithDuoRequest) {
  ApiClient client = as("dcoordinator");
  Reply duo = add(client, "duo-account-updates", duo_add_for_newhire());
  ASSERT_EQ(duo.status, 201);
  EXPECT_NE(duo.json["line"]["summary"].get<std::string>().find("1234"), std::string::npos);
  EXPECT_EQ(duo.json["line"]["summary"].get<std::string>().find("555 1234"), std::string::npos);

  Reply software = add(client, "request-software", software_answers());
  ASSERT_EQ(software.status, 409);
  EXPECT_EQ(software.json["error"],
            "You are not able to submit other requests along with the Duo Account Updates "
            "request.");
  EXPECT_EQ(add(client, "duo-account-updates", duo_add_for_newhire("714 555 4321")).status, 409);
  EXPECT_EQ(client.get("/api/cart").json["lines"].size(), 1u);
}

TEST_F(CartCheckoutTest, CannotAddDuoRequestToCartHoldingSomethingElse) {
  ApiClient client = as("ppatel");
  ASSERT_EQ(add(client, "request-software", software_answers()).status, 201);
  Reply duo = add(client, "duo-account-updates", duo_add_for_newhire());
  EXPECT_EQ(duo.status, 409);
  EXPECT_NE(duo.json["error"].get<std::string>().find("along with"), std::string::npos);
}

TEST_F(CartCheckoutTest, CheckoutGivesRequestAndRitmNumbersAndEmptiesCart) {
  ApiClient client = as("dcoordinator");
  ASSERT_EQ(add(client, "duo-account-updates", duo_add_for_newhire()).status, 201);
  Reply done = client.post("/api/cart/checkout",
                           {{"requested_for", "newhire"}, {"special_instructions", "New hire"}});
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string request = done.json["request"]["number"];
  EXPECT_TRUE(std::regex_match(request, std::regex("REQ[0-9]{7}")));
  ASSERT_EQ(done.json["request"]["items"].size(), 1u);
  const std::string ritm = done.json["request"]["items"][0]["number"];
  EXPECT_TRUE(std::regex_match(ritm, std::regex("RITM[0-9]{7}")));
  EXPECT_EQ(done.json["request"]["items"][0]["state"], "open");
  EXPECT_TRUE(client.get("/api/cart").json["lines"].empty());

  Reply shown = client.get("/api/requests/" + request);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.json["request"]["requested_for"]["username"], "newhire");
  EXPECT_EQ(shown.json["request"]["items"][0]["number"], ritm);
  // Phones only masked, even to the requester.
  EXPECT_EQ(shown.body.find("555 1234"), std::string::npos);
  EXPECT_EQ(shown.body.find("7145551234"), std::string::npos);

  // The requested-for person sees it; an unrelated person does not.
  EXPECT_EQ(as("newhire").get("/api/requests/" + request).status, 200);
  EXPECT_EQ(as("tessatitan").get("/api/requests/" + request).status, 404);
  bool listed = false;
  const Reply requests = client.get("/api/requests");
  for (const auto& item : requests.json["requests"]) listed = listed || item["number"] == request;
  EXPECT_TRUE(listed);
}

TEST_F(CartCheckoutTest, NumbersIncreaseAndAreNeverReused) {
  ApiClient client = as("tuffytitan");
  std::vector<int> requests;
  std::vector<int> items;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(add(client, "request-software", software_answers("Tool " + std::to_string(i))).status,
              201);
    ASSERT_EQ(
        add(client, "request-software", software_answers("Other " + std::to_string(i))).status,
        201);
    Reply done = client.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
    ASSERT_EQ(done.status, 201) << done.body;
    requests.push_back(number_of(done.json["request"]["number"]));
    for (const auto& item : done.json["request"]["items"])
      items.push_back(number_of(item["number"]));
  }
  EXPECT_EQ(items.size(), 6u);
  EXPECT_TRUE(std::is_sorted(requests.begin(), requests.end()));
  EXPECT_EQ(std::adjacent_find(requests.begin(), requests.end()), requests.end());
  EXPECT_TRUE(std::is_sorted(items.begin(), items.end()));
  EXPECT_EQ(std::adjacent_find(items.begin(), items.end()), items.end());
}

TEST_F(CartCheckoutTest, CheckoutRefusesEmptyCartAndRequestedForThatIsNoPerson) {
  ApiClient client = as("tessatitan");
  Reply empty = client.post("/api/cart/checkout", {{"requested_for", "tessatitan"}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.error(), "Your cart is empty.");

  ASSERT_EQ(add(client, "request-software", software_answers()).status, 201);
  const std::vector<std::pair<std::string, std::string>> refusals = {
      {"athletics-admin", "'athletics-admin' is an administrative account; choose a person."},
      {"nobody", "No person has the username 'nobody'."},
      {"", "This field is required."}};
  for (const auto& [who, sentence] : refusals) {
    Reply refused = client.post("/api/cart/checkout", {{"requested_for", who}});
    EXPECT_EQ(refused.status, 422) << who;
    EXPECT_EQ(refused.json["errors"]["requested_for"], nlohmann::json::array({sentence})) << who;
  }
  Reply missing = client.post("/api/cart/checkout", nlohmann::json::object());
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(client.get("/api/cart").json["lines"].size(), 1u);
}

TEST_F(CartCheckoutTest, RemovingACartLine) {
  ApiClient client = as("lkim");
  Reply added = add(client, "request-software", software_answers());
  ASSERT_EQ(added.status, 201);
  const auto id = added.json["line"]["id"].get<long long>();
  const Reply not_theirs = as("mgarcia").del("/api/cart/items/" + std::to_string(id));
  EXPECT_EQ(not_theirs.status, 404);
  EXPECT_EQ(not_theirs.error(), "No such line in your cart.");
  EXPECT_EQ(client.del("/api/cart/items/" + std::to_string(id)).status, 204);
  EXPECT_EQ(client.del("/api/cart/items/" + std::to_string(id)).status, 404);
  EXPECT_EQ(client.del("/api/cart/items/abc").status, 404);
}

TEST_F(CartCheckoutTest, DoubleSubmittedCheckoutCreatesOneRequest) {
  ApiClient client = as("jsmith");
  for (int round = 0; round < 5; ++round) {
    ASSERT_EQ(add(client, "request-software", software_answers()).status, 201);
    // Two tabs press Checkout at once: the cart turns into one request, never two.
    int statuses[2] = {0, 0};
    std::vector<std::thread> tabs;
    for (int tab = 0; tab < 2; ++tab) {
      tabs.emplace_back([&, tab] {
        ApiClient same_session(host().port());
        same_session.cookie = client.cookie;
        same_session.csrf_token = client.csrf_token;
        statuses[tab] =
            same_session.post("/api/cart/checkout", {{"requested_for", "jsmith"}}).status;
      });
    }
    for (auto& tab : tabs) tab.join();
    EXPECT_EQ((statuses[0] == 201) + (statuses[1] == 201), 1) << statuses[0] << " " << statuses[1];
    for (int status : statuses)
      EXPECT_TRUE(status == 201 || status == 409 || status == 400) << status;
  }
  const Reply requests = client.get("/api/requests");
  int opened = 0;
  for (const auto& request : requests.json["requests"])
    opened += request["opened_by"]["username"] == "jsmith";
  EXPECT_EQ(opened, 5);
}

TEST(HostRestartTest, NumbersKeepIncreasingAcrossRestarts) {
  TempDir dir;
  std::string first;
  std::string first_item;
  {
    HostProcess host(dir.path() / "data");
    ApiClient client(host.port());
    ASSERT_EQ(client.log_in("tuffytitan").status, 200);
    ASSERT_EQ(add(client, "request-software", software_answers()).status, 201);
    Reply done = client.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
    ASSERT_EQ(done.status, 201);
    first = done.json["request"]["number"];
    first_item = done.json["request"]["items"][0]["number"];
    ASSERT_EQ(add(client, "request-software", software_answers("kept in the cart")).status, 201);
    EXPECT_EQ(host.stop(), 0);
  }
  HostProcess host(dir.path() / "data");
  ApiClient client(host.port());
  ASSERT_EQ(client.log_in("tuffytitan").status, 200);
  EXPECT_EQ(client.get("/api/cart").json["lines"].size(), 1u);  // the cart survived too
  Reply done = client.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
  ASSERT_EQ(done.status, 201);
  EXPECT_GT(number_of(done.json["request"]["number"]), number_of(first));
  EXPECT_GT(number_of(done.json["request"]["items"][0]["number"]), number_of(first_item));
  EXPECT_EQ(client.get("/api/requests/" + first).status, 200);
}

}  // namespace
}  // namespace servicedesk::test
