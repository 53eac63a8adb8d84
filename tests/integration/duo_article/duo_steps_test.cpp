// The article's steps 1-11 for a person account, through the real host and plugin.
#include "duo_article.hpp"

namespace servicedesk::test {
namespace {

class DuoArticleSteps : public HostApiTest {};

TEST_F(DuoArticleSteps, DitcFindsTheItemUnderSoftwareAndAccess) {
  ApiClient ditc = as("dcoordinator");
  const Reply catalog = ditc.get("/api/catalog");
  ASSERT_EQ(catalog.status, 200);
  bool found = false;
  for (const auto& category : catalog.json["categories"]) {
    for (const auto& item : category["items"]) {
      if (item["id"] == kDuoItem) {
        found = true;
        EXPECT_EQ(category["name"], "Software and Access");
        EXPECT_EQ(item["name"], "DUO Account updates");
      }
    }
  }
  EXPECT_TRUE(found) << catalog.body;
}

TEST_F(DuoArticleSteps, NonDitcCannotSeeOrOrderTheItem) {
  ApiClient person = as("tuffytitan");
  EXPECT_FALSE(contains(person.get("/api/catalog").body, kDuoItem));
  EXPECT_EQ(person.get(std::string("/api/catalog/items/") + kDuoItem).status, 403);
  const Reply added = person.post("/api/cart/items", duo_line(duo_add_for_newhire()));
  EXPECT_EQ(added.status, 403) << added.body;
}

TEST_F(DuoArticleSteps, SearchFindsTheUserByLastFirstOrUsername) {
  ApiClient ditc = as("dcoordinator");
  for (const char* query : {"Titan,%20Tuffy", "tuffytitan", "titan,%20tuf", "Tuffy%20Titan"}) {
    const Reply found = ditc.get(std::string("/api/directory/search?kind=any&q=") + query);
    ASSERT_EQ(found.status, 200);
    ASSERT_FALSE(found.json["results"].empty()) << query;
    EXPECT_EQ(found.json["results"][0]["username"], "tuffytitan") << query;
  }
  const Reply accounts = ditc.get("/api/directory/search?kind=administrative&q=athletics");
  ASSERT_FALSE(accounts.json["results"].empty());
  EXPECT_EQ(accounts.json["results"][0]["username"], "athletics-admin");
  EXPECT_EQ(accounts.json["results"][0]["kind"], "administrative");
}

TEST_F(DuoArticleSteps, RemoveOnlyForAdministrativeAccounts) {
  ApiClient ditc = as("dcoordinator");
  auto offered = [&](const std::string& account) {
    const Reply state = ditc.post(std::string("/api/catalog/items/") + kDuoItem + "/evaluate",
                                  {{"answers", {{"account", account}}}});
    std::vector<std::string> values;
    for (const auto& option : state.json["fields"]["request_type"]["options"]) {
      values.push_back(option["value"]);
    }
    return values;
  };
  EXPECT_EQ(offered("tuffytitan"), (std::vector<std::string>{"add", "update"}));
  EXPECT_EQ(offered("athletics-admin"), (std::vector<std::string>{"add", "update", "remove"}));

  // The server decides again, whatever the client sends.
  const Reply refused = ditc.post(
      "/api/cart/items", duo_line({{"account", "tuffytitan"}, {"request_type", "remove"}}));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_FALSE(errors_at(refused, "request_type").empty()) << refused.body;
}

TEST_F(DuoArticleSteps, AddPhoneForNewHireGivesNumbersAndMailsBoth) {
  ApiClient ditc = as("dcoordinator");
  const Reply done = order(ditc, duo_add_for_newhire("714-555-0199"), "newhire",
                           "Starts Monday; no campus extension yet.");
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string req = done.json["request"]["number"];
  const std::string ritm = done.json["request"]["items"][0]["number"];
  EXPECT_TRUE(req.rfind("REQ", 0) == 0 && req.size() == 10) << req;
  EXPECT_TRUE(ritm.rfind("RITM", 0) == 0 && ritm.size() == 11) << ritm;
  EXPECT_EQ(done.json["request"]["items"][0]["state"], "open");

  const auto mails = mails_for(data_dir(), req, 2);
  ASSERT_EQ(mails.size(), 2u);
  bool to_submitter = false, to_requested_for = false;
  for (const auto& mail : mails) {
    to_submitter |= contains(mail, "To: Dana Coordinator <dcoordinator@example.edu>");
    to_requested_for |= contains(mail, "To: Nova Hire <newhire@example.edu>");
    EXPECT_TRUE(contains(mail, ritm)) << mail;
    EXPECT_TRUE(contains(mail, "0199")) << "the last four digits identify the phone";
    EXPECT_FALSE(contains(mail, "555-0199") || contains(mail, "5550199"))
        << "no full phone number in mail:\n"
        << mail;
    EXPECT_TRUE(contains(mail, "657-278-7777")) << "the help desk's contact";
  }
  EXPECT_TRUE(to_submitter);
  EXPECT_TRUE(to_requested_for);

  const Reply request = ditc.get("/api/requests/" + req);
  ASSERT_EQ(request.status, 200);
  EXPECT_EQ(request.json.at("request").at("requested_for").at("username"), "newhire");
  EXPECT_FALSE(contains(request.body, "5550199")) << "phones are masked in requests too";
}

TEST_F(DuoArticleSteps, UpdateTuffyTitansPhoneAndRequestedForIsTheDitc) {
  ApiClient ditc = as("dcoordinator");
  const Reply done = order(
      ditc, {{"account", "tuffytitan"}, {"request_type", "update"}, {"phone", "(714) 555-0142"}},
      "dcoordinator");
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string req = done.json["request"]["number"];
  const auto mails = mails_for(data_dir(), req, 1);
  ASSERT_EQ(mails.size(), 1u) << "one mail when the submitter is the Requested For person";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(mails_for(data_dir(), req, 1).size(), 1u);
  EXPECT_TRUE(contains(mails[0], "0142"));
}

TEST_F(DuoArticleSteps, RequestedForMustBeAPersonInTheDirectory) {
  ApiClient ditc = as("dcoordinator");
  ASSERT_EQ(ditc.post("/api/cart/items", duo_line(duo_add_for_newhire("714-555-0177"))).status,
            201);
  for (const char* who : {"athletics-admin", "nobody-at-all", ""}) {
    const Reply refused =
        ditc.post("/api/cart/checkout", {{"requested_for", who}, {"special_instructions", ""}});
    EXPECT_EQ(refused.status, 422) << who << ": " << refused.body;
  }
  EXPECT_EQ(ditc.get("/api/cart").json["lines"].size(), 1u) << "a refused checkout keeps the cart";
}

}  // namespace
}  // namespace servicedesk::test
