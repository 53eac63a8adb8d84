// Article step 8: the administrative section, its rows, last four digits and full phones.
#include "duo_article.hpp"

namespace servicedesk::test {
namespace {

class DuoAdministrativeAccounts : public HostApiTest {};

nlohmann::json administrative(const std::string& type, nlohmann::json rows) {
  return {{"account", "athletics-admin"}, {"request_type", type}, {"members", std::move(rows)}};
}

TEST_F(DuoAdministrativeAccounts, TheSectionAppearsOnlyForAdministrativeAccounts) {
  ApiClient ditc = as("dcoordinator");
  const std::string evaluate = std::string("/api/catalog/items/") + kDuoItem + "/evaluate";
  Reply state = ditc.post(evaluate, {{"answers", {{"account", "tuffytitan"}}}});
  EXPECT_FALSE(state.json["fields"]["members"]["visible"].get<bool>());
  EXPECT_TRUE(state.json["fields"]["phone"]["visible"].get<bool>() ||
              !state.json["fields"]["request_type"]["errors"].empty());
  state = ditc.post(evaluate, {{"answers", {{"account", "athletics-admin"}}}});
  EXPECT_TRUE(state.json["fields"]["members"]["visible"].get<bool>());
  EXPECT_FALSE(state.json["fields"]["phone"]["visible"].get<bool>());
}

TEST_F(DuoAdministrativeAccounts, ColumnsFollowTheRequestType) {
  ApiClient ditc = as("dcoordinator");
  const std::string evaluate = std::string("/api/catalog/items/") + kDuoItem + "/evaluate";
  auto column_visible = [&](const std::string& type, const std::string& column) {
    const Reply state =
        ditc.post(evaluate, {{"answers", administrative(type, {{{"user", "tuffytitan"}}})}});
    return state.json["fields"]["members[0]." + column]["visible"].get<bool>();
  };
  EXPECT_FALSE(column_visible("add", "last_four"));
  EXPECT_TRUE(column_visible("add", "phone"));
  EXPECT_TRUE(column_visible("update", "last_four"));
  EXPECT_TRUE(column_visible("update", "phone"));
  EXPECT_TRUE(column_visible("remove", "last_four"));
  EXPECT_FALSE(column_visible("remove", "phone"));
}

TEST_F(DuoAdministrativeAccounts, RemoveTuffyTitansPhoneFromAthleticsAdmin) {
  ApiClient ditc = as("dcoordinator");
  const Reply done =
      order(ditc, administrative("remove", {{{"user", "tuffytitan"}, {"last_four", "0111"}}}),
            "dcoordinator");
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string req = done.json["request"]["number"];
  const auto mails = mails_for(data_dir(), req, 1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "0111"));
  EXPECT_FALSE(contains(mails[0], "555-0111") || contains(mails[0], "5550111"));
}

TEST_F(DuoAdministrativeAccounts, RowsOfMixedValidityAreReportedRowByRow) {
  ApiClient ditc = as("dcoordinator");
  const Reply refused = ditc.post(
      "/api/cart/items",
      duo_line(administrative(
          "update",
          {
              {{"user", "tuffytitan"}, {"last_four", "0111"}, {"phone", "714-555-0161"}},  // fine
              {{"user", "dcoordinator"},
               {"last_four", "9999"},
               {"phone", "714-555-0162"}},  // no such phone
              {{"user", "tuffytitan"},
               {"last_four", "01"},
               {"phone", "714-555-0163"}},  // not four digits
              {{"user", "dcoordinator"},
               {"last_four", "0112"},
               {"phone", "657-278-7777"}},  // campus number
          })));
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(errors_at(refused, "members[0].last_four").empty()) << refused.body;
  EXPECT_TRUE(errors_at(refused, "members[0].phone").empty()) << refused.body;
  EXPECT_TRUE(contains(errors_at(refused, "members[1].last_four"), "9999")) << refused.body;
  EXPECT_FALSE(errors_at(refused, "members[2].last_four").empty()) << refused.body;
  EXPECT_TRUE(contains(errors_at(refused, "members[3].phone"), "campus")) << refused.body;

  // Corrected, the same request goes through.
  const Reply added = ditc.post(
      "/api/cart/items",
      duo_line(administrative(
          "update",
          {{{"user", "tuffytitan"}, {"last_four", "0111"}, {"phone", "714-555-0161"}},
           {{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "714-555-0164"}}})));
  EXPECT_EQ(added.status, 201) << added.body;
}

TEST_F(DuoAdministrativeAccounts, RowsAreUniqueAndBounded) {
  ApiClient ditc = as("dcoordinator");
  const nlohmann::json same = {{"user", "tuffytitan"}, {"last_four", "0111"}};
  Reply refused = ditc.post("/api/cart/items", duo_line(administrative("remove", {same, same})));
  EXPECT_EQ(refused.status, 422) << refused.body;

  refused =
      ditc.post("/api/cart/items", duo_line(administrative("remove", nlohmann::json::array())));
  EXPECT_EQ(refused.status, 422) << "at least one row";
  EXPECT_FALSE(errors_at(refused, "members").empty()) << refused.body;
}

}  // namespace
}  // namespace servicedesk::test
