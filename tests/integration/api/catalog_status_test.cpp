// The catalog status (GET /api/admin/catalog) and the form versions
// (GET /api/admin/catalog/{id}/versions) through the real host: who may read them, each file
// with its problems by line, the version live now, and the versions requests were submitted with.
#include "api_fixture.hpp"
#include "catalog_admin_fixture.hpp"

namespace servicedesk::test {
namespace {

using CatalogStatus = CatalogAdminTest;

/// Orders the DUO item (add a phone for the new hire) as dcoordinator; the RITM number.
std::string order_duo(ApiClient& ditc) {
  const Reply added = ditc.post(
      "/api/cart/items", {{"item", "duo-account-updates"}, {"answers", duo_add_for_newhire()}});
  EXPECT_EQ(added.status, 201) << added.body;
  const Reply done = ditc.post("/api/cart/checkout", {{"requested_for", "dcoordinator"}});
  EXPECT_EQ(done.status, 201) << done.body;
  return done.json["request"]["items"][0].value("number", "");
}

TEST_F(CatalogStatus, StatusAndVersionsNeedASessionAndTheRole) {
  ApiClient stranger(host().port());
  EXPECT_EQ(stranger.get("/api/admin/catalog").status, 401);
  EXPECT_EQ(stranger.get("/api/admin/catalog/duo-account-updates/versions").status, 401);
  for (const std::string user : {"dcoordinator", "tuffytitan"}) {
    ApiClient requester = as(user);
    const Reply status = requester.get("/api/admin/catalog");
    EXPECT_EQ(status.status, 403) << user;
    EXPECT_EQ(status.error(),
              "Only catalog administrators and IT staff can see the catalog status.");
    EXPECT_EQ(requester.get("/api/admin/catalog/duo-account-updates/versions").status, 403);
  }
  for (const std::string user : {"catalogadmin", "helpdesk"}) {
    ApiClient reader = as(user);
    EXPECT_EQ(reader.get("/api/admin/catalog").status, 200) << user;
    EXPECT_EQ(reader.get("/api/admin/catalog/duo-account-updates/versions").status, 200) << user;
    const Reply unknown = reader.get("/api/admin/catalog/no-such-item/versions");
    EXPECT_EQ(unknown.status, 404) << user;
    EXPECT_EQ(unknown.error(), "No such catalog item.");
    // A draft is no item of the catalog: it has no versions.
    EXPECT_EQ(reader.get("/api/admin/catalog/loaner-laptop/versions").status, 404);
  }
  ApiClient admin = as("catalogadmin");
  for (const std::string limit : {"0", "101", "abc", "-1", "5x", "99999999999999999999"}) {
    const Reply bad = admin.get("/api/admin/catalog/duo-account-updates/versions?limit=" + limit);
    EXPECT_EQ(bad.status, 400) << limit;
    EXPECT_EQ(bad.error(), "\"limit\" must be a whole number from 1 to 100.");
  }
  EXPECT_EQ(admin.get("/api/admin/catalog/duo-account-updates/versions?limit=100").status, 200);
  EXPECT_EQ(admin.get("/api/admin/catalog/" + std::string(2000, 'x') + "/versions").status, 404);
}

TEST_F(CatalogStatus, EachFileWithItsProblemsByLineTheLiveVersionAndItsDrafts) {
  ApiClient admin = as("catalogadmin");
  const Reply status = admin.get("/api/admin/catalog");
  ASSERT_EQ(status.status, 200);
  std::map<std::string, nlohmann::json> by_path;
  for (const auto& file : status.json["files"]) by_path[file["path"]] = file;
  ASSERT_TRUE(by_path.count("duo-account-updates.yaml")) << status.body;
  const auto& duo = by_path["duo-account-updates.yaml"];
  EXPECT_TRUE(duo["ok"]);
  EXPECT_FALSE(duo["draft"]);
  EXPECT_EQ(duo["drafts"], nlohmann::json::array({"drafts/duo-account-updates.yaml"}));
  ASSERT_TRUE(duo["live_version"].is_object());
  const Reply versions = admin.get("/api/admin/catalog/duo-account-updates/versions");
  EXPECT_EQ(duo["live_version"]["content_hash"], versions.json["live"]["content_hash"]);
  EXPECT_EQ(duo["live_version"]["loaded_at_ms"], versions.json["live"]["loaded_at_ms"]);
  EXPECT_GT(duo["live_version"]["loaded_at_ms"].get<long long>(), 0);

  const auto& draft = by_path["drafts/duo-account-updates.yaml"];
  EXPECT_TRUE(draft["draft"]);
  EXPECT_TRUE(draft["ok"]);
  // The draft's label differs: so does its version.
  EXPECT_NE(draft["live_version"]["content_hash"], duo["live_version"]["content_hash"]);

  const auto& broken = by_path["drafts/broken.yaml"];
  EXPECT_FALSE(broken["ok"]);
  EXPECT_FALSE(broken["live"]);
  EXPECT_TRUE(broken["live_version"].is_null());
  ASSERT_FALSE(broken["problems"].empty());
  EXPECT_EQ(broken["problems"][0]["line"], kBrokenLine);
  EXPECT_EQ(broken["problems"][0]["column"], 5);
}

TEST_F(CatalogStatus, VersionsListWhatRequestsWereSubmittedWithNewestFirst) {
  ApiClient admin = as("catalogadmin");
  ApiClient ditc = as("dcoordinator");
  const Reply before = admin.get("/api/admin/catalog/duo-account-updates/versions");
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(before.json["versions"].empty());
  const std::string first_hash = before.json["live"]["content_hash"];
  EXPECT_EQ(first_hash.size(), 16u);

  order_duo(ditc);
  order_duo(ditc);
  const Reply one = admin.get("/api/admin/catalog/duo-account-updates/versions");
  ASSERT_EQ(one.json["versions"].size(), 1u) << one.body;
  EXPECT_EQ(one.json["versions"][0]["content_hash"], first_hash);
  EXPECT_EQ(one.json["versions"][0]["items"], 2);
  EXPECT_TRUE(one.json["versions"][0]["live"]);

  // An edit of the live form (a label) is a new version once a request uses it.
  const auto duo = catalog() / "duo-account-updates.yaml";
  std::string text = read_file(duo);
  const std::string from = std::string("label: ") + kLiveAccountLabel;
  text.replace(text.find(from), from.size(), "label: Account (renamed)");
  write_atomically(duo, text);
  ASSERT_TRUE(eventually([&] {
    return ditc.get("/api/catalog/items/duo-account-updates").json["fields"][0]["label"] ==
           "Account (renamed)";
  }));
  order_duo(ditc);
  const Reply two = admin.get("/api/admin/catalog/duo-account-updates/versions");
  ASSERT_EQ(two.json["versions"].size(), 2u) << two.body;
  const std::string second_hash = two.json["live"]["content_hash"];
  EXPECT_NE(second_hash, first_hash);
  EXPECT_EQ(two.json["versions"][0]["content_hash"], second_hash);
  EXPECT_TRUE(two.json["versions"][0]["live"]);
  EXPECT_EQ(two.json["versions"][0]["items"], 1);
  EXPECT_EQ(two.json["versions"][1]["content_hash"], first_hash);
  EXPECT_FALSE(two.json["versions"][1]["live"]);
  EXPECT_GE(two.json["versions"][0]["loaded_at_ms"], two.json["versions"][1]["loaded_at_ms"]);
  // The limit keeps the newest.
  const Reply newest = admin.get("/api/admin/catalog/duo-account-updates/versions?limit=1");
  ASSERT_EQ(newest.json["versions"].size(), 1u);
  EXPECT_EQ(newest.json["versions"][0]["content_hash"], second_hash);
}

}  // namespace
}  // namespace servicedesk::test
