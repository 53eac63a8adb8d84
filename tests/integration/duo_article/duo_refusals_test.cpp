// Every refusal of the article's rules, answered by the server with a message a DITC reads.
#include "duo_article.hpp"

namespace servicedesk::test {
namespace {

class DuoRefusals : public HostApiTest {
 protected:
  /// Tries to add a line and returns the refusal.
  static Reply try_add(ApiClient& client, const nlohmann::json& answers) {
    return client.post("/api/cart/items", duo_line(answers));
  }
};

TEST_F(DuoRefusals, CampusNumberRefusedIncludingTheHelpDesk) {
  ApiClient ditc = as("dcoordinator");
  for (const char* campus : {"657-278-7777", "+1 657 278 1234"}) {
    const Reply refused = try_add(ditc, duo_add_for_newhire(campus));
    EXPECT_EQ(refused.status, 422) << campus;
    EXPECT_TRUE(contains(errors_at(refused, "phone"), "campus number")) << refused.body;
  }
}

TEST_F(DuoRefusals, TollFreeRefused) {
  ApiClient ditc = as("dcoordinator");
  const Reply refused = try_add(ditc, duo_add_for_newhire("800-555-0199"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(errors_at(refused, "phone"), "Toll-free")) << refused.body;
}

TEST_F(DuoRefusals, LettersAndJunkRefused) {
  ApiClient ditc = as("dcoordinator");
  for (const char* junk : {"714-555-CALL", "call me", "12", "<script>alert(1)</script>"}) {
    const Reply refused = try_add(ditc, duo_add_for_newhire(junk));
    EXPECT_EQ(refused.status, 422) << junk;
    EXPECT_FALSE(errors_at(refused, "phone").empty()) << junk << ": " << refused.body;
  }
}

TEST_F(DuoRefusals, InternationalCellphoneAccepted) {
  ApiClient ditc = as("dcoordinator");
  const Reply added = try_add(ditc, duo_add_for_newhire("+44 7911 123456"));
  EXPECT_EQ(added.status, 201) << added.body;
  EXPECT_FALSE(contains(added.body, "123456")) << "the summary masks the phone";
}

TEST_F(DuoRefusals, PhoneIsMandatoryForAddAndUpdate) {
  ApiClient ditc = as("dcoordinator");
  const Reply refused = try_add(ditc, {{"account", "newhire"}, {"request_type", "add"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_FALSE(errors_at(refused, "phone").empty()) << refused.body;
}

TEST_F(DuoRefusals, AddOfANumberAlreadyOnTheAccountRefused) {
  ApiClient ditc = as("dcoordinator");
  const Reply refused = try_add(
      ditc, {{"account", "tuffytitan"}, {"request_type", "add"}, {"phone", "714-555-0101"}});
  EXPECT_EQ(refused.status, 422) << refused.body;
}

TEST_F(DuoRefusals, UpdateOnAnAccountWithoutPhoneSaysUseAdd) {
  ApiClient ditc = as("dcoordinator");
  const Reply refused = try_add(
      ditc, {{"account", "tessatitan"}, {"request_type", "update"}, {"phone", "714-555-0123"}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(contains(refused.body, "Add")) << refused.body;
}

TEST_F(DuoRefusals, CannotCheckOutWithOtherRequests) {
  ApiClient ditc = as("dcoordinator");
  // Something else first, then the DUO item.
  ASSERT_EQ(
      ditc.post("/api/cart/items", {{"item", "request-software"}, {"answers", software_answers()}})
          .status,
      201);
  Reply refused = try_add(ditc, duo_add_for_newhire());
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json["error"], kAloneInCart);
  EXPECT_EQ(ditc.get("/api/cart").json["lines"].size(), 1u) << "the cart is left as it was";

  // The DUO item first, then anything else, a second DUO request included.
  ditc = as("dcoordinator");
  ASSERT_EQ(try_add(ditc, duo_add_for_newhire()).status, 201);
  refused =
      ditc.post("/api/cart/items", {{"item", "request-software"}, {"answers", software_answers()}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json["error"], kAloneInCart);
  refused = try_add(ditc, duo_add_for_newhire("714-555-0155"));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(ditc.get("/api/cart").json["lines"].size(), 1u);
}

TEST_F(DuoRefusals, RequestTypeIsMandatoryAndMustBeOffered) {
  ApiClient ditc = as("dcoordinator");
  Reply refused = try_add(ditc, {{"account", "newhire"}, {"phone", "714-555-0188"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_FALSE(errors_at(refused, "request_type").empty()) << refused.body;
  refused = try_add(
      ditc, {{"account", "newhire"}, {"request_type", "replace"}, {"phone", "714-555-0188"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_FALSE(errors_at(refused, "request_type").empty()) << refused.body;
}

}  // namespace
}  // namespace servicedesk::test
