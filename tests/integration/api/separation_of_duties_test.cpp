// Separation of duties: IT staff never decide their own requests or requests for them; with
// `ditc_scope: department` a DITC requests only within their own department.
#include <fstream>

#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using SeparationOfDuties = HostApiTest;

std::string order_software(ApiClient& client, const std::string& requested_for) {
  const Reply added = client.post("/api/cart/items",
                                  {{"item", "request-software"}, {"answers", software_answers()}});
  EXPECT_EQ(added.status, 201) << added.body;
  const Reply checkout = client.post("/api/cart/checkout", {{"requested_for", requested_for}});
  EXPECT_EQ(checkout.status, 201) << checkout.body;
  return checkout.status == 201 ? checkout.json["request"]["items"][0]["number"].get<std::string>()
                                : std::string();
}

TEST_F(SeparationOfDuties, StaffCannotFulfilOrRejectTheirOwnRequest) {
  ApiClient helpdesk = as("helpdesk");
  const std::string ritm = order_software(helpdesk, "helpdesk");
  const Reply fulfil =
      helpdesk.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
  EXPECT_EQ(fulfil.status, 403);
  EXPECT_NE(fulfil.json["error"].get<std::string>().find("another member of IT staff"),
            std::string::npos)
      << fulfil.body;
  EXPECT_EQ(helpdesk.post("/api/fulfilment/" + ritm + "/reject", {{"reason", "mine"}}).status, 403);
  EXPECT_EQ(helpdesk.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object()).status,
            403);
  ApiClient colleague = as("rhernandez");
  EXPECT_EQ(colleague.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object()).status,
            200);
}

TEST_F(SeparationOfDuties, StaffCannotDecideARequestOpenedForThem) {
  ApiClient tuffy = as("tuffytitan");
  const std::string ritm = order_software(tuffy, "rhernandez");
  ApiClient for_whom = as("rhernandez");
  const Reply refused = for_whom.post("/api/fulfilment/" + ritm + "/reject", {{"reason", "no"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.json["error"].get<std::string>().find("for you"), std::string::npos);
  EXPECT_EQ(
      as("helpdesk").post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object()).status,
      200);
}

class DitcScopeDepartment : public SuiteHostTest {
 protected:
  static void SetUpTestSuite() {
    const auto file = folder() / "host.yaml";
    std::ofstream(file) << "ditc_scope: department\n";
    start_host({"--config", file.string()});
  }
};

nlohmann::json duo_add(const std::string& account) {
  return {{"item", "duo-account-updates"},
          {"answers", {{"account", account}, {"request_type", "add"}, {"phone", "714 555 1239"}}}};
}

TEST_F(DitcScopeDepartment, DitcRequestsOnlyForTheirOwnDepartment) {
  ApiClient dana = as("dcoordinator");                                      // Athletics
  const Reply other = dana.post("/api/cart/items", duo_add("tessatitan"));  // Kinesiology
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_NE(other.json["error"].get<std::string>().find("Kinesiology"), std::string::npos);
  EXPECT_EQ(dana.post("/api/cart/items", duo_add("newhire")).status, 201) << "Athletics";
  const Reply for_other = dana.post("/api/cart/checkout", {{"requested_for", "tessatitan"}});
  EXPECT_EQ(for_other.status, 403) << "Requested For outside the department";
  EXPECT_EQ(dana.post("/api/cart/checkout", {{"requested_for", "newhire"}}).status, 201);
  ApiClient priya = as("ppatel");  // Nursing
  EXPECT_EQ(priya.post("/api/cart/items", duo_add("newhire")).status, 403);
}

}  // namespace
}  // namespace servicedesk::test
