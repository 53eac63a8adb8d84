// Drafts (catalog-items/drafts/) and the catalog status through the real host and plugins:
// drafts are previewed by catalog administrators only, never offered, ordered or checked out,
// never replace a live form, and are published by moving the file.
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "api_fixture.hpp"
#include "catalog_admin_fixture.hpp"

namespace servicedesk::test {
namespace {

using CatalogDrafts = CatalogAdminTest;

TEST_F(CatalogDrafts, DraftsNeedASessionAndTheCatalogAdminRole) {
  ApiClient stranger(host().port());
  EXPECT_EQ(stranger.get("/api/catalog/drafts").status, 401);
  EXPECT_EQ(stranger.get("/api/catalog/drafts/duo-account-updates").status, 401);
  for (const std::string user : {"dcoordinator", "tuffytitan", "helpdesk"}) {
    ApiClient client = as(user);
    const Reply list = client.get("/api/catalog/drafts");
    EXPECT_EQ(list.status, 403) << user;
    EXPECT_EQ(list.error(), "Only catalog administrators can see drafts.");
    EXPECT_EQ(client.get("/api/catalog/drafts/duo-account-updates").status, 403) << user;
    const Reply evaluate = client.post("/api/catalog/items/duo-account-updates/evaluate",
                                       {{"answers", nlohmann::json::object()}, {"draft", true}});
    EXPECT_EQ(evaluate.status, 403) << user;
  }
}

TEST_F(CatalogDrafts, ADraftIsNeverOfferedAndNeverReplacesTheLiveForm) {
  ApiClient ditc = as("dcoordinator");
  // The live form keeps its label; the draft's changed label is nowhere in the catalog.
  const Reply form = ditc.get("/api/catalog/items/duo-account-updates");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.json["fields"][0]["label"], kLiveAccountLabel);
  EXPECT_EQ(form.body.find(kDraftAccountLabel), std::string::npos);
  EXPECT_FALSE(form.json.contains("draft"));
  EXPECT_EQ(item_ids(ditc.get("/api/catalog")),
            (std::vector<std::string>{"duo-account-updates", "request-software"}));
  // A draft-only item cannot be opened, evaluated, added to a cart, even by its administrator.
  for (const std::string user : {"dcoordinator", "catalogadmin"}) {
    ApiClient client = as(user);
    EXPECT_EQ(client.get("/api/catalog/items/loaner-laptop").status, 404) << user;
    EXPECT_EQ(client
                  .post("/api/catalog/items/loaner-laptop/evaluate",
                        {{"answers", {{"reason", "travel"}}}})
                  .status,
              404)
        << user;
    const Reply added =
        client.post("/api/cart/items", {{"item", "loaner-laptop"}, {"answers", {{"reason", "x"}}}});
    EXPECT_EQ(added.status, 404) << user;
    EXPECT_TRUE(client.get("/api/cart").json["lines"].empty());
  }
  // The catalog administrator's own catalog has no draft in it either.
  EXPECT_EQ(item_ids(as("catalogadmin").get("/api/catalog")),
            std::vector<std::string>{"request-software"});
}

TEST_F(CatalogDrafts, TheCatalogAdministratorSeesEachDraftWithItsProblemsByLine) {
  ApiClient admin = as("catalogadmin");
  const Reply list = admin.get("/api/catalog/drafts");
  ASSERT_EQ(list.status, 200) << list.body;
  std::map<std::string, nlohmann::json> by_path;
  for (const auto& draft : list.json["drafts"]) by_path[draft["path"]] = draft;
  ASSERT_EQ(by_path.size(), 4u) << list.body;
  // A draft that loads shows what lint warns about, at its line.
  const auto& warned = by_path["drafts/desk-phone.yaml"];
  EXPECT_TRUE(warned["loaded"]);
  ASSERT_EQ(warned["problems"].size(), 1u) << warned;
  EXPECT_EQ(warned["problems"][0]["severity"], "warning");
  EXPECT_EQ(warned["problems"][0]["line"], kSwallowedLine);
  EXPECT_NE(warned["problems"][0]["message"].get<std::string>().find(
                "'mandatory: true' is part of the text of 'help'"),
            std::string::npos)
      << warned;
  const auto& duo = by_path["drafts/duo-account-updates.yaml"];
  EXPECT_EQ(duo["item"], "duo-account-updates");
  EXPECT_EQ(duo["name"], "DUO Account updates");
  EXPECT_TRUE(duo["loaded"]);
  EXPECT_TRUE(duo["replaces_live"]);
  EXPECT_TRUE(duo["problems"].empty());
  EXPECT_FALSE(by_path["drafts/loaner-laptop.yaml"]["replaces_live"]);
  const auto& broken = by_path["drafts/broken.yaml"];
  EXPECT_FALSE(broken["ok"]);
  EXPECT_FALSE(broken["loaded"]);
  ASSERT_FALSE(broken["problems"].empty());
  EXPECT_EQ(broken["problems"][0]["line"], kBrokenLine);
  EXPECT_EQ(broken["problems"][0]["severity"], "error");
  EXPECT_NE(broken["problems"][0]["message"].get<std::string>().find("did you mean 'mandatory'?"),
            std::string::npos)
      << broken;

  const Reply draft = admin.get("/api/catalog/drafts/duo-account-updates");
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_TRUE(draft.json["form"]["draft"]);
  EXPECT_EQ(draft.json["form"]["fields"][0]["label"], kDraftAccountLabel);
  EXPECT_EQ(draft.json["path"], "drafts/duo-account-updates.yaml");
  EXPECT_EQ(admin.get("/api/catalog/drafts/no-such-draft").status, 404);
  EXPECT_EQ(admin.get("/api/catalog/drafts/" + std::string(1500, 'x')).status, 404);
}

TEST_F(CatalogDrafts, TheCatalogAdministratorEvaluatesADraftWithCsrf) {
  ApiClient admin = as("catalogadmin");
  const Reply evaluated =
      admin.post("/api/catalog/items/duo-account-updates/evaluate",
                 {{"answers", {{"account", "athletics-admin"}}}, {"draft", true}});
  ASSERT_EQ(evaluated.status, 200) << evaluated.body;
  std::vector<std::string> offered;
  for (const auto& option : evaluated.json["fields"]["request_type"]["options"])
    offered.push_back(option["value"]);
  EXPECT_EQ(offered, (std::vector<std::string>{"add", "update", "remove"}));
  EXPECT_EQ(admin
                .post("/api/catalog/items/loaner-laptop/evaluate",
                      {{"answers", {{"reason", ""}}}, {"draft", true}})
                .json["fields"]["reason"]["errors"][0],
            "This field is required.");
  EXPECT_EQ(admin
                .post("/api/catalog/items/no-such/evaluate",
                      {{"answers", nlohmann::json::object()}, {"draft", true}})
                .status,
            404);
  EXPECT_EQ(admin
                .post("/api/catalog/items/duo-account-updates/evaluate",
                      {{"answers", nlohmann::json::object()}, {"draft", "yes"}})
                .status,
            400);
  admin.send_csrf = false;
  EXPECT_EQ(admin
                .post("/api/catalog/items/duo-account-updates/evaluate",
                      {{"answers", nlohmann::json::object()}, {"draft", true}})
                .status,
            403);
}

TEST_F(CatalogDrafts, PublishingIsMovingTheFileOutOfDrafts) {
  const auto draft = catalog() / "drafts" / "hot-desk.yaml";
  write_atomically(draft, yaml_only_form("hot-desk", "Hot desk"));
  ApiClient admin = as("catalogadmin");
  ApiClient ditc = as("dcoordinator");
  ASSERT_TRUE(eventually([&] { return admin.get("/api/catalog/drafts/hot-desk").status == 200; }));
  EXPECT_EQ(ditc.get("/api/catalog/items/hot-desk").status, 404);

  std::filesystem::rename(draft, catalog() / "hot-desk.yaml");
  ASSERT_TRUE(eventually([&] { return ditc.get("/api/catalog/items/hot-desk").status == 200; }));
  EXPECT_EQ(admin.get("/api/catalog/drafts/hot-desk").status, 404);
  const Reply added =
      ditc.post("/api/cart/items", {{"item", "hot-desk"}, {"answers", {{"reason", "visit"}}}});
  EXPECT_EQ(added.status, 201) << added.body;
  ditc.del("/api/cart/items/" + std::to_string(added.json["line"]["id"].get<long long>()));
  std::filesystem::remove(catalog() / "hot-desk.yaml");
  ASSERT_TRUE(eventually([&] { return ditc.get("/api/catalog/items/hot-desk").status == 404; }));
}

}  // namespace
}  // namespace servicedesk::test
