// Steps 2-4: the catalog by role, the item's form, and the directory search.
#include <fstream>

#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using CatalogTest = HostApiTest;

std::vector<std::string> item_ids(const Reply& catalog) {
  std::vector<std::string> ids;
  for (const auto& category : catalog.json["categories"])
    for (const auto& item : category["items"]) ids.push_back(item["id"]);
  return ids;
}

std::vector<std::string> usernames(const Reply& search) {
  std::vector<std::string> names;
  for (const auto& result : search.json["results"]) names.push_back(result["username"]);
  return names;
}

TEST_F(CatalogTest, DitcFindsDuoItemUnderSoftwareAndAccess) {
  ApiClient client = as("dcoordinator");
  Reply catalog = client.get("/api/catalog");
  ASSERT_EQ(catalog.status, 200);
  bool found = false;
  for (const auto& category : catalog.json["categories"]) {
    for (const auto& item : category["items"]) {
      if (item["id"] == "duo-account-updates") {
        found = true;
        EXPECT_EQ(category["name"], "Software and Access");
        EXPECT_EQ(item["name"], "DUO Account updates");
      }
    }
  }
  EXPECT_TRUE(found);
  Reply form = client.get("/api/catalog/items/duo-account-updates");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(form.json["id"], "duo-account-updates");
  EXPECT_FALSE(form.json["fields"].empty());
  EXPECT_EQ(form.json["checkout"]["guards"][0]["use"], "alone_in_cart");
}

TEST_F(CatalogTest, NonDitcSeesOnlyRequestSoftwareAndCannotOpenDuoItem) {
  ApiClient client = as("tuffytitan");
  EXPECT_EQ(item_ids(client.get("/api/catalog")), std::vector<std::string>{"request-software"});
  const Reply refused = client.get("/api/catalog/items/duo-account-updates");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.error(), "You may not order this item.");
  EXPECT_EQ(client
                .post("/api/catalog/items/duo-account-updates/evaluate",
                      {{"answers", duo_add_for_newhire()}})
                .status,
            403);
  EXPECT_EQ(client
                .post("/api/cart/items",
                      {{"item", "duo-account-updates"}, {"answers", duo_add_for_newhire()}})
                .status,
            403);
  const Reply missing = client.get("/api/catalog/items/no-such-item");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error(), "No such catalog item.");
}

TEST_F(CatalogTest, EvaluateOffersRemoveOnlyForAdministrativeAccounts) {
  ApiClient client = as("dcoordinator");
  auto options = [&](const std::string& account) {
    Reply reply = client.post("/api/catalog/items/duo-account-updates/evaluate",
                              {{"answers", {{"account", account}}}});
    EXPECT_EQ(reply.status, 200);
    std::vector<std::string> values;
    for (const auto& option : reply.json["fields"]["request_type"]["options"])
      values.push_back(option["value"]);
    return values;
  };
  EXPECT_EQ(options("tuffytitan"), (std::vector<std::string>{"add", "update"}));
  EXPECT_EQ(options("athletics-admin"), (std::vector<std::string>{"add", "update", "remove"}));
}

TEST_F(CatalogTest, SearchFindsTitanTuffyByEveryNameForm) {
  ApiClient client = as("dcoordinator");
  for (const char* query :
       {"Titan,%20Tuffy", "Tuffy%20Titan", "tuffytitan", "TUFFYT", "titan,%20tu"}) {
    Reply reply = client.get(std::string("/api/directory/search?q=") + query);
    ASSERT_EQ(reply.status, 200) << query;
    const auto names = usernames(reply);
    EXPECT_NE(std::find(names.begin(), names.end(), "tuffytitan"), names.end()) << query;
  }
  // The exact username ranks first.
  EXPECT_EQ(usernames(client.get("/api/directory/search?q=tuffyt")).front(), "tuffyt");
}

TEST_F(CatalogTest, SearchFiltersByKindAndAnswersAtMostTwenty) {
  ApiClient client = as("dcoordinator");
  Reply people = client.get("/api/directory/search?q=athletics&kind=person");
  EXPECT_EQ(usernames(people), std::vector<std::string>{});
  Reply accounts = client.get("/api/directory/search?q=athletics&kind=administrative");
  EXPECT_EQ(usernames(accounts), std::vector<std::string>{"athletics-admin"});
  EXPECT_EQ(accounts.json["results"][0]["kind"], "administrative");
  EXPECT_EQ(accounts.json["results"][0]["department"], "Athletics");
  Reply all = client.get("/api/directory/search?q=a");
  EXPECT_LE(all.json["results"].size(), 20u);
  EXPECT_EQ(client.get("/api/directory/search?q=a&kind=robots").status, 400);
  EXPECT_TRUE(client.get("/api/directory/search?q=zzzzzz").json["results"].empty());
}

TEST_F(CatalogTest, StaffSeeCatalogFileStatusOthersDoNot) {
  ApiClient staff = as("helpdesk");
  Reply status = staff.get("/api/admin/catalog");
  ASSERT_EQ(status.status, 200);
  bool duo_ok = false;
  for (const auto& file : status.json["files"])
    if (file["item"] == "duo-account-updates") duo_ok = file["ok"].get<bool>();
  EXPECT_TRUE(duo_ok);
  EXPECT_EQ(as("dcoordinator").get("/api/admin/catalog").status, 403);
}

// The search answer is written by hand on its hot path: names with quotes, backslashes,
// control characters or non-ASCII letters must come back exactly as the directory holds them.
TEST(DirectorySearchAnswerTest, NamesThatNeedEscapingComeBackExact) {
  TempDir dir;
  const auto directory = dir.path() / "directory.yaml";
  std::ofstream(directory) << R"(email_domain: example.edu
entries:
  - { username: dcoordinator, display_name: "Coordinator, Dana", kind: person, department: Athletics, roles: [ditc],
      password_hash: "$argon2id$v=19$m=65536,t=2,p=1$t4o6IYIobtle+wyQY3d4Wg$2bvbZyudYESnj8gOWremlUCilfDG4yGskrc3Rvlpw+4" }
  - { username: pobrien, display_name: "O\"Brien\\Back, Pat", kind: person, department: "Quote \"Dept\"", roles: [] }
  - { username: jnunez, display_name: "N\u00fa\u00f1ez, Jos\u00e9", kind: person, department: Music, roles: [] }
  - { username: ttab, display_name: "Tab\tName, Tim", kind: person, department: Music, roles: [] }
)";
  const auto config = dir.path() / "host.yaml";
  std::ofstream(config) << "directory_file: " << directory.string() << "\n";
  HostProcess host(dir.path() / "data", {"--config", config.string()});
  ApiClient client(host.port());
  ASSERT_EQ(client.log_in("dcoordinator").status, 200);

  const auto only_result = [&](const std::string& query) {
    const Reply reply = client.get("/api/directory/search?q=" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json["results"].size(), 1u) << reply.body;
    return reply.json["results"].empty() ? nlohmann::json() : reply.json["results"][0];
  };
  const auto quoted = only_result("pobrien");
  EXPECT_EQ(quoted.value("display_name", ""), "O\"Brien\\Back, Pat");
  EXPECT_EQ(quoted.value("department", ""), "Quote \"Dept\"");
  EXPECT_EQ(only_result("jnunez").value("display_name", ""), "N\u00fa\u00f1ez, Jos\u00e9");
  EXPECT_EQ(only_result("ttab").value("display_name", ""), "Tab\tName, Tim");
}

}  // namespace
}  // namespace servicedesk::test
