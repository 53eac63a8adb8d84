// A catalog item written in YAML alone (tests/data/yaml-only): served without a plugin, its
// template summary in cart, queue, request and mail, its answers shown to IT staff.
#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

class YamlOnlyTest : public SuiteHostTest {
 protected:
  static void SetUpTestSuite() {
    start_host(
        {"--catalog-dir", SERVICEDESK_CATALOG_DIR, "--catalog-dir", SERVICEDESK_YAML_ONLY_DIR});
  }
};

const nlohmann::json kAnswers = {
    {"mailbox_name", "finance-team"},
    {"owner", "tessatitan"},
    {"access", "read"},
    {"cost_center", "CC-123456"},  // hidden with read access: dropped
    {"users",
     {{{"user", "tuffytitan"}, {"contact_phone", "714 555 0133"}}, {{"user", "newhire"}}}}};

TEST_F(YamlOnlyTest, AnItemWithoutPluginIsOrderedSummarizedAndShownToItStaff) {
  ApiClient ditc = as("dcoordinator");
  const Reply form = ditc.get("/api/catalog/items/shared-mailbox");
  ASSERT_EQ(form.status, 200) << form.body;

  const Reply added =
      ditc.post("/api/cart/items", {{"item", "shared-mailbox"}, {"answers", kAnswers}});
  ASSERT_EQ(added.status, 201) << added.body;
  // In the cart, Requested For is the person filling it until checkout names another.
  EXPECT_EQ(added.json["line"]["summary"], "Shared mailbox finance-team for Dana Coordinator");
  const Reply done = ditc.post("/api/cart/checkout", {{"requested_for", "tessatitan"}});
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string request = done.json["request"]["number"];
  const std::string item = done.json["request"]["items"][0]["number"];
  EXPECT_EQ(done.json["request"]["items"][0]["summary"],
            "Shared mailbox finance-team for Tessa Titan");

  ApiClient staff = as("helpdesk");
  const Reply queue = staff.get("/api/fulfilment/queue?item=shared-mailbox");
  ASSERT_EQ(queue.status, 200);
  ASSERT_EQ(queue.json["items"].size(), 1u);
  EXPECT_EQ(queue.json["items"][0]["summary"], "Shared mailbox finance-team for Tessa Titan");

  const Reply page = staff.get("/api/requests/" + request);
  ASSERT_EQ(page.status, 200);
  const nlohmann::json& answers = page.json["request"]["items"][0]["answers"];
  ASSERT_EQ(answers.size(), 4u) << answers.dump(2);  // cost_center was hidden
  EXPECT_EQ(answers[0]["label"], "Mailbox name");
  EXPECT_EQ(answers[0]["value"], "finance-team");
  EXPECT_EQ(answers[1]["value"], "Titan, Tessa (tessatitan)");
  EXPECT_EQ(answers[2]["label"], "Access");
  EXPECT_EQ(answers[2]["value"], "Read only");
  EXPECT_EQ(answers[3]["label"], "Users of the mailbox");
  ASSERT_EQ(answers[3]["columns"].size(), 2u);
  EXPECT_EQ(answers[3]["columns"][1]["label"], "Contact phone");
  ASSERT_EQ(answers[3]["rows"].size(), 2u);
  EXPECT_EQ(answers[3]["rows"][0][0]["value"], "Titan, Tuffy (tuffytitan)");
  EXPECT_EQ(answers[3]["rows"][0][1]["value"], "714 555 0133");  // staff: in full
  EXPECT_EQ(answers[3]["rows"][1][1]["value"], "");
  const nlohmann::json& view = page.json["request"]["activity"][0];
  EXPECT_EQ(view["detail"], "viewed users.contact_phone (Contact phone) in full");

  // The opener sees the contact phone masked.
  const Reply own = ditc.get("/api/requests/" + request);
  EXPECT_EQ(own.json["request"]["items"][0]["answers"][3]["rows"][0][1]["value"], "***-***-0133");
  EXPECT_EQ(own.json["request"]["items"][0]["answers"][3]["rows"][0][1]["masked"], true);

  // The mail: template placeholders filled, rows as lines, the phone masked.
  std::string mail;
  ASSERT_TRUE(eventually([&] {
    for (const auto& file : files_in(data_dir() / "mail" / "new")) {
      const std::string text = read_file(file);
      if (text.find("Subject: " + request + " shared mailbox finance-team received") !=
          std::string::npos)
        mail = text;
    }
    return !mail.empty();
  }));
  EXPECT_NE(mail.find("Access:  Read only"), std::string::npos) << mail;
  EXPECT_NE(mail.find("User: Titan, Tuffy (tuffytitan), Contact phone: ***-***-0133"),
            std::string::npos)
      << mail;
  EXPECT_NE(mail.find("User: Hire, Nova (newhire)"), std::string::npos) << mail;
  EXPECT_NE(mail.find(item), std::string::npos);
  EXPECT_EQ(mail.find("555 0133"), std::string::npos);
  EXPECT_EQ(mail.find("CC-123456"), std::string::npos);
}

}  // namespace
}  // namespace servicedesk::test
