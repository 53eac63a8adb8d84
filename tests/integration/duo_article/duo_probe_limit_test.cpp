// A DITC cannot try thousands of numbers a minute: "already on the account" and "last four"
// answers tell whether a number is on someone's account, so refused answers are rate-limited.
#include "duo_article.hpp"

namespace servicedesk::test {
namespace {

using DuoProbeLimit = HostApiTest;

TEST_F(DuoProbeLimit, RefusedPhoneAnswersAreThrottledPerPerson) {
  ApiClient dana = as("dcoordinator");
  // Tuffy's own number: refused as already on the account, so it tells Dana it is there.
  const nlohmann::json probe =
      duo_line({{"account", "tuffytitan"}, {"request_type", "add"}, {"phone", "714-555-0101"}});
  int refused = 0;
  Reply last;
  for (int i = 0; i < 400 && last.status != 429; ++i) {
    last = dana.post("/api/cart/items", probe);
    if (last.status == 422) ++refused;
  }
  EXPECT_EQ(last.status, 429) << "throttled within 400 tries";
  EXPECT_GE(refused, 150) << "a person filling in forms is rarely slowed";
  EXPECT_LE(refused, 200);
  EXPECT_FALSE(last.header("Retry-After").empty());
  const std::string evaluate = std::string("/api/catalog/items/") + kDuoItem + "/evaluate";
  EXPECT_EQ(dana.post(evaluate, {{"answers", probe["answers"]}}).status, 429)
      << "evaluating is the same door";
  ApiClient priya = as("ppatel");
  EXPECT_EQ(priya.post("/api/cart/items", probe).status, 422) << "another DITC is not slowed";
  for (int i = 0; i < 300; ++i)
    ASSERT_EQ(priya.post(evaluate, {{"answers", nlohmann::json::object()}}).status, 200)
        << "empty mandatory fields are not refused answers";
}

}  // namespace
}  // namespace servicedesk::test
