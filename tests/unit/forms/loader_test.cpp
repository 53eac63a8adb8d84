// The loader: the form model and client JSON built from YAML, and bindings to handlers.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

FormLoadResult load_golden(const HandlerCatalog& catalog) {
  return load_form_file(data_path("golden/accounts.yaml"), catalog);
}

TEST(Loader, ReadsTheItemHeader) {
  TestCatalog catalog;
  FormLoadResult result = load_golden(catalog);
  ASSERT_TRUE(result.ok());
  const ItemHeader& header = result.form->header();
  EXPECT_EQ(header.id, "accounts");
  EXPECT_EQ(header.name, "Account updates");
  EXPECT_EQ(header.category, "Software and Access");
  EXPECT_EQ(header.roles, std::vector<std::string>{"ditc"});
  EXPECT_EQ(header.source_file, data_path("golden/accounts.yaml"));
}

TEST(Loader, ClientJsonFollowsTheContract) {
  TestCatalog catalog;
  FormLoadResult result = load_golden(catalog);
  ASSERT_TRUE(result.ok());
  const nlohmann::json& json = result.form->client_json();
  EXPECT_EQ(json["id"], "accounts");
  ASSERT_EQ(json["fields"].size(), 6u);
  const nlohmann::json& account = json["fields"][0];
  EXPECT_EQ(account["type"], "directory_account");
  EXPECT_EQ(account["search_kind"], "any");
  EXPECT_EQ(account["mandatory"], true);
  EXPECT_EQ(account["help"], "Last Name, First Name or username");
  const nlohmann::json& request_type = json["fields"][1];
  EXPECT_EQ(request_type["label"], "Request type");  // derived from the id
  ASSERT_EQ(request_type["choices"].size(), 3u);
  EXPECT_EQ(request_type["choices"][2]["visible_when"], "account.kind == 'administrative'");
  const nlohmann::json& phone = json["fields"][2];
  EXPECT_EQ(phone["mandatory_when"], "visible");
  EXPECT_EQ(phone["mandatory"], false);
  EXPECT_FALSE(phone.contains("search_kind"));
  EXPECT_EQ(json["fields"][3]["pattern_message"], "Enter a ticket such as ABC123.");
  const nlohmann::json& members = json["fields"][5];
  EXPECT_EQ(members["min_rows"], 1);
  EXPECT_EQ(members["max_rows"], 3);
  EXPECT_EQ(members["unique"], nlohmann::json({"user", "last_four"}));
  EXPECT_EQ(members["add_label"], "Add user");
  EXPECT_EQ(members["columns"][0]["search_kind"], "person");
  EXPECT_EQ(json["checkout"]["guards"][0],
            nlohmann::json({{"use", "alone_in_cart"}, {"message", "Order this item on its own."}}));
  EXPECT_EQ(json["checkout"]["fields"][0]["id"], "requested_for");
}

TEST(Loader, BindsItemLevelHandlersAndNotifications) {
  TestCatalog catalog;
  FormLoadResult result = load_golden(catalog);
  ASSERT_TRUE(result.ok());
  ASSERT_NE(result.form->summarizer(), nullptr);
  nlohmann::json answers = {{"account", "x"}};
  EXPECT_EQ(result.form->summarizer()->call(SummaryInput{"accounts", answers}).result,
            answers.dump());
  ASSERT_NE(result.form->fulfilment(), nullptr);
  ASSERT_EQ(result.form->checkout_guards().size(), 1u);
  const std::string items[] = {"accounts", "request-software"};
  EXPECT_FALSE(
      result.form->checkout_guards()[0].guard->call(CartView{items, "accounts"}).result->allowed);
  ASSERT_EQ(result.form->notifications().size(), 1u);
  const NotificationSpec& mail = result.form->notifications()[0];
  EXPECT_EQ(mail.on, "submitted");
  EXPECT_EQ(mail.recipients, (std::vector<std::string>{"opened_by", "requested_for"}));
  EXPECT_NE(mail.body_template.find("{item.summary}"), std::string::npos);
}

TEST(Loader, ConditionErrorColumnAccountsForTheQuote) {
  TestCatalog catalog;
  const std::string yaml =
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: a, type: text }\n"
      "  - { id: b, type: text, visible_when: \"a == 'y' or\" }\n"
      "  - { id: c, type: text, visible_when: a == 'y' or }\n";
  FormLoadResult result = load_form_text(yaml, "mem.yaml", catalog);
  ASSERT_EQ(result.diagnostics.size(), 2u);
  // The expression starts after the quote at column 41; the error is at its end.
  EXPECT_EQ(result.diagnostics[0].line, 6);
  EXPECT_EQ(result.diagnostics[0].column, 41 + 11);
  EXPECT_EQ(result.diagnostics[1].line, 7);
  EXPECT_EQ(result.diagnostics[1].column, 40 + 11);
}

TEST(Loader, MissingFileIsADiagnosticNotACrash) {
  TestCatalog catalog;
  FormLoadResult result = load_form_file(data_path("no/such/file.yaml"), catalog);
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].line, 1);
}

TEST(RenderTemplate, FillsKnownPlaceholdersAndKeepsOthers) {
  const std::map<std::string, std::string> values = {{"request.number", "REQ0000001"},
                                                     {"item.name", "DUO"}};
  EXPECT_EQ(render_template("{request.number} {item.name} received {unknown} {", values),
            "REQ0000001 DUO received {unknown} {");
  EXPECT_EQ(render_template("{{item.name}}", values), "{DUO}");
  EXPECT_EQ(render_template("", values), "");
}

}  // namespace
}  // namespace servicedesk::forms_test
